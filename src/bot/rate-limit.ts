/** What to do with one more question from a user. */
export type RateVerdict = "allow" | "warn" | "drop";

/**
 * A sliding window per user: `limit` questions per `windowMs`. The first question over the
 * limit gets one quiet warning; the rest in that window are dropped silently.
 */
export class UserRateLimiter {
  private readonly recent = new Map<string, { times: number[]; warned: boolean }>();

  constructor(
    readonly limit = 5,
    readonly windowMs = 30_000,
  ) {}

  take(userId: string, now: number): RateVerdict {
    const cutoff = now - this.windowMs;
    const entry = this.recent.get(userId) ?? { times: [], warned: false };
    entry.times = entry.times.filter((time) => time > cutoff);
    if (entry.times.length === 0) entry.warned = false;
    this.recent.set(userId, entry);
    if (this.recent.size > 10_000) this.forgetIdle(cutoff);
    if (entry.times.length < this.limit) {
      entry.times.push(now);
      return "allow";
    }
    if (entry.warned) return "drop";
    entry.warned = true;
    return "warn";
  }

  private forgetIdle(cutoff: number): void {
    for (const [user, entry] of this.recent) {
      if (entry.times.every((time) => time <= cutoff)) this.recent.delete(user);
    }
  }
}
