import { ConfigError, loadConfig, redactSecret, type Config } from "./config.ts";
import type { Engine } from "./engine.ts";

/**
 * `npm start`: the Discord bot when DISCORD_TOKEN is set, the offline console otherwise.
 * Problems at start-up end the process with a clear message and exit code 1. Each mode loads
 * only its own modules (the console never loads discord.js or the logger), so it answers fast.
 */

/** Before the mode is known, and in the console: plain lines on standard error. */
function printError(text: string): void {
  process.stderr.write(`${text}\n`);
}

async function loadEngine(config: Config): Promise<Engine> {
  const [{ loadDataset, defaultDataDir }, { createEngine }] = await Promise.all([
    import("./dataset/load.ts"),
    import("./create-engine.ts"),
  ]);
  return createEngine(loadDataset(config.dataDir ?? defaultDataDir()));
}

async function runBot(config: Config): Promise<void> {
  const [
    { createLogger },
    { loggerFrom },
    { BotMetrics },
    { GatewayHealth, watchGateway },
    { interactionTelemetry },
  ] = await Promise.all([
    import("./ops/logger.ts"),
    import("./bot/log.ts"),
    import("./ops/metrics.ts"),
    import("./ops/gateway-health.ts"),
    import("./ops/interaction-telemetry.ts"),
  ]);
  // The logger redacts the token itself, whatever any module passes it.
  const logger = createLogger({ level: config.logLevel, secrets: [config.token] });
  const log = loggerFrom(logger);
  process.on("unhandledRejection", (reason) => {
    logger.error({ err: reason }, "Unhandled promise rejection (still running)");
  });

  const metrics = new BotMetrics();
  const health = new GatewayHealth();
  let healthServer: { close(): Promise<void> } | null = null;
  let bot: { stop(): Promise<void> } | null = null;
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
    await healthServer?.close();
    process.exit(code);
  };
  process.once("SIGINT", () => void shutdown(0, "SIGINT"));
  process.once("SIGTERM", () => void shutdown(0, "SIGTERM"));

  try {
    if (config.healthPort !== null) {
      const { startHealthServer } = await import("./ops/health-server.ts");
      // Up before the login: /healthz says 503 until the gateway is ready.
      healthServer = await startHealthServer(config.healthPort, {
        ready: () => health.ready,
        metrics: () => metrics.render(health.ready),
      });
      log.info(`Serving GET /healthz and GET /metrics on port ${config.healthPort}.`);
    }
    const [engine, { createCommandRegistry }, { loadChartRenderer }, { startBot }] =
      await Promise.all([
        loadEngine(config),
        import("../commands/index.ts"),
        import("./bot/charts.ts"),
        import("./bot/client.ts"),
      ]);
    const { Conversations } = await import("./conversation/conversations.ts");
    const { MemoryConversationStore } = await import("./conversation/memory-store.ts");
    const conversations = new Conversations(
      new MemoryConversationStore({ capacity: config.conversationMax }),
      config.conversationTtlSeconds,
      (error) => log.warn("The conversation store failed; answering without context:", error),
    );
    const running = await startBot(config, {
      engine,
      conversations,
      commands: createCommandRegistry(),
      renderChart: await loadChartRenderer(log),
      log,
      recordInteraction: interactionTelemetry(logger, metrics),
      onFatal: (reason) => void shutdown(1, reason),
    });
    bot = running;
    watchGateway(running.client, health, metrics);
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    log.error(`The bot could not start: ${redactSecret(text, config.token)}`);
    await healthServer?.close();
    process.exit(1);
  }
}

async function main(): Promise<void> {
  let config: Config;
  try {
    config = await loadConfig("start");
  } catch (error) {
    printError(
      error instanceof ConfigError
        ? error.message
        : `Could not read the configuration: ${String(error)}`,
    );
    process.exit(1);
  }

  if (config.token) {
    await runBot(config);
    return;
  }
  process.on("unhandledRejection", (reason) => {
    const text = reason instanceof Error ? (reason.stack ?? reason.message) : String(reason);
    printError(`Unhandled promise rejection (still running): ${text}`);
  });
  try {
    const { runConsole } = await import("./console/run.ts");
    await runConsole();
  } catch (error) {
    printError(
      `The offline console stopped: ${error instanceof Error ? error.message : String(error)}`,
    );
    process.exit(1);
  }
}

await main();
