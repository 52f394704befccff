import type { Answer, PeriodRow, ScoreRow } from "../../answers/types.ts";
import { maturityChartSvg } from "./maturity-chart.ts";
import { rasterizeSvg, rasterizeSvgAsync } from "./rasterize.ts";
import { timelineChartSvg, type TimelineOptions } from "./timeline-chart.ts";

export type { TimelineOptions } from "./timeline-chart.ts";
export type ChartKind = "maturity" | "timeline";

/** PNG of the maturity breakdown: one bar per dimension against its maximum, and the total. */
export function renderMaturityChartPng(scores: ScoreRow[], title: string): Buffer {
  return rasterizeSvg(maturityChartSvg(scores, title));
}

/** PNG of policy periods on a year axis; open-ended periods run off to the right as arrows. */
export function renderTimelinePng(
  periods: PeriodRow[],
  title: string,
  opts: TimelineOptions = {},
): Buffer {
  return rasterizeSvg(timelineChartSvg(periods, title, opts));
}

/** The chart's SVG for a reply, or null when the answer carries nothing to draw. */
function chartSvg(kind: ChartKind, answer: Answer, opts: TimelineOptions): string | null {
  if (answer.kind !== "answer" && answer.kind !== "compare") return null;
  if (kind === "maturity") {
    return answer.scores && answer.scores.length > 0
      ? maturityChartSvg(answer.scores, answer.title)
      : null;
  }
  return answer.periods && answer.periods.length > 0
    ? timelineChartSvg(answer.periods, answer.title, opts)
    : null;
}

/** The chart a reply asks for, or null when the answer carries nothing to draw. */
export function renderChartPng(
  kind: ChartKind,
  answer: Answer,
  opts: TimelineOptions = {},
): Buffer | null {
  const svg = chartSvg(kind, answer, opts);
  return svg === null ? null : rasterizeSvg(svg);
}

/** `renderChartPng`, rasterised off the event loop (the bot's way: other replies go on meanwhile). */
export async function renderChartPngAsync(
  kind: ChartKind,
  answer: Answer,
  opts: TimelineOptions = {},
): Promise<Buffer | null> {
  const svg = chartSvg(kind, answer, opts);
  return svg === null ? null : rasterizeSvgAsync(svg);
}
