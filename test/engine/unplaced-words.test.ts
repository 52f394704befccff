import { describe, expect, it } from "vitest";
import { chinaEngine as engine } from "../china-engine.ts";

describe("unplaced words: a word the policy's own texts hold is answered from them", () => {
  it.each([
    ["what's the hukou angle in the city clusters plan, roughly?", "city-clusters", "hukou"],
    ["tell me the deal with shenzhen in the greater bay area plan", "greater-bay-area", "Shenzhen"],
    ["why the number 19 in the city clusters policy?", "city-clusters", "19 super-regions"],
  ])("%s → quotes the sentence", (question, policy, quoted) => {
    const answer = engine.ask(question);
    expect(answer.kind).toBe("answer");
    expect(engine.resolveQuestion(question)).toMatchObject({ kind: "policy", policy });
    expect(answer.text).toContain(quoted);
  });
});

describe("unplaced words: the asker's stance is no content", () => {
  it.each([
    ["I doubt the torch program has been evaluated, prove me wrong", "torch", "evaluation"],
    ["I reckon the GBA plan has no budget, go ahead, correct me", "greater-bay-area", "budget"],
    ["people claim city clusters ends in 2035, I suspect it's later", "city-clusters", "end_year"],
  ])("%s → %s %s", (question, policy, field) => {
    expect(engine.ask(question).text).not.toContain("doesn't say anything about");
    expect(engine.resolveQuestion(question)).toMatchObject({ kind: "policy", policy, field });
  });

  it("a stance on another country's programme still declines", () => {
    const answer = engine.ask(
      "I doubt France's cluster programme was ever evaluated, prove me wrong",
    );
    expect(answer.kind).toBe("none");
    expect(answer.text).toContain("France");
  });
});

describe("unplaced words: the asker's own country is context, not the subject", () => {
  it("a programme of the asker's country beside a question on ours answers ours", () => {
    const question =
      "in Austria's cluster programme we hand out vouchers — do the Chinese policies offer vouchers as well?";
    const answer = engine.ask(question);
    expect(answer.kind).toBe("compare");
    expect(answer.text).not.toContain("Austria");
    expect(engine.resolveQuestion(question)).toMatchObject({
      kind: "compare",
      field: "instruments",
    });
  });

  it.each([
    "what does Norway do for clusters? anything like city clusters?",
    "we'd like to know about Sweden's cluster strategy",
    "compare Korea's cluster programme with torch",
  ])("another country as the subject still declines: %s", (question) => {
    expect(engine.ask(question).kind).toBe("none");
  });
});

describe("unplaced words: a field named by its examples", () => {
  it.each([
    ["what does the GBA plan hand out, e.g. grants, loans, incubators?", "greater-bay-area"],
    ["what does city clusters do for firms, like coworking or office space?", "city-clusters"],
    ["torch support like mentoring, matchmaking or tax breaks?", "torch"],
  ])("%s → instruments", (question, policy) => {
    const answer = engine.ask(question);
    expect(answer.text).toMatch(/instruments/u);
    expect(engine.resolveQuestion(question)).toMatchObject({
      kind: "policy",
      policy,
      field: "instruments",
    });
  });

  it.each([
    "torch's share price",
    "torch's stock price",
    "olympic torch relay",
    "863 program budget",
  ])("precision kept: %s declines", (question) => {
    expect(engine.ask(question).kind).toBe("none");
  });
});

describe("filler and a known name's own words lower confidence, they do not veto", () => {
  it.each([
    ["the GBA polcy: who is in charge?", "greater-bay-area", "authorities"],
    ["year of commencement, Greater Bay Area Development Plan", "greater-bay-area", "start_year"],
    ["TORCH strategic objectives?", "torch", "objectives"],
    ["is the city clusters policy 15yrs old?", "city-clusters", "start_year"],
  ])("%s → %s %s", (text, policy, field) => {
    const answer = engine.ask(text);
    expect(answer.kind).toBe("answer");
    expect(answer.kind === "answer" && answer.policy).toBe(policy);
    expect(answer.kind === "answer" && answer.field).toBe(field);
  });

  it.each(["torch in short pls", "one-liner on the GBA plan", "city clusters in brief"])(
    "%s → the policy's card, not 'the factsheet doesn't say'",
    (text) => {
      const answer = engine.ask(text);
      expect(answer.kind).toBe("answer");
      expect(answer.text).not.toMatch(/doesn't say anything/);
    },
  );

  it.each(["one-liner on the olympic torch", "in short, the Yangtze River Delta Development Plan"])(
    "%s → still declined by the name the data lacks",
    (text) => {
      const answer = engine.ask(text);
      expect(answer.kind).toBe("none");
    },
  );
});

describe("unplaced words: 'for a …' describes a kind of policy, not another programme", () => {
  it.each([
    [
      "torch objectives include employment? seems a stretch for a high tech programme",
      "torch",
      "objectives",
    ],
    [
      "who pays for city clusters? odd question for a regional plan, I know",
      "city-clusters",
      "funding_source",
    ],
    ["is the gba budget big as an urban development scheme goes?", "greater-bay-area", "budget"],
  ])("%s → %s %s", (question, policy, field) => {
    expect(engine.resolveQuestion(question)).toMatchObject({ kind: "policy", policy, field });
  });

  it.each([
    "does china have a spark program",
    "is there a knowledge cluster initiative in china",
    "what is the budget of the 863 program",
  ])("%s → still declined as a programme we do not know", (question) => {
    expect(engine.ask(question).kind).toBe("none");
  });
});

describe("a typo'd field word in a question about our policies by their common noun", () => {
  it.each([
    ["which policy has the biggest budjet", "budget"],
    ["which programme startd first", "start_year"],
  ])("%s → compares all on %s", (question, field) => {
    expect(engine.resolveQuestion(question)).toMatchObject({ kind: "compare", field });
  });

  it("a typo'd word about nothing of ours stays out of scope", () => {
    expect(engine.ask("dim sum recs in hong kong").kind).toBe("none");
  });
});
