import type { PeriodRow } from "../../answers/types.ts";
import {
  SERIES_COLOURS,
  THEME,
  oneLine,
  svgDocument,
  svgLine,
  svgPolygon,
  svgRect,
  svgText,
} from "./svg.ts";
import { fitText, textWidth, wrapText } from "./font.ts";

const WIDTH = 800;
const PAD = 28;
const ROWS_TOP = 96;
const ROW_HEIGHT = 62;
const BAR_OFFSET = 12;
const BAR_HEIGHT = 22;
const LABEL_WIDTH = 200;
const LABEL_SIZE = 13;
const PLOT_X0 = 250;
/** Room right of the plot for the arrow head of open-ended periods. */
const PLOT_X1 = WIDTH - PAD - 22;
const ARROW_LENGTH = 14;
const MILESTONE_RADIUS = 7;
const PERIOD_TEXT_SIZE = 12;
const MILESTONE_TEXT_SIZE = 12;
const MAX_TICK_INTERVALS = 12;
const MIN_BAR_WIDTH = 4;

export interface TimelineOptions {
  /** The current year (a Date.now() timestamp is accepted too): drawn as a dashed "today" line. */
  now?: number;
}

export interface TimelineBar {
  policy: string;
  label: string;
  start: number;
  end: number | null;
  /** null when the period has no usable start year. */
  x0: number | null;
  /** For an open-ended period: the plot's right edge, where the arrow head begins. */
  x1: number | null;
  y: number;
  height: number;
  colour: string;
  milestones: { year: number; event: string; x: number }[];
}

export interface TimelineLayout {
  width: number;
  height: number;
  plotX0: number;
  plotX1: number;
  /** First and last year on the axis, and the tick step in years. */
  domain: { from: number; to: number; step: number };
  ticks: number[];
  nowYear: number | null;
  rows: TimelineBar[];
  xOfYear(year: number): number;
}

function yearOf(now: number | undefined): number | null {
  if (now === undefined || !Number.isFinite(now)) return null;
  // Larger than any plausible year: a millisecond timestamp.
  return now > 9999 ? new Date(now).getUTCFullYear() : Math.round(now);
}

function axisDomain(periods: PeriodRow[], nowYear: number | null): TimelineLayout["domain"] {
  const years: number[] = [];
  let openEnded = false;
  for (const period of periods) {
    if (!Number.isFinite(period.start)) continue;
    years.push(period.start);
    if (period.end === null) openEnded = true;
    else if (Number.isFinite(period.end)) years.push(period.end);
    for (const milestone of period.milestones) {
      if (Number.isFinite(milestone.year)) years.push(milestone.year);
    }
  }
  if (nowYear !== null) years.push(nowYear);
  if (years.length === 0) years.push(2000);
  let low = Math.min(...years);
  // Open-ended periods run past every known year, so their bars never look like they end there.
  let high = Math.max(...years) + (openEnded ? 1 : 0);
  if (high - low < 2) {
    low -= 1;
    high += 1;
  }
  for (const base of [1, 10, 100, 1000, 10000, 100000]) {
    for (const factor of [1, 2, 2.5, 5]) {
      const step = base * factor;
      const from = Math.floor(low / step) * step;
      const to = Math.ceil(high / step) * step;
      if ((to - from) / step <= MAX_TICK_INTERVALS) return { from, to, step };
    }
  }
  return { from: low, to: high, step: high - low };
}

export function timelineLayout(
  periods: PeriodRow[],
  options: TimelineOptions = {},
): TimelineLayout {
  const nowYear = yearOf(options.now);
  const domain = axisDomain(periods, nowYear);
  const xOfYear = (year: number): number =>
    Math.round(PLOT_X0 + ((year - domain.from) / (domain.to - domain.from)) * (PLOT_X1 - PLOT_X0));
  const ticks: number[] = [];
  for (let year = domain.from; year <= domain.to; year += domain.step) ticks.push(year);

  const rows = periods.map((period, index): TimelineBar => {
    const y = ROWS_TOP + index * ROW_HEIGHT + BAR_OFFSET;
    const colour = SERIES_COLOURS[index % SERIES_COLOURS.length] ?? THEME.full;
    const milestones = period.milestones
      .filter((milestone) => Number.isFinite(milestone.year))
      .map((milestone) => ({ ...milestone, x: xOfYear(milestone.year) }));
    const base = {
      policy: period.policy,
      label: period.label,
      start: period.start,
      end: period.end,
    };
    if (!Number.isFinite(period.start)) {
      return { ...base, x0: null, x1: null, y, height: BAR_HEIGHT, colour, milestones };
    }
    const end = period.end !== null && Number.isFinite(period.end) ? period.end : null;
    let x0 = xOfYear(end === null ? period.start : Math.min(period.start, end));
    let x1 = end === null ? PLOT_X1 : xOfYear(Math.max(period.start, end));
    if (x1 - x0 < MIN_BAR_WIDTH) {
      // A one-year period still shows as a visible sliver around its year.
      x0 = Math.min(x0, PLOT_X1 - MIN_BAR_WIDTH);
      x1 = x0 + MIN_BAR_WIDTH;
    }
    return { ...base, x0, x1, y, height: BAR_HEIGHT, colour, milestones };
  });

  return {
    width: WIDTH,
    height: ROWS_TOP + Math.max(1, periods.length) * ROW_HEIGHT + 78,
    plotX0: PLOT_X0,
    plotX1: PLOT_X1,
    domain,
    ticks,
    nowYear,
    rows,
    xOfYear,
  };
}

