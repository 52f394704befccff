import type { Logger } from "../bot/log.ts";
import type { Config } from "../config.ts";
import { MemoryConversationStore } from "./memory-store.ts";
import type { ConversationStore } from "./store.ts";

export interface OpenedConversationStore {
  store: ConversationStore;
  /** Told when the store fails; the answer then goes on without context. */
  onError(error: unknown): void;
  close(): Promise<void>;
}

/** Where REDIS_URL points, without any password in it: what the log may say. */
export function describeRedisUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}${parsed.pathname === "/" ? "" : parsed.pathname}`;
  } catch {
    return "REDIS_URL";
  }
}

/**
 * REDIS_URL set: conversations shared by every process through Redis, its outages logged once
 * each (the store says when it is unreachable and when it is back). Otherwise this process's
 * memory, the default.
 */
export async function openConversationStore(
  config: Pick<Config, "conversationMax" | "redisUrl">,
  log: Logger,
): Promise<OpenedConversationStore> {
  if (config.redisUrl === null) {
    return {
      store: new MemoryConversationStore({ capacity: config.conversationMax }),
      onError: (error) =>
        log.warn("The conversation store failed; answering without context:", error),
      close: () => Promise.resolve(),
    };
  }
  const where = describeRedisUrl(config.redisUrl);
  const { RedisConversationStore } = await import("./redis-store.ts");
  const store = new RedisConversationStore({
    url: config.redisUrl,
    capacity: config.conversationMax,
    onUnavailable: (error) =>
      log.warn(
        `Redis at ${where} is unavailable; answering without follow-up context until it is back.`,
        error,
      ),
    onRecovered: () => log.info(`Redis at ${where} is back; follow-ups have their context again.`),
  });
  log.info(`Conversations are kept in Redis at ${where}, shared by every process using it.`);
  // A moment for the first connection, so the first answers already find it; an unreachable
  // Redis does not hold the start (the client keeps trying quietly).
  await Promise.race([store.ready(), new Promise((resolve) => setTimeout(resolve, 1000).unref())]);
  // Each outage is logged once by the store itself.
  return { store, onError: () => {}, close: () => store.close() };
}
