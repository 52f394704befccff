import { describe, expect, it } from "vitest";
import type { Answer } from "../../src/answers/types.ts";
import { cachedChartRenderer } from "../../src/bot/charts.ts";

const answer = (title: string): Answer => ({
  kind: "answer",
  country: "china",
  policy: null,
  field: "maturity",
  title,
  text: "China scores 6.5 of 7.",
  details: [],
  sources: [],
  suggestions: [],
  scores: [{ label: "Policy scope", score: 2, max: 2, reason: "dedicated policy" }],
});

describe("cachedChartRenderer", () => {
  it("draws each distinct chart once and forgets the oldest beyond its size", () => {
    const drawn: string[] = [];
    const render = cachedChartRenderer((kind, a) => {
      drawn.push(`${kind}:${a.kind === "answer" ? a.title : ""}`);
      return Buffer.from(drawn.at(-1) ?? "");
    }, 2);
    expect(render("maturity", answer("A"))?.toString()).toBe("maturity:A");
    expect(render("maturity", answer("A"))?.toString()).toBe("maturity:A");
    render("timeline", answer("A"));
    render("maturity", answer("B"));
    render("maturity", answer("A"));
    expect(drawn).toEqual(["maturity:A", "timeline:A", "maturity:B", "maturity:A"]);
  });
});
