import { existsSync, readFileSync } from "node:fs";
import {
  CJK_BOLD_PATH,
  CJK_REGULAR_PATH,
  FONT_BOLD_PATH,
  FONT_REGULAR_PATH,
} from "./font-files.ts";

export type FontWeight = "normal" | "bold";

/**
 * The shipped TTFs (DejaVu, and Noto Sans SC for Chinese) read directly: advance widths and kerning for layout, glyph outlines for
 * drawing. Charts draw text as outline paths because resvg re-reads the font file for every glyph
 * it shapes (tens of µs each, most of a chart's render time); the outlines are the same ones resvg
 * would use, so the pixels look the same and stay identical on every machine.
 */
class TrueTypeFont {
  readonly unitsPerEm: number;
  private readonly data: Buffer;
  private readonly tables = new Map<string, number>();
  private readonly longMetricCount: number;
  private readonly shortLoca: boolean;
  private readonly cmapSegments: number;
  private readonly segCount: number;
  private readonly kerning = new Map<number, number>();
  private readonly glyphIds = new Map<number, number>();
  private readonly outlines = new Map<number, number[][]>();

  constructor(path: string) {
    this.data = readFileSync(path);
    const font = this.data;
    const tableCount = font.readUInt16BE(4);
    for (let i = 0; i < tableCount; i++) {
      const entry = 12 + 16 * i;
      this.tables.set(font.toString("latin1", entry, entry + 4), font.readUInt32BE(entry + 8));
    }
    this.unitsPerEm = font.readUInt16BE(this.table("head") + 18);
    this.shortLoca = font.readInt16BE(this.table("head") + 50) === 0;
    this.longMetricCount = font.readUInt16BE(this.table("hhea") + 34);

    const cmap = this.table("cmap");
    let segments = -1;
    for (let i = 0; i < font.readUInt16BE(cmap + 2); i++) {
      const record = cmap + 4 + 8 * i;
      const platform = font.readUInt16BE(record);
      const encoding = font.readUInt16BE(record + 2);
      const subtable = cmap + font.readUInt32BE(record + 4);
      const unicode = platform === 0 || (platform === 3 && encoding === 1);
      if (unicode && font.readUInt16BE(subtable) === 4) {
        segments = subtable;
        break;
      }
    }
    if (segments < 0) throw new Error(`font ${path} has no Unicode BMP cmap`);
    this.cmapSegments = segments;
    this.segCount = font.readUInt16BE(segments + 6) / 2;

    const kern = this.tables.get("kern");
    if (kern !== undefined) {
      let subtable = kern + 4;
      for (let i = 0; i < font.readUInt16BE(kern + 2); i++) {
        const length = font.readUInt16BE(subtable + 2);
        const coverage = font.readUInt16BE(subtable + 4);
        // Format 0, horizontal, not cross-stream: a plain list of pair adjustments.
        if (coverage >> 8 === 0 && (coverage & 0b101) === 0b001) {
          const pairs = font.readUInt16BE(subtable + 6);
          for (let p = 0; p < pairs; p++) {
            const at = subtable + 14 + 6 * p;
            this.kerning.set(
              (font.readUInt16BE(at) << 16) | font.readUInt16BE(at + 2),
              font.readInt16BE(at + 4),
            );
          }
        }
        subtable += length;
      }
    }
  }

  private table(tag: string): number {
    const offset = this.tables.get(tag);
    if (offset === undefined) throw new Error(`font has no ${tag} table`);
    return offset;
  }

  glyphId(codePoint: number): number {
    const cached = this.glyphIds.get(codePoint);
    if (cached !== undefined) return cached;
    const glyph = this.lookupGlyph(codePoint);
    this.glyphIds.set(codePoint, glyph);
    return glyph;
  }

