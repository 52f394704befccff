import { createClient } from "redis";
import { parseConversationState, type ConversationState } from "./state.ts";
import { DEFAULT_CONVERSATION_CAPACITY, type ConversationStore } from "./store.ts";

export interface RedisStoreOptions {
  /** redis:// or rediss:// address (REDIS_URL). */
  url: string;
  /** Most conversations kept across every process; the least recently saved go first. */
  capacity?: number;
  /** Keys are `<prefix>conversation:<key>`, the recency index `<prefix>conversations`. */
  prefix?: string;
  /** Longest wait for one command before the turn goes on without context (default 500 ms). */
  commandTimeoutMs?: number;
  /** Told when Redis cannot be reached (or fails) after working, and when it is back. */
  onUnavailable?: (error: unknown) => void;
  onRecovered?: () => void;
}

/**
 * Stores a state with its quiet period, then keeps the set of conversations bounded: the recency
 * index (a sorted set scored by Redis's own clock, so every replica agrees) drops entries past
 * their quiet period and, beyond the capacity, the least recently saved ones with their values.
 * One script, so two replicas saving at once cannot leave the index and the values apart.
 */
const SET_SCRIPT = `
local now = redis.call('TIME')
local nowUs = tonumber(now[1]) * 1000000 + tonumber(now[2])
-- Strictly after the last use, so two uses within one microsecond still keep their order.
local top = redis.call('ZRANGE', KEYS[2], -1, -1, 'WITHSCORES')
local score = nowUs
if top[2] and tonumber(top[2]) >= score then score = tonumber(top[2]) + 1 end
local ttlMs = tonumber(ARGV[2]) * 1000
redis.call('SET', KEYS[1], ARGV[1], 'PX', ttlMs)
redis.call('ZADD', KEYS[2], score, KEYS[1])
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', nowUs - ttlMs * 1000)
local excess = redis.call('ZCARD', KEYS[2]) - tonumber(ARGV[3])
if excess > 0 then
  local oldest = redis.call('ZPOPMIN', KEYS[2], excess)
  for i = 1, #oldest, 2 do redis.call('DEL', oldest[i]) end
end
redis.call('PEXPIRE', KEYS[2], ttlMs)
return 1
`;

/** Reads a state and marks it the most recently used, as the in-memory store does. */
const GET_SCRIPT = `
local value = redis.call('GET', KEYS[1])
if value then
  local now = redis.call('TIME')
  local score = tonumber(now[1]) * 1000000 + tonumber(now[2])
  local top = redis.call('ZRANGE', KEYS[2], -1, -1, 'WITHSCORES')
  if top[2] and tonumber(top[2]) >= score then score = tonumber(top[2]) + 1 end
  redis.call('ZADD', KEYS[2], 'XX', score, KEYS[1])
end
return value
`;

const DELETE_SCRIPT = `
redis.call('ZREM', KEYS[2], KEYS[1])
return redis.call('DEL', KEYS[1])
`;

/** Thrown when a command does not answer in time (Redis hangs, or the network does). */
export class RedisTimeoutError extends Error {
  override readonly name = "RedisTimeoutError";
}

/**
 * Conversations shared by every process that points at one Redis (HTTP replicas behind a load
 * balancer, gateway shards): the same interface, quiet period and bound as the in-memory store.
 * Commands fail fast while Redis is away (no offline queue, a short timeout), so a turn waits at
 * most one timeout before answering without context; the client reconnects on its own.
 */
export class RedisConversationStore implements ConversationStore {
  private readonly client;
  private readonly capacity: number;
  private readonly prefix: string;
  private readonly timeoutMs: number;
  private available = true;
  private readonly connecting: Promise<unknown>;

  constructor(private readonly options: RedisStoreOptions) {
    this.capacity = Math.max(1, options.capacity ?? DEFAULT_CONVERSATION_CAPACITY);
    this.prefix = options.prefix ?? "policybot:";
    this.timeoutMs = options.commandTimeoutMs ?? 500;
    this.client = createClient({
      url: options.url,
      disableOfflineQueue: true,
      socket: {
        connectTimeout: 2000,
        // Quietly, for ever: at most a few seconds between attempts.
        reconnectStrategy: (retries: number) => Math.min(100 * 2 ** retries, 3000),
      },
    });
    // Reconnect attempts report each failure here; what the user's turn sees is reported once.
    this.client.on("error", () => {});
    this.connecting = this.client.connect().catch(() => {});
  }

  /** Resolves once the first connection attempt has settled (for tests and a clean start). */
  ready(): Promise<void> {
    return this.connecting.then(() => undefined);
  }

  async get(key: string): Promise<ConversationState | null> {
    const json = await this.run(() =>
      this.client.eval(GET_SCRIPT, { keys: [this.entryKey(key), this.indexKey()] }),
    );
    if (typeof json !== "string") return null;
    let value: unknown;
    try {
      value = JSON.parse(json);
    } catch {
      return null;
    }
    return parseConversationState(value);
  }

  async set(key: string, state: ConversationState, ttlSeconds: number): Promise<void> {
    await this.run(() =>
      this.client.eval(SET_SCRIPT, {
        keys: [this.entryKey(key), this.indexKey()],
        arguments: [JSON.stringify(state), String(ttlSeconds), String(this.capacity)],
      }),
    );
  }

  async delete(key: string): Promise<void> {
    await this.run(() =>
      this.client.eval(DELETE_SCRIPT, { keys: [this.entryKey(key), this.indexKey()] }),
    );
  }

  async close(): Promise<void> {
    if (this.client.isOpen) await this.client.close().catch(() => this.client.destroy());
    else this.client.destroy();
  }

  private entryKey(key: string): string {
    return `${this.prefix}conversation:${key}`;
  }

  private indexKey(): string {
    return `${this.prefix}conversations`;
  }

  private async run<T>(command: () => Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    try {
      const result = await Promise.race([
        command(),
        new Promise<never>((_, reject) => {
          timer = setTimeout(
            () => reject(new RedisTimeoutError(`No answer from Redis within ${this.timeoutMs} ms`)),
            this.timeoutMs,
          );
        }),
      ]);
      if (!this.available) {
        this.available = true;
        this.options.onRecovered?.();
      }
      return result;
    } catch (error) {
      if (this.available) {
        this.available = false;
        this.options.onUnavailable?.(error);
      }
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }
}
