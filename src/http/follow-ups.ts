import { setTimeout as sleep } from "node:timers/promises";
import { DiscordAPIError, REST, Routes } from "discord.js";
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

/** Waits between tries while Discord has not yet taken the HTTP response (about 2 s in all). */
const NOT_YET_ACKNOWLEDGED_RETRIES_MS = [50, 150, 300, 600, 1000];

/**
 * The webhook exists once Discord has processed the HTTP response that acknowledged the
 * interaction; a follow-up sent right behind that response can get there first and be refused
 * as an unknown webhook (10015). That one refusal is retried briefly; nothing was posted.
 */
async function once<T>(send: () => Promise<T>): Promise<T> {
  for (const wait of NOT_YET_ACKNOWLEDGED_RETRIES_MS) {
    try {
      return await send();
    } catch (error) {
      if (!(error instanceof DiscordAPIError && error.code === 10015)) throw error;
      await sleep(wait);
    }
  }
  return send();
}

/** Through discord.js's REST client, to discord.com or to DISCORD_API_URL. */
export function restFollowUps(apiUrl: string | null): FollowUpSender {
  const rest = new REST({ ...(apiUrl ? { api: apiUrl } : {}), timeout: 10_000, retries: 1 });
  const files = (payload: DiscordReplyPayload) =>
    payload.files.map((file) => ({ name: file.name, data: file.attachment }));
  return {
    async followUp(applicationId, token, payload) {
      const { body } = toApiMessage(payload);
      await once(() =>
        rest.post(Routes.webhook(applicationId, token), {
          body,
          files: files(payload),
          auth: false,
        }),
      );
    },
    async editOriginal(applicationId, token, payload) {
      // An edit cannot change whether a message is private.
      const { body } = toApiMessage(payload, { withFlags: false });
      await once(() =>
        rest.patch(Routes.webhookMessage(applicationId, token, "@original"), {
          body: { ...body, attachments: body.attachments ?? [] },
          files: files(payload),
          auth: false,
        }),
      );
    },
  };
}
