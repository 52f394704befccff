import type { ConversationState } from "./state.ts";
import { DEFAULT_CONVERSATION_CAPACITY, type ConversationStore } from "./store.ts";

interface Entry {
  /** A copy: nothing of the caller's object is kept, and a reader gets a copy of it in turn. */
  state: ConversationState;
  expiresAt: number;
}

/**
 * A state copied field by field: as independent of the original as a serialised one would be
 * (the state is shallow: strings, arrays of strings and the offers' small records), without serialising and validating
 * again on every read, which profiled as most of a conversation's cost per interaction. Only
 * typed states are ever put in, so there is nothing to validate here (a shared store like
 * Redis validates what it reads back, since other processes write to it).
 */
function copyOf(state: ConversationState): ConversationState {
  const copy: ConversationState = { ...state, policies: [...state.policies] };
  if (state.offers !== undefined) {
    copy.offers = state.offers.map((offer) => ({ ...offer, policies: [...offer.policies] }));
  }
  return copy;
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
    return Promise.resolve(copyOf(entry.state));
  }

  set(key: string, state: ConversationState, ttlSeconds: number): Promise<void> {
    this.entries.delete(key);
    this.entries.set(key, {
      state: copyOf(state),
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
