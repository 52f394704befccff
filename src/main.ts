import { createCommandRegistry } from "../commands/index.ts";
import { loadChartRenderer } from "./bot/charts.ts";
import { startBot, type RunningBot } from "./bot/client.ts";
import { consoleLogger, type Logger } from "./bot/log.ts";
import { ConfigError, loadConfig, redactSecret, type Config } from "./config.ts";
import type { Engine } from "./engine.ts";

/**
 * `npm start`: the Discord bot when DISCORD_TOKEN is set, the offline console otherwise.
 * Problems at start-up end the process with a clear message and exit code 1.
 */

async function loadEngine(config: Config): Promise<Engine> {
  const [{ loadDataset, defaultDataDir }, { createEngine }] = await Promise.all([
    import("./dataset/load.ts"),
    import("./create-engine.ts"),
  ]);
  return createEngine(loadDataset(config.dataDir ?? defaultDataDir()));
}

async function runBot(config: Config, log: Logger): Promise<void> {
  const engine = await loadEngine(config);
  let bot: RunningBot | null = null;
  let stopping = false;
  const shutdown = async (code: number, why: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    log.info(`${why}: logging out.`);
    // bot.stop() is bounded itself; this is the backstop for anything that is not.
    setTimeout(() => {
      log.error("Logging out took too long; exiting anyway.");
      process.exit(code);
    }, 6000).unref();
    await bot?.stop().catch((error: unknown) => log.error("Error while logging out:", error));
    process.exit(code);
  };
  process.once("SIGINT", () => void shutdown(0, "SIGINT"));
  process.once("SIGTERM", () => void shutdown(0, "SIGTERM"));

  const { Conversations } = await import("./conversation/conversations.ts");
  const { MemoryConversationStore } = await import("./conversation/memory-store.ts");
  const conversations = new Conversations(
    new MemoryConversationStore({ capacity: config.conversationMax }),
    config.conversationTtlSeconds,
    (error) => log.warn("The conversation store failed; answering without context:", error),
  );
  bot = await startBot(config, {
    engine,
    conversations,
    commands: createCommandRegistry(),
    renderChart: await loadChartRenderer(log),
    log,
    onFatal: (reason) => void shutdown(1, reason),
  });
}

async function main(): Promise<void> {
  const log = consoleLogger;
  let token: string | null = null;
  process.on("unhandledRejection", (reason) => {
    const text = reason instanceof Error ? (reason.stack ?? reason.message) : String(reason);
    log.error(`Unhandled promise rejection (still running): ${redactSecret(text, token)}`);
  });

  let config: Config;
  try {
    config = await loadConfig("start");
  } catch (error) {
    log.error(
      error instanceof ConfigError
        ? error.message
        : `Could not read the configuration: ${String(error)}`,
    );
    process.exit(1);
  }
  token = config.token;

  if (!config.token) {
    try {
      const { runConsole } = await import("./console/run.ts");
      await runConsole();
    } catch (error) {
      log.error(
        `The offline console stopped: ${error instanceof Error ? error.message : String(error)}`,
      );
      process.exit(1);
    }
    return;
  }
  try {
    await runBot(config, log);
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    log.error(`The bot could not start: ${redactSecret(text, token)}`);
    process.exit(1);
  }
}

await main();
