import type { Engine } from "../engine.ts";
import { bindConversation } from "./bind.ts";
import type { ConversationState } from "./state.ts";
import { DEFAULT_CONVERSATION_TTL_SECONDS, type ConversationStore } from "./store.ts";

/** One turn of a stored conversation: the engine to answer with, and how to keep the result. */
export interface ConversationTurn {
  /** Reads questions in the conversation and remembers every answer it gives. */
  engine: Engine;
  /** Stores where the conversation now stands (or forgets it), restarting its quiet period. */
  save(): Promise<void>;
  /** Where the conversation stands after the answers given so far in this turn. */
  state(): ConversationState | null;
}

/**
 * Conversations kept in a store under a key chosen by the front end (Discord: channel and
 * user). A store that fails is a conversation forgotten, never a failed answer.
 */
export class Conversations {
  constructor(
    private readonly store: ConversationStore,
    readonly ttlSeconds: number = DEFAULT_CONVERSATION_TTL_SECONDS,
    private readonly onStoreError: (error: unknown) => void = () => {},
  ) {}

  async open(engine: Engine, key: string): Promise<ConversationTurn> {
    let initial: ConversationState | null = null;
    try {
      initial = await this.store.get(key);
    } catch (error) {
      this.onStoreError(error);
    }
    const bound = bindConversation(engine, initial);
    return {
      engine: bound.engine,
      state: bound.state,
      save: async () => {
        const state = bound.state();
        try {
          if (state === null) {
            if (initial !== null) await this.store.delete(key);
          } else {
            await this.store.set(key, state, this.ttlSeconds);
          }
        } catch (error) {
          this.onStoreError(error);
        }
      },
    };
  }
}
