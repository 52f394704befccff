import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { ALL_COMMANDS } from "../commands/index.ts";
import { deployCommands } from "../src/bot/deploy.ts";
import { fixture } from "../test/discord-server/fixture.ts";
import { DiscordHarness } from "../test/discord-server/harness.ts";
import type { InteractionOutcome } from "../test/discord-server/harness.ts";

/**
 * The bot section of `npm run bench`: a bot process logged in to the local Discord-compatible
 * server, sent the same mix of interactions as every other bot measured here, with its CPU time
 * and memory read from /proc (Linux) so only the bot's own process is counted.
 */

export interface BotLoadResult {
  name: string;
  interactions: number;
  concurrency: number;
  start_to_ready_ms: number;
  cpu_ms_per_interaction: number;
  /** Of which the main thread's (JavaScript); the rest is GC helpers, libuv's pool, workers. */
  main_thread_cpu_ms_per_interaction: number;
  throughput_per_s: number;
  failed: number;
  /** REST requests the bot made per interaction (a late answer is a deferral and an edit). */
  requests_per_interaction: number;
  rss_ready_mb: number;
  /** RSS after every 1,000 interactions. */
  rss_mb_by_thousand: number[];
  /** CPU time (ms) since READY after every 1,000 interactions. */
  cpu_ms_by_thousand: number[];
  rss_after_mb: number;
  peak_rss_mb: number;
}

const CLOCK_TICKS_PER_S = 100;

/** User + system CPU time of a process in ms (Linux /proc/<pid>/stat). */
export function cpuMs(pid: number, thread?: number): number {
  const stat = readFileSync(
    thread === undefined ? `/proc/${pid}/stat` : `/proc/${pid}/task/${thread}/stat`,
    "utf8",
  );
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const ticks = Number(fields[11]) + Number(fields[12]);
  return (ticks * 1000) / CLOCK_TICKS_PER_S;
}

/** Resident and peak resident memory in MiB (Linux /proc/<pid>/status). */
export function memoryMb(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (key: string): number => Number(new RegExp(`${key}:\\s+(\\d+) kB`).exec(status)?.[1]);
  return { rss: kb("VmRSS") / 1024, peak: kb("VmHWM") / 1024 };
}

/** The same mix for every bot: commands, free text, autocomplete, a chart. */
export const MIX: ((harness: DiscordHarness) => Promise<InteractionOutcome>)[] = [
  (h) => h.slash("policy", { name: "torch" }),
  (h) => h.slash("policy", { name: "city-clusters", section: "budget" }),
  (h) => h.slash("compare", { a: "torch", b: "greater-bay-area" }),
  (h) => h.slash("ask", { question: "When did the TORCH Program start?" }),
  (h) => h.autocompleteOutcome("policy", "name", "torhc"),
  (h) => h.slash("ask", { question: "what is the budget of city clusters?" }),
  (h) => h.autocompleteOutcome("compare", "b", "", { a: "torch" }),
  (h) => h.slash("policy", { name: "GBA", section: "start_year" }),
  (h) => h.slash("help"),
  (h) => h.slash("sources", { policy: "torch" }),
  (h) => h.slash("maturity", { country: "china" }),
  (h) => h.slash("ask", { question: "which policies does china have?" }),
];

/** The command line of package.json's start script, as npm would run it. */
export function startScript(root: string): string {
  const manifest: unknown = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8"));
  const start =
    typeof manifest === "object" && manifest !== null && "scripts" in manifest
      ? (manifest.scripts as Record<string, unknown>).start
      : undefined;
  if (typeof start !== "string") throw new Error(`${root}/package.json has no start script`);
  return start;
}

function waitForLine(child: ChildProcess, pattern: RegExp, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = "";
    const timer = setTimeout(
      () => reject(new Error(`no ${pattern} within ${timeoutMs} ms:\n${seen}`)),
      timeoutMs,
    );
    const onData = (chunk: Buffer): void => {
      seen += chunk.toString();
      if (pattern.test(seen)) {
        clearTimeout(timer);
        child.stdout?.off("data", onData);
        resolve();
      }
    };
    child.stdout?.on("data", onData);
    child.once("exit", () => reject(new Error(`exited before ${pattern}:\n${seen}`)));
  });
}