  private lookupGlyph(codePoint: number): number {
    if (codePoint > 0xffff) return 0;
    const font = this.data;
    const endCodes = this.cmapSegments + 14;
    const startCodes = endCodes + 2 * this.segCount + 2;
    const idDeltas = startCodes + 2 * this.segCount;
    const idRangeOffsets = idDeltas + 2 * this.segCount;
    for (let s = 0; s < this.segCount; s++) {
      if (codePoint > font.readUInt16BE(endCodes + 2 * s)) continue;
      const start = font.readUInt16BE(startCodes + 2 * s);
      if (codePoint < start) return 0;
      const delta = font.readUInt16BE(idDeltas + 2 * s);
      const rangeOffsetAt = idRangeOffsets + 2 * s;
      const rangeOffset = font.readUInt16BE(rangeOffsetAt);
      if (rangeOffset === 0) return (codePoint + delta) & 0xffff;
      const glyph = font.readUInt16BE(rangeOffsetAt + rangeOffset + 2 * (codePoint - start));
      return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
    }
    return 0;
  }

  advance(glyph: number): number {
    const index = Math.min(glyph, this.longMetricCount - 1);
    return this.data.readUInt16BE(this.table("hmtx") + 4 * index);
  }

  kern(left: number, right: number): number {
    return this.kerning.get((left << 16) | right) ?? 0;
  }

  /** Closed contours of a glyph in font units (y up): per contour, x/y pairs and on-curve flags. */
  contours(glyph: number): number[][] {
    const cached = this.outlines.get(glyph);
    if (cached) return cached;
    const contours = this.readGlyph(glyph, 0);
    this.outlines.set(glyph, contours);
    return contours;
  }

  private glyphRange(glyph: number): [number, number] {
    const font = this.data;
    const loca = this.table("loca");
    const glyf = this.table("glyf");
    if (this.shortLoca) {
      return [
        glyf + 2 * font.readUInt16BE(loca + 2 * glyph),
        glyf + 2 * font.readUInt16BE(loca + 2 * glyph + 2),
      ];
    }
    return [
      glyf + font.readUInt32BE(loca + 4 * glyph),
      glyf + font.readUInt32BE(loca + 4 * glyph + 4),
    ];
  }

  /** Each contour as a flat list [x, y, onCurve, x, y, onCurve, …]. */
  private readGlyph(glyph: number, depth: number): number[][] {
    const font = this.data;
    const [start, end] = this.glyphRange(glyph);
    if (end <= start || depth > 8) return [];
    const contourCount = font.readInt16BE(start);
    if (contourCount < 0) return this.readCompositeGlyph(start + 10, depth);

    const endPoints: number[] = [];
    for (let c = 0; c < contourCount; c++) endPoints.push(font.readUInt16BE(start + 10 + 2 * c));
    const pointCount = (endPoints.at(-1) ?? -1) + 1;
    let at = start + 10 + 2 * contourCount;
    at += 2 + font.readUInt16BE(at); // skip instructions: resvg does not hint either

    const flags: number[] = [];
    while (flags.length < pointCount) {
      const flag = font.readUInt8(at++);
      flags.push(flag);
      if (flag & 8) {
        const repeats = font.readUInt8(at++);
        for (let r = 0; r < repeats; r++) flags.push(flag);
      }
    }
    const readCoordinates = (shortBit: number, sameBit: number): number[] => {
      const values: number[] = [];
      let value = 0;
      for (const flag of flags) {
        if (flag & shortBit) {
          const delta = font.readUInt8(at++);
          value += flag & sameBit ? delta : -delta;
        } else if (!(flag & sameBit)) {
          value += font.readInt16BE(at);
          at += 2;
        }
        values.push(value);
      }
      return values;
    };
    const xs = readCoordinates(2, 16);
    const ys = readCoordinates(4, 32);

    const contours: number[][] = [];
    let first = 0;
    for (const last of endPoints) {
      const contour: number[] = [];
      for (let p = first; p <= last; p++) contour.push(xs[p] ?? 0, ys[p] ?? 0, (flags[p] ?? 0) & 1);
      contours.push(contour);
      first = last + 1;
    }
    return contours;
  }

