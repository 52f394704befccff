import { describe, expect, it } from "vitest";
import { defaultDataDir, loadDataset } from "../../src/dataset/load.ts";
import { createEngine } from "../../src/create-engine.ts";
import { explainQuestion } from "../../src/search/resolve.ts";
import { buildCatalog } from "../../src/search/catalog.ts";

const countries = loadDataset(defaultDataDir());
const engine = createEngine(countries);
const catalog = buildCatalog(countries);
const resolve = (q: string) => engine.resolveQuestion(q);
const ALL = ["city-clusters", "greater-bay-area", "torch"];

describe("no policy named: ordinary words only lower confidence", () => {
  it.each([
    "refs please for the end year of the policy",
    "need the funding source for my slide deck",
    "could you tell me the budget of the policy, rather than a summary",
    "my students keep asking: who does the policy target?",
    "when does the plan end? my supervisor wants the exact year",
    "I need the funding source for a footnote — who pays for it?",
    "need the start year and the end year for the policy, exact values please",
  ])("%s → asked back which policy, naming them", (q) => {
    const intent = resolve(q);
    expect(intent.kind).toBe("clarify");
    expect(intent.kind === "clarify" && intent.text).toContain("TORCH Program");
    expect(intent.kind === "clarify" && intent.text).not.toContain("no data");
  });

  it.each([
    "who funds the european cluster collaboration platform",
    "who is the president of china",
    "what's the weather like in macao tomorrow",
    "can you proofread my essay introduction paragraph please",
    "a blow torch costs how much",
    "any good dim sum recs in Hong Kong?",
    "how much is a coffee?",
  ])("%s → declined: a name or an off-topic subject the data lacks", (q) => {
    expect(resolve(q).kind).toBe("none");
  });

  it("quotes the name that rules a question out, not the small talk around it", () => {
    const { intent, evidence } = explainQuestion(catalog, "when did the xiongan new area start");
    expect(intent.kind).toBe("none");
    expect(evidence.some((e) => e.source === "unknown name")).toBe(true);
  });
});

describe("no policy named: an order, an all-cue or 'which' compares every policy", () => {
  it.each([
    ["which of the three is regional rather than national?", "type"],
    ["compare the evaluation status of all three", "evaluation"],
    ["which ones have been evaluated?", "evaluation"],
    ["which policy has the biggest budget?", "budget"],
    ["for China, what are the budgets of all three policies?", "budget"],
    ["as a chinese student I'm curious, what is the focus of each of the three policies?", "focus"],
    ["哪个政策预算最多？", "budget"],
  ])("%s → all three side by side on %s", (q, field) => {
    expect(resolve(q)).toMatchObject({ kind: "compare", policies: ALL, field });
  });

  it.each([
    "is the policy evaluated at all? honestly I doubt it",
    "what are the target groups of the policy again? I missed which one",
    "And how is it evaluated? We need to compare with our own evaluation framework.",
  ])("%s → no cue beside the field: asked back", (q) => {
    expect(resolve(q).kind).toBe("clarify");
  });
});

describe("country-level fields in other words", () => {
  it.each([
    ["what kind of policy approach does china take on clusters", "approach"],
    ["does china use broad-based framework policies?", "approach"],
    ["how does china go about supporting clusters in general", "approach"],
    ["list the chinese cluster policies in the factsheet", "policies"],
    ["Which cluster policies does the factsheet describe for China?", "policies"],
    [
      "Which cluster policies does China have? We're mapping comparators for our regional strategy.",
      "policies",
    ],
    ["how mature is china's cluster policy according to the index?", "maturity"],
    ["where does all this info come from? like the refs", "sources"],
    ["how far back does china's cluster policy go?", "continuity"],
  ])("%s → country %s", (q, field) => {
    expect(resolve(q)).toMatchObject({ kind: "country", country: "china", field });
  });
});

