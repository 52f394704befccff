import { describe, expect, it } from "vitest";
import { inflectionBases } from "../../src/search/resolve/tokens.ts";
import { chinaEngine as engine } from "../china-engine.ts";

describe("word evidence: inflected English words are words, not names", () => {
  it.each([
    ["stated", "state"],
    ["planned", "plan"],
    ["applying", "apply"],
    ["stating", "state"],
    ["priorities", "priority"],
    ["funded", "fund"],
  ])("%s may come from %s", (word, base) => {
    expect(inflectionBases(word)).toContain(base);
  });

  it.each([
    ["What are the stated policy objectives of the TORCH Program?", "torch", "objectives"],
    ["what were the stated goals of city clusters", "city-clusters", "objectives"],
    ["what are the declared policy aims of torch?", "torch", "objectives"],
    ["what is the approved policy budget of the GBA plan?", "greater-bay-area", "budget"],
  ])("%s → %s %s", (question, policy, field) => {
    const answer = engine.ask(question);
    expect(answer.text).not.toContain("I have no data");
    expect(engine.resolveQuestion(question)).toMatchObject({ kind: "policy", policy, field });
  });
});

describe("word evidence: a name we lack, referred back to, is what is asked", () => {
  it.each([
    "Why doesn't the bot cover the Belt and Road Initiative? Surely that's China's biggest cluster policy — what's its budget?",
    "You don't seem to know the Belt and Road Initiative. It's huge - who funds it?",
    "I read about the Thousand Talents Plan; what are its objectives?",
  ])("%s → declined, no known policy's fact", (question) => {
    const answer = engine.ask(question);
    expect(answer.kind).toBe("none");
    expect(answer.text).toContain("I have no data");
    expect(JSON.stringify(answer)).not.toContain("890");
  });

  it("a name we lack beside a question naming our policy is context", () => {
    expect(
      engine.resolveQuestion("I keep mixing it up with the Spark Program: when did torch start?"),
    ).toMatchObject({ kind: "policy", policy: "torch", field: "start_year" });
  });
});

describe("word evidence: who gives the money is its source", () => {
  it.each([
    ["who's giving the money for the greater bay area plan?", "greater-bay-area", "funding_source"],
    ["who is funding the city clusters policy", "city-clusters", "funding_source"],
    ["大湾区 plan 的 funding 主要是谁出的钱", "greater-bay-area", "funding_source"],
    ["who gets funding from the city clusters policy", "city-clusters", "beneficiaries"],
    ["who's footing the bill for city clusters", "city-clusters", "funding_source"],
    ["who puts money into torch", "torch", "funding_source"],
  ])("%s → %s %s", (question, policy, field) => {
    expect(engine.resolveQuestion(question)).toMatchObject({ kind: "policy", policy, field });
  });

  it("the most money compared is the budget, not its source", () => {
    expect(
      engine.resolveQuestion("who put the most money in, torch or city clusters?"),
    ).toMatchObject({ kind: "compare", field: "budget" });
  });

  it("without a policy, asks which one, offering the source of funding", () => {
    const answer = engine.ask("who is giving this money, the state or the local government?");
    expect(answer.kind).toBe("clarify");
    expect(answer.text).toContain("source of funding");
  });
});

describe("word evidence: field words said in other words", () => {
  it.each([
    [
      "does TORCH line up with EU priorities like digitalisation, green economy",
      "torch",
      "eu_alignment",
    ],
    ["is city clusters in line with eu goals like digitalisation", "city-clusters", "eu_alignment"],
    [
      "Do the regional governments lead in the GBA, or is it all driven from Beijing?",
      "greater-bay-area",
      "authorities",
    ],
    ["is the torch program top down or bottom up?", "torch", "authorities"],
    ["is torch run centrally or locally?", "torch", "authorities"],
    ["is city clusters funded centrally or locally?", "city-clusters", "funding_source"],
  ])("%s → %s %s", (question, policy, field) => {
    expect(engine.resolveQuestion(question)).toMatchObject({ kind: "policy", policy, field });
  });

  it("a country field named outright beside its country beats a policy's year", () => {
    const answer = engine.ask(
      "Is China's consistency rating justified when City Clusters only started in 2006?",
    );
    expect(answer.text).toContain("consistency");
    expect(
      engine.resolveQuestion(
        "Is China's consistency rating justified when City Clusters only started in 2006?",
      ),
    ).toMatchObject({ kind: "country", field: "consistency" });
  });
});

describe("word evidence: quoted words yield to the user's own field words", () => {
  it.each([
    ["The factsheet rates China '> 10 years with clear continuity' on consistency", "consistency"],
    [
      "China is rated '> 10 years with clear continuity' on consistency; is that justified when City Clusters only started in 2006?",
      "consistency",
    ],
  ])("%s → country %s", (question, field) => {
    expect(engine.resolveQuestion(question)).toMatchObject({ kind: "country", field });
  });

  it("a field word quoted alone is still asked", () => {
    expect(engine.resolveQuestion("what is the 'budget' of the GBA plan?")).toMatchObject({
      kind: "policy",
      policy: "greater-bay-area",
      field: "budget",
    });
  });
});
