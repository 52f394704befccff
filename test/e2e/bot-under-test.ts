import { ALL_COMMANDS, createCommandRegistry } from "../../commands/index.ts";
import { lazyChartRenderer } from "../../src/bot/charts.ts";
import { startBot } from "../../src/bot/client.ts";
import type { RunningBot, StartBotOptions } from "../../src/bot/client.ts";
import { deployCommands } from "../../src/bot/deploy.ts";
import type { Logger } from "../../src/bot/log.ts";
import { silentLogger } from "../../src/bot/log.ts";
import type { Command } from "../../src/command-api.ts";
import { Conversations } from "../../src/conversation/conversations.ts";
import { MemoryConversationStore } from "../../src/conversation/memory-store.ts";
import { createEngine } from "../../src/create-engine.ts";
import { defaultDataDir, loadDataset } from "../../src/dataset/load.ts";
import type { Country } from "../../src/dataset/schema.ts";
import { fixture } from "../discord-server/fixture.ts";
import { DiscordHarness } from "../discord-server/harness.ts";
import type { BotMessage, DiscordTestServerOptions } from "../discord-server/server.ts";

/** Log lines the bot wrote, so tests can check what it logged (and keep the output quiet). */
export interface RecordedLog extends Logger {
  lines: { level: "info" | "warn" | "error"; message: string; error: unknown }[];
}

export function recordingLogger(): RecordedLog {
  const lines: RecordedLog["lines"] = [];
  return {
    lines,
    info: (message) => lines.push({ level: "info", message, error: undefined }),
    warn: (message, error) => lines.push({ level: "warn", message, error }),
    error: (message, error) => lines.push({ level: "error", message, error }),
  };
}

export interface BotUnderTest {
  harness: DiscordHarness;
  bot: RunningBot;
  log: RecordedLog;
  countries: Country[];
  stop(): Promise<void>;
}

/**
 * The real bot, in this process, logged into a fresh test server: commands registered with the
 * project's own deploy function, the real engine over the real dataset, the real chart renderer.
 */
export async function startBotUnderTest(
  options: {
    askChannels?: boolean;
    extraCommands?: Command[];
    /** Test server settings (heartbeat interval, window…). */
    server?: DiscordTestServerOptions;
    /** Bot settings beyond the defaults (limiter, queue bounds, request policy…). */
    bot?: Partial<Omit<StartBotOptions, "commands" | "log">>;
    /** Conversation memory as `npm start` configures it; `now` lets a test move time on. */
    conversation?: { ttlSeconds: number; now?: () => number };
  } = {},
): Promise<BotUnderTest> {
  const harness = await DiscordHarness.start(options.server);
  const commands = [...ALL_COMMANDS, ...(options.extraCommands ?? [])];
  await deployCommands(
    {
      token: harness.token,
      clientId: fixture.applicationId,
      guildId: fixture.guild.id,
      apiUrl: harness.apiUrl,
    },
    commands,
  );
  const countries = loadDataset(defaultDataDir());
  const log = recordingLogger();
  const renderChart = lazyChartRenderer(silentLogger);
  const bot = await startBot(
    {
      token: harness.token,
      apiUrl: harness.apiUrl,
      askChannelIds: options.askChannels ? [fixture.channels.askPolicy.id] : [],
    },
    {
      engine: createEngine(countries),
      commands: createCommandRegistry(commands),
      renderChart,
      conversations: new Conversations(
        new MemoryConversationStore(
          options.conversation?.now ? { now: options.conversation.now } : {},
        ),
        options.conversation?.ttlSeconds,
      ),
      log,
      loginTimeoutMs: 10_000,
      ...options.bot,
    },
  );
  return {
    harness,
    bot,
    log,
    countries,
    async stop() {
      await bot.stop();
      await harness.stop();
    },
  };
}

/** Everything a reader sees in a message: content, embed titles, descriptions, fields, footers. */
export function visibleText(message: BotMessage | null): string {
  if (!message) return "";
  const parts = [message.content];
  for (const embed of message.embeds) {
    parts.push(embed.title ?? "", embed.description ?? "", embed.author?.name ?? "");
    for (const field of embed.fields ?? []) parts.push(field.name, field.value);
    parts.push(embed.footer?.text ?? "");
  }
  return parts.filter((part) => part !== "").join("\n");
}

export function buttonIds(message: BotMessage | null): string[] {
  return (message?.components ?? []).flatMap((row) =>
    row.components
      .filter((component) => component.type === 2)
      .map((component) => component.custom_id ?? ""),
  );
}

export function selectMenu(
  message: BotMessage | null,
): BotMessage["components"][number]["components"][number] | null {
  for (const row of message?.components ?? []) {
    const select = row.components.find((component) => component.type === 3);
    if (select) return select;
  }
  return null;
}
