import type { PeriodRow } from "../../answers/types.ts";
import { t, type Locale } from "../../i18n/catalog.ts";
import { withLocalNames } from "../localize.ts";
import { fitText, textWidth, wrapText } from "./font.ts";
import {
  SERIES_COLOURS,
  THEME,
  oneLine,
  svgDocument,
  svgLine,
  svgPolygon,
  svgRect,
  svgText,
  svgTitle,
} from "./svg.ts";

const WIDTH = 800;
const PAD = 28;
const ROWS_TOP = 96;
const BAR_OFFSET = 10;
const BAR_HEIGHT = 22;
const ROW_GAP = 16;
const LABEL_WIDTH = 200;
const LABEL_SIZE = 13;
const LABEL_LINE = 16;
const PLOT_X0 = 250;
/** Room right of the plot for the arrow head of open-ended periods. */
const PLOT_X1 = WIDTH - PAD - 22;
const ARROW_LENGTH = 14;
const MILESTONE_RADIUS = 7;
const MILESTONE_TEXT_SIZE = 12;
const MILESTONE_LINE = 16;
const MILESTONE_TEXT_MAX = 420;
const PERIOD_TEXT_SIZE = 12;
const MAX_TICK_INTERVALS = 12;
const MIN_BAR_WIDTH = 4;
const BOTTOM_SPACE = 78;

export interface TimelineOptions {
  /**
   * The current year (a Date.now() timestamp is accepted too), drawn as a dashed "today" line that
   * ongoing periods run past. Defaults to the clock; pass it for reproducible images.
   */
  now?: number;
  /** The language of the axis, legend and captions the chart itself writes (English by default). */
  locale?: Locale;
  /** The reader's names of policies, put beside the English ones in the row labels. */
  localNames?: ReadonlyMap<string, string>;
}

export interface PlacedMilestone {
  year: number;
  event: string;
  /** The marker's centre. */
  x: number;
  /** Caption under the bar: its text, left edge and line (0 = first line under the bar). */
  caption: string;
  captionX: number;
  captionLine: number;
}

export interface TimelineBar {
  policy: string;
  label: string;
  start: number;
  end: number | null;
  rowTop: number;
  rowHeight: number;
  /** null when the period has no usable start year. */
  x0: number | null;
  /** For an open-ended period: the plot's right edge, where the arrow head begins. */
  x1: number | null;
  y: number;
  height: number;
  colour: string;
  labelLines: string[];
  milestones: PlacedMilestone[];
}

export interface TimelineLayout {
  width: number;
  height: number;
  plotX0: number;
  plotX1: number;
  /** First and last year on the axis, and the tick step in years. */
  domain: { from: number; to: number; step: number };
  ticks: number[];
  nowYear: number;
  rows: TimelineBar[];
  /** Bottom of the last row, where the year axis is drawn. */
  rowsBottom: number;
  xOfYear(year: number): number;
  locale: Locale;
}

function yearOf(now: number | undefined): number {
  if (now === undefined || !Number.isFinite(now)) return new Date().getUTCFullYear();
  // Larger than any plausible year: a millisecond timestamp.
  return now > 9999 ? new Date(now).getUTCFullYear() : Math.round(now);
}

