import type { ConversationState } from "./state.ts";

/**
 * Where conversations live between messages, by key (e.g. user and channel). Kept this small
 * so a shared store (Redis) can stand in for the in-memory one: values are JSON-serialisable
 * and every implementation validates what it reads back.
 */
export interface ConversationStore {
  get(key: string): Promise<ConversationState | null>;
  /** Stores the state; it expires after `ttlSeconds` without a newer `set`. */
  set(key: string, state: ConversationState, ttlSeconds: number): Promise<void>;
  delete(key: string): Promise<void>;
}

/** Fifteen quiet minutes end a conversation. */
export const DEFAULT_CONVERSATION_TTL_SECONDS = 15 * 60;
/** Conversations held at once by one process; the least recently used goes first. */
export const DEFAULT_CONVERSATION_CAPACITY = 10_000;
