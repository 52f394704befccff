import { describe, expect, it } from "vitest";
import { renderAnswerText } from "../../src/render/text.ts";
import { chinaEngine as engine } from "../china-engine.ts";

/** Country questions and comparisons asked across a message, as the user reads them. */

const shown = (q: string): string => renderAnswerText(engine.ask(q), { color: false });

describe("a comparison reads its field from the whole message", () => {
  it("a request to compare after a question of a field compares by that field", () => {
    const q = "Which of the three has a stated budget? Put them side by side.";
    expect(engine.resolveQuestion(q)).toMatchObject({ kind: "compare", field: "budget" });
    expect(shown(q)).toContain("EUR 890 million");
  });

  it("'… and the GBA one?' asks the question before it of the other policy too", () => {
    const q = "is torch national or regional? and the gba one?";
    expect(engine.resolveQuestion(q)).toMatchObject({
      kind: "compare",
      policies: ["greater-bay-area", "torch"],
      field: "type",
    });
    expect(shown(q)).toMatch(/Greater Bay Area plan\s+Regional cluster policy/u);
  });

  it("a Chinese conjunction joins two names typed in Latin letters", () => {
    const q = "GBA 同 torch 啲錢由邊度嚟?";
    expect(engine.resolveQuestion(q)).toMatchObject({
      kind: "compare",
      policies: ["greater-bay-area", "torch"],
      field: "funding_source",
    });
    expect(shown(q)).toContain("State government");
  });
});

describe("country questions in Chinese and in scoring words", () => {
  it.each([
    ["所以中國的產業聚落政策成熟度到底幾分", "6.5 of 7"],
    ["报告如何评价中国集群政策的连续性？", "two long-term, ongoing national cluster policies"],
    ["why does China get full marks for consistency?", "> 10 years (but with clear continuity)"],
  ])("%s → %s", (q, fact) => {
    expect(engine.resolveQuestion(q)).toMatchObject({ kind: "country" });
    expect(shown(q)).toContain(fact);
  });

  it("a place after our country's name still owns policies the data does not hold", () => {
    expect(engine.resolveQuestion("中国香港的集群政策是什么")).toMatchObject({ kind: "none" });
    expect(shown("中国香港的集群政策是什么")).toContain("中国香港");
  });

  it("years offered are no cue to order all policies", () => {
    const q = "city clusters, first year? I've seen both 2006 and 2016 quoted";
    expect(engine.resolveQuestion(q)).toMatchObject({
      kind: "policy",
      policy: "city-clusters",
      field: "start_year",
    });
    expect(shown(q)).toContain("2006");
  });
});