  private readCompositeGlyph(offset: number, depth: number): number[][] {
    const font = this.data;
    const contours: number[][] = [];
    let at = offset;
    for (;;) {
      const flags = font.readUInt16BE(at);
      const component = font.readUInt16BE(at + 2);
      at += 4;
      let dx: number;
      let dy: number;
      if (flags & 1) {
        dx = font.readInt16BE(at);
        dy = font.readInt16BE(at + 2);
        at += 4;
      } else {
        dx = font.readInt8(at);
        dy = font.readInt8(at + 1);
        at += 2;
      }
      // Only offsets are honoured when ARGS_ARE_XY_VALUES; point matching is not used by DejaVu.
      if (!(flags & 2)) dx = dy = 0;
      let [a, b, c, d] = [1, 0, 0, 1];
      const f2dot14 = (position: number): number => font.readInt16BE(position) / 16384;
      if (flags & 8) {
        a = d = f2dot14(at);
        at += 2;
      } else if (flags & 0x40) {
        a = f2dot14(at);
        d = f2dot14(at + 2);
        at += 4;
      } else if (flags & 0x80) {
        a = f2dot14(at);
        b = f2dot14(at + 2);
        c = f2dot14(at + 4);
        d = f2dot14(at + 6);
        at += 8;
      }
      for (const contour of this.readGlyph(component, depth + 1)) {
        const moved: number[] = [];
        for (let p = 0; p < contour.length; p += 3) {
          const x = contour[p] ?? 0;
          const y = contour[p + 1] ?? 0;
          moved.push(a * x + c * y + dx, b * x + d * y + dy, contour[p + 2] ?? 1);
        }
        contours.push(moved);
      }
      if (!(flags & 0x20)) break;
    }
    return contours;
  }
}

/** A weight's faces: DejaVu first, then the Chinese face for characters DejaVu lacks. */
interface FontStack {
  primary: TrueTypeFont;
  fallback: TrueTypeFont | null;
  /** Fallback font units → primary font units (the two have different em sizes). */
  fallbackScale: number;
}

const stacks = new Map<FontWeight, FontStack>();

function stackFor(weight: FontWeight): FontStack {
  let stack = stacks.get(weight);
  if (!stack) {
    const primary = new TrueTypeFont(weight === "bold" ? FONT_BOLD_PATH : FONT_REGULAR_PATH);
    const cjkPath = weight === "bold" ? CJK_BOLD_PATH : CJK_REGULAR_PATH;
    // Without the Chinese face (a trimmed install) Chinese shows as DejaVu's missing-glyph box.
    const fallback = existsSync(cjkPath) ? new TrueTypeFont(cjkPath) : null;
    const fallbackScale = fallback ? primary.unitsPerEm / fallback.unitsPerEm : 1;
    stack = { primary, fallback, fallbackScale };
    stacks.set(weight, stack);
  }
  return stack;
}

interface PlacedGlyph {
  font: TrueTypeFont;
  glyph: number;
  /** Pen position in primary font units. */
  x: number;
}

function layoutGlyphs(text: string, stack: FontStack): { glyphs: PlacedGlyph[]; advance: number } {
  const { primary, fallback, fallbackScale } = stack;
  const glyphs: PlacedGlyph[] = [];
  let pen = 0;
  let previous = -1;
  for (const char of text) {
    const codePoint = char.codePointAt(0) ?? 0;
    const glyph = primary.glyphId(codePoint);
    if (glyph === 0 && fallback) {
      const other = fallback.glyphId(codePoint);
      if (other !== 0) {
        glyphs.push({ font: fallback, glyph: other, x: pen });
        pen += fallback.advance(other) * fallbackScale;
        previous = -1;
        continue;
      }
    }
    if (previous >= 0) pen += primary.kern(previous, glyph);
    glyphs.push({ font: primary, glyph, x: pen });
    pen += primary.advance(glyph);
    previous = glyph;
  }
  return { glyphs, advance: pen };
}

