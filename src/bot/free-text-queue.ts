import type { Logger } from "./log.ts";

/** One piece of free-text work: a message to answer. */
export interface FreeTextJob {
  channelId: string;
  messageId: string;
  /** When the bot received the message. */
  receivedAt: number;
  /** Computes the answer and sends it; `isStale` says whether it is now too late to send. */
  run(isStale: () => boolean): Promise<void>;
}

export interface FreeTextQueueOptions {
  log: Logger;
  /** Messages waiting at most; beyond it new ones are dropped (default 500). */
  maxPending?: number;
  /** A reply not sent this long after its question is dropped (default 60 s). */
  maxAgeMs?: number;
  /** Replies being sent at once, across channels (default 8; one per channel at a time). */
  concurrency?: number;
  now?: () => number;
}

/**
 * Free-text questions wait here instead of being answered on arrival, so a burst of mentions
 * cannot hold up slash commands (which have a 3 s window; a mention has none):
 *
 * - work starts from `setImmediate`, one message per turn of the event loop, so interactions
 *   arriving meanwhile are handled first;
 * - the queue is bounded: past `maxPending` a new message is dropped, with a log line;
 * - channels take turns (round robin, one reply in flight per channel), so a busy channel does not
 *   starve a quiet one and replies in a channel keep their order;
 * - a reply that can no longer arrive in reasonable time (`maxAgeMs`) is dropped, with a log line.
 */
export class FreeTextQueue {
  private readonly channels = new Map<string, FreeTextJob[]>();
  /** Channels with waiting work, in turn order. */
  private readonly turns: string[] = [];
  private readonly busy = new Set<string>();
  private readonly running = new Set<Promise<void>>();
  private pending = 0;
  private scheduled = false;
  private closed = false;
  private readonly maxPending: number;
  private readonly maxAgeMs: number;
  private readonly concurrency: number;
  private readonly now: () => number;
  private readonly drops = { full: 0, stale: 0, lastLog: 0 };
  private idleWaiters: (() => void)[] = [];

  constructor(private readonly options: FreeTextQueueOptions) {
    this.maxPending = options.maxPending ?? 500;
    this.maxAgeMs = options.maxAgeMs ?? 60_000;
    this.concurrency = options.concurrency ?? 8;
    this.now = options.now ?? Date.now;
  }

  /** Messages waiting (not yet started). */
  get size(): number {
    return this.pending;
  }

  /** Adds a message; false (and a log line) when the queue is full or closed. */
  push(job: FreeTextJob): boolean {
    if (this.closed) return false;
    if (this.pending >= this.maxPending) {
      this.drops.full += 1;
      this.reportDrop(
        `Free-text queue full (${this.maxPending} waiting): dropped message ${job.messageId} in channel ${job.channelId}.`,
      );
      return false;
    }
    let queue = this.channels.get(job.channelId);
    if (!queue) {
      queue = [];
      this.channels.set(job.channelId, queue);
    }
    queue.push(job);
    if (queue.length === 1 && !this.busy.has(job.channelId)) this.turns.push(job.channelId);
    this.pending += 1;
    this.schedule();
    return true;
  }

  /** Stops taking messages; resolves when everything already taken has been answered. */
  async drain(): Promise<void> {
    this.closed = true;
    if (this.pending === 0 && this.running.size === 0) return;
    await new Promise<void>((resolve) => this.idleWaiters.push(resolve));
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.step();
    });
  }

  /** Starts at most one job, then yields to the event loop. */
  private step(): void {
    if (this.running.size >= this.concurrency) return;
    const channelId = this.turns.shift();
    if (channelId === undefined) {
      this.notifyIdle();
      return;
    }
    const queue = this.channels.get(channelId);
    const job = queue?.shift();
    if (!queue || !job) {
      this.schedule();
      return;
    }
    if (queue.length === 0) this.channels.delete(channelId);
    this.pending -= 1;
    const age = this.now() - job.receivedAt;
    if (age > this.maxAgeMs) {
      this.drops.stale += 1;
      this.reportDrop(
        `Dropped the reply to message ${job.messageId} in channel ${channelId}: it waited ${(age / 1000).toFixed(1)} s (limit ${this.maxAgeMs / 1000} s).`,
      );
      this.finish(channelId);
      return;
    }
    this.busy.add(channelId);
    const isStale = (): boolean => this.now() - job.receivedAt > this.maxAgeMs;
    const task = job
      .run(isStale)
      .catch((error: unknown) =>
        this.options.log.error(`Message ${job.messageId} in channel ${channelId} failed:`, error),
      )
      .finally(() => {
        this.running.delete(task);
        this.busy.delete(channelId);
        this.finish(channelId);
      });
    this.running.add(task);
    this.schedule();
  }

  /** The channel's next job (if any) takes its turn at the back. */
  private finish(channelId: string): void {
    if ((this.channels.get(channelId)?.length ?? 0) > 0 && !this.busy.has(channelId)) {
      this.turns.push(channelId);
    }
    this.schedule();
  }

  private notifyIdle(): void {
    if (this.pending > 0 || this.running.size > 0) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }

  /** One line per drop, but at most one a second under a flood (with the counts so far). */
  private reportDrop(line: string): void {
    const now = this.now();
    if (now - this.drops.lastLog < 1000) return;
    this.drops.lastLog = now;
    this.options.log.warn(
      `${line} (dropped so far: ${this.drops.full} with the queue full, ${this.drops.stale} stale)`,
    );
  }
}
