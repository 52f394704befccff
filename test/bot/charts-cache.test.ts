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
  it("draws each distinct chart once and forgets the oldest beyond its size", async () => {
    const drawn: string[] = [];
    const render = cachedChartRenderer(async (kind, a) => {
      drawn.push(`${kind}:${a.kind === "answer" ? a.title : ""}`);
      return Buffer.from(drawn.at(-1) ?? "");
    }, 2);
    expect((await render("maturity", answer("A")))?.toString()).toBe("maturity:A");
    expect((await render("maturity", answer("A")))?.toString()).toBe("maturity:A");
    await render("timeline", answer("A"));
    await render("maturity", answer("B"));
    await render("maturity", answer("A"));
    expect(drawn).toEqual(["maturity:A", "timeline:A", "maturity:B", "maturity:A"]);
  });

  it("draws a chart once for a burst of the same question while it is being drawn", async () => {
    let draws = 0;
    const render = cachedChartRenderer(async () => {
      draws += 1;
      await new Promise((resolve) => setTimeout(resolve, 10));
      return Buffer.from("png");
    });
    const burst = await Promise.all(
      Array.from({ length: 30 }, () => render("maturity", answer("A"))),
    );
    expect(draws).toBe(1);
    expect(burst.every((png) => png?.toString() === "png")).toBe(true);
  });
});
