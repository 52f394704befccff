import type { Answer, PeriodRow, ScoreRow } from "../../answers/types.ts";
import type { Locale } from "../../i18n/catalog.ts";
import { localTitle } from "../localize.ts";
import { maturityChartSvg } from "./maturity-chart.ts";
import { rasterizeSvg, rasterizeSvgAsync } from "./rasterize.ts";
import { timelineChartSvg, type TimelineOptions } from "./timeline-chart.ts";

export type { TimelineOptions } from "./timeline-chart.ts";
import type { ChartKind } from "./chart-job.ts";
export type { ChartKind } from "./chart-job.ts";

export interface ChartOptions extends TimelineOptions {
  /** The language of the title, axes and legend (the facts stay in English). */
  locale?: Locale;
  /** The reader's names of policies and countries, put beside the English ones in the title. */
  localNames?: ReadonlyMap<string, string>;
}

/** PNG of the maturity breakdown: one bar per dimension against its maximum, and the total. */
export function renderMaturityChartPng(
  scores: ScoreRow[],
  title: string,
  locale: Locale = "en",
): Buffer {
  return rasterizeSvg(maturityChartSvg(scores, title, locale));
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
function chartSvg(kind: ChartKind, answer: Answer, opts: ChartOptions): string | null {
  if (answer.kind !== "answer" && answer.kind !== "compare") return null;
  const locale = opts.locale ?? "en";
  if (kind === "maturity") {
    const title = localTitle(answer, locale, opts.localNames);
    return answer.scores && answer.scores.length > 0
      ? maturityChartSvg(answer.scores, title, locale)
      : null;
  }
  // The rows carry the reader's names of the policies; the title stays short enough to read.
  return answer.periods && answer.periods.length > 0
    ? timelineChartSvg(answer.periods, localTitle(answer, locale), opts)
    : null;
}

/** The chart a reply asks for, or null when the answer carries nothing to draw. */
export function renderChartPng(
  kind: ChartKind,
  answer: Answer,
  opts: ChartOptions = {},
): Buffer | null {
  const svg = chartSvg(kind, answer, opts);
  return svg === null ? null : rasterizeSvg(svg);
}

/** `renderChartPng`, rasterised off the event loop (the bot's way: other replies go on meanwhile). */
export async function renderChartPngAsync(
  kind: ChartKind,
  answer: Answer,
  opts: ChartOptions = {},
): Promise<Buffer | null> {
  const svg = chartSvg(kind, answer, opts);
  return svg === null ? null : rasterizeSvgAsync(svg);
}
