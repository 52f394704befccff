import { describe, expect, it } from "vitest";
import { chinaEngine as engine } from "../china-engine.ts";

describe("who-questions ask for the fields whose values are actors", () => {
  it.each([
    ["who does torch target", "The TORCH Program is aimed at"],
    ["who is the Greater Bay Area plan aimed at?", "The Greater Bay Area plan is aimed at"],
    ["who is city clusters meant to benefit", "City Clusters is aimed at"],
    ["torch: who is it for, only startups or big firms too?", "The TORCH Program is aimed at"],
  ])("%s → the beneficiaries, not the objectives", (question, headline) => {
    const answer = engine.ask(question);
    expect(answer.kind).toBe("answer");
    expect(answer.text).toContain(headline);
    expect(answer.text).not.toContain("objectives");
  });

  it("who runs it → the authorities; who pays → the source of funding", () => {
    expect(engine.ask("who runs torch").text).toContain("Responsible for the TORCH Program");
    expect(engine.ask("who pays for torch").text).toContain("Source of funding for the TORCH");
  });

  it("what are the targets (no who) stays the objectives", () => {
    expect(engine.ask("what are the aims of torch").text).toContain("objectives");
  });
});

describe("a claim of a wrong type value is checked against the type", () => {
  it.each([
    ["torch is a regional program run by Guangdong, right?", "The TORCH Program is a national"],
    ["city clusters is just a regional thing, isn't it?", "City Clusters is a national"],
    ["the gba plan is a national scheme, yes?", "The Greater Bay Area plan is a regional"],
  ])("%s → the type", (question, headline) => {
    const answer = engine.ask(question);
    expect(answer.kind).toBe("answer");
    expect(answer.text).toContain(headline);
    expect(answer.text).not.toContain("Responsible for");
  });
});

describe("field words in brackets count when the rest asks none", () => {
  it.each([
    ["State the period covered by torch (starting and ending year)", "started in 1988"],
    ["Indicate the period of city clusters (start and end year)", "City Clusters"],
  ])("%s → the period (start year with its end)", (question, text) => {
    const answer = engine.ask(question);
    expect(answer.kind).toBe("answer");
    expect(answer.text).toContain(text);
    expect(answer.text).toMatch(/start/u);
  });
});
