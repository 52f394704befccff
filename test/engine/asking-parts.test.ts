import { describe, expect, it } from "vitest";
import { renderAnswerText } from "../../src/render/text.ts";
import { chinaEngine as engine } from "../china-engine.ts";

/** Which part of a message asks, as the user reads the answer. */

const headline = (q: string): string =>
  renderAnswerText(engine.ask(q), { color: false }).split("\n")[0] ?? "";

describe("a part that only narrows another part's field does not replace it", () => {
  it.each([
    ["Has the TORCH Program been evaluated, and if so, by whom?", "TORCH Program — evaluation"],
    [
      "Has the Greater Bay Area plan been subject to an evaluation, and if so by which body?",
      "Greater Bay Area plan — evaluation",
    ],
  ])("%s → %s", (q, expected) => {
    expect(headline(q)).toBe(expected);
  });
});

describe("examples listed after a field's word are examples, not a list of fields", () => {
  it.each([
    [
      "which instruments does the bay area plan use: grants, loans, training?",
      "Greater Bay Area plan — instruments",
    ],
    [
      "What kinds of support does City Clusters offer - money, training, infrastructure?",
      "City Clusters — instruments",
    ],
  ])("%s → %s", (q, expected) => {
    expect(headline(q)).toBe(expected);
  });

  it("field words listed with no field word before them still ask for all (the card)", () => {
    expect(engine.resolveQuestion("torch: budget, start year and type?")).toMatchObject({
      kind: "policy",
      field: null,
    });
  });
});

describe("a modal after a subject still requests", () => {
  it.each([
    [
      "I would be grateful for the start year of the City Clusters policy.",
      "City Clusters — start year",
    ],
    ["We would appreciate the budget figures for TORCH.", "TORCH Program — budget"],
  ])("%s → %s", (q, expected) => {
    expect(headline(q)).toBe(expected);
  });

  it("a statement with an auxiliary after its subject does not ask", () => {
    const q = "compare the funding sources of all three; we are a research team here in Porto";
    expect(engine.resolveQuestion(q)).toMatchObject({ kind: "compare", field: "funding_source" });
  });
});

describe("a comparison with another country is declined, whatever part asks it", () => {
  it.each([
    "How does Vietnam's cluster programme compare with torch? Which one works better?",
    "How does Thailand's cluster policy compare with the GBA plan? Which one is more successful?",
  ])("%s → no confident answer", (q) => {
    expect(engine.resolveQuestion(q).kind).toBe("none");
    expect(headline(q)).toMatch(/^I have no data on (Vietnam|Thailand)/u);
  });
});

describe("a way of asking for a plain answer is an aside", () => {
  it.each([
    ["Could you explain in simple words what the TORCH Program is?", "TORCH Program"],
    ["explain the GBA plan in layman's terms", "Greater Bay Area plan"],
    ["in plain language, who runs torch?", "TORCH Program — responsible authorities"],
  ])("%s → %s", (q, expected) => {
    expect(headline(q)).toBe(expected);
  });

  it("another country's plan asked the same way still declines", () => {
    expect(engine.resolveQuestion("in simple words, what is the ruhr cluster plan?").kind).toBe(
      "none",
    );
  });
});
