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

/** This process's memory: the default. */
export function openConversationStore(
  config: Pick<Config, "conversationMax">,
  log: Logger,
): OpenedConversationStore {
  return {
    store: new MemoryConversationStore({ capacity: config.conversationMax }),
    onError: (error) =>
      log.warn("The conversation store failed; answering without context:", error),
    close: () => Promise.resolve(),
  };
}
