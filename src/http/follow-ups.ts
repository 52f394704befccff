import { REST, Routes } from "discord.js";
import type { DiscordReplyPayload } from "../render/discord.ts";
import { toApiMessage } from "./api-message.ts";

/**
 * What an HTTP replica sends after its HTTP response: the message a deferred reply promised,
 * or a further message. Both go to the interaction's webhook, which needs no bot token.
 */
export interface FollowUpSender {
  /** A new message (the first one after a deferred reply replaces "thinking…"). */
  followUp(applicationId: string, token: string, payload: DiscordReplyPayload): Promise<void>;
  /** Edits the message the interaction answered or updated (after a deferred update). */
  editOriginal(applicationId: string, token: string, payload: DiscordReplyPayload): Promise<void>;
}

/** Through discord.js's REST client, to discord.com or to DISCORD_API_URL. */
export function restFollowUps(apiUrl: string | null): FollowUpSender {
  const rest = new REST({ ...(apiUrl ? { api: apiUrl } : {}), timeout: 10_000, retries: 1 });
  const files = (payload: DiscordReplyPayload) =>
    payload.files.map((file) => ({ name: file.name, data: file.attachment }));
  return {
    async followUp(applicationId, token, payload) {
      const { body } = toApiMessage(payload);
      await rest.post(Routes.webhook(applicationId, token), {
        body,
        files: files(payload),
        auth: false,
      });
    },
    async editOriginal(applicationId, token, payload) {
      // An edit cannot change whether a message is private.
      const { body } = toApiMessage(payload, { withFlags: false });
      await rest.patch(Routes.webhookMessage(applicationId, token, "@original"), {
        body: { ...body, attachments: body.attachments ?? [] },
        files: files(payload),
        auth: false,
      });
    },
  };
}
