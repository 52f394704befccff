import { describe, expect, it } from "vitest";
import { defaultDataDir, loadDataset } from "../../src/dataset/load.ts";
import { createEngine } from "../../src/create-engine.ts";
import { renderAnswerText } from "../../src/render/text.ts";

/** Comparisons, orderings and a second policy named only as context, as the user reads them. */

const engine = createEngine(loadDataset(defaultDataDir()));
const shown = (q: string): string => renderAnswerText(engine.ask(q), { color: false });

describe("several fields listed ask for all of them, not the longest-worded one", () => {
  it.each([
    [
      "torch and city clusters side by side: budget, type, period and funding",
      ["city-clusters", "torch"],
    ],
    [
      "give me a table comparing gba and torch — type, start and end year, budget, who funds it",
      ["greater-bay-area", "torch"],
    ],
    ["compare torch with the gba on start year, budget and funding", ["greater-bay-area", "torch"]],
  ])("%s → the key facts side by side", (q, policies) => {
    expect(engine.resolveQuestion(q)).toMatchObject({ kind: "compare", policies, field: null });
    const text = shown(q);
    expect(text).toContain("Type:");
    expect(text).toContain("Budget:");
    expect(text).toContain("Period:");
  });

  it.each([
    ["torch: budget, start year and type?", "torch"],
    ["gba plan — type, budget, funding source please", "greater-bay-area"],
    ["what's the budget and start year of city clusters", "city-clusters"],
  ])("%s → the policy's card", (q, policy) => {
    expect(engine.resolveQuestion(q)).toMatchObject({ kind: "policy", policy, field: null });
    const text = shown(q);
    for (const row of ["Type", "Period", "Budget"])
      expect(text).toMatch(new RegExp(`^  ${row}\\s`, "m"));
  });

  it.each([
    ["when did torch start and end?", "start_year"],
    ["who funds the torch evaluation", "funding_source"],
    ["torch start year", "start_year"],
  ])("%s → one field: a period's parts, or words not listed, are no list", (q, field) => {
    expect(engine.resolveQuestion(q)).toMatchObject({ kind: "policy", field });
  });
});