/** Whether every character of `text` has a glyph in the chart fonts (DejaVu or the Chinese face). */
export function canDraw(text: string, weight: FontWeight = "normal"): boolean {
  const { primary, fallback } = stackFor(weight);
  for (const char of text) {
    const codePoint = char.codePointAt(0) ?? 0;
    if (/\s/u.test(char)) continue;
    if (primary.glyphId(codePoint) === 0 && (fallback?.glyphId(codePoint) ?? 0) === 0) return false;
  }
  return true;
}

/** Whether DejaVu alone draws `char` (the Chinese face is cut down to what DejaVu lacks). */
export function dejaVuDraws(char: string, weight: FontWeight = "normal"): boolean {
  return stackFor(weight).primary.glyphId(char.codePointAt(0) ?? 0) !== 0;
}

/** Width in px of `text` at `size` px (DejaVu Sans, Noto Sans SC for Chinese). */
export function textWidth(text: string, size: number, weight: FontWeight = "normal"): number {
  const stack = stackFor(weight);
  return (layoutGlyphs(text, stack).advance * size) / stack.primary.unitsPerEm;
}

function formatUnits(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/** A contour's start point and the rest of it in relative commands, so it can be placed at any pen x. */
interface ContourPath {
  x: number;
  y: number;
  relative: string;
}

function contourPath(contour: number[], scale: number): ContourPath | null {
  const count = contour.length / 3;
  if (count < 2) return null;
  const x = (i: number): number => (contour[3 * (i % count)] ?? 0) * scale;
  const y = (i: number): number => (contour[3 * (i % count) + 1] ?? 0) * scale;
  const on = (i: number): boolean => contour[3 * (i % count) + 2] === 1;

  // Start on an on-curve point; with none, at the midpoint of the first two off-curve points.
  let first = 0;
  while (first < count && !on(first)) first++;
  let startX: number;
  let startY: number;
  if (first < count) {
    startX = x(first);
    startY = y(first);
  } else {
    first = 0;
    startX = (x(0) + x(1)) / 2;
    startY = (y(0) + y(1)) / 2;
  }
  let currentX = startX;
  let currentY = startY;
  const parts: string[] = [];
  const lineTo = (px: number, py: number): void => {
    parts.push(`l${formatUnits(px - currentX)} ${formatUnits(py - currentY)}`);
    currentX = px;
    currentY = py;
  };
  const curveTo = (cx: number, cy: number, px: number, py: number): void => {
    const d = [cx - currentX, cy - currentY, px - currentX, py - currentY].map(formatUnits);
    parts.push(`q${d.join(" ")}`);
    currentX = px;
    currentY = py;
  };
  let control: [number, number] | null = null;
  // Walk once round the contour, back to the start point.
  for (let step = 1; step <= count; step++) {
    const i = first + step;
    const px = x(i);
    const py = y(i);
    if (on(i)) {
      if (control) curveTo(control[0], control[1], px, py);
      else lineTo(px, py);
      control = null;
    } else {
      if (control) curveTo(control[0], control[1], (control[0] + px) / 2, (control[1] + py) / 2);
      control = [px, py];
    }
    if (step === count && control) curveTo(control[0], control[1], startX, startY);
  }
  parts.push("z");
  return { x: startX, y: startY, relative: parts.join("") };
}

const glyphPaths = new WeakMap<TrueTypeFont, Map<number, ContourPath[]>>();

/** A glyph's contours in primary font units (`scale` converts the fallback face's units). */
function glyphPath(font: TrueTypeFont, glyph: number, scale: number): ContourPath[] {
  let byGlyph = glyphPaths.get(font);
  if (!byGlyph) {
    byGlyph = new Map();
    glyphPaths.set(font, byGlyph);
  }
  let paths = byGlyph.get(glyph);
  if (!paths) {
    paths = font
      .contours(glyph)
      .map((contour) => contourPath(contour, scale))
      .filter((path): path is ContourPath => path !== null);
    byGlyph.set(glyph, paths);
  }
  return paths;
}

/**
 * `text` as one SVG path at (x, baseline y): outlines from the DejaVu TTF, placed with its advance
 * widths and kerning. `anchor` aligns the start, middle or end of the text to x.
 */
export function textOutline(
  text: string,
  x: number,
  y: number,
  size: number,
  weight: FontWeight,
  anchor: "start" | "middle" | "end",
): { transform: string; d: string } {
  const stack = stackFor(weight);
  const { glyphs, advance } = layoutGlyphs(text, stack);
  const scale = size / stack.primary.unitsPerEm;
  let left = x;
  if (anchor === "middle") left -= (advance * scale) / 2;
  else if (anchor === "end") left -= advance * scale;
  const d = glyphs
    .flatMap(({ font, glyph, x: pen }) =>
      glyphPath(font, glyph, font === stack.primary ? 1 : stack.fallbackScale).map(
        (path) => `M${formatUnits(path.x + pen)} ${formatUnits(path.y)}${path.relative}`,
      ),
    )
    .join("");
  const round = (value: number): number => Math.round(value * 1e6) / 1e6;
  return {
    transform: `translate(${round(left)} ${round(y)}) scale(${round(scale)} ${round(-scale)})`,
    d,
  };
}

/** `text` cut with an ellipsis so that it is at most `maxWidth` px wide. */
export function fitText(
  text: string,
  maxWidth: number,
  size: number,
  weight: FontWeight = "normal",
): string {
  if (textWidth(text, size, weight) <= maxWidth) return text;
  const chars = Array.from(text);
  let low = 0;
  let high = chars.length;
  // Longest prefix that still fits together with the ellipsis.
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    const candidate = chars.slice(0, mid).join("").trimEnd() + "…";
    if (textWidth(candidate, size, weight) <= maxWidth) low = mid;
    else high = mid - 1;
  }
  return low === 0 ? "…" : chars.slice(0, low).join("").trimEnd() + "…";
}

