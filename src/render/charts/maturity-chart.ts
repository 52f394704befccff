import type { ScoreRow } from "../../answers/types.ts";
import {
  THEME,
  formatScore,
  oneLine,
  svgDocument,
  svgLine,
  svgRect,
  svgText,
  svgTitle,
} from "./svg.ts";
import { textWidth, wrapText } from "./font.ts";
import { t, type Locale } from "../../i18n/catalog.ts";
import { localLabel } from "../localize.ts";

const WIDTH = 800;
const MIN_HEIGHT = 360;
const PAD = 28;
const ROWS_TOP = 96;
const ROW_HEIGHT = 50;
const BAR_HEIGHT = 22;
const LABEL_WIDTH = 236;
const PLOT_X0 = 292;
const PLOT_X1 = 652;
const MARKER_WIDTH = 3;
const LABEL_SIZE = 15;
const VALUE_SIZE = 16;

export interface MaturityBar {
  label: string;
  score: number;
  max: number;
  /** Top of the bar; its rows are y … y + height. */
  y: number;
  height: number;
  /** The track spans x0 … trackEnd (the maximum), the fill x0 … fillEnd (the score). */
  x0: number;
  trackEnd: number;
  fillEnd: number;
  fill: string | null;
}

export interface MaturityLayout {
  width: number;
  height: number;
  plotX0: number;
  plotX1: number;
  bars: MaturityBar[];
  total: { score: number; max: number };
}

function finiteOrZero(value: number): number {
  return Number.isFinite(value) ? value : 0;
}

/** Axis step for a points scale: 0.5 for the usual 2-point dimensions, coarser for larger maxima. */
function pointStep(maxPoints: number): number {
  for (const step of [0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000]) {
    if (maxPoints / step <= 8) return step;
  }
  return 10 ** Math.ceil(Math.log10(maxPoints / 8));
}

/**
 * Where every bar goes. All dimensions share one points scale, so a 1-point dimension has a
 * shorter track than a 2-point one, and the fill/track ratio is the score/maximum ratio.
 */
export function maturityLayout(scores: ScoreRow[]): MaturityLayout {
  const scaleMax = Math.max(0, ...scores.map((row) => finiteOrZero(row.max)));
  const pxPerPoint = scaleMax > 0 ? (PLOT_X1 - PLOT_X0) / scaleMax : 0;
  const bars = scores.map((row, index): MaturityBar => {
    const max = Math.max(0, finiteOrZero(row.max));
    const score = Math.min(max, Math.max(0, finiteOrZero(row.score)));
    const trackEnd = Math.round(PLOT_X0 + max * pxPerPoint);
    const fillEnd = Math.round(PLOT_X0 + score * pxPerPoint);
    let fill: string | null = null;
    if (score > 0) fill = score >= max ? THEME.full : THEME.partial;
    return {
      label: row.label,
      score: row.score,
      max: row.max,
      y: ROWS_TOP + index * ROW_HEIGHT + (ROW_HEIGHT - BAR_HEIGHT) / 2,
      height: BAR_HEIGHT,
      x0: PLOT_X0,
      trackEnd,
      fillEnd,
      fill,
    };
  });
  const sum = (values: number[]): number => values.reduce((acc, value) => acc + value, 0);
  return {
    width: WIDTH,
    height: Math.max(MIN_HEIGHT, ROWS_TOP + scores.length * ROW_HEIGHT + 64),
    plotX0: PLOT_X0,
    plotX1: PLOT_X1,
    bars,
    total: {
      score: sum(scores.map((row) => finiteOrZero(row.score))),
      max: sum(scores.map((row) => finiteOrZero(row.max))),
    },
  };
}

function header(title: string, total: string | null, locale: Locale): string[] {
  const parts: string[] = [];
  let titleWidth = WIDTH - 2 * PAD;
  if (total !== null) {
    parts.push(
      svgText(WIDTH - PAD, 50, total, {
        size: 30,
        fill: THEME.text,
        weight: "bold",
        anchor: "end",
      }),
    );
    parts.push(
      svgText(WIDTH - PAD, 72, t(locale, "chart.sumOfScores"), {
        size: 13,
        fill: THEME.mutedText,
        anchor: "end",
      }),
    );
    titleWidth -= textWidth(total, 30, "bold") + 24;
  }
  parts.push(svgTitle(PAD, 46, title, titleWidth));
  parts.push(
    svgText(PAD, 70, t(locale, "chart.maturitySubtitle"), {
      size: 13,
      fill: THEME.mutedText,
    }),
  );
  return parts;
}

