/**
 * What must never reach a log: the bot token (and any other secret the process holds), tokens
 * that merely look like Discord bot tokens, and the tokens inside interaction-callback and webhook
 * addresses (each is a credential for answering or posting). Applied to the finished log line, so
 * nothing a message, an error's stack or a nested object carries can slip past.
 */

export const REDACTED = "[redacted]";

// Discord bot tokens: base64 user id, a timestamp part and an HMAC, dot-separated.
const BOT_TOKEN = /[A-Za-z0-9_-]{23,28}\.[A-Za-z0-9_-]{6,7}\.[A-Za-z0-9_-]{27,}/g;
// A token's middle, dot to dot: a line without it holds no token. Searched from its dots, it is
// quick on every line, where the whole pattern is tried at every letter of it.
const BOT_TOKEN_MIDDLE = /\.[A-Za-z0-9_-]{6,7}\./;
// /interactions/<id>/<token>/callback and /webhooks/<application or webhook id>/<token>/…
const TOKEN_IN_PATH = /(\/(?:interactions|webhooks)\/\d+\/)[^/\s"'?#\\]+/g;
// "Authorization: Bot …" or "Bearer …" written out in a header dump.
const AUTHORIZATION = /((?:Bot|Bearer)\s+)[A-Za-z0-9._~+/=-]{16,}/g;

/** JSON.stringify's escaping of a secret, as it appears inside a JSON log line. */
function jsonEscaped(secret: string): string {
  return JSON.stringify(secret).slice(1, -1);
}

/** A function that redacts `secrets` (blank ones ignored) and every token-shaped string. */
export function createRedactor(
  secrets: readonly (string | null | undefined)[] = [],
): (text: string) => string {
  const literal = [
    ...new Set(
      secrets
        .filter((secret): secret is string => typeof secret === "string" && secret.trim() !== "")
        .flatMap((secret) => [secret, jsonEscaped(secret)]),
    ),
  ].sort((a, b) => b.length - a.length);
  return (text) => {
    let out = text;
    for (const secret of literal) {
      if (out.includes(secret)) out = out.split(secret).join(REDACTED);
    }
    // Only lines with a token's middle, a slash or an auth scheme can hold the shapes below.
    if (BOT_TOKEN_MIDDLE.test(out)) out = out.replace(BOT_TOKEN, REDACTED);
    if (out.includes("/")) out = out.replace(TOKEN_IN_PATH, `$1${REDACTED}`);
    if (out.includes("Bot ") || out.includes("Bearer ")) {
      out = out.replace(AUTHORIZATION, `$1${REDACTED}`);
    }
    return out;
  };
}
