import { fitText, textOutline, textWidth } from "./font.ts";
import { FONT_FAMILY } from "./font-files.ts";

/** Colours of the opaque card every chart is drawn on: it reads the same on Discord's dark and light themes. */
export const THEME = {
  card: "#1e293b",
  cardBorder: "#334155",
  text: "#f1f5f9",
  mutedText: "#a5b4c8",
  grid: "#2c3a50",
  track: "#3b4a61",
  maxMarker: "#e2e8f0",
  full: "#34d399",
  partial: "#fbbf24",
  barText: "#0f172a",
} as const;

/** Distinct bar colours for timeline rows; all keep dark text legible on them. */
export const SERIES_COLOURS = [
  "#60a5fa",
  "#34d399",
  "#fbbf24",
  "#f472b6",
  "#a78bfa",
  "#22d3ee",
  "#fb923c",
  "#a3e635",
] as const;

// Characters XML 1.0 forbids even when escaped; data may carry them and resvg would refuse the SVG.
// eslint-disable-next-line no-control-regex
const FORBIDDEN_XML_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

/** Text made safe to place inside an SVG element or attribute. */
export function escapeXml(text: string): string {
  return text
    .replace(FORBIDDEN_XML_CHARS, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

/** Whitespace runs (newlines, tabs) collapsed: a chart label is one line. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** A score as people write it: 2, 0.5, 6.5 (no float noise like 0.30000000000000004). */
export function formatScore(value: number): string {
  if (!Number.isFinite(value)) return "?";
  return String(Math.round(value * 100) / 100);
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

export interface TextOptions {
  size: number;
  fill: string;
  weight?: "normal" | "bold";
  anchor?: "start" | "middle" | "end";
}

/**
 * Text at (x, baseline y), drawn as glyph outlines (see font.ts for why). The words stay in the
 * document as an escaped aria-label, for anyone reading the SVG.
 */
export function svgText(x: number, y: number, text: string, options: TextOptions): string {
  const clean = text.replace(FORBIDDEN_XML_CHARS, "");
  const { transform, d } = textOutline(
    clean,
    x,
    y,
    options.size,
    options.weight ?? "normal",
    options.anchor ?? "start",
  );
  if (!d) return "";
  return `<path aria-label="${escapeXml(clean)}" fill="${options.fill}" transform="${transform}" d="${d}"/>`;
}

export interface RectOptions {
  fill: string;
  radius?: number;
  /** Exact pixel edges: bars whose lengths are read off the image must not be anti-aliased. */
  crisp?: boolean;
}

export function svgRect(
  x: number,
  y: number,
  width: number,
  height: number,
  options: RectOptions,
): string {
  const radius = options.radius ? ` rx="${options.radius}"` : "";
  const crisp = options.crisp ? ` shape-rendering="crispEdges"` : "";
  return `<rect x="${round(x)}" y="${round(y)}" width="${round(Math.max(0, width))}" height="${round(Math.max(0, height))}" fill="${options.fill}"${radius}${crisp}/>`;
}

export function svgLine(
  x1: number,
  y1: number,
  x2: number,
  y2: number,
  stroke: string,
  width = 1,
  dash?: string,
): string {
  const dashAttr = dash ? ` stroke-dasharray="${dash}"` : "";
  return `<line x1="${round(x1)}" y1="${round(y1)}" x2="${round(x2)}" y2="${round(y2)}" stroke="${stroke}" stroke-width="${width}"${dashAttr} shape-rendering="crispEdges"/>`;
}

export function svgPolygon(points: [number, number][], fill: string, stroke?: string): string {
  const list = points.map(([x, y]) => `${round(x)},${round(y)}`).join(" ");
  const strokeAttr = stroke ? ` stroke="${stroke}" stroke-width="1.5"` : "";
  return `<polygon points="${list}" fill="${fill}"${strokeAttr}/>`;
}

/** The whole document: a fully opaque card, so the image never shows the client's theme through it. */
export function svgDocument(width: number, height: number, body: string[]): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONT_FAMILY}">`,
    `<rect x="0" y="0" width="${width}" height="${height}" fill="${THEME.card}"/>`,
    `<rect x="0.5" y="0.5" width="${width - 1}" height="${height - 1}" fill="none" stroke="${THEME.cardBorder}"/>`,
    ...body,
    `</svg>`,
  ].join("\n");
}

/** A heading in bold: shrunk a little to fit `maxWidth`, cut with an ellipsis only if still too long. */
export function svgTitle(x: number, y: number, title: string, maxWidth: number): string {
  const text = oneLine(title);
  for (const size of [22, 20, 18]) {
    if (textWidth(text, size, "bold") <= maxWidth) {
      return svgText(x, y, text, { size, fill: THEME.text, weight: "bold" });
    }
  }
  return svgText(x, y, fitText(text, maxWidth, 16, "bold"), {
    size: 16,
    fill: THEME.text,
    weight: "bold",
  });
}
