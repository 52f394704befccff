import path from "node:path";
import { fileURLToPath } from "node:url";
import { ensureBuilt } from "../test/build-dist.ts";
import {
  firstConsoleAnswerMs,
  loadBot,
  round,
  startScript,
  type BotLoadResult,
} from "./bot-load.ts";

/**
 * policybot beside a minimal discord.js bot that only replies, each on its own local test server,
 * each sent the same interactions; then the time from `npm start`'s command to the first answer
 * of the offline console.
 */

export interface BotSection {
  bots: BotLoadResult[];
  /** policybot's CPU per interaction over the minimal bot's (goal ≤ 1.2). */
  cpu_ratio: number;
  /** policybot's RSS after the run over the minimal bot's (goal ≤ 1.2). */
  rss_ratio: number;
  /**
   * The CPU ratio over the last half of the run: the JIT has compiled every path by then, so this
   * is what each further interaction costs (the whole run's ratio includes the warm-up).
   */
  cpu_ratio_last_half: number;
  /** Each bot's RSS change over the last half of the run, in MiB (flat: near 0). */
  rss_growth_last_half_mb: number[];
  /** Median of five starts of the start script with one question on stdin (goal ≤ 800 ms). */
  first_console_answer_ms: number;
  /** The node flags of the start script, given to the minimal bot too (fair comparison). */
  node_flags: string[];
}

/** The flags between `node` and the script in a start command (e.g. V8 heap settings). */
export function nodeFlags(command: string): string[] {
  const words = command.replace(/^exec /, "").split(/\s+/);
  if (words[0] !== "node") return [];
  return words.slice(1, -1).filter((word) => word.startsWith("-"));
}

const REPO_ROOT = fileURLToPath(new URL("..", import.meta.url));
const MINIMAL_BOT = fileURLToPath(new URL("./minimal-bot.mjs", import.meta.url));

export async function benchBots(options: {
  /** The checkout whose `npm start` is measured (default: this one). */
  root?: string;
  interactions: number;
  concurrency: number;
}): Promise<BotSection> {
  const root = options.root ?? REPO_ROOT;
  if (path.resolve(root) === path.resolve(REPO_ROOT)) ensureBuilt();
  const start = startScript(root);
  const flags = nodeFlags(start);
  const common = { interactions: options.interactions, concurrency: options.concurrency };
  const policybot = await loadBot({
    name: "policybot",
    command: start,
    cwd: root,
    readyLine: /Logged in as/,
    ...common,
  });
  const minimal = await loadBot({
    name: "minimal discord.js",
    command: ["node", ...flags, MINIMAL_BOT].join(" "),
    cwd: REPO_ROOT,
    readyLine: /Ready as/,
    ...common,
  });
  const firstAnswers: number[] = [];
  for (let run = 0; run < 5; run++) {
    firstAnswers.push(await firstConsoleAnswerMs(start, root, "/policy torch"));
  }
  firstAnswers.sort((a, b) => a - b);
  return {
    bots: [policybot, minimal],
    cpu_ratio: round(policybot.cpu_ms_per_interaction / minimal.cpu_ms_per_interaction, 2),
    cpu_ratio_last_half: round(lastHalfCpu(policybot) / lastHalfCpu(minimal), 2),
    rss_ratio: round(policybot.rss_after_mb / minimal.rss_after_mb, 2),
    rss_growth_last_half_mb: [policybot, minimal].map((bot) => round(lastHalfGrowth(bot), 1)),
    first_console_answer_ms: Math.round(firstAnswers[2] ?? 0),
    node_flags: flags,
  };
}

/** CPU ms per interaction over the last half of the run. */
function lastHalfCpu(bot: BotLoadResult): number {
  const byThousand = bot.cpu_ms_by_thousand;
  const half = Math.floor(byThousand.length / 2);
  const first = byThousand[half - 1];
  const last = byThousand.at(-1);
  if (first === undefined || last === undefined || half === byThousand.length) return Number.NaN;
  return (last - first) / ((byThousand.length - half) * 1000);
}

/** RSS after the run less RSS half-way through it (MiB). */
function lastHalfGrowth(bot: BotLoadResult): number {
  const half = bot.rss_mb_by_thousand[Math.floor(bot.rss_mb_by_thousand.length / 2) - 1];
  return half === undefined ? 0 : bot.rss_after_mb - half;
}

export function printBotSection(section: BotSection): void {
  const header = [
    "bot",
    "ready ms",
    "CPU ms/int",
    "main thread",
    "int/s",
    "failed",
    "req/int",
    "RSS ready",
    "RSS half",
    "RSS after",
    "peak RSS",
    "last half",
  ];
  const rows = section.bots.map((bot) => [
    bot.name,
    String(bot.start_to_ready_ms),
    bot.cpu_ms_per_interaction.toFixed(3),
    bot.main_thread_cpu_ms_per_interaction.toFixed(3),
    String(bot.throughput_per_s),
    String(bot.failed),
    bot.requests_per_interaction.toFixed(2),
    bot.rss_ready_mb.toFixed(1),
    (bot.rss_mb_by_thousand[Math.floor(bot.rss_mb_by_thousand.length / 2) - 1] ?? 0).toFixed(1),
    bot.rss_after_mb.toFixed(1),
    bot.peak_rss_mb.toFixed(1),
    `${lastHalfGrowth(bot) >= 0 ? "+" : ""}${lastHalfGrowth(bot).toFixed(1)}`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]): string =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
      .join("  ");
  const first = section.bots[0];
  console.log(
    `\nbots on the local Discord-compatible server: ${first?.interactions ?? 0} interactions each, ${first?.concurrency ?? 0} at a time (RSS in MiB)`,
  );
  console.log(
    `node flags (the start script's, given to both bots): ${section.node_flags.join(" ") || "none"}`,
  );
  console.log(line(header));
  for (const row of rows) console.log(line(row));
  console.log(
    `CPU ratio ${section.cpu_ratio} (goal ≤ 1.2; over the last half ${section.cpu_ratio_last_half}) · RSS ratio after the run ${section.rss_ratio} (goal ≤ 1.2) · first console answer ${section.first_console_answer_ms} ms (goal ≤ 800)`,
  );
}
