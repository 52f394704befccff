import { pathToFileURL } from "node:url";
import type { PeriodRow, ScoreRow } from "../src/answers/types.ts";
import { renderMaturityChartPng, renderTimelinePng } from "../src/render/charts/index.ts";

export interface ChartBenchResult {
  name: string;
  p50_ms: number;
  p99_ms: number;
}

const CHINA_SCORES: ScoreRow[] = [
  { label: "Policy scope", score: 2, max: 2, reason: "" },
  { label: "Consistency of cluster policies", score: 2, max: 2, reason: "" },
  { label: "Evidence of performance", score: 0.5, max: 1, reason: "" },
  { label: "Instruments", score: 2, max: 2, reason: "" },
];

const CHINA_PERIODS: PeriodRow[] = [
  { policy: "torch", label: "TORCH Program", start: 1988, end: null, milestones: [] },
  {
    policy: "city-clusters",
    label: "City Clusters",
    start: 2006,
    end: 2035,
    milestones: [{ year: 2016, event: "fully formulated" }],
  },
  {
    policy: "greater-bay-area",
    label: "Development Plan for the Guangdong-Hong Kong-Macao Greater Bay Area",
    start: 2019,
    end: 2035,
    milestones: [],
  },
];

/** The largest timeline a comparison is likely to ask for: a dozen policies with milestones. */
const TWELVE_PERIODS: PeriodRow[] = Array.from({ length: 12 }, (_, index) => ({
  policy: `policy-${index}`,
  label: `Synthetic cluster programme number ${index}`,
  start: 1960 + index * 5,
  end: index % 3 === 0 ? null : 1975 + index * 6,
  milestones: [{ year: 1965 + index * 5, event: "mid-term review" }],
}));

function percentile(sorted: number[], fraction: number): number {
  const index = Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? Number.NaN;
}

function timeRuns(render: () => Buffer, runs: number): { p50: number; p99: number } {
  // Warm-up: first calls pay for module loading and font metric parsing.
  for (let i = 0; i < 3; i++) render();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    render();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const round = (ms: number): number => Math.round(ms * 100) / 100;
  return { p50: round(percentile(times, 0.5)), p99: round(percentile(times, 0.99)) };
}

/** Time to render each chart to PNG bytes (SVG build + rasterise), over `runs` runs each. */
export function benchCharts(runs = 50): ChartBenchResult[] {
  const cases: [string, () => Buffer][] = [
    [
      "chart: maturity (China, 4 dimensions)",
      () => renderMaturityChartPng(CHINA_SCORES, "China — cluster policy maturity"),
    ],
    [
      "chart: timeline (China, 3 policies)",
      () => renderTimelinePng(CHINA_PERIODS, "China — policy timeline", { now: 2026 }),
    ],
    [
      "chart: timeline (12 synthetic policies)",
      () => renderTimelinePng(TWELVE_PERIODS, "Twelve policies", { now: 2026 }),
    ],
  ];
  return cases.map(([name, render]) => {
    const { p50, p99 } = timeRuns(render, runs);
    return { name, p50_ms: p50, p99_ms: p99 };
  });
}

const invokedDirectly =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (invokedDirectly) {
  const runs = Number.parseInt(process.argv[2] ?? "", 10);
  const results = benchCharts(Number.isFinite(runs) && runs > 0 ? runs : 50);
  for (const result of results) {
    console.log(
      `${result.name.padEnd(42)} p50 ${result.p50_ms.toFixed(2).padStart(7)} ms   p99 ${result.p99_ms.toFixed(2).padStart(7)} ms`,
    );
  }
}
