import { MessageFlags, SlashCommandBuilder } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ALL_COMMANDS, createCommandRegistry } from "../../commands/index.ts";
import { startBot, type RunningBot } from "../../src/bot/client.ts";
import { deployCommands } from "../../src/bot/deploy.ts";
import { INTERNAL_ERROR_TEXT } from "../../src/bot/interactions.ts";
import type { Logger } from "../../src/bot/log.ts";
import { RATE_LIMIT_TEXT } from "../../src/bot/messages.ts";
import { UserRateLimiter } from "../../src/bot/rate-limit.ts";
import { UserError, type Command } from "../../src/command-api.ts";
import { createEngine } from "../../src/create-engine.ts";
import { defaultDataDir, loadDataset } from "../../src/dataset/load.ts";
import { fixture } from "../discord-server/fixture.ts";
import { DiscordHarness } from "../discord-server/harness.ts";

/**
 * The router's promises, through the real discord.js client and the local test server: a
 * failing handler gets a polite private reply and a log line with the interaction id, a
 * UserError is shown as written, and the bot keeps answering.
 */

const failing: Command = {
  data: new SlashCommandBuilder().setName("boom").setDescription("Always fails"),
  async execute() {
    throw new Error("database exploded at /secret/path");
  },
};
const refusing: Command = {
  data: new SlashCommandBuilder().setName("refuse").setDescription("Always refuses"),
  async execute() {
    throw new UserError("You can't do that here.");
  },
};

let harness: DiscordHarness;
let bot: RunningBot;
const errors: string[] = [];
const log: Logger = {
  info() {},
  warn() {},
  error: (message) => errors.push(message),
};

beforeAll(async () => {
  harness = await DiscordHarness.start();
  const config = {
    token: harness.token,
    clientId: fixture.applicationId,
    guildId: fixture.guild.id,
    apiUrl: harness.apiUrl,
    askChannelIds: [fixture.channels.askPolicy.id],
  };
  const commands = [...ALL_COMMANDS, failing, refusing];
  await deployCommands(config, commands);
  bot = await startBot(config, {
    engine: createEngine(loadDataset(defaultDataDir())),
    commands: createCommandRegistry(commands),
    log,
    limiter: new UserRateLimiter(3, 60_000),
  });
});

afterAll(async () => {
  await bot?.stop();
  await harness?.stop();
});

describe("the bot through a Discord-compatible server", () => {
  it("answers a failing handler politely and privately, logs it with the interaction id, and keeps going", async () => {
    const outcome = await harness.slash("boom");
    expect(outcome.ephemeral).toBe(true);
    expect(outcome.message?.content).toBe(INTERNAL_ERROR_TEXT);
    expect(outcome.message?.content).not.toContain("secret");
    expect(errors.some((line) => line.includes(outcome.interaction.id))).toBe(true);

    const next = await harness.slash("policy", { name: "torch" });
    expect(next.message?.embeds[0]?.title).toContain("TORCH");
  });

  it("shows a UserError's message as written, privately", async () => {
    const outcome = await harness.slash("refuse");
    expect(outcome.ephemeral).toBe(true);
    expect(outcome.message?.content).toBe("You can't do that here.");
  });

  it("answers free text when mentioned, and in ask-channels only what it knows about", async () => {
    const mentioned = await harness.say("torch budget?", { mentionBot: true });
    expect(mentioned.embeds[0]?.title).toContain("budget");
    const declined = await harness.say("what's the weather?", { mentionBot: true });
    expect(declined.content).toContain("/help");
    const asked = await harness.say("when did city clusters start", { channel: "askPolicy" });
    expect(asked.embeds[0]?.description).toContain("2006");
    await harness.sayExpectingSilence("good morning everyone", {
      channel: "askPolicy",
      author: fixture.users.bob,
    });
    await harness.sayExpectingSilence("torch budget?", {
      mentionBot: true,
      author: fixture.users.otherBot,
    });
  });

  it("limits each user with one quiet reply, then silence", async () => {
    // alice used her 3 questions above; bob has his own allowance.
    const quiet = await harness.say("torch budget?", { mentionBot: true });
    expect(quiet.content).toBe(RATE_LIMIT_TEXT);
    expect(quiet.flags & MessageFlags.SuppressNotifications).toBeTruthy();
    await harness.sayExpectingSilence("torch budget?", { mentionBot: true });
    const bob = await harness.say("torch budget?", { mentionBot: true, author: fixture.users.bob });
    expect(bob.embeds[0]?.title).toContain("budget");
  });

  it("says so when a registered command has no handler any more", async () => {
    await bot.stop();
    bot = await startBot(
      { token: harness.token, apiUrl: harness.apiUrl, askChannelIds: [] },
      {
        engine: createEngine(loadDataset(defaultDataDir())),
        commands: createCommandRegistry(ALL_COMMANDS),
        log,
      },
    );
    const outcome = await harness.slash("boom");
    expect(outcome.ephemeral).toBe(true);
    expect(outcome.message?.content).toContain("I don't have a /boom command");
  });
});