/**
 * Chinese characters and punctuation stand alone (a line may break between any two of them),
 * except a short name in full-width brackets, kept whole: "Greater Bay Area plan" / "（粤港澳大湾区）".
 */
const CJK = "\\p{Script=Han}\\u3000-\\u303f\\uff00-\\uffef";
const BREAKABLE_PARTS = new RegExp(`（[^（）\\s]{1,12}）|[${CJK}]|[^${CJK}-]+-*|-+`, "gu");

/**
 * `text` broken at spaces, after hyphens and between Chinese characters ("Hong Kong-Macao") into at most `maxLines` lines of at
 * most `maxWidth` px; the last line is cut with an ellipsis when the text does not fit.
 */
export function wrapText(
  text: string,
  maxWidth: number,
  size: number,
  maxLines: number,
  weight: FontWeight = "normal",
): string[] {
  // Each piece remembers what joins it to the previous one on the same line.
  const pieces: { text: string; join: string }[] = [];
  for (const word of text.split(" ").filter((part) => part.length > 0)) {
    (word.match(BREAKABLE_PARTS) ?? [word]).forEach((part, index) => {
      pieces.push({ text: part, join: index === 0 ? " " : "" });
    });
  }
  const lines: string[] = [];
  let current = "";
  let index = 0;
  while (index < pieces.length && lines.length < maxLines - 1) {
    const piece = pieces[index] ?? { text: "", join: "" };
    const candidate = current ? current + piece.join + piece.text : piece.text;
    if (!current || textWidth(candidate, size, weight) <= maxWidth) {
      current = candidate;
      index++;
      // A single piece wider than the line is cut rather than overflowing.
      if (textWidth(current, size, weight) > maxWidth) {
        lines.push(fitText(current, maxWidth, size, weight));
        current = "";
      }
    } else {
      lines.push(current);
      current = "";
    }
  }
  let rest = current;
  for (const piece of pieces.slice(index))
    rest = rest ? rest + piece.join + piece.text : piece.text;
  if (rest) lines.push(fitText(rest, maxWidth, size, weight));
  return lines;
}
