import { parseConversationState, type ConversationState } from "./state.ts";
import { DEFAULT_CONVERSATION_CAPACITY, type ConversationStore } from "./store.ts";

interface Entry {
  /** Serialised, as a shared store would hold it: nothing of the caller's object is kept. */
  json: string;
  expiresAt: number;
}

export interface MemoryStoreOptions {
  /** Most conversations held; the least recently used is dropped first. */
  capacity?: number;
  /** Milliseconds clock, for tests. */
  now?: () => number;
}

/**
 * One process's conversations: bounded (LRU over a Map's insertion order, so memory stays flat
 * whatever the number of users) and forgetful (an entry past its quiet period reads as absent
 * and is dropped). A restart forgets everything, by design.
 */
export class MemoryConversationStore implements ConversationStore {
  private readonly entries = new Map<string, Entry>();
  private readonly capacity: number;
  private readonly now: () => number;

  constructor(options: MemoryStoreOptions = {}) {
    this.capacity = Math.max(1, options.capacity ?? DEFAULT_CONVERSATION_CAPACITY);
    this.now = options.now ?? Date.now;
  }

  get size(): number {
    return this.entries.size;
  }

  get(key: string): Promise<ConversationState | null> {
    const entry = this.entries.get(key);
    if (entry === undefined) return Promise.resolve(null);
    if (entry.expiresAt <= this.now()) {
      this.entries.delete(key);
      return Promise.resolve(null);
    }
    // Touched: now the most recently used.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return Promise.resolve(parseConversationState(JSON.parse(entry.json)));
  }

  set(key: string, state: ConversationState, ttlSeconds: number): Promise<void> {
    this.entries.delete(key);
    this.entries.set(key, {
      json: JSON.stringify(state),
      expiresAt: this.now() + ttlSeconds * 1000,
    });
    this.evict();
    return Promise.resolve();
  }

  delete(key: string): Promise<void> {
    this.entries.delete(key);
    return Promise.resolve();
  }

  private evict(): void {
    const now = this.now();
    for (const [key, entry] of this.entries) {
      if (this.entries.size <= this.capacity && entry.expiresAt > now) break;
      this.entries.delete(key);
    }
  }
}
