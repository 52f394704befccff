import { afterEach, describe, expect, it } from "vitest";
import { ALL_COMMANDS, createCommandRegistry } from "../../commands/index.ts";
import { startBot } from "../../src/bot/client.ts";
import type { RunningBot } from "../../src/bot/client.ts";
import { deployCommands } from "../../src/bot/deploy.ts";
import { createEngine } from "../../src/create-engine.ts";
import { defaultDataDir, loadDataset } from "../../src/dataset/load.ts";
import { fixture } from "../discord-server/fixture.ts";
import type { FixtureUser } from "../discord-server/fixture.ts";
import { delay, DiscordHarness } from "../discord-server/harness.ts";
import type { DiscordTestServerOptions } from "../discord-server/server.ts";
import { recordingLogger, startBotUnderTest, visibleText } from "./bot-under-test.ts";
import type { BotUnderTest, RecordedLog } from "./bot-under-test.ts";

/**
 * The bot's life under faults, in this process: start-up ends logged in or not started, never
 * half-way; stop() is bounded in every state and answers what was received first; a 401 is
 * reported and either recovered from or fatal; a late answer is deferred, then delivered.
 */

const engine = createEngine(loadDataset(defaultDataDir()));
const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function harnessWithCommands(
  options: DiscordTestServerOptions = {},
): Promise<DiscordHarness> {
  const harness = await DiscordHarness.start(options);
  cleanups.push(() => harness.stop());
  await deployCommands(
    {
      token: harness.token,
      clientId: fixture.applicationId,
      guildId: fixture.guild.id,
      apiUrl: harness.apiUrl,
    },
    ALL_COMMANDS,
  );
  return harness;
}

function start(
  harness: DiscordHarness,
  log: RecordedLog,
  extra: Partial<Parameters<typeof startBot>[1]> = {},
): Promise<RunningBot> {
  return startBot(
    { token: harness.token, apiUrl: harness.apiUrl, askChannelIds: [] },
    { engine, commands: createCommandRegistry(), log, ...extra },
  );
}

async function tracked(subject: BotUnderTest): Promise<BotUnderTest> {
  cleanups.push(() => subject.stop());
  return subject;
}

function messages(log: RecordedLog): string {
  return log.lines
    .map(
      (line) =>
        `${line.level} ${line.message} ${line.error instanceof Error ? line.error.message : ""}`,
    )
    .join("\n");
}

const person = (n: number): FixtureUser => ({
  id: String(1_470_000_000_000_000_000n + BigInt(n)),
  username: `visitor${n}`,
  bot: false,
});

