import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { INTERNAL_ERROR_TEXT, STALE_FORM_TEXT } from "../../src/bot/interactions.ts";
import { RATE_LIMIT_TEXT } from "../../src/bot/messages.ts";
import { UserRateLimiter } from "../../src/bot/rate-limit.ts";
import { createEngine } from "../../src/create-engine.ts";
import { defaultDataDir, loadDataset } from "../../src/dataset/load.ts";
import type { Engine } from "../../src/engine.ts";
import { fixture } from "../discord-server/fixture.ts";
import type { ChannelName, FixtureUser } from "../discord-server/fixture.ts";
import { delay } from "../discord-server/harness.ts";
import type { BotMessage, InteractionState, RecordedRequest } from "../discord-server/server.ts";
import { startBotUnderTest, visibleText } from "./bot-under-test.ts";
import type { BotUnderTest } from "./bot-under-test.ts";

/**
 * Discord's failure modes as policy: the real bot and the unmodified discord.js client against the
 * local server with faults injected (statuses, Retry-After, hangs, lost answers, gateway switches).
 * Each test asserts what the user sees (the answer, once, in time) and what the operator sees (a
 * clear log line, no token in it).
 */

const CALLBACK = "POST /interactions/:interactionId/:token/callback";
const CHANNEL_MESSAGE = "POST /channels/:channelId/messages";

const limiter = new UserRateLimiter();
let answersComputed = 0;
let subject: BotUnderTest;
let userCounter = 0;

/** Someone new each time (so the per-user limit never interferes unless a test wants it). */
function newUser(): FixtureUser {
  userCounter += 1;
  return {
    id: String(1_460_000_000_000_000_000n + BigInt(userCounter)),
    username: `person${userCounter}`,
    bot: false,
  };
}

function countingEngine(engine: Engine): Engine {
  return {
    ...engine,
    ask(text) {
      answersComputed += 1;
      return engine.ask(text);
    },
  };
}

function repliesTo(messageId: unknown): BotMessage[] {
  return subject.harness.server.botMessages.filter(
    (message) => message.replyTo === messageId && message.action === "create",
  );
}

function callbacksOf(interaction: InteractionState): RecordedRequest[] {
  return subject.harness.server.requests.filter(
    (request) => request.route === CALLBACK && request.interactionId === interaction.id,
  );
}

function lastInteraction(): InteractionState {
  const all = [...subject.harness.server.interactions.values()];
  const last = all.at(-1);
  if (!last) throw new Error("no interaction dispatched");
  return last;
}

function loggedText(from = 0): string {
  return subject.log.lines
    .slice(from)
    .map((line) => {
      const error = line.error instanceof Error ? `${line.error.message}\n${line.error.stack}` : "";
      return `${line.level} ${line.message} ${error}`;
    })
    .join("\n");
}

async function waitFor(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await delay(25);
  }
}

beforeAll(async () => {
  const engine = countingEngine(createEngine(loadDataset(defaultDataDir())));
  subject = await startBotUnderTest({
    askChannels: true,
    server: { heartbeatIntervalMs: 400 },
    bot: {
      engine,
      limiter,
      freeText: { maxPending: 300, maxAgeMs: 4000 },
    },
  });
});

afterEach(() => {
  subject.harness.server.clearFaults();
  subject.harness.server.gateway.faults.heartbeatAck = true;
});

afterAll(async () => {
  await subject?.stop();
});

describe("break 1: the per-user limit holds however many people are active", () => {
  it("limits a new user while 10,000 others asked in the last 30 s, computing nothing for dropped messages", async () => {
    const now = Date.now();
    for (let index = 0; index < 10_000; index += 1) limiter.take(`crowd-${index}`, now);
    const asker = newUser();
    for (let index = 0; index < 5; index += 1) {
      const reply = await subject.harness.say(`torch budget? (${index})`, {
        mentionBot: true,
        author: asker,
      });
      expect(reply.embeds).toHaveLength(1);
    }
    const warning = await subject.harness.say("torch budget?", { mentionBot: true, author: asker });
    expect(warning.content).toBe(RATE_LIMIT_TEXT);
    const computed = answersComputed;
    await subject.harness.sayExpectingSilence("torch budget?", {
      mentionBot: true,
      author: asker,
      quietMs: 300,
    });
    expect(answersComputed).toBe(computed);
    // Only active users are remembered: the crowd plus this asker.
    expect(limiter.size).toBeLessThanOrEqual(10_000 + userCounter);
  });
});

