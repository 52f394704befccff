import type { DiscordReplyPayload, ReplyFile } from "../render/discord.ts";

/** A rendered reply in Discord's own field names (snake case), as HTTP responses carry it. */
export interface ApiMessage {
  content?: string;
  embeds: DiscordReplyPayload["embeds"];
  components: DiscordReplyPayload["components"];
  allowed_mentions: { parse: [] };
  flags?: number;
  /** Uploads named by index; an edit keeps exactly the attachments listed. */
  attachments?: { id: number; filename: string }[];
}

/**
 * The renderer's payload (discord.js's names) → the API body. The renderer already fitted it to
 * Discord's limits and turned mentions off; this only renames. Files travel beside it.
 */
export function toApiMessage(
  payload: DiscordReplyPayload,
  options: { withFlags?: boolean } = {},
): { body: ApiMessage; files: ReplyFile[] } {
  const body: ApiMessage = {
    embeds: payload.embeds,
    components: payload.components,
    allowed_mentions: payload.allowedMentions,
  };
  if (payload.content !== undefined) body.content = payload.content;
  if (payload.flags !== undefined && options.withFlags !== false) body.flags = payload.flags;
  if (payload.files.length > 0) {
    body.attachments = payload.files.map((file, index) => ({ id: index, filename: file.name }));
  }
  return { body, files: payload.files };
}