function axisDomain(periods: PeriodRow[], nowYear: number): TimelineLayout["domain"] {
  const years: number[] = [nowYear];
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

/**
 * Captions centred under their markers, kept on the card; one that would overlap an earlier
 * caption drops to the next free line, so every milestone stays readable.
 */
function placeCaptions(
  milestones: { year: number; event: string; x: number }[],
): PlacedMilestone[] {
  const taken: { left: number; right: number; line: number }[] = [];
  return [...milestones]
    .sort((a, b) => a.year - b.year)
    .map((milestone) => {
      const caption = fitText(
        oneLine(`${milestone.year}: ${milestone.event}`),
        MILESTONE_TEXT_MAX,
        MILESTONE_TEXT_SIZE,
      );
      const width = textWidth(caption, MILESTONE_TEXT_SIZE);
      const left = Math.min(
        Math.max(milestone.x - width / 2, PLOT_X0 - 10),
        WIDTH - PAD / 2 - width,
      );
      const right = left + width;
      let line = 0;
      while (
        taken.some((box) => box.line === line && left < box.right + 12 && right > box.left - 12)
      ) {
        line++;
      }
      taken.push({ left, right, line });
      return { ...milestone, caption, captionX: left, captionLine: line };
    });
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

  let rowTop = ROWS_TOP;
  const rows = periods.map((period, index): TimelineBar => {
    const y = rowTop + BAR_OFFSET;
    const colour = SERIES_COLOURS[index % SERIES_COLOURS.length] ?? THEME.full;
    const label = withLocalNames(oneLine(period.label), options.localNames);
    const labelLines = wrapText(label, LABEL_WIDTH, LABEL_SIZE, 3, "bold");
    const milestones = placeCaptions(
      period.milestones
        .filter((milestone) => Number.isFinite(milestone.year))
        .map((milestone) => ({ ...milestone, x: xOfYear(milestone.year) })),
    );
    const captionLines = Math.max(0, ...milestones.map((milestone) => milestone.captionLine + 1));
    const rowHeight = Math.max(
      BAR_OFFSET + BAR_HEIGHT + captionLines * MILESTONE_LINE + ROW_GAP + (captionLines ? 4 : 0),
      labelLines.length * LABEL_LINE + ROW_GAP,
    );
    const base = {
      policy: period.policy,
      label: period.label,
      start: period.start,
      end: period.end,
      rowTop,
      rowHeight,
      y,
      height: BAR_HEIGHT,
      colour,
      labelLines,
      milestones,
    };
    rowTop += rowHeight;
    if (!Number.isFinite(period.start)) return { ...base, x0: null, x1: null };
    const end = period.end !== null && Number.isFinite(period.end) ? period.end : null;
    let x0 = xOfYear(end === null ? period.start : Math.min(period.start, end));
    let x1 = end === null ? PLOT_X1 : xOfYear(Math.max(period.start, end));
    if (x1 - x0 < MIN_BAR_WIDTH) {
      // A one-year period still shows as a visible sliver at its year.
      x0 = Math.min(x0, PLOT_X1 - MIN_BAR_WIDTH);
      x1 = x0 + MIN_BAR_WIDTH;
    }
    return { ...base, x0, x1 };
  });

  const rowsBottom = periods.length > 0 ? rowTop : ROWS_TOP + 60;
  return {
    width: WIDTH,
    height: rowsBottom + BOTTOM_SPACE,
    plotX0: PLOT_X0,
    plotX1: PLOT_X1,
    domain,
    ticks,
    nowYear,
    rows,
    rowsBottom,
    xOfYear,
    locale: options.locale ?? "en",
  };
}

function periodText(bar: TimelineBar, locale: Locale): string {
  const end = bar.end === null ? t(locale, "chart.ongoing") : String(bar.end);
  return bar.end === bar.start ? String(bar.start) : `${bar.start} – ${end}`;
}

/** Inside the bar, in the first gap between milestone markers wide enough; otherwise beside it. */
function periodLabel(bar: TimelineBar, x0: number, x1: number, locale: Locale): string {
  const text = periodText(bar, locale);
  const width = textWidth(text, PERIOD_TEXT_SIZE, "bold");
  const baseline = bar.y + bar.height / 2 + 4.5;
  const clear = MILESTONE_RADIUS + 5;
  const markers = bar.milestones.map((milestone) => milestone.x);
  const fitsAt = (left: number): boolean =>
    left >= x0 + 6 &&
    left + width <= x1 - 6 &&
    markers.every((x) => x + clear <= left || x - clear >= left + width);
  const candidates = [x0 + 8, ...markers.map((x) => x + clear)].sort((a, b) => a - b);
  const inside = candidates.find(fitsAt);
  if (inside !== undefined) {
    return svgText(inside, baseline, text, {
      size: PERIOD_TEXT_SIZE,
      fill: THEME.barText,
      weight: "bold",
    });
  }
  const outside = { size: PERIOD_TEXT_SIZE, fill: THEME.text, weight: "bold" } as const;
  const afterEnd = (bar.end === null ? x1 + ARROW_LENGTH : x1 + clear) + 4;
  if (afterEnd + width <= WIDTH - PAD / 2) return svgText(afterEnd, baseline, text, outside);
  return svgText(x0 - clear - 4, baseline, text, { ...outside, anchor: "end" });
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

function timelineRow(bar: TimelineBar, locale: Locale): string[] {
  const parts: string[] = [];
  const centre = bar.y + bar.height / 2;
  // Centred on the bar, unless a long label needs the room below it.
  const labelCentre = Math.max(centre, bar.rowTop + (bar.labelLines.length * LABEL_LINE) / 2);
  bar.labelLines.forEach((line, index) => {
    const baseline = labelCentre + 4.5 + (index - (bar.labelLines.length - 1) / 2) * LABEL_LINE;
    parts.push(
      svgText(PAD, baseline, line, { size: LABEL_SIZE, fill: THEME.text, weight: "bold" }),
    );
  });
  if (bar.x0 === null || bar.x1 === null) {
    parts.push(
      svgText(PLOT_X0, centre + 4.5, t(locale, "chart.datesUnknown"), {
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
  for (const milestone of bar.milestones) {
    parts.push(diamond(milestone.x, centre, MILESTONE_RADIUS));
    const baseline = bar.y + bar.height + 16 + milestone.captionLine * MILESTONE_LINE;
    // A backdrop keeps grid and today lines from running through the words.
    const captionWidth = textWidth(milestone.caption, MILESTONE_TEXT_SIZE);
    parts.push(
      svgRect(milestone.captionX - 3, baseline - 11, captionWidth + 6, 14, { fill: THEME.card }),
    );
    parts.push(
      svgText(milestone.captionX, baseline, milestone.caption, {
        size: MILESTONE_TEXT_SIZE,
        fill: THEME.mutedText,
      }),
    );
  }
  parts.push(periodLabel(bar, bar.x0, bar.x1, locale));
  return parts;
}

function yearAxis(layout: TimelineLayout): string[] {
  const parts: string[] = [];
  const axisY = layout.rowsBottom - ROW_GAP + 10;
  for (const tick of layout.ticks) {
    const x = layout.xOfYear(tick);
    parts.push(svgLine(x + 0.5, ROWS_TOP - 4, x + 0.5, axisY, THEME.grid));
    parts.push(svgLine(x + 0.5, axisY, x + 0.5, axisY + 5, THEME.mutedText));
    parts.push(
      svgText(x, axisY + 20, String(tick), { size: 12, fill: THEME.mutedText, anchor: "middle" }),
    );
  }
  parts.push(svgLine(PLOT_X0, axisY + 0.5, PLOT_X1, axisY + 0.5, THEME.mutedText));
  if (layout.nowYear >= layout.domain.from && layout.nowYear <= layout.domain.to) {
    const x = layout.xOfYear(layout.nowYear) + 0.5;
    parts.push(svgLine(x, ROWS_TOP - 10, x, axisY, THEME.text, 1, "4 3"));
    parts.push(
      svgText(x, ROWS_TOP - 14, t(layout.locale, "chart.todayYear", { year: layout.nowYear }), {
        size: 11,
        fill: THEME.text,
        anchor: "middle",
      }),
    );
  }
  return parts;
}

/** Explains only the symbols this chart uses. */
function legend(layout: TimelineLayout): string[] {
  const y = layout.height - 22;
  const parts: string[] = [];
  let x = PAD;
  const add = (symbol: string, text: string): void => {
    parts.push(symbol);
    parts.push(svgText(x + 24, y + 4.5, text, { size: 13, fill: THEME.mutedText }));
    x += 24 + textWidth(text, 13) + 28;
  };
  if (layout.rows.some((row) => row.milestones.length > 0))
    add(diamond(x + 8, y, 6), t(layout.locale, "chart.milestone"));
  if (layout.rows.some((row) => row.end === null && row.x1 !== null)) {
    const arrow = svgPolygon(
      [
        [x + 8, y - 8],
        [x + 17, y],
        [x + 8, y + 8],
      ],
      THEME.mutedText,
    );
    add(
      svgRect(x, y - 5, 8, 10, { fill: THEME.mutedText }) + arrow,
      t(layout.locale, "chart.ongoingNoEnd"),
    );
  }
  add(
    svgLine(x + 8.5, y - 9, x + 8.5, y + 9, THEME.text, 1, "4 3"),
    t(layout.locale, "chart.today"),
  );
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
    svgTitle(PAD, 46, title, WIDTH - 2 * PAD),
    svgText(PAD, 70, t(layout.locale, "chart.timelineSubtitle"), {
      size: 13,
      fill: THEME.mutedText,
    }),
  ];
  if (periods.length === 0) {
    body.push(
      svgText(PAD, ROWS_TOP + 36, t(layout.locale, "chart.noPeriods"), {
        size: 16,
        fill: THEME.mutedText,
      }),
    );
    return svgDocument(layout.width, layout.height, body);
  }
  body.push(...yearAxis(layout));
  for (const bar of layout.rows) body.push(...timelineRow(bar, layout.locale));
  body.push(...legend(layout));
  return svgDocument(layout.width, layout.height, body);
}