describe("break 5: a burst of mentions does not starve slash commands", () => {
  it("answers slash commands sent right after 1,500 mentions within the window; the rest is bounded and said", async () => {
    const channels: ChannelName[] = ["general", "random", "askPolicy"];
    const posted: unknown[] = [];
    for (let index = 0; index < 1500; index += 1) {
      posted.push(
        subject.harness.post(`torch budget? ${index}`, {
          mentionBot: true,
          author: newUser(),
          channel: channels[index % channels.length] ?? "general",
        }).id,
      );
    }
    const outcomes = await Promise.all(
      Array.from({ length: 10 }, () => subject.harness.slash("policy", { name: "torch" })),
    );
    for (const outcome of outcomes) {
      expect(outcome.ackMs).toBeLessThan(subject.harness.server.ackWindowMs);
      expect(visibleText(outcome.message)).toContain("TORCH");
    }
    // The queue holds 300: the rest were dropped, and the log says so.
    await waitFor(() => /Free-text queue full/.test(loggedText()), 5000, "the queue-full line");
    await waitFor(
      () => posted.filter((id) => repliesTo(id).length > 0).length >= 50,
      10_000,
      "replies to the burst",
    );
    // Until the queue has run dry: no reply for a while.
    let count = -1;
    while (count !== subject.harness.server.botMessages.length) {
      count = subject.harness.server.botMessages.length;
      await delay(700);
    }
    const answered = posted.filter((id) => repliesTo(id).length > 0).length;
    expect(answered).toBeGreaterThan(0);
    expect(answered).toBeLessThanOrEqual(300 + 8);
    expect(posted.every((id) => repliesTo(id).length <= 1)).toBe(true);
  }, 30_000);

  it("drops replies that waited too long, with a log line, instead of posting them minutes late", async () => {
    subject.harness.server.injectFault({ route: CHANNEL_MESSAGE, delayMs: 500 });
    const before = subject.log.lines.length;
    const posted = Array.from(
      { length: 16 },
      () => subject.harness.post("torch budget?", { mentionBot: true, author: newUser() }).id,
    );
    await waitFor(
      () => /Dropped the reply to message \d+/.test(loggedText(before)),
      8000,
      "a stale drop",
    );
    await delay(1500);
    const answered = posted.filter((id) => repliesTo(id).length > 0).length;
    expect(answered).toBeGreaterThan(0);
    expect(answered).toBeLessThan(posted.length);
  }, 15_000);

  it("gives each channel its turn: a quiet channel's question is not stuck behind a busy one", async () => {
    subject.harness.server.injectFault({ route: CHANNEL_MESSAGE, delayMs: 60 });
    const busy = Array.from(
      { length: 20 },
      () => subject.harness.post("torch budget?", { mentionBot: true, author: newUser() }).id,
    );
    const quiet = await subject.harness.say("torch start year?", {
      mentionBot: true,
      author: newUser(),
      channel: "random",
    });
    const busyBefore = busy.filter((id) =>
      repliesTo(id).some((reply) => reply.at <= quiet.at),
    ).length;
    expect(busyBefore).toBeLessThan(5);
    await waitFor(() => busy.every((id) => repliesTo(id).length === 1), 10_000, "the busy channel");
  }, 15_000);
});

