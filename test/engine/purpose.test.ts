import { describe, expect, it } from "vitest";
import { chinaEngine as engine } from "../china-engine.ts";

describe("what an answer is for ends what is asked", () => {
  it.each([
    [
      "could I get a short overview of the Greater Bay Area plan to put on a slide?",
      "Greater Bay Area plan",
    ],
    ["can you give me a quick overview of city clusters to paste into my slides?", "City Clusters"],
  ])("%s → the overview card", (question, name) => {
    const answer = engine.ask(question);
    expect(answer.kind).toBe("answer");
    expect(answer.text).toContain(name);
    expect(engine.resolveQuestion(question)).toMatchObject({ kind: "policy", field: null });
  });

  it("a field asked before the purpose is that field", () => {
    const answer = engine.ask("when did torch start, so I can date my timeline slide");
    expect(answer.text).toContain("1988");
  });

  it("a thing the data lacks, asked before the purpose, still declines", () => {
    const answer = engine.ask("what is torch's carbon footprint so I can cite it");
    expect(answer.kind).toBe("none");
    expect(answer.text).toContain("carbon footprint");
  });
});
