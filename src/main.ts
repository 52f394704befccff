import { ConfigError, configSecrets, loadConfig, redactSecret, type Config } from "./config.ts";
import type { Engine } from "./engine.ts";

/**
 * `npm start`: the Discord bot when DISCORD_TOKEN is set (one process, or one per shard with
 * SHARD_COUNT), the HTTP interactions endpoint when DISCORD_PUBLIC_KEY and INTERACTIONS_PORT are
 * set (with or without the gateway), the offline console otherwise. Problems at start-up end the
 * process with a clear message and exit code 1. Each mode loads only its own modules (the
 * console never loads discord.js or the logger), so it answers fast.
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

/** Stops, in reverse order, what `runBot` started. */
type Stop = () => Promise<void>;

async function runBot(config: Config): Promise<void> {
  const [
    { createLogger },
    { loggerFrom },
    { BotMetrics },
    { GatewayHealth },
    { createBotServices },
  ] = await Promise.all([
    import("./ops/logger.ts"),
    import("./bot/log.ts"),
    import("./ops/metrics.ts"),
    import("./ops/gateway-health.ts"),
    import("./bot/create-services.ts"),
  ]);
  // The logger redacts the token (and a Redis password) itself, whatever any module passes it.
  const logger = createLogger({ level: config.logLevel, secrets: configSecrets(config) });
  const log = loggerFrom(logger);
  process.on("unhandledRejection", (reason) => {
    logger.error({ err: reason }, "Unhandled promise rejection (still running)");
  });

  const metrics = new BotMetrics();
  const health = new GatewayHealth();
  /** What /healthz reports: the gateway's state, or (HTTP only, shards) that this process serves. */
  let ready = (): boolean => health.ready;
  const stops: Stop[] = [];
  let stopping = false;
  const shutdown = async (code: number, why: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    log.info(`${why}: ${config.token ? "logging out" : "stopping"}.`);
    // Each stop is bounded itself; this is the backstop for anything that is not.
    setTimeout(() => {
      log.error("Shutting down took too long; exiting anyway.");
      process.exit(code);
    }, 6000).unref();
    for (const stop of stops.reverse()) {
      await stop().catch((error: unknown) => log.error("Error while shutting down:", error));
    }
    process.exit(code);
  };
  process.once("SIGINT", () => void shutdown(0, "SIGINT"));
  process.once("SIGTERM", () => void shutdown(0, "SIGTERM"));

  try {
    if (config.healthPort !== null) {
      const { startHealthServer } = await import("./ops/health-server.ts");
      // Up before the login: /healthz says 503 until the gateway is ready.
      const healthServer = await startHealthServer(config.healthPort, {
        ready: () => ready(),
        metrics: () => metrics.render(ready()),
      });
      stops.push(() => healthServer.close());
      log.info(`Serving GET /healthz and GET /metrics on port ${healthServer.port}.`);
    }
    const built = await createBotServices(config, await loadEngine(config), {
      logger,
      log,
      metrics,
    });
    stops.push(() => built.close());
    const { services } = built;
    if (config.interactions) {
      const { startInteractionsEndpoint } = await import("./http/start.ts");
      const endpoint = await startInteractionsEndpoint({
        ...config.interactions,
        apiUrl: config.apiUrl,
        services,
      });
      stops.push(() => endpoint.stop());
      if (!config.token) ready = () => !stopping;
    }
    if (!config.token) return;
    if (config.shardCount !== null) {
      const { startShards } = await import("./bot/shard-manager.ts");
      const shards = await startShards(config, log);
      stops.push(() => shards.stop());
      // Each shard is its own process with its own gateway; this one only watches them.
      ready = () => !stopping && shards.allReady();
      return;
    }
    // discord.js's client reads SHARD_COUNT from the environment as its own (a shard's count);
    // ours is parsed into config already, and a blank one would read as 0 shards.
    delete process.env.SHARD_COUNT;
    const [{ startBot }, { watchGateway }] = await Promise.all([
      import("./bot/client.ts"),
      import("./bot/watch-gateway.ts"),
    ]);
    const running = await startBot(config, {
      ...services,
      onFatal: (reason) => void shutdown(1, reason),
    });
    stops.push(() => running.stop());
    watchGateway(running.client, health, metrics);
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    log.error(`The bot could not start: ${redactSecret(text, config.token)}`);
    for (const stop of stops.reverse()) await stop().catch(() => {});
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

  if (config.token || config.interactions) {
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