describe("interaction callbacks: inside the window, once", () => {
  it("a hung callback is retried inside the window and answered once", async () => {
    subject.harness.server.injectFault({ route: CALLBACK, hang: true, times: 1 });
    const outcome = await subject.harness.slash("policy", { name: "torch" });
    expect(outcome.ackMs).toBeLessThan(subject.harness.server.ackWindowMs);
    expect(visibleText(outcome.message)).toContain("TORCH");
    expect(callbacksOf(outcome.interaction)).toHaveLength(2);
    // Before retrying, the bot asked whether the first attempt landed (404: it had not).
    expect(outcome.interaction.rejected.filter((request) => request.route === CALLBACK)).toEqual(
      [],
    );
  });

  it("a callback that cannot land in time is never retried after the window, and the log says so once", async () => {
    subject.harness.server.injectFault({ route: CALLBACK, hang: true, times: 5 });
    await subject.harness.slash("policy", { name: "torch" }, { timeoutMs: 3500 }).catch(() => null);
    const interaction = lastInteraction();
    const attempts = callbacksOf(interaction);
    expect(attempts.length).toBeGreaterThan(0);
    for (const attempt of attempts) {
      expect(attempt.at - interaction.createdAt).toBeLessThan(subject.harness.server.ackWindowMs);
    }
    expect(interaction.rejected.filter((request) => request.route === CALLBACK)).toEqual([]);
    const lines = subject.log.lines.filter((line) => line.message.includes(interaction.id));
    expect(lines.filter((line) => line.level === "error")).toHaveLength(1);
    expect(lines[0]?.message).toMatch(/could not be delivered in time/);
  });

  it("a callback 429 with a short Retry-After waits and answers once", async () => {
    subject.harness.server.injectFault({
      route: CALLBACK,
      status: 429,
      headers: { "Retry-After": "0.3" },
      times: 1,
    });
    const outcome = await subject.harness.slash("help");
    expect(outcome.ackMs).toBeGreaterThanOrEqual(300);
    expect(outcome.ackMs).toBeLessThan(subject.harness.server.ackWindowMs);
    expect(visibleText(outcome.message)).toContain("/policy");
    expect(callbacksOf(outcome.interaction)).toHaveLength(2);
  });

  it("a callback 429 longer than the window is given up at once, with the reason in the log", async () => {
    subject.harness.server.injectFault({
      route: CALLBACK,
      status: 429,
      headers: { "Retry-After": "5" },
      times: 1,
    });
    await subject.harness.slash("help", {}, { timeoutMs: 3200 }).catch(() => null);
    const interaction = lastInteraction();
    expect(callbacksOf(interaction)).toHaveLength(1);
    const line = subject.log.lines.find((entry) => entry.message.includes(interaction.id));
    expect(line?.level).toBe("error");
    expect(line?.error instanceof Error ? line.error.message : "").toMatch(
      /rate limited for 5\.0 s, longer than the interaction's window/,
    );
  });

  it("a 502 after Discord processed the callback: answered once, no second acknowledgement (40060)", async () => {
    subject.harness.server.injectFault({ route: CALLBACK, status: 502, processed: true, times: 1 });
    const before = subject.log.lines.length;
    const outcome = await subject.harness.slash("policy", { name: "torch" });
    await delay(300);
    expect(visibleText(outcome.message)).toContain("TORCH");
    expect(callbacksOf(outcome.interaction)).toHaveLength(1);
    const codes = outcome.interaction.rejected.map(
      (request) => (request.response as { code?: unknown } | null)?.code,
    );
    expect(codes).not.toContain(40060);
    const messages = subject.harness.server.botMessages.filter(
      (message) => message.interactionId === outcome.interaction.id,
    );
    expect(messages).toHaveLength(1);
    expect(subject.log.lines.slice(before).filter((line) => line.level === "error")).toEqual([]);
  });

  it("a refused callback gets the polite error, and no log line carries the interaction token", async () => {
    subject.harness.server.injectFault({
      route: CALLBACK,
      status: 400,
      body: { code: 50035, message: "Invalid Form Body", errors: {} },
      times: 1,
    });
    const outcome = await subject.harness.slash("policy", { name: "torch" });
    expect(outcome.ephemeral).toBe(true);
    expect(outcome.message?.content).toBe(INTERNAL_ERROR_TEXT);
    const text = loggedText();
    expect(text).toContain(outcome.interaction.id);
    expect(text).not.toContain(outcome.interaction.token);
    expect(text).toMatch(/\/interactions\/(\d+|:id)\/\[token\]\/callback/);
  });
});

describe("channel messages: idempotent, never stuck", () => {
  it("a 502 after Discord stored the reply: retried with the same nonce, posted once", async () => {
    subject.harness.server.injectFault({
      route: CHANNEL_MESSAGE,
      status: 502,
      processed: true,
      times: 1,
    });
    const posted = subject.harness.post("torch budget?", { mentionBot: true, author: newUser() });
    await waitFor(() => repliesTo(posted.id).length > 0, 6000, "the reply");
    await delay(500);
    expect(repliesTo(posted.id)).toHaveLength(1);
    const sends = subject.harness.server.requests.filter(
      (request) =>
        request.route === CHANNEL_MESSAGE &&
        (request.body as { message_reference?: { message_id?: unknown } } | null)?.message_reference
          ?.message_id === posted.id,
    );
    expect(sends).toHaveLength(2);
    const nonces = sends.map((request) => (request.body as { nonce?: unknown }).nonce);
    expect(nonces[0]).toBeDefined();
    expect(nonces[1]).toBe(nonces[0]);
    expect(
      sends.every((request) => (request.body as { enforce_nonce?: unknown }).enforce_nonce),
    ).toBe(true);
  });

  it("a 429 without Retry-After backs off instead of hammering, then the reply arrives once", async () => {
    subject.harness.server.injectFault({ route: CHANNEL_MESSAGE, status: 429, times: 3 });
    const first = subject.harness.server.requests.length;
    const reply = await subject.harness.say("torch budget?", {
      mentionBot: true,
      author: newUser(),
    });
    expect(reply.embeds).toHaveLength(1);
    const sends = subject.harness.server.requests
      .slice(first)
      .filter((request) => request.route === CHANNEL_MESSAGE);
    expect(sends).toHaveLength(4);
    for (let index = 1; index < sends.length; index += 1) {
      expect((sends[index]?.at ?? 0) - (sends[index - 1]?.at ?? 0)).toBeGreaterThanOrEqual(150);
    }
  });

  it("a hung reply does not hold up the channel's later replies for long", async () => {
    subject.harness.server.injectFault({ route: CHANNEL_MESSAGE, hang: true, times: 1 });
    const first = subject.harness.post("torch budget?", { mentionBot: true, author: newUser() });
    const second = subject.harness.post("torch start year?", {
      mentionBot: true,
      author: newUser(),
    });
    const postedAt = Date.now();
    await waitFor(
      () => repliesTo(first.id).length > 0 && repliesTo(second.id).length > 0,
      8000,
      "both replies",
    );
    const secondReply = repliesTo(second.id)[0];
    expect((secondReply?.at ?? Infinity) - postedAt).toBeLessThan(5000);
    await delay(300);
    expect(repliesTo(first.id)).toHaveLength(1);
    expect(repliesTo(second.id)).toHaveLength(1);
  });
});

