import { configSecrets, loadConfig, redactSecret } from "../config.ts";
import { createEngine } from "../create-engine.ts";
import { defaultDataDir, loadDataset } from "../dataset/load.ts";
import { createLogger } from "../ops/logger.ts";
import { BotMetrics } from "../ops/metrics.ts";
import { startBot, type RunningBot } from "./client.ts";
import { createBotServices } from "./create-services.ts";
import { consoleLogger, loggerFrom, type Logger } from "./log.ts";

/**
 * One shard's process, started by the ShardingManager (src/bot/shard-manager.ts). discord.js's
 * client reads its shard id and the total from the environment the manager sets.
 */

const shardId = process.env.SHARDS ?? "?";
let log: Logger = consoleLogger;
let token: string | null = null;
let bot: RunningBot | null = null;
let close: () => Promise<void> = () => Promise.resolve();
let stopping = false;

async function stop(code: number, why: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  log.info(`Shard ${shardId}: ${why}: logging out.`);
  await bot?.stop().catch((error: unknown) => log.error(`Shard ${shardId}: logout failed:`, error));
  await close().catch(() => {});
  process.exit(code);
}

process.once("SIGTERM", () => void stop(0, "SIGTERM"));
process.once("SIGINT", () => void stop(0, "SIGINT"));
// The manager is gone (killed, crashed): a shard never outlives it.
process.once("disconnect", () => void stop(0, "the shard manager went away"));
process.on("unhandledRejection", (reason) => {
  const text = reason instanceof Error ? (reason.stack ?? reason.message) : String(reason);
  log.error(
    `Shard ${shardId}: unhandled promise rejection (still running): ${redactSecret(text, token)}`,
  );
});

try {
  const config = await loadConfig("bot");
  token = config.token;
  const logger = createLogger({ level: config.logLevel, secrets: configSecrets(config) }).child({
    shard: shardId,
  });
  log = loggerFrom(logger);
  const engine = createEngine(loadDataset(config.dataDir ?? defaultDataDir()));
  const built = await createBotServices(config, engine, {
    logger,
    log,
    metrics: new BotMetrics(),
  });
  close = built.close;
  bot = await startBot(config, { ...built.services, onFatal: (reason) => void stop(1, reason) });
  const ids = bot.client.shard?.ids.join(", ") ?? shardId;
  log.info(`Shard ${ids} of ${bot.client.shard?.count ?? "?"} is ready (process ${process.pid}).`);
} catch (error) {
  const text = error instanceof Error ? error.message : String(error);
  log.error(`Shard ${shardId} could not start: ${redactSecret(text, token)}`);
  process.exit(1);
}
