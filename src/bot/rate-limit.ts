/** What to do with one more question from a user. */
export type RateVerdict = "allow" | "warn" | "drop";

interface UserWindow {
  /** Times of the allowed questions still inside the window, oldest first (at most `limit`). */
  times: number[];
  warned: boolean;
  /** The last time this user asked (allowed or not). */
  last: number;
}

/**
 * A sliding window per user: `limit` questions per `windowMs`. The first question over the
 * limit gets one quiet warning; the rest in that window are dropped silently.
 *
 * Users are kept in a Map ordered by their last question (each question moves its user to the
 * end), so users idle for a whole window sit at the front and are forgotten from there: each call
 * costs O(1) amortised however many people asked, and memory holds only the active ones. Beyond
 * `maxUsers` active users the least recently active are forgotten first.
 */
export class UserRateLimiter {
  private readonly users = new Map<string, UserWindow>();

  constructor(
    readonly limit = 5,
    readonly windowMs = 30_000,
    readonly maxUsers = 200_000,
  ) {}

  /** Users remembered right now (those active within the window). */
  get size(): number {
    return this.users.size;
  }

  /** Counts one question from `userId` and says what to do with it. */
  take(userId: string, now: number): RateVerdict {
    const entry = this.current(userId, now);
    entry.last = now;
    this.users.delete(userId);
    this.users.set(userId, entry);
    while (this.users.size > this.maxUsers) {
      const oldest = this.users.keys().next();
      if (oldest.done) break;
      this.users.delete(oldest.value);
    }
    if (entry.times.length < this.limit) {
      entry.times.push(now);
      return "allow";
    }
    if (entry.warned) return "drop";
    entry.warned = true;
    return "warn";
  }

  /** What `take` would answer, without counting the question. */
  peek(userId: string, now: number): RateVerdict {
    const entry = this.current(userId, now);
    if (entry.times.length < this.limit) return "allow";
    return entry.warned ? "drop" : "warn";
  }

  /** The user's window as of `now` (a fresh one for a new user; not stored). */
  private current(userId: string, now: number): UserWindow {
    const cutoff = now - this.windowMs;
    this.forgetIdle(cutoff);
    const entry = this.users.get(userId);
    if (!entry) return { times: [], warned: false, last: now };
    let expired = 0;
    while (expired < entry.times.length && (entry.times[expired] ?? 0) <= cutoff) expired += 1;
    if (expired > 0) entry.times.splice(0, expired);
    if (entry.times.length === 0) entry.warned = false;
    return entry;
  }

  /** Drops users whose last question left the window; stops at the first active one. */
  private forgetIdle(cutoff: number): void {
    for (const [user, entry] of this.users) {
      if (entry.last > cutoff) return;
      this.users.delete(user);
    }
  }
}