describe("requests Discord's client would not build", () => {
  it("autocomplete with no focused option: an empty list, no internal error", async () => {
    const before = subject.log.lines.length;
    const outcome = await subject.harness.rawInteraction(
      4,
      { name: "policy", type: 1, options: [{ name: "name", type: 3, value: "tor" }] },
      {},
      { commandName: "policy" },
    );
    expect(outcome.choices).toEqual([]);
    expect(subject.log.lines.slice(before).filter((line) => line.level === "error")).toEqual([]);
  });

  it("autocomplete on an option that has no suggestions: an empty list, not policy names", async () => {
    const outcome = await subject.harness.rawInteraction(
      4,
      {
        name: "policy",
        type: 1,
        options: [{ name: "nonsense", type: 3, value: "tor", focused: true }],
      },
      {},
      { commandName: "policy", focused: { name: "nonsense", type: 3 } },
    );
    expect(outcome.choices).toEqual([]);
  });

  it("a modal submit gets a private answer", async () => {
    const outcome = await subject.harness.submitModal("old-feedback-form", { text: "hello" });
    expect(outcome.ackType).toBe(4);
    expect(outcome.ephemeral).toBe(true);
    expect(outcome.message?.content).toBe(STALE_FORM_TEXT);
  });
});

describe("the gateway's bad days", () => {
  it("no HEARTBEAT_ACK: the bot notices the dead connection, resumes and answers", async () => {
    const reconnected = subject.harness.server.gateway.waitForReconnect(5000);
    subject.harness.server.gateway.faults.heartbeatAck = false;
    const how = await reconnected;
    subject.harness.server.gateway.faults.heartbeatAck = true;
    expect(how).toBe("resumed");
    const outcome = await subject.harness.slash("policy", { name: "torch" });
    expect(visibleText(outcome.message)).toContain("TORCH");
  });

  it("a half-open socket: the bot notices, resumes and answers", async () => {
    const reconnected = subject.harness.server.gateway.waitForReconnect(5000);
    subject.harness.server.gateway.halfOpen();
    expect(await reconnected).toBe("resumed");
    const reply = await subject.harness.say("torch start year?", {
      mentionBot: true,
      author: newUser(),
    });
    expect(reply.embeds).toHaveLength(1);
  });
});

describe("memory", () => {
  it("keeps no users, members or messages it does not need, after thousands of people asked", () => {
    const client = subject.bot.client;
    expect(userCounter).toBeGreaterThan(1500);
    expect(client.users.cache.size).toBeLessThanOrEqual(1);
    const guild = client.guilds.cache.get(fixture.guild.id);
    expect(guild?.members.cache.size ?? 0).toBeLessThanOrEqual(1);
    for (const channel of guild?.channels.cache.values() ?? []) {
      if (channel.isTextBased()) expect(channel.messages.cache.size).toBe(0);
    }
  });

  it("sent nothing that could ping anyone, and no reply twice", () => {
    const replies = subject.harness.server.botMessages.filter(
      (message) => message.replyTo !== null && message.action === "create",
    );
    const seen = new Set<string>();
    for (const reply of replies) {
      expect(reply.pings).toEqual({ everyone: false, users: [], roles: [], repliedUser: false });
      const key = String(reply.replyTo);
      expect(seen.has(key)).toBe(false);
      seen.add(key);
    }
  });
});
