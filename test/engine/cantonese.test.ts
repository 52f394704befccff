import { describe, expect, it } from "vitest";
import { mandarinFromCantonese } from "../../src/search/cantonese.ts";
import { chinaEngine as engine } from "../china-engine.ts";

describe("Cantonese is read as Mandarin", () => {
  it("whole Cantonese words become their Mandarin words after simplification", () => {
    expect(mandarinFromCantonese("佢啲錢邊個出?")).toBe("它些钱谁出?");
    expect(mandarinFromCantonese("火炬計劃係咩嚟")).toBe("火炬计划是什么");
  });

  it("words Mandarin shares stay Mandarin without a Cantonese word beside them", () => {
    expect(mandarinFromCantonese("城市群这个政策是中央定的还是地方定的")).toBe(
      "城市群这个政策是中央定的还是地方定的",
    );
    expect(mandarinFromCantonese("创新体系系咩")).toBe("创新体系是什么");
  });

  it.each([
    ["TORCH 係咩嚟?", "The TORCH Program is a national cluster policy"],
    ["大灣區規劃係咩嚟?", "The Greater Bay Area plan is a regional cluster policy"],
  ])("%s → the overview", (question, headline) => {
    const answer = engine.ask(question);
    expect(answer.kind).toBe("answer");
    expect(answer.text).toContain(headline);
  });

  it("who pays, named or in context → the source of funding", () => {
    expect(engine.ask("火炬計劃啲錢邊個出?").text).toContain("Source of funding for the TORCH");
    const first = engine.converse("tell me about the gba plan", null);
    const second = engine.converse("佢啲錢邊個出?", first.state);
    expect(second.answer.text).toContain("Source of funding for the Greater Bay Area plan");
  });
});
