import { MessagePayload, type RawFile } from "discord.js";
import type { DiscordReplyPayload } from "../render/discord.ts";
import { deepFreeze } from "../engine-memo.ts";

/**
 * A kept reply (src/bot/charts.ts) as discord.js's own MessagePayload, resolved once. Handed plain
 * options, discord.js builds the request body anew for every reply (MessagePayload.resolveBody:
 * a `require()` of three of its modules per reply to tell its target's kind, the flags as a
 * bitfield, the embeds and components mapped, the attachments listed) and resolves the files
 * (a promise each); profiled, the largest cost of a reply that policybot's own code does not
 * make. The body is a function of the options alone (and the client's options, the same for the
 * whole process), so a kept payload's is made once, by discord.js itself, and frozen: each reply
 * then hands discord.js a MessagePayload with that body and those files, which it sends as they
 * are, and the body's JSON text is written once too (src/ops/frozen-json.ts).
 */

/** The payload each copy handed out by renderReply was copied from (copies are per reply). */
const keptOfCopy = new WeakMap<DiscordReplyPayload, DiscordReplyPayload>();

/** Says that `copy` is a copy of `kept`, a payload kept and reused (its parts are frozen). */
export function markKeptCopy(copy: DiscordReplyPayload, kept: DiscordReplyPayload): void {
  keptOfCopy.set(copy, kept);
}

interface Resolved {
  body: MessagePayload["body"];
  files: RawFile[];
}

const resolvedOfKept = new WeakMap<DiscordReplyPayload, Promise<Resolved>>();

type Target = ConstructorParameters<typeof MessagePayload>[0];

/**
 * What to hand `interaction.reply`: for a copy of a kept payload, a MessagePayload with the body
 * and files discord.js made for it the first time; anything else as it is.
 */
export async function replyOptions(
  target: Target,
  payload: DiscordReplyPayload,
): Promise<MessagePayload | DiscordReplyPayload> {
  const kept = keptOfCopy.get(payload);
  if (kept === undefined) return payload;
  let resolved = resolvedOfKept.get(kept);
  if (resolved === undefined) {
    // Resolved from a copy: discord.js writes the attachments list into the options it is given.
    const first = MessagePayload.create(target, { ...kept, files: [...kept.files] });
    resolved = first
      .resolveBody()
      .resolveFiles()
      .then(({ body, files }) => ({ body: deepFreeze(body), files: files ?? [] }));
    resolvedOfKept.set(kept, resolved);
    // A failure is not kept: the next reply tries again (and fails in discord.js's own way).
    resolved.catch(() => resolvedOfKept.delete(kept));
  }
  const { body, files } = await resolved;
  const message = new MessagePayload(target, payload);
  message.body = body;
  // The array is the request's own; the files themselves are only read.
  message.files = [...files];
  return message;
}
