import { describe, expect, it } from "vitest";
import type { ScoreRow } from "../../src/answers/types.ts";
import { renderMaturityChartPng } from "../../src/render/charts/index.ts";
import {
  maturityChartSvg,
  maturityLayout,
  type MaturityBar,
} from "../../src/render/charts/maturity-chart.ts";
import { THEME } from "../../src/render/charts/svg.ts";
import { chinaScores } from "./fixtures.ts";
import { decodePng, distinctColours, hexColour, isColour, type DecodedPng } from "./png.ts";

const track = hexColour(THEME.track);
const marker = hexColour(THEME.maxMarker);
const fills = [hexColour(THEME.full), hexColour(THEME.partial)];

/** Lengths read off the pixels along the middle row of a bar: the coloured fill and the whole track. */
function measureBar(image: DecodedPng, bar: MaturityBar): { fill: number; track: number } {
  const y = Math.floor(bar.y + bar.height / 2);
  let fill = 0;
  let x = bar.x0;
  while (x < image.width) {
    const pixel = image.pixel(x, y);
    const isFill = fills.some((colour) => isColour(pixel, colour));
    if (!isFill && !isColour(pixel, track) && !isColour(pixel, marker)) break;
    if (isFill) fill++;
    x++;
  }
  return { fill, track: x - bar.x0 };
}

function render(scores: ScoreRow[], title = "Maturity"): DecodedPng {
  return decodePng(renderMaturityChartPng(scores, title));
}

describe("renderMaturityChartPng", () => {
  it("draws China's four dimensions as a fixed-size, opaque, non-blank PNG", () => {
    const image = render(chinaScores, "China — cluster policy maturity");
    expect([image.width, image.height]).toEqual([800, 360]);
    expect(distinctColours(image)).toBeGreaterThan(20);
    // Opaque everywhere, so Discord's light and dark themes never show through the card.
    for (let p = 3; p < image.rgba.length; p += 4) {
      if (image.rgba[p] !== 255) throw new Error(`transparent pixel at index ${(p - 3) / 4}`);
    }
  });

  it("fills each of China's bars in proportion to score over maximum", () => {
    const image = render(chinaScores);
    const layout = maturityLayout(chinaScores);
    const measured = layout.bars.map((bar) => measureBar(image, bar));
    chinaScores.forEach((row, index) => {
      const { fill, track: trackLength } = measured[index] ?? { fill: -1, track: -1 };
      expect(trackLength).toBeGreaterThan(100);
      expect(Math.abs(fill - (trackLength * row.score) / row.max)).toBeLessThanOrEqual(3);
    });
    // The 1-point dimension's track is half as long as the 2-point ones: one scale for all.
    const evidence = measured[2]?.track ?? 0;
    const scope = measured[0]?.track ?? 0;
    expect(Math.abs(evidence * 2 - scope)).toBeLessThanOrEqual(3);
  });

  it("measures synthetic scores the same way, zero showing no fill and excess clamped", () => {
    const scores: ScoreRow[] = [
      { label: "none", score: 0, max: 2, reason: "" },
      { label: "quarter", score: 1, max: 4, reason: "" },
      { label: "three quarters", score: 3, max: 4, reason: "" },
      { label: "half of five", score: 2.5, max: 5, reason: "" },
      { label: "over", score: 9, max: 3, reason: "" },
      { label: "tenth", score: 0.1, max: 1, reason: "" },
    ];
    const image = render(scores);
    const layout = maturityLayout(scores);
    const [none, quarter, threeQuarters, half, over, tenth] = layout.bars.map((bar) =>
      measureBar(image, bar),
    );
    expect(none?.fill).toBe(0);
    expect(none?.track).toBeGreaterThan(100);
    for (const [bar, ratio] of [
      [quarter, 0.25],
      [threeQuarters, 0.75],
      [half, 0.5],
      [tenth, 0.1],
    ] as const) {
      expect(Math.abs((bar?.fill ?? -1) - (bar?.track ?? 0) * ratio)).toBeLessThanOrEqual(3);
    }
    expect(Math.abs((over?.fill ?? 0) - (over?.track ?? -10))).toBeLessThanOrEqual(3);
    // Tracks share the points scale: max 5 is the full plot, max 4 four fifths of it.
    expect(Math.abs((quarter?.track ?? 0) * 5 - (half?.track ?? 0) * 4)).toBeLessThanOrEqual(12);
  });

  it("states each score against its maximum and the total", () => {
    const svg = maturityChartSvg(chinaScores, "China");
    // Text is drawn as outlines; each piece keeps its words in an aria-label.
    const texts = [...svg.matchAll(/aria-label="([^"]*)"/g)].map((match) => match[1]);
    expect(texts).toContain("6.5 / 7");
    expect(texts).toContain("0.5 / 1");
    expect(texts.filter((text) => text === "2 / 2")).toHaveLength(3);
    for (const row of chinaScores) expect(texts).toContain(row.label);
  });

  it("escapes labels and titles taken from data", () => {
    const scores: ScoreRow[] = [{ label: `R&D <b>"x"</b>`, score: 1, max: 2, reason: "" }];
    const svg = maturityChartSvg(scores, "A <title> & 'more'\u0007");
    expect(svg).toContain("R&amp;D &lt;b&gt;&quot;x&quot;&lt;/b&gt;");
    expect(svg).toContain("A &lt;title&gt; &amp; &apos;more&apos;");
    expect(svg).not.toContain("<b>");
    expect(svg).not.toContain("\u0007");
    expect(render(scores, "A <title> & 'more'\u0007").width).toBe(800);
  });

  it("gives the same bytes for the same input", () => {
    const first = renderMaturityChartPng(chinaScores, "China");
    const second = renderMaturityChartPng(structuredClone(chinaScores), "China");
    expect(first.equals(second)).toBe(true);
    expect(first.equals(renderMaturityChartPng(chinaScores, "China!"))).toBe(false);
  });

  it("grows taller for more dimensions and still draws with none", () => {
    const many = Array.from({ length: 9 }, (_, index) => ({
      label: `Dimension ${index}`,
      score: index / 4,
      max: 2,
      reason: "",
    }));
    const tall = render(many);
    expect(tall.width).toBe(800);
    expect(tall.height).toBeGreaterThan(360);
    const lastBar = maturityLayout(many).bars.at(-1);
    if (!lastBar) throw new Error("no last bar");
    expect(lastBar.y + lastBar.height).toBeLessThan(tall.height - 40);
    const empty = render([]);
    expect([empty.width, empty.height]).toEqual([800, 360]);
    expect(distinctColours(empty)).toBeGreaterThan(3);
  });
});
