import type { ChildProcess } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { REST, Routes, ShardingManager, type Shard } from "discord.js";
import { z } from "zod";
import type { Config } from "../config.ts";
import { redactSecret } from "../config.ts";
import type { Logger } from "./log.ts";

/** Discord lets `max_concurrency` shards identify at once, then one more per 5 s. */
const IDENTIFY_INTERVAL_MS = 5_500;
const STOP_GRACE_MS = 4_000;

/**
 * The file each shard process runs, next to this one: `shard-entry.ts` under tsx (which the
 * shard must then load too), `shard-entry.js` in the compiled build. The one place that knows.
 */
/** V8 heap flags given to `npm start` (its memory settings) apply to every shard process too. */
const HEAP_FLAGS = /^--(heap-growing-percent|max-semi-space-size|max-old-space-size)=/;

export function shardEntry(): { file: string; execArgv: string[] } {
  const here = fileURLToPath(import.meta.url);
  const typescript = here.endsWith(".ts");
  return {
    file: here.replace(/shard-manager\.([jt]s)$/, "shard-entry.$1"),
    execArgv: [
      ...process.execArgv.filter((flag) => HEAP_FLAGS.test(flag)),
      ...(typescript ? ["--import", "tsx"] : []),
    ],
  };
}

const GatewayBot = z.looseObject({
  shards: z.number().int().min(1),
  session_start_limit: z.looseObject({ max_concurrency: z.number().int().min(1) }),
});

/** What Discord (or DISCORD_API_URL's server) recommends: shard count and identify concurrency. */
export async function fetchGatewayBot(
  config: Pick<Config, "token" | "apiUrl">,
): Promise<{ shards: number; maxConcurrency: number }> {
  const rest = new REST({
    ...(config.apiUrl ? { api: config.apiUrl } : {}),
    timeout: 10_000,
    retries: 1,
  }).setToken(config.token ?? "");
  const body = GatewayBot.parse(await rest.get(Routes.gatewayBot()));
  return { shards: body.shards, maxConcurrency: body.session_start_limit.max_concurrency };
}

export interface RunningShards {
  manager: ShardingManager;
  /** Every shard's process is up and its gateway connected. */
  allReady(): boolean;
  stop(): Promise<void>;
}

/**
 * SHARD_COUNT: the gateway bot as one process per shard under discord.js's ShardingManager.
 * Each guild's events reach the one shard (guild_id >> 22) % count; a shard that dies is
 * respawned; stop() ends every shard and waits for it.
 */
export async function startShards(
  config: Pick<Config, "token" | "apiUrl" | "shardCount">,
  log: Logger,
): Promise<RunningShards> {
  if (!config.token) throw new Error("DISCORD_TOKEN is not set.");
  const gateway = await fetchGatewayBot(config).catch((error: unknown) => {
    throw new Error(
      redactSecret(
        `Could not ask ${config.apiUrl ?? "Discord"} for the gateway (GET /gateway/bot): ${error instanceof Error ? error.message : String(error)}`,
        config.token,
      ),
    );
  });
  const total =
    config.shardCount === "auto" || config.shardCount === null ? gateway.shards : config.shardCount;
  const { file, execArgv } = shardEntry();
  const manager = new ShardingManager(file, {
    token: config.token,
    totalShards: total,
    mode: "process",
    respawn: true,
    execArgv,
  });
  let stopping = false;
  const ready = new Map<number, boolean>();
  manager.on("shardCreate", (shard: Shard) => {
    ready.set(shard.id, false);
    shard.on("disconnect", () => ready.set(shard.id, false));
    shard.on("reconnecting", () => ready.set(shard.id, false));
    shard.on("resume", () => ready.set(shard.id, true));
    shard.on("death", (child) => {
      ready.set(shard.id, false);
      if (stopping) return;
      const code = "exitCode" in child ? child.exitCode : null;
      log.warn(`Shard ${shard.id} stopped (exit code ${String(code)}); starting it again.`);
    });
    shard.on("ready", () => {
      ready.set(shard.id, true);
      log.info(`Shard ${shard.id} of ${total} is connected.`);
    });
  });
  log.info(
    `Starting ${total} shard${total === 1 ? "" : "s"}${config.shardCount === "auto" ? " (the count recommended by GET /gateway/bot)" : ""}.`,
  );
  const delay = total <= gateway.maxConcurrency ? 0 : IDENTIFY_INTERVAL_MS;
  await manager.spawn({ amount: total, delay, timeout: 60_000 });
  return {
    manager,
    allReady: () => ready.size === total && [...ready.values()].every(Boolean),
    async stop() {
      stopping = true;
      manager.respawn = false;
      const exits = [...manager.shards.values()].map((shard) => stopShard(shard));
      await Promise.all(exits);
    },
  };
}

/** SIGTERM (the shard logs out), then SIGKILL if it has not exited within the grace period. */
async function stopShard(shard: Shard): Promise<void> {
  const child: ChildProcess | null = shard.process;
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, "exit");
  shard.kill();
  const timer = setTimeout(() => child.kill("SIGKILL"), STOP_GRACE_MS);
  await exited;
  clearTimeout(timer);
}