function periodText(bar: TimelineBar): string {
  const end = bar.end === null ? "ongoing" : String(bar.end);
  return bar.end === bar.start ? String(bar.start) : `${bar.start} – ${end}`;
}

/** Inside the bar (left, else right end) when it fits clear of milestone markers, else beside it. */
function periodLabel(bar: TimelineBar, x0: number, x1: number): string {
  const text = periodText(bar);
  const width = textWidth(text, PERIOD_TEXT_SIZE, "bold");
  const baseline = bar.y + bar.height / 2 + 4.5;
  const clearOfMilestones = (left: number): boolean =>
    bar.milestones.every(
      (milestone) =>
        milestone.x + MILESTONE_RADIUS + 4 < left ||
        milestone.x - MILESTONE_RADIUS - 4 > left + width,
    );
  const inside = { size: PERIOD_TEXT_SIZE, fill: THEME.barText, weight: "bold" } as const;
  const outside = { size: PERIOD_TEXT_SIZE, fill: THEME.text, weight: "bold" } as const;
  if (x0 + 8 + width + 8 <= x1) {
    if (clearOfMilestones(x0 + 8)) return svgText(x0 + 8, baseline, text, inside);
    if (clearOfMilestones(x1 - 8 - width)) {
      return svgText(x1 - 8, baseline, text, { ...inside, anchor: "end" });
    }
  }
  const afterEnd = (bar.end === null ? x1 + ARROW_LENGTH : x1) + 8;
  if (afterEnd + width <= WIDTH - PAD / 2) return svgText(afterEnd, baseline, text, outside);
  return svgText(x0 - 8, baseline, text, { ...outside, anchor: "end" });
}

function milestoneLabels(bar: TimelineBar): string[] {
  const parts: string[] = [];
  const baseline = bar.y + bar.height + 17;
  let previousRight = -Infinity;
  for (const milestone of [...bar.milestones].sort((a, b) => a.year - b.year)) {
    const text = fitText(
      oneLine(`${milestone.year}: ${milestone.event}`),
      300,
      MILESTONE_TEXT_SIZE,
    );
    const width = textWidth(text, MILESTONE_TEXT_SIZE);
    // Centred under the marker, but kept on the card and clear of the previous label.
    let left = milestone.x - width / 2;
    left = Math.max(left, PLOT_X0 - 12, previousRight + 10);
    left = Math.min(left, WIDTH - PAD / 2 - width);
    previousRight = left + width;
    parts.push(svgText(left, baseline, text, { size: MILESTONE_TEXT_SIZE, fill: THEME.mutedText }));
  }
  return parts;
}

function diamond(x: number, y: number, radius: number): string {
  return svgPolygon(
    [
      [x, y - radius],
      [x + radius, y],
      [x, y + radius],
      [x - radius, y],
    ],
    THEME.text,
    THEME.card,
  );
}

function arrowHead(x: number, top: number, height: number, colour: string): string {
  return svgPolygon(
    [
      [x, top - 5],
      [x + ARROW_LENGTH, top + height / 2],
      [x, top + height + 5],
    ],
    colour,
  );
}

