import { describe, expect, it } from "vitest";
import type { Answer } from "../../src/answers/types.ts";
import {
  renderChartPng,
  renderMaturityChartPng,
  renderTimelinePng,
} from "../../src/render/charts/index.ts";
import { chinaPeriods, chinaScores } from "./fixtures.ts";

const base = {
  kind: "answer",
  country: "china",
  policy: null,
  field: "maturity",
  title: "China — maturity",
  text: "China scores 6.5 of 7.",
  details: [],
  sources: [],
  suggestions: [],
} as const;

describe("renderChartPng", () => {
  it("draws the maturity chart from an answer's scores", () => {
    const answer: Answer = { ...base, scores: chinaScores };
    const png = renderChartPng("maturity", answer);
    expect(png?.equals(renderMaturityChartPng(chinaScores, "China — maturity"))).toBe(true);
  });

  it("draws the timeline from a comparison's periods", () => {
    const answer: Answer = {
      ...base,
      kind: "compare",
      policies: ["city-clusters", "torch"],
      field: "start_year",
      title: "TORCH vs City Clusters — years",
      periods: chinaPeriods,
    };
    const png = renderChartPng("timeline", answer);
    expect(png?.equals(renderTimelinePng(chinaPeriods, "TORCH vs City Clusters — years"))).toBe(
      true,
    );
  });

  it("returns null when the answer has nothing to draw", () => {
    expect(renderChartPng("maturity", { ...base })).toBeNull();
    expect(renderChartPng("maturity", { ...base, scores: [] })).toBeNull();
    expect(renderChartPng("timeline", { ...base, scores: chinaScores })).toBeNull();
    expect(
      renderChartPng("timeline", { kind: "clarify", text: "Which policy?", suggestions: [] }),
    ).toBeNull();
    expect(
      renderChartPng("maturity", { kind: "none", text: "Unknown.", suggestions: [] }),
    ).toBeNull();
  });
});