/**
 * Starts `command` (a shell line, exec'd so the process is the bot itself) against a fresh test
 * server and sends it `interactions` interactions, `concurrency` in flight at a time.
 */
export async function loadBot(options: {
  name: string;
  command: string;
  cwd: string;
  readyLine: RegExp;
  interactions: number;
  concurrency: number;
  env?: Record<string, string>;
}): Promise<BotLoadResult> {
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
  const started = performance.now();
  const child = spawn("sh", ["-c", `exec ${options.command.replace(/^exec /, "")}`], {
    cwd: options.cwd,
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      DISCORD_TOKEN: harness.token,
      DISCORD_API_URL: harness.apiUrl,
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  // Drained as a log collector would; what the bot writes is part of what it costs.
  child.stderr?.resume();
  const pid = child.pid;
  if (pid === undefined) throw new Error(`${options.name} did not start`);
  try {
    await harness.waitForIdentify(30_000);
    const startToReady = performance.now() - started;
    await waitForLine(child, options.readyLine, 30_000);
    child.stdout?.resume();
    const readyRss = memoryMb(pid).rss;

    const cpuBefore = cpuMs(pid);
    const mainBefore = cpuMs(pid, pid);
    const requestsBefore = harness.server.requests.length;
    const loadStarted = performance.now();
    const rssByThousand: number[] = [];
    const cpuByThousand: number[] = [];
    let sent = 0;
    let done = 0;
    let failed = 0;
    const worker = async (): Promise<void> => {
      while (sent < options.interactions) {
        const index = sent++;
        const run = MIX[index % MIX.length];
        if (!run) throw new Error("empty mix");
        try {
          await run(harness);
        } catch {
          failed += 1;
        }
        done += 1;
        if (done % 1000 === 0) {
          rssByThousand.push(round(memoryMb(pid).rss, 1));
          cpuByThousand.push(round(cpuMs(pid) - cpuBefore, 0));
        }
      }
    };
    await Promise.all(Array.from({ length: options.concurrency }, worker));
    const seconds = (performance.now() - loadStarted) / 1000;
    const cpu = cpuMs(pid) - cpuBefore;
    const mainCpu = cpuMs(pid, pid) - mainBefore;
    const memory = memoryMb(pid);
    return {
      name: options.name,
      interactions: options.interactions,
      concurrency: options.concurrency,
      start_to_ready_ms: Math.round(startToReady),
      cpu_ms_per_interaction: round(cpu / options.interactions, 3),
      main_thread_cpu_ms_per_interaction: round(mainCpu / options.interactions, 3),
      throughput_per_s: Math.round(options.interactions / seconds),
      failed,
      requests_per_interaction: round(
        (harness.server.requests.length - requestsBefore) / options.interactions,
        3,
      ),
      rss_ready_mb: round(readyRss, 1),
      rss_mb_by_thousand: rssByThousand,
      cpu_ms_by_thousand: cpuByThousand,
      rss_after_mb: round(memory.rss, 1),
      peak_rss_mb: round(memory.peak, 1),
    };
  } finally {
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
    await exited;
    clearTimeout(timer);
    await harness.stop();
  }
}

/** Milliseconds from starting `command` to the first answer it prints for `line` on stdin. */
export function firstConsoleAnswerMs(command: string, cwd: string, line: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn("sh", ["-c", `exec ${command.replace(/^exec /, "")}`], {
      cwd,
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", NO_COLOR: "1" },
      stdio: ["pipe", "pipe", "ignore"],
    });
    let answered = false;
    child.stdout?.once("data", () => {
      answered = true;
      resolve(performance.now() - started);
      child.stdin?.end();
    });
    child.once("exit", () => {
      if (!answered) reject(new Error(`${command} printed no answer`));
    });
    child.stdin?.write(`${line}\n`);
  });
}

export const round = (value: number, digits = 3): number =>
  Math.round(value * 10 ** digits) / 10 ** digits;