describe("long messages: the clause that asks, among small talk", () => {
  it("answers a policy's field asked after small talk", () => {
    expect(
      resolve(
        "so my flatmate and I were arguing last night over dinner about Chinese industrial policy, she thinks it's all top-down, I'm not so sure. Can you tell me who funds the greater bay area plan?",
      ),
    ).toMatchObject({ kind: "policy", policy: "greater-bay-area", field: "funding_source" });
  });

  it("orders all three policies when the question asks which is oldest", () => {
    expect(
      resolve(
        "hello, i am student from vietnam and my english is not perfect, sorry. i want to know for my homework, which chinese cluster policy is the oldest one? thank you very much for help",
      ),
    ).toMatchObject({ kind: "compare", policies: ALL, field: "start_year" });
  });

  it("asks back which policy when a field is asked without one", () => {
    expect(
      resolve(
        "our regional development agency is benchmarking itself against a few countries this year, including China. could you tell me when the policy started? we need it for the table",
      ).kind,
    ).toBe("clarify");
  });

  it.each([
    "ugh what a week. my laptop died, my cat is sick and the train to work was late three days in a row. anyway do you think it will rain tomorrow in Amsterdam? I need to decide whether to bike or not.",
    "I'm researching India's industrial corridors for my PhD and I wonder if you know how the Delhi Mumbai Industrial Corridor compares with things elsewhere, like its budget and start year?",
  ])("still declines real off-topic chatter: %s", (q) => {
    expect(resolve(q).kind).toBe("none");
  });
});

describe("one policy referred to, none named: asked back, whatever else looks like a comparison", () => {
  it.each([
    "what are the goals of the policy? i have to quote them in my thesis",
    "which financial instruments does it offer? I'm putting together a comparison table",
    "hey all, sorry to bug you all: what's the end year again?",
    "When did it really begin? every website gives different dates",
    "whats the budget of this programme, for my comparison spreadsheet",
  ])("%s → which policy?", (q) => {
    const intent = resolve(q);
    expect(intent.kind).toBe("clarify");
    expect(intent.kind === "clarify" && intent.text).toContain("Which policy do you mean?");
  });

  it.each([
    ["which of them started first?", "start_year"],
    ["how do they compare on budget", "budget"],
    ["thanks you all, what's the budget of each?", "budget"],
    ["which policy has the biggest budget", "budget"],
  ])("%s → all of them side by side", (q, field) => {
    const intent = resolve(q);
    expect(intent.kind === "compare" && [intent.policies, intent.field]).toEqual([ALL, field]);
  });
});

describe("a field of 'the policy' / 'this policy' / 'it', none named: which policy?", () => {
  it.each([
    "give me the period of validity of the policy in question",
    "what instruments does the policy use? it's for my lesson plan",
    "who benefits from this policy? it's for our action plan at work",
    "这个政策由哪个部门负责",
    "该政策主要支持哪些产业",
    "重点支持哪些行业",
  ])("%s → asked back which policy, never declined or answered for all", (q) => {
    const intent = resolve(q);
    expect(intent.kind).toBe("clarify");
    expect(intent.kind === "clarify" && intent.text).toContain("Which policy do you mean?");
  });

  it.each([
    ["哪个政策的预算最多", "budget"],
    ["三个政策分别重点支持哪些行业", "focus"],
  ])("%s → which of the policies: all of them side by side", (q, field) => {
    const intent = resolve(q);
    expect(intent.kind === "compare" && [intent.policies, intent.field]).toEqual([ALL, field]);
  });

  it("a programme's name with a policy noun is still declined by its name", () => {
    const intent = resolve("what's the budget of the Spark Program");
    expect(intent.kind === "none" && intent.text).toContain("spark program");
  });
});

describe("out of scope with positive evidence: declined, not asked back or answered", () => {
  it.each([
    "how does Singapore support its clusters? is there anything like torch there?",
    "Germany has a scheme for clusters. is there a counterpart to torch?",
    "any info on the Regional Innovation Cluster Programme?",
    "what's the population of Shenzhen these days?",
    "population of Hong Kong right now?",
    "draft a grading rubric for student essays please",
  ])("%s → declined", (q) => {
    expect(resolve(q).kind).toBe("none");
  });

  it.each([
    ["what does torch fund? anything like venture capital?", "torch", "instruments"],
    ["who runs torch? I keep mixing it up with Germany's scheme", "torch", "authorities"],
    ["the GBA plan covers what population?", "greater-bay-area", "summary"],
    ["what's the budget of the TORCH Program", "torch", "budget"],
  ])("%s → still answered", (q, policy, field) => {
    const intent = resolve(q);
    expect(intent.kind === "policy" && [intent.policy, intent.field]).toEqual([policy, field]);
  });
});
