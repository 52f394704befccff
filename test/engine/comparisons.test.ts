import { describe, expect, it } from "vitest";
import { renderAnswerText } from "../../src/render/text.ts";
import { chinaEngine as engine } from "../china-engine.ts";

/** Comparisons, orderings and a second policy named only as context, as the user reads them. */

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

describe("a second policy named only as context is not compared", () => {
  it.each([
    [
      "is the gba plan regional or national? people confuse it with the city clusters one",
      "greater-bay-area",
      "type",
    ],
    [
      "what type is the greater bay area plan? folks keep mixing it up with city clusters",
      "greater-bay-area",
      "type",
    ],
    [
      "People keep confusing city clusters with it. What type is the GBA plan?",
      "greater-bay-area",
      "type",
    ],
    [
      "does the greater bay area plan belong to the city clusters policy?",
      "greater-bay-area",
      null,
    ],
  ])("%s → one policy's answer", (q, policy, field) => {
    expect(engine.resolveQuestion(q)).toMatchObject({ kind: "policy", policy, field });
    expect(shown(q)).not.toContain(" vs ");
  });

  it.each([
    ["is the gba plan bigger than city clusters?", ["city-clusters", "greater-bay-area"]],
    ["who runs torch and who runs gba", ["greater-bay-area", "torch"]],
    ["torch budget and gba budget", ["greater-bay-area", "torch"]],
    ["torch city clusters budget", ["city-clusters", "torch"]],
    ["is the gba similar to city clusters?", ["city-clusters", "greater-bay-area"]],
    ["torch, gba: types", ["greater-bay-area", "torch"]],
  ])("%s → both, side by side: the question puts them together", (q, policies) => {
    expect(engine.resolveQuestion(q)).toMatchObject({ kind: "compare", policies });
    expect(shown(q)).toContain(" vs ");
  });
});

describe("a bound before a year, asked of which policies, compares them all on that date", () => {
  it.each([
    "which ones run to 2035?",
    "which of them go to 2030?",
    "which of the policies stretch to 2035",
  ])("%s → every policy's end year", (q) => {
    expect(engine.resolveQuestion(q)).toMatchObject({
      kind: "compare",
      policies: ["city-clusters", "greater-bay-area", "torch"],
      field: "end_year",
    });
    expect(shown(q)).toContain("2035");
  });
});

describe("of several parts that ask, the one asking a field decides", () => {
  it.each([
    [
      "Is TORCH even a cluster policy? Looks like a tech park scheme to me. What type does the factsheet label it as?",
      "torch",
      "type",
    ],
    [
      "city clusters seems like urban planning to me. when did it start according to the factsheet?",
      "city-clusters",
      "start_year",
    ],
  ])("%s → that field of the policy named", (q, policy, field) => {
    expect(engine.resolveQuestion(q)).toMatchObject({ kind: "policy", policy, field });
  });
});

describe("a comparison asked in a sentence of its own is not vetoed by where the asker is", () => {
  it.each([
    [
      "compare funding sources across all three; we are benchmarking regional cluster programmes here in Porto",
      "funding_source",
    ],
    [
      "how do the three policies differ in their evaluation? asking for a benchmarking study in Lisbon",
      "evaluation",
    ],
  ])("%s → all three side by side", (q, field) => {
    expect(engine.resolveQuestion(q)).toMatchObject({ kind: "compare", field });
  });

  it.each([
    "compare the budgets of all three; I mean versus the Xiongan plan",
    "torch vs 863 program",
  ])("%s → declined: another programme is named", (q) => {
    expect(engine.resolveQuestion(q).kind).toBe("none");
  });
});

describe("what a comparison is made with: a name declines, ordinary words do not", () => {
  it.each([
    "How does that compare with TORCH in this respect?",
    "and how do those arrangements compare with the TORCH programme's?",
  ])("%s → asks which policy to compare with, not 'I have no data on'", (text) => {
    const answer = engine.ask(text);
    expect(answer.kind).toBe("clarify");
    expect(answer.text).toBe("Compare TORCH Program with which policy?");
  });

  it.each([
    ["how does torch compare with silicon valley", "silicon valley"],
    ["torch vs xiongan", "xiongan"],
  ])("%s → declined by the name", (text, name) => {
    const answer = engine.ask(text);
    expect(answer.kind).toBe("none");
    expect(answer.text).toContain(`“${name}”`);
  });
});
