import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import { ALL_COMMANDS } from "../commands/index.ts";
import { deployCommands } from "../src/bot/deploy.ts";
import { ensureBuilt } from "../test/build-dist.ts";
import { fixture } from "../test/discord-server/fixture.ts";
import { DiscordHarness } from "../test/discord-server/harness.ts";
import { freePort } from "../test/e2e/child-process.ts";
import { startRedis, type RedisUnderTest } from "../test/redis-server.ts";
import { MIX, round, startScript } from "./bot-load.ts";

/**
 * The scaling section of `npm run bench` (`-- --scale-only` for just this): the same mix of
 * interactions, sent by the local Discord-compatible server to one HTTP replica, to two HTTP
 * replicas behind a round-robin proxy (sharing one Redis), and to the gateway bot, all on this
 * machine. Latency is what a user waits: from the interaction's dispatch to its answer.
 */

export interface ScaleRow {
  mode: string;
  interactions: number;
  concurrency: number;
  per_second: number;
  p50_ms: number;
  p99_ms: number;
  /** Interactions the user never saw answered (the first three are printed). */
  failed: number;
}

const REPO_ROOT = fileURLToPath(new URL("..", import.meta.url));

function percentile(sorted: readonly number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? 0;
}

function startBot(env: Record<string, string>, readyLine: RegExp): Promise<ChildProcess> {
  const command = startScript(REPO_ROOT).replace(/^exec /, "");
  const child = spawn("sh", ["-c", `exec ${command}`], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stderr?.resume();
  return new Promise((resolve, reject) => {
    let seen = "";
    const timer = setTimeout(() => reject(new Error(`no ${readyLine}:\n${seen}`)), 30_000);
    const onData = (chunk: Buffer): void => {
      seen += chunk.toString();
      if (readyLine.test(seen)) {
        clearTimeout(timer);
        child.stdout?.off("data", onData);
        // Drained as a log collector would.
        child.stdout?.resume();
        resolve(child);
      }
    };
    child.stdout?.on("data", onData);
    child.once("exit", () => reject(new Error(`exited before ${readyLine}:\n${seen}`)));
  });
}

const PROXY = fileURLToPath(new URL("./proxy-process.ts", import.meta.url));

/** The load balancer in its own process (bench/proxy-process.ts). */
function startProxy(ports: readonly number[]): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ["--import", "tsx", PROXY, ...ports.map(String)], {
    cwd: REPO_ROOT,
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    let seen = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      seen += chunk.toString();
      const url = /^(http:\/\/\S+)\n/.exec(seen)?.[1];
      if (url) resolve({ url, child });
    });
    child.once("exit", () => reject(new Error(`the proxy exited:\n${seen}`)));
  });
}

async function stopBot(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
  await exited;
  clearTimeout(timer);
}

async function drive(
  mode: string,
  harness: DiscordHarness,
  options: { interactions: number; concurrency: number },
): Promise<ScaleRow> {
  // A warm-up pass of the whole mix, so every path is compiled before anything is timed.
  for (const run of MIX) await run(harness).catch(() => undefined);
  const times: number[] = [];
  let sent = 0;
  let failed = 0;
  const started = performance.now();
  const worker = async (): Promise<void> => {
    while (sent < options.interactions) {
      const run = MIX[sent++ % MIX.length];
      if (!run) throw new Error("empty mix");
      const t0 = performance.now();
      try {
        // Settled means the user saw the answer (a request refused on the way and retried is
        // not a failure: the answer still arrived once).
        await run(harness);
      } catch (error) {
        failed += 1;
        if (failed <= 3) console.error(`not answered: ${String(error).slice(0, 300)}`);
      }
      times.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  times.sort((a, b) => a - b);
  return {
    mode,
    interactions: options.interactions,
    concurrency: options.concurrency,
    per_second: Math.round(options.interactions / seconds),
    p50_ms: round(percentile(times, 50), 1),
    p99_ms: round(percentile(times, 99), 1),
    failed,
  };
}

async function freshServer(): Promise<DiscordHarness> {
  const harness = await DiscordHarness.start();
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

async function httpReplicas(
  count: number,
  redis: RedisUnderTest,
  options: { interactions: number; concurrency: number },
): Promise<ScaleRow> {
  const harness = await freshServer();
  const children: ChildProcess[] = [];
  let proxy: { url: string; child: ChildProcess } | null = null;
  try {
    const ports = await Promise.all(Array.from({ length: count }, () => freePort()));
    for (const port of ports) {
      children.push(
        await startBot(
          {
            DISCORD_PUBLIC_KEY: harness.server.signer.publicKeyHex,
            INTERACTIONS_PORT: String(port),
            DISCORD_API_URL: harness.apiUrl,
            REDIS_URL: redis.url,
          },
          /Serving Discord interactions on port/,
        ),
      );
    }
    proxy = count > 1 ? await startProxy(ports) : null;
    await harness.server.setInteractionsEndpoint(
      proxy?.url ?? `http://127.0.0.1:${ports[0]}/interactions`,
    );
    const mode =
      count === 1 ? "1 HTTP replica" : `${count} HTTP replicas behind a round-robin proxy`;
    return await drive(mode, harness, options);
  } finally {
    await Promise.all(children.map(stopBot));
    if (proxy) await stopBot(proxy.child);
    await harness.stop();
  }
}

async function gatewayBot(options: {
  interactions: number;
  concurrency: number;
}): Promise<ScaleRow> {
  const harness = await freshServer();
  const child = await startBot(
    { DISCORD_TOKEN: harness.token, DISCORD_API_URL: harness.apiUrl },
    /Logged in as/,
  );
  try {
    return await drive("gateway bot (one process)", harness, options);
  } finally {
    await stopBot(child);
    await harness.stop();
  }
}

export async function benchScale(options: {
  interactions: number;
  concurrency: number;
}): Promise<ScaleRow[]> {
  ensureBuilt();
  const redis = await startRedis();
  try {
    return [
      await httpReplicas(1, redis, options),
      await httpReplicas(2, redis, options),
      await gatewayBot(options),
    ];
  } finally {
    await redis.dispose();
  }
}

export function printScaleSection(rows: readonly ScaleRow[]): void {
  const first = rows[0];
  console.log(
    `\nscaling out on this machine: ${first?.interactions ?? 0} interactions per mode, ${first?.concurrency ?? 0} at a time, conversations in one local Redis for the HTTP replicas`,
  );
  const header = ["mode", "int/s", "p50 ms", "p99 ms", "failed"];
  const cells = rows.map((row) => [
    row.mode,
    String(row.per_second),
    row.p50_ms.toFixed(1),
    row.p99_ms.toFixed(1),
    String(row.failed),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((r) => (r[i] ?? "").length)));
  const line = (values: string[]): string =>
    values
      .map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
      .join("  ");
  console.log(line(header));
  for (const row of cells) console.log(line(row));
  console.log(
    "Latency is from the interaction's dispatch to its answer (a chart's follow-up included); the local server, the proxy and every replica share this machine's cores.",
  );
}