describe("break 3: start-up ends in exactly one of two states", () => {
  it("READY later than the login timeout: 'could not start', and the half-made client answers nothing", async () => {
    const harness = await harnessWithCommands();
    harness.server.gateway.faults.readyDelayMs = 1500;
    const log = recordingLogger();
    const started = Date.now();
    const error = await start(harness, log, { loginTimeoutMs: 500 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(String(error)).toMatch(/No connection to .* after 1 s/);
    expect(Date.now() - started).toBeLessThan(3500);
    // Past the moment READY would have come: no session, no request from the abandoned client.
    await delay(1500);
    const requests = harness.server.requests.length;
    expect(harness.server.gateway.session?.connection ?? null).toBeNull();
    await delay(300);
    expect(harness.server.requests.length).toBe(requests);
    expect(messages(log)).not.toMatch(/Logged in/);
  });

  it("READY 1.5 s late but within the timeout: logged in, said once, and answering", async () => {
    const harness = await harnessWithCommands();
    harness.server.gateway.faults.readyDelayMs = 1500;
    const log = recordingLogger();
    const bot = await start(harness, log, { loginTimeoutMs: 5000 });
    cleanups.push(() => bot.stop());
    expect(log.lines.filter((line) => /Logged in as/.test(line.message))).toHaveLength(1);
    const outcome = await harness.slash("help");
    expect(visibleText(outcome.message)).toContain("/policy");
  });
});

// The re-identifying state (no READY coming) is exercised through `npm start` and SIGTERM in
// lifecycle-process.test.ts.
describe("break 2: stop() is bounded and drains what was received", () => {
  it("with interactions and mentions in flight: stops taking new ones, answers those received, then logs out", async () => {
    const subject = await tracked(await startBotUnderTest({ bot: { stopTimeoutMs: 5000 } }));
    const { harness, bot, log } = subject;
    const posted = Array.from({ length: 10 }, (_, n) =>
      harness.post("torch budget?", { mentionBot: true, author: person(n) }),
    );
    const outcomes = Array.from({ length: 30 }, () =>
      harness.slash("policy", { name: "torch" }, { timeoutMs: 4000 }).catch(() => null),
    );
    // Once the first answer is out, the bot has read the burst from its socket.
    await new Promise((resolve) => harness.server.once("interactionUpdate", resolve));
    const started = Date.now();
    await bot.stop();
    expect(Date.now() - started).toBeLessThan(5000);
    const settled = (await Promise.all(outcomes)).filter((outcome) => outcome !== null);
    const answered = [...harness.server.interactions.values()].filter((state) => state.ack);
    expect(settled.length).toBe(answered.length);
    expect(answered.length).toBeGreaterThan(0);
    for (const state of answered) {
      expect(state.ack && state.ack.at - state.createdAt).toBeLessThan(harness.server.ackWindowMs);
      expect(state.rejected).toEqual([]);
    }
    const replied = posted.filter((message) =>
      harness.server.botMessages.some((reply) => reply.replyTo === message.id),
    );
    expect(replied).toHaveLength(posted.length);
    expect(messages(log)).not.toMatch(/still unanswered/);
    expect(harness.server.gateway.connections.at(-1)?.closeCode).toBe(1000);
  });
});

describe("break 4: a 401 is reported, then recovered from or fatal", () => {
  it("one 401 on a channel message: an error line with its cause, the token checked, later replies work", async () => {
    const subject = await tracked(await startBotUnderTest());
    const { harness, log } = subject;
    harness.server.injectFault({
      route: "POST /channels/:channelId/messages",
      status: 401,
      times: 1,
    });
    harness.post("torch budget?", { mentionBot: true, author: person(100) });
    const deadline = Date.now() + 5000;
    while (!/still accepted/.test(messages(log)) && Date.now() < deadline) await delay(25);
    const text = messages(log);
    expect(text).toMatch(
      /error Discord answered 401 Unauthorized to POST \/channels\/:id\/messages/,
    );
    expect(text).toMatch(/still accepted/);
    const reply = await harness.say("torch start year?", { mentionBot: true, author: person(101) });
    expect(reply.embeds).toHaveLength(1);
    const command = await harness.slash("policy", { name: "torch" });
    expect(visibleText(command.message)).toContain("TORCH");
  });

  it("a revoked token (401 everywhere): stops through onFatal with a clear message", async () => {
    let fatal: string | null = null;
    // As the process does (src/bot/shard-entry.ts): a fatal reason stops the bot at once, so the
    // gateway is not left retrying a refused token while the test winds down.
    let stopBot: () => Promise<void> = () => Promise.resolve();
    const subject = await tracked(
      await startBotUnderTest({
        bot: {
          onFatal: (reason) => {
            fatal = reason;
            void stopBot();
          },
        },
      }),
    );
    stopBot = () => subject.bot.stop();
    const { harness, log } = subject;
    harness.server.injectFault({ route: "*", status: 401 });
    harness.post("torch budget?", { mentionBot: true, author: person(200) });
    const deadline = Date.now() + 5000;
    while (fatal === null && Date.now() < deadline) await delay(25);
    expect(fatal).toMatch(/no longer accepts the bot token \(DISCORD_TOKEN\)/);
    expect(messages(log)).toMatch(/error Stopping: Discord no longer accepts the bot token/);
    expect(messages(log)).not.toContain(harness.token);
  });
});

describe("late answers", () => {
  it("deferred first, then edited in; an edit failing for a moment is retried, and the answer arrives once", async () => {
    const subject = await tracked(
      await startBotUnderTest({
        bot: {
          deferAfterMs: 0,
          rest: { routes: { webhook: { attemptMs: 300, budgetMs: 700 } } },
        },
      }),
    );
    const { harness } = subject;
    harness.server.injectFault({
      route: "PATCH /webhooks/:appId/:token/messages/:messageId",
      status: 503,
      times: 4,
      delayMs: 100,
    });
    const outcome = await harness.slash("policy", { name: "torch" });
    expect(outcome.ackType).toBe(5);
    expect(visibleText(outcome.message)).toContain("TORCH");
    expect(outcome.message?.content).not.toBe("Sorry");
    const edits = harness.server.botMessages.filter(
      (message) => message.interactionId === outcome.interaction.id && !message.loading,
    );
    expect(edits).toHaveLength(1);
  });
});
