import type { ConversationTurn } from "../conversation/conversations.ts";
import type { BotServices } from "./services.ts";

/**
 * A conversation belongs to one user in one channel. A thread has its own channel id, so a
 * thread is its own conversation too; two users in one channel never share one.
 */
export function conversationKey(channelId: string | null, userId: string): string {
  return `discord:${channelId ?? "direct"}:${userId}`;
}

/** The user's conversation in that channel, or a turn without memory when none is configured. */
export function openConversation(
  services: BotServices,
  channelId: string | null,
  userId: string,
): Promise<ConversationTurn> {
  if (!services.conversations) {
    return Promise.resolve({
      engine: services.engine,
      save: () => Promise.resolve(),
      state: () => null,
    });
  }
  return services.conversations.open(services.engine, conversationKey(channelId, userId));
}
