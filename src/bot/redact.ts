import type { Logger } from "./log.ts";

/**
 * Interaction tokens (valid 15 minutes, enough to post as the bot in that channel) and webhook
 * tokens travel in REST paths, so every error that names a URL carries one. These patterns cover
 * the paths and the bare token (Discord's start with base64 of "interaction:").
 */
const SECRET_PATTERNS: readonly [RegExp, string][] = [
  [/(\/interactions\/\d+\/)[^/\s?#"'`]+/g, "$1[token]"],
  [/(\/webhooks\/\d+\/)[^/\s?#"'`]+/g, "$1[token]"],
  [/aW50ZXJhY3Rpb246[A-Za-z0-9_\-.]+/g, "[token]"],
];

/** The text with interaction tokens, webhook URLs' tokens and the given secrets replaced. */
export function redactLogText(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const secret of secrets) if (secret) out = out.split(secret).join("[redacted]");
  for (const [pattern, replacement] of SECRET_PATTERNS) out = out.replace(pattern, replacement);
  return out;
}

/**
 * A copy of an error safe to log: message, stack and any `url` redacted, the name and HTTP
 * status kept, the cause redacted the same way.
 */
export function redactError(error: unknown, secrets: readonly string[] = [], depth = 0): unknown {
  if (!(error instanceof Error)) {
    return typeof error === "string" ? redactLogText(error, secrets) : error;
  }
  const copy = new Error(redactLogText(error.message, secrets));
  Object.defineProperty(copy, "name", { value: error.name, enumerable: false });
  copy.stack = error.stack === undefined ? undefined : redactLogText(error.stack, secrets);
  for (const key of ["status", "code", "method"] as const) {
    if (key in error) Object.defineProperty(copy, key, { value: Reflect.get(error, key) });
  }
  if ("url" in error && typeof error.url === "string") {
    Object.defineProperty(copy, "url", { value: redactLogText(error.url, secrets) });
  }
  if (error.cause !== undefined && depth < 4) {
    copy.cause = redactError(error.cause, secrets, depth + 1);
  }
  return copy;
}

/** Wraps a logger so that no line it writes carries a token (see redactLogText). */
export function redactingLogger(inner: Logger, secrets: readonly string[] = []): Logger {
  return {
    info: (message) => inner.info(redactLogText(message, secrets)),
    warn: (message, error) =>
      error === undefined
        ? inner.warn(redactLogText(message, secrets))
        : inner.warn(redactLogText(message, secrets), redactError(error, secrets)),
    error: (message, error) =>
      error === undefined
        ? inner.error(redactLogText(message, secrets))
        : inner.error(redactLogText(message, secrets), redactError(error, secrets)),
  };
}