function timelineRow(bar: TimelineBar, index: number): string[] {
  const parts: string[] = [];
  const rowTop = ROWS_TOP + index * ROW_HEIGHT;
  const centre = bar.y + bar.height / 2;
  const lines = wrapText(oneLine(bar.label), LABEL_WIDTH, LABEL_SIZE, 3, "bold");
  const lineGap = LABEL_SIZE + 3;
  const labelCentre = Math.max(centre, rowTop + (lines.length * lineGap) / 2);
  lines.forEach((line, lineIndex) => {
    const baseline = labelCentre + 4.5 + (lineIndex - (lines.length - 1) / 2) * lineGap;
    parts.push(
      svgText(PAD, baseline, line, { size: LABEL_SIZE, fill: THEME.text, weight: "bold" }),
    );
  });
  if (bar.x0 === null || bar.x1 === null) {
    parts.push(
      svgText(PLOT_X0, centre + 4.5, "dates unknown", {
        size: PERIOD_TEXT_SIZE,
        fill: THEME.mutedText,
      }),
    );
    return parts;
  }
  parts.push(
    svgRect(bar.x0, bar.y, bar.x1 - bar.x0, bar.height, { fill: bar.colour, crisp: true }),
  );
  if (bar.end === null) parts.push(arrowHead(bar.x1, bar.y, bar.height, bar.colour));
  for (const milestone of bar.milestones)
    parts.push(diamond(milestone.x, centre, MILESTONE_RADIUS));
  parts.push(periodLabel(bar, bar.x0, bar.x1));
  parts.push(...milestoneLabels(bar));
  return parts;
}

function yearAxis(layout: TimelineLayout, rowCount: number): string[] {
  const parts: string[] = [];
  const axisY = ROWS_TOP + rowCount * ROW_HEIGHT + 4;
  for (const tick of layout.ticks) {
    const x = layout.xOfYear(tick);
    parts.push(svgLine(x + 0.5, ROWS_TOP - 4, x + 0.5, axisY, THEME.grid));
    parts.push(svgLine(x + 0.5, axisY, x + 0.5, axisY + 5, THEME.mutedText));
    parts.push(
      svgText(x, axisY + 20, String(tick), { size: 12, fill: THEME.mutedText, anchor: "middle" }),
    );
  }
  parts.push(svgLine(PLOT_X0, axisY + 0.5, PLOT_X1, axisY + 0.5, THEME.mutedText));
  if (
    layout.nowYear !== null &&
    layout.nowYear >= layout.domain.from &&
    layout.nowYear <= layout.domain.to
  ) {
    const x = layout.xOfYear(layout.nowYear) + 0.5;
    parts.push(svgLine(x, ROWS_TOP - 10, x, axisY, THEME.text, 1, "4 3"));
    parts.push(
      svgText(x, ROWS_TOP - 14, `today (${layout.nowYear})`, {
        size: 11,
        fill: THEME.text,
        anchor: "middle",
      }),
    );
  }
  return parts;
}

function legend(layout: TimelineLayout): string[] {
  const y = layout.height - 22;
  const parts: string[] = [];
  let x = PAD;
  const add = (symbol: string, text: string): void => {
    parts.push(symbol);
    parts.push(svgText(x + 24, y + 4.5, text, { size: 13, fill: THEME.mutedText }));
    x += 24 + textWidth(text, 13) + 28;
  };
  add(diamond(x + 8, y, 6), "milestone");
  add(
    svgRect(x, y - 5, 8, 10, { fill: THEME.mutedText }) +
      svgPolygon(
        [
          [x + 8, y - 8],
          [x + 17, y],
          [x + 8, y + 8],
        ],
        THEME.mutedText,
      ),
    "ongoing (no end year)",
  );
  if (layout.nowYear !== null)
    add(svgLine(x + 8.5, y - 9, x + 8.5, y + 9, THEME.text, 1, "4 3"), "today");
  return parts;
}

/** Policy periods on a year axis as an SVG document (see timelineLayout for the geometry). */
export function timelineChartSvg(
  periods: PeriodRow[],
  title: string,
  options: TimelineOptions = {},
): string {
  const layout = timelineLayout(periods, options);
  const body = [
    svgText(PAD, 46, fitText(oneLine(title), WIDTH - 2 * PAD, 22, "bold"), {
      size: 22,
      fill: THEME.text,
      weight: "bold",
    }),
    svgText(PAD, 70, "Policy periods by year", { size: 13, fill: THEME.mutedText }),
  ];
  if (periods.length === 0) {
    body.push(
      svgText(PAD, ROWS_TOP + 36, "No policy periods to show.", {
        size: 16,
        fill: THEME.mutedText,
      }),
    );
    return svgDocument(layout.width, layout.height, body);
  }
  body.push(...yearAxis(layout, periods.length));
  layout.rows.forEach((bar, index) => body.push(...timelineRow(bar, index)));
  body.push(...legend(layout));
  return svgDocument(layout.width, layout.height, body);
}
