import { describe, expect, it } from "vitest";
import { chinaEngine as engine } from "../china-engine.ts";

/** The headline the user reads, for a question that must be answered. */
function headline(question: string): string {
  const answer = engine.ask(question);
  expect(answer.kind).toBe("answer");
  return answer.text;
}

describe("a kind of beneficiary as the receiver of what is given asks the instruments", () => {
  it.each([
    "what can a young company get from torch, office space or cheap rent?",
    "does torch give start-ups anything concrete, like free rent?",
    "do SMEs receive vouchers under torch?",
    "does torch help startups hire engineers?",
  ])("%s → what TORCH offers", (question) => {
    const text = headline(question);
    expect(text).toContain("The TORCH Program offers");
    expect(text).not.toContain("aimed at");
    expect(text).not.toContain("is listed among");
  });

  it.each([
    "which companies can get support from torch",
    "what kinds of firms does torch help?",
    "does torch support SMEs?",
  ])("%s → the receiver itself is asked: the beneficiaries", (question) => {
    expect(headline(question)).toContain("The TORCH Program is aimed at");
  });

  it("'does the plan do anything to…' asks what the policy does", () => {
    expect(headline("does city clusters do anything to protect green spaces?")).toContain(
      "City Clusters offers",
    );
  });
});

describe("who watches, who pays", () => {
  it("who keeps track of progress → the evaluation, naming who evaluates", () => {
    const text = headline("who keeps track of progress on the GBA plan?");
    expect(text).toContain("evaluated in itinere");
    expect(text).toContain("National Development and Reform Commission");
  });

  it.each([
    ["which level of government bears the cost of city clusters?", "City Clusters"],
    ["who provides most of the money for the GBA plan, Guangdong or Beijing?", "the Greater Bay"],
    ["is the GBA plan financed primarily by the regions?", "the Greater Bay"],
  ])("%s → the source of funding", (question, name) => {
    expect(headline(question)).toContain(`Source of funding for ${name}`);
  });

  it("a superlative amount between policies is still the budget", () => {
    const answer = engine.ask("who put the most money in, torch or city clusters?");
    expect(answer.kind).toBe("compare");
    expect(answer.text).toContain("EUR 890 million");
  });
});

describe("two questions in one sentence: the first decides", () => {
  it.each([
    ["when did city clusters begin, and how long will it last?", "City Clusters started in 2006"],
    ["where does the GBA plan's money come from, and how much is it?", "Source of funding for"],
    ["who drafted city clusters, and who pays for it?", "Responsible for City Clusters"],
    ["what was the total torch envelope, and over which years?", "Budget of the TORCH Program"],
  ])("%s", (question, start) => {
    expect(headline(question)).toContain(start);
  });

  it("the second question's answer follows the first's in the details", () => {
    const answer = engine.ask("where does the GBA plan's money come from, and how much is it?");
    expect(answer.kind).toBe("answer");
    if (answer.kind !== "answer") return;
    expect(answer.text).toContain("Source of funding for the Greater Bay Area plan");
    const second = answer.details.find((d) => d.name.startsWith("Also asked"));
    expect(second?.value).toContain("state no budget for the Greater Bay Area plan");
  });

  it("a 'who' asking no actor of its own takes the actor the second question names", () => {
    expect(headline("who was it that set up torch, and who runs it now?")).toContain(
      "Responsible for the TORCH Program",
    );
  });
});

describe("the list named by its noun is the list asked", () => {
  it("is fostering start-ups one of the goals → the objectives, not the beneficiaries", () => {
    const text = headline("is fostering start-ups one of the goals of city clusters?");
    expect(text).toContain("objectives");
    expect(text).not.toContain("beneficiaries");
  });
});

describe("ways of asking the end", () => {
  it.each([
    ["大湾区规划哪一年结束？", "planned to end in 2035"],
    ["does the torch programme have a sunset date?", "has no end year"],
    ["will city clusters run forever?", "planned to end in 2035"],
    ["what is the closing date of the GBA plan?", "planned to end in 2035"],
  ])("%s → the end year", (question, fact) => {
    expect(headline(question)).toContain(fact);
  });
});
