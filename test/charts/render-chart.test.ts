import { describe, expect, it } from "vitest";
import type { Answer, PeriodRow, ScoreRow } from "../../src/answers/types.ts";
import {
  renderChartPng,
  renderChartPngAsync,
  renderMaturityChartPng,
  renderTimelinePng,
} from "../../src/render/charts/index.ts";
import { chartKey } from "../../src/render/charts/chart-key.ts";
import { maturityChartSvg } from "../../src/render/charts/maturity-chart.ts";
import { timelineChartSvg } from "../../src/render/charts/timeline-chart.ts";
import { chinaPeriods, chinaScores } from "./fixtures.ts";

function countryAnswer(extra: { scores?: ScoreRow[]; periods?: PeriodRow[] } = {}): Answer {
  return {
    kind: "answer",
    country: "china",
    policy: null,
    field: "maturity",
    title: "China — maturity",
    text: "China scores 6.5 of 7.",
    details: [],
    sources: [],
    suggestions: [],
    ...extra,
  };
}

describe("renderChartPng", () => {
  it("draws the maturity chart from an answer's scores", () => {
    const answer = countryAnswer({ scores: chinaScores });
    const png = renderChartPng("maturity", answer);
    expect(png?.equals(renderMaturityChartPng(chinaScores, "China — maturity"))).toBe(true);
  });

  it("draws the timeline from a comparison's periods", () => {
    const answer: Answer = {
      kind: "compare",
      country: "china",
      policies: ["city-clusters", "torch"],
      field: "start_year",
      title: "TORCH vs City Clusters — years",
      text: "TORCH started in 1988, City Clusters in 2006.",
      details: [],
      sources: [],
      suggestions: [],
      periods: chinaPeriods,
    };
    const png = renderChartPng("timeline", answer, { now: 2026 });
    expect(
      png?.equals(renderTimelinePng(chinaPeriods, "TORCH vs City Clusters — years", { now: 2026 })),
    ).toBe(true);
  });

  it("returns null when the answer has nothing to draw", () => {
    expect(renderChartPng("maturity", countryAnswer())).toBeNull();
    expect(renderChartPng("maturity", countryAnswer({ scores: [] }))).toBeNull();
    expect(renderChartPng("timeline", countryAnswer({ scores: chinaScores }))).toBeNull();
    expect(
      renderChartPng("timeline", { kind: "clarify", text: "Which policy?", suggestions: [] }),
    ).toBeNull();
    expect(
      renderChartPng("maturity", { kind: "none", text: "Unknown.", suggestions: [] }),
    ).toBeNull();
  });
});

describe("chart SVGs", () => {
  // The rasteriser is given no fonts (src/render/charts/rasterize.ts): that is only right while
  // every label, Chinese ones included, is drawn as glyph outlines rather than as text.
  it("carry their labels as outlines, with no text for the rasteriser to shape", () => {
    for (const locale of ["en", "zh-CN"] as const) {
      const svgs = [
        maturityChartSvg(chinaScores, "China — maturity 中国成熟度", locale),
        timelineChartSvg(chinaPeriods, "TORCH vs City Clusters — 时间线", { now: 2026, locale }),
      ];
      for (const svg of svgs) {
        expect(svg).not.toMatch(/<text|<tspan|<textPath/);
        expect(svg).toMatch(/<path/);
      }
    }
  });
});

describe("renderChartPngAsync (the bot's way)", () => {
  it("gives the same bytes as renderChartPng, and null when there is nothing to draw", async () => {
    const maturity = countryAnswer({ scores: chinaScores });
    const timeline = countryAnswer({ periods: chinaPeriods });
    const drawn = await renderChartPngAsync("maturity", maturity);
    expect(drawn?.equals(renderChartPng("maturity", maturity) ?? Buffer.alloc(0))).toBe(true);
    const line = await renderChartPngAsync("timeline", timeline, { now: 2026 });
    expect(
      line?.equals(renderChartPng("timeline", timeline, { now: 2026 }) ?? Buffer.alloc(0)),
    ).toBe(true);
    expect(
      await renderChartPngAsync("timeline", countryAnswer({ scores: chinaScores })),
    ).toBeNull();
  });

  it("rasterises off the event loop: other callbacks run while a chart is drawn", async () => {
    let turns = 0;
    let drawing = true;
    const spin = (): void => {
      if (!drawing) return;
      turns += 1;
      setImmediate(spin);
    };
    const pending = renderChartPngAsync("maturity", countryAnswer({ scores: chinaScores }));
    setImmediate(spin);
    await pending;
    drawing = false;
    expect(turns).toBeGreaterThan(0);
  });
});

describe("chartKey (the chart cache's key)", () => {
  it("is equal exactly when the pictures are: text the chart does not draw leaves it alone", () => {
    const base = countryAnswer({ scores: chinaScores, periods: chinaPeriods });
    const otherText = { ...base, text: "Different words.", details: [] };
    expect(chartKey("maturity", otherText)).toBe(chartKey("maturity", base));
    expect(
      renderChartPng("maturity", otherText)?.equals(
        renderChartPng("maturity", base) ?? Buffer.of(),
      ),
    ).toBe(true);

    const lowerScore = chinaScores.map((row, i) => (i === 0 ? { ...row, score: 0 } : row));
    const changed = [
      countryAnswer({ scores: lowerScore }),
      { ...base, title: "Another title" },
      countryAnswer({ scores: chinaScores.slice(1) }),
    ];
    for (const answer of changed) {
      expect(chartKey("maturity", answer)).not.toBe(chartKey("maturity", base));
      expect(
        renderChartPng("maturity", answer)?.equals(renderChartPng("maturity", base) ?? Buffer.of()),
      ).toBe(false);
    }
    expect(chartKey("timeline", base)).not.toBe(chartKey("maturity", base));
  });
});
