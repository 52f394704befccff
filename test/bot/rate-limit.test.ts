import { describe, expect, it } from "vitest";
import { mentionsBot, stripBotMention } from "../../src/bot/messages.ts";
import { UserRateLimiter } from "../../src/bot/rate-limit.ts";

describe("UserRateLimiter", () => {
  it("allows 5 questions in 30 s, warns once, then drops until the window moves on", () => {
    const limiter = new UserRateLimiter(5, 30_000);
    const verdicts = [0, 1, 2, 3, 4, 5, 6].map((second) => limiter.take("alice", second * 1000));
    expect(verdicts).toEqual(["allow", "allow", "allow", "allow", "allow", "warn", "drop"]);
    expect(limiter.take("bob", 7000)).toBe("allow");
    // 30 s after the first question one slot frees up again.
    expect(limiter.take("alice", 30_500)).toBe("allow");
    expect(limiter.take("alice", 30_600)).toBe("drop");
    // After a quiet window the user starts afresh, warning included.
    const later = [0, 1, 2, 3, 4, 5].map((i) => limiter.take("alice", 100_000 + i));
    expect(later).toEqual(["allow", "allow", "allow", "allow", "allow", "warn"]);
  });
});

describe("UserRateLimiter with a crowd", () => {
  it("still limits a new user while 10,000 others are active, and forgets only the idle", () => {
    const limiter = new UserRateLimiter(5, 30_000);
    for (let index = 0; index < 10_000; index += 1) limiter.take(`crowd-${index}`, 1000);
    const verdicts = [0, 1, 2, 3, 4, 5, 6].map((i) => limiter.take("newcomer", 2000 + i));
    expect(verdicts).toEqual(["allow", "allow", "allow", "allow", "allow", "warn", "drop"]);
    expect(limiter.size).toBe(10_001);
    // A window later the crowd is gone; the newcomer, still asking, is remembered.
    expect(limiter.take("newcomer", 31_500)).toBe("drop");
    expect(limiter.size).toBe(1);
  });

  it("peek says what take would, without counting", () => {
    const limiter = new UserRateLimiter(1, 30_000);
    expect(limiter.peek("alice", 0)).toBe("allow");
    expect(limiter.peek("alice", 0)).toBe("allow");
    expect(limiter.take("alice", 0)).toBe("allow");
    expect(limiter.peek("alice", 1)).toBe("warn");
    expect(limiter.take("alice", 1)).toBe("warn");
    expect(limiter.peek("alice", 2)).toBe("drop");
  });
});

describe("mentions of the bot in a message", () => {
  const bot = "1100000000000000001";
  it("are found in both forms and stripped from the question", () => {
    expect(mentionsBot(`<@${bot}> torch budget?`, bot)).toBe(true);
    expect(mentionsBot(`hey <@!${bot}>`, bot)).toBe(true);
    expect(mentionsBot("<@1400000000000000001> torch", bot)).toBe(false);
    expect(mentionsBot("@everyone torch", bot)).toBe(false);
    expect(stripBotMention(`<@${bot}>   torch <@!${bot}> budget?`, bot)).toBe("torch budget?");
  });
});
