import { spawnSync } from "node:child_process";
import { loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import type { Country } from "../src/dataset/schema.ts";
import { defaultDataDir, loadDataset } from "../src/dataset/load.ts";
import { createEngine } from "../src/create-engine.ts";
import { benchBots, printBotSection } from "./bot-section.ts";
import { benchCharts } from "./charts.ts";
import { benchConversations, USERS } from "./conversations.ts";
import { benchScale, printScaleSection } from "./scale-section.ts";
import { benchmarkQuestions, syntheticCountries } from "./synthetic.ts";

/**
 * `npm run bench` (`-- --json` for one JSON object): latency of resolve + answer (p50, p99),
 * index build time and resident memory, for the China dataset and synthetic datasets of 100,
 * 1,000 and 10,000 policies. Each dataset runs in its own process so memory is its own.
 * Then the time to render each chart to PNG (target: well under 100 ms), and the bot section:
 * policybot beside a minimal discord.js bot on the local server (bench/bot-section.ts).
 *
 * Options: `--json`; `--bots-only`; `--interactions N` (default 10,000) and `--concurrency N`
 * (default 30) for the bot section; `--root DIR` to measure another checkout's `npm start`.
 * Then the time to render each chart to PNG (target: well under 100 ms), and the heap while
 * 100,000 distinct users hold conversations (target: flat once the store is full).
 * `npm run bench -- --soak`: the soak run against `npm start` under injected faults (bench/soak.ts).
 * Last, the scaling section (bench/scale-section.ts): interactions per second and p50/p99 for one
 * HTTP replica, two behind a round-robin proxy sharing Redis, and the gateway bot; `--scale-only`
 * runs just that (same `--interactions` and `--concurrency`).
 */

const Result = z
  .object({
    name: z.string(),
    policies: z.number(),
    p50_ms: z.number(),
    p99_ms: z.number(),
    build_ms: z.number(),
    rss_mb: z.number(),
  })
  .strict();
type Result = z.infer<typeof Result>;

const DATASETS = ["china", "synthetic-100", "synthetic-1000", "synthetic-10000"] as const;
const QUESTIONS = 3000;
// Full passes first, so the JIT has compiled every path before anything is timed.
const WARM_UP_PASSES = 2;

function datasetCountries(name: string): Country[] {
  if (name === "china") return loadDataset(defaultDataDir());
  const size = Number(name.replace("synthetic-", ""));
  return syntheticCountries(size);
}

function percentile(sorted: readonly number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? 0;
}

const round = (value: number, digits = 3): number =>
  Math.round(value * 10 ** digits) / 10 ** digits;

function measure(name: string): Result {
  const countries = datasetCountries(name);
  const started = performance.now();
  const engine = createEngine(countries);
  const buildMs = performance.now() - started;
  const questions = benchmarkQuestions(countries, QUESTIONS);
  for (let pass = 0; pass < WARM_UP_PASSES; pass++) for (const q of questions) engine.ask(q);
  const times: number[] = [];
  for (const q of questions) {
    const t0 = performance.now();
    engine.ask(q);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return {
    name,
    policies: countries.reduce((sum, c) => sum + c.policies.length, 0),
    p50_ms: round(percentile(times, 50)),
    p99_ms: round(percentile(times, 99)),
    build_ms: round(buildMs, 1),
    rss_mb: round(process.memoryUsage().rss / 2 ** 20, 1),
  };
}

function runChild(name: string): Result {
  const script = fileURLToPath(import.meta.url);
  const child = spawnSync(process.execPath, [...process.execArgv, script, "--dataset", name], {
    encoding: "utf8",
    maxBuffer: 1 << 20,
  });
  if (child.status !== 0) throw new Error(`benchmark of ${name} failed:\n${child.stderr}`);
  return Result.parse(JSON.parse(child.stdout));
}

function option(argv: readonly string[], name: string): string | undefined {
  const at = argv.indexOf(name);
  return at >= 0 ? argv[at + 1] : undefined;
}

async function main(argv: readonly string[]): Promise<void> {
  if (argv.includes("--soak")) {
    const { runSoak } = await import("./soak.ts");
    await runSoak(argv);
    return;
  }
  const only = argv.indexOf("--dataset");
  if (only >= 0) {
    process.stdout.write(JSON.stringify(measure(argv[only + 1] ?? "china")));
    return;
  }
  const traffic = {
    interactions: Number(option(argv, "--interactions") ?? 10_000),
    concurrency: Number(option(argv, "--concurrency") ?? 30),
  };
  if (argv.includes("--scale-only")) {
    const scale = await benchScale(traffic);
    if (argv.includes("--json")) console.log(JSON.stringify({ scale }));
    else printScaleSection(scale);
    return;
  }
  const botsOnly = argv.includes("--bots-only");
  const results = botsOnly ? [] : DATASETS.map(runChild);
  const charts = botsOnly ? [] : benchCharts();
  const conversations = botsOnly ? null : benchConversations();
  const root = option(argv, "--root");
  const bots = await benchBots({ ...(root ? { root } : {}), ...traffic });
  // Another checkout's `npm start` is measured for the bot section only.
  const scale = botsOnly || root ? [] : await benchScale(traffic);
  if (argv.includes("--json")) {
    console.log(JSON.stringify({ datasets: results, charts, conversations, bots, scale }));
    return;
  }
  if (botsOnly) {
    printBotSection(bots);
    return;
  }
  const header = ["dataset", "policies", "p50 ms", "p99 ms", "build ms", "RSS MB"];
  const rows = results.map((r) =>
    [r.name, r.policies, r.p50_ms, r.p99_ms, r.build_ms, r.rss_mb].map(String),
  );
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]): string =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
      .join("  ");
  console.log(line(header));
  for (const row of rows) console.log(line(row));
  const load = loadavg()
    .map((l) => l.toFixed(2))
    .join(", ");
  console.log(`\nLoad average during the run: ${load} (latency percentiles include time-slicing).`);
  console.log(
    "Targets: p99 ≤ 1 ms on China, ≤ 10 ms at 1,000 policies; build ≤ 1,000 ms at 10,000.",
  );
  console.log("\nchart rendering (SVG + PNG)                 p50 ms   p99 ms");
  for (const chart of charts) {
    console.log(
      `${chart.name.padEnd(42)} ${chart.p50_ms.toFixed(2).padStart(7)}  ${chart.p99_ms.toFixed(2).padStart(7)}`,
    );
  }
  console.log("Target: well under 100 ms per chart.");
  if (conversations !== null) {
    console.log(
      `\nconversations: ${USERS.toLocaleString("en")} distinct users, two turns each, store capacity ${conversations.capacity.toLocaleString("en")}`,
    );
    console.log("users        heap MB (after GC)   conversations held");
    for (const sample of conversations.samples) {
      console.log(
        `${sample.users.toLocaleString("en").padEnd(12)} ${sample.heap_mb.toFixed(1).padStart(18)}   ${String(sample.stored).padStart(18)}`,
      );
    }
    console.log(
      `Follow-up turn (load, read in context, answer, save): p50 ${conversations.follow_up_p50_ms} ms, p99 ${conversations.follow_up_p99_ms} ms.`,
    );
    console.log("Target: heap flat from the point the store is full (10,000 users) to 100,000.");
  }
  printBotSection(bots);
  if (scale.length > 0) printScaleSection(scale);
}

await main(process.argv.slice(2));