function barRow(bar: MaturityBar, locale: Locale): string[] {
  const parts: string[] = [];
  const centre = bar.y + bar.height / 2;
  const lines = wrapText(oneLine(localLabel(bar.label, locale)), LABEL_WIDTH, LABEL_SIZE, 2);
  const lineGap = LABEL_SIZE + 3;
  lines.forEach((line, index) => {
    const baseline = centre + 5 + (index - (lines.length - 1) / 2) * lineGap;
    parts.push(svgText(PAD, baseline, line, { size: LABEL_SIZE, fill: THEME.text }));
  });

  const trackWidth = bar.trackEnd - bar.x0;
  if (trackWidth > 0) {
    parts.push(svgRect(bar.x0, bar.y, trackWidth, bar.height, { fill: THEME.track, crisp: true }));
    if (bar.fill) {
      parts.push(
        svgRect(bar.x0, bar.y, bar.fillEnd - bar.x0, bar.height, { fill: bar.fill, crisp: true }),
      );
    }
    // The maximum marker sits just inside the track's end so the track keeps its exact length.
    parts.push(
      svgRect(bar.trackEnd - MARKER_WIDTH, bar.y - 5, MARKER_WIDTH, bar.height + 10, {
        fill: THEME.maxMarker,
        crisp: true,
      }),
    );
  }
  const value = `${formatScore(bar.score)} / ${formatScore(bar.max)}`;
  parts.push(
    svgText(WIDTH - PAD, centre + 6, value, {
      size: VALUE_SIZE,
      fill: bar.fill ?? THEME.mutedText,
      weight: "bold",
      anchor: "end",
    }),
  );
  return parts;
}

function pointAxis(layout: MaturityLayout, scaleMax: number, locale: Locale): string[] {
  if (scaleMax <= 0 || layout.bars.length === 0) return [];
  const parts: string[] = [];
  const top = ROWS_TOP + 4;
  const bottom = ROWS_TOP + layout.bars.length * ROW_HEIGHT;
  const step = pointStep(scaleMax);
  for (let tick = 0; tick <= scaleMax + 1e-9; tick += step) {
    const x = Math.round(PLOT_X0 + (tick / scaleMax) * (PLOT_X1 - PLOT_X0));
    parts.push(svgLine(x + 0.5, top, x + 0.5, bottom, THEME.grid));
    parts.push(
      svgText(x, bottom + 17, formatScore(tick), {
        size: 12,
        fill: THEME.mutedText,
        anchor: "middle",
      }),
    );
  }
  parts.push(
    svgText(PLOT_X1 + 16, bottom + 17, t(locale, "chart.points"), {
      size: 12,
      fill: THEME.mutedText,
    }),
  );
  return parts;
}

function legend(height: number, locale: Locale): string[] {
  const y = height - 26;
  const items: { swatch: string[]; text: string }[] = [
    { swatch: [svgRect(0, 0, 14, 14, { fill: THEME.full })], text: t(locale, "chart.fullScore") },
    {
      swatch: [svgRect(0, 0, 14, 14, { fill: THEME.partial })],
      text: t(locale, "chart.partialScore"),
    },
    {
      swatch: [svgRect(0, 0, 14, 14, { fill: THEME.track })],
      text: t(locale, "chart.upToMaximum"),
    },
    {
      swatch: [svgRect(5, -3, MARKER_WIDTH, 20, { fill: THEME.maxMarker })],
      text: t(locale, "chart.maximum"),
    },
  ];
  const parts: string[] = [];
  let x = PAD;
  for (const item of items) {
    parts.push(`<g transform="translate(${x} ${y})">${item.swatch.join("")}</g>`);
    parts.push(svgText(x + 20, y + 12, item.text, { size: 13, fill: THEME.mutedText }));
    x += 20 + textWidth(item.text, 13) + 26;
  }
  return parts;
}

/** The maturity breakdown as an SVG document (see maturityLayout for the geometry). */
export function maturityChartSvg(scores: ScoreRow[], title: string, locale: Locale = "en"): string {
  const layout = maturityLayout(scores);
  const scaleMax = Math.max(0, ...scores.map((row) => finiteOrZero(row.max)));
  const total =
    scores.length > 0
      ? `${formatScore(layout.total.score)} / ${formatScore(layout.total.max)}`
      : null;
  const body = [...header(title, total, locale), ...pointAxis(layout, scaleMax, locale)];
  for (const bar of layout.bars) body.push(...barRow(bar, locale));
  if (scores.length === 0) {
    body.push(
      svgText(PAD, ROWS_TOP + 40, t(locale, "chart.noScores"), {
        size: 16,
        fill: THEME.mutedText,
      }),
    );
  } else {
    body.push(...legend(layout.height, locale));
  }
  return svgDocument(layout.width, layout.height, body);
}
