import { describe, expect, it } from "vitest";
import { CountrySchema } from "../../src/dataset/schema.ts";
import { defaultDataDir, loadDataset } from "../../src/dataset/load.ts";
import { createEngine } from "../../src/create-engine.ts";
import { freedonia } from "./tiny-country.ts";

const china = loadDataset(defaultDataDir());
const engine = createEngine(china);
const resolve = (q: string) => engine.resolveQuestion(q);

describe("resolveQuestion: one policy and one field", () => {
  it.each([
    ["torch budget?", "torch", "budget"],
    ["China's torch program start year", "torch", "start_year"],
    ["torch program start year", "torch", "start_year"],
    ["torhc start year", "torch", "start_year"],
    ["greatr bay area budget", "greater-bay-area", "budget"],
    ["TORCH!!! BUDGET???", "torch", "budget"],
    [
      "hey bot, could you please tell me what the budget of the torch program is? thanks",
      "torch",
      "budget",
    ],
    ["火炬计划的预算", "torch", "budget"],
    ["城市群 start year", "city-clusters", "start_year"],
    ["粤港澳大湾区 budget", "greater-bay-area", "budget"],
    ["GBA end year", "greater-bay-area", "end_year"],
    ["innofund budget", "torch", "budget"],
    ["who runs the city clusters policy", "city-clusters", "authorities"],
    ["who benefits from the greater bay area plan", "greater-bay-area", "beneficiaries"],
    ["has torch been evaluated", "torch", "evaluation"],
    ["until when does the city clusters policy run", "city-clusters", "end_year"],
    ["where does the GBA's money come from", "greater-bay-area", "funding_source"],
    // Short field words mistyped next to a named policy.
    ["torch budgt", "torch", "budget"],
    ["wat is the budgt of city clusters", "city-clusters", "budget"],
    ["gba startd when", "greater-bay-area", "start_year"],
    // Place abbreviations inside a policy's name.
    ["Guangdong HK Macao bay area - instruments?", "greater-bay-area", "instruments"],
  ])("%s → %s %s", (question, policy, field) => {
    // A yes/no question ("has torch been evaluated") is marked as one; the target is the same.
    expect(resolve(question)).toMatchObject({ kind: "policy", country: "china", policy, field });
  });

  it("gives the policy card when no field is asked", () => {
    expect(resolve("tell me about the torch program")).toEqual({
      kind: "policy",
      country: "china",
      policy: "torch",
      field: null,
    });
  });
});

describe("resolveQuestion: comparisons", () => {
  it.each([
    ["compare torch and city clusters", ["city-clusters", "torch"], null],
    ["torch vs city clusters budget", ["city-clusters", "torch"], "budget"],
    [
      "which started earlier, torch or the greater bay area plan?",
      ["greater-bay-area", "torch"],
      "start_year",
    ],
    [
      "difference between city clusters and gba objectives",
      ["city-clusters", "greater-bay-area"],
      "objectives",
    ],
    ["which policy has no end year?", ["city-clusters", "greater-bay-area", "torch"], "end_year"],
  ])("%s", (question, policies, field) => {
    expect(resolve(question)).toEqual({ kind: "compare", country: "china", policies, field });
  });

  it("asks which policy to compare with when only one is named", () => {
    const intent = resolve("compare torch");
    expect(intent.kind).toBe("clarify");
    if (intent.kind !== "clarify") return;
    expect(intent.suggestions).toContain("compare TORCH Program and City Clusters");
  });
});

describe("resolveQuestion: country-level facts", () => {
  it.each([
    ["china maturity", "maturity"],
    ["how mature is China's cluster policy?", "maturity"],
    ["what cluster policies does china have", "policies"],
    ["china's policy approach", "approach"],
    ["china continuity", "continuity"],
    ["how consistent is china's cluster policy", "consistency"],
    ["bibliography", "sources"],
  ])("%s → %s", (question, field) => {
    expect(resolve(question)).toMatchObject({ kind: "country", country: "china", field });
  });

  it("narrows sources to a named policy", () => {
    expect(resolve("what sources mention torch")).toEqual({
      kind: "country",
      country: "china",
      field: "sources",
      policy: "torch",
    });
  });
});

describe("resolveQuestion: asks back when something is missing", () => {
  it("a field with no policy gets one suggestion per policy, each answerable", () => {
    const intent = resolve("when did it start?");
    expect(intent.kind).toBe("clarify");
    if (intent.kind !== "clarify") return;
    expect(intent.suggestions).toEqual([
      "TORCH Program start year",
      "City Clusters start year",
      "Greater Bay Area plan start year",
    ]);
    for (const suggestion of intent.suggestions) {
      expect(resolve(suggestion)).toMatchObject({ kind: "policy", field: "start_year" });
    }
  });

  it("part of a name is a question, not an answer", () => {
    expect(resolve("bay budget")).toMatchObject({
      kind: "clarify",
      suggestions: ["Greater Bay Area plan budget"],
    });
  });

  it("two equally close names are asked back, not guessed", () => {
    const base = freedonia();
    const twins = CountrySchema.parse({
      ...base,
      policies: [
        {
          ...base.policies[0],
          id: "north-sea",
          name: "North Sea Cluster",
          short_name: "North Sea Cluster",
          aliases: [],
        },
        {
          ...base.policies[1],
          id: "north-star",
          name: "North Star Cluster",
          short_name: "North Star Cluster",
          aliases: [],
        },
      ],
    });
    const intent = createEngine([twins]).resolveQuestion("north cluster budget");
    expect(intent.kind).toBe("clarify");
  });
});

describe("resolveQuestion: declines what is not in the data", () => {
  it.each([
    "what is germany's cluster policy",
    "France cluster policy budget",
    "horizon europe budget",
    "what's the budget of the yangtze river delta plan",
    "san francisco bay area budget",
    "hello",
    "what's the weather like today?",
    "tell me a joke",
    "",
    "   ",
    "?!",
  ])("%j → none", (question) => {
    expect(resolve(question).kind).toBe("none");
  });

  it("never answers an unknown policy with a known policy's fact", () => {
    for (const question of [
      "horizon europe budget",
      "erasmus+ budget",
      "budget of the belt and road initiative",
    ]) {
      const answer = engine.ask(question);
      expect(answer.kind).toBe("none");
      expect(JSON.stringify(answer)).not.toContain("890");
    }
  });

  it.each([
    "the",
    "policy",
    "plan",
    "area",
    "program",
    "cluster",
    "the plan",
    "cluster policy area program",
  ])("%j alone selects no policy", (words) => {
    expect(resolve(`${words} budget`).kind).not.toBe("policy");
    expect(resolve(words).kind).not.toBe("policy");
  });
});

describe("resolveQuestion: nothing is China-specific", () => {
  const solo = createEngine([freedonia()]);
  const both = createEngine([...china, freedonia()]);

  it.each([
    ["aurora programme budget", "aurora", "budget"],
    ["极光计划", "aurora", null],
    ["APCP start year", "aurora", "start_year"],
    ["harbor plan end year", "harbour-plan", "end_year"],
  ])("%s", (question, policy, field) => {
    expect(solo.resolveQuestion(question)).toEqual({
      kind: "policy",
      country: "freedonia",
      policy,
      field,
    });
  });

  it("declines China in a dataset without it", () => {
    expect(solo.resolveQuestion("what is china's cluster policy").kind).toBe("none");
  });

  it("asks which country when a country fact names none", () => {
    expect(both.resolveQuestion("maturity score").kind).toBe("clarify");
    expect(both.resolveQuestion("freedonia maturity")).toEqual({
      kind: "country",
      country: "freedonia",
      field: "maturity",
    });
  });

  it("declines a policy of another country", () => {
    expect(both.resolveQuestion("freedonia's torch program budget").kind).toBe("none");
  });
});

describe("resolveQuestion: a name among words the data does not explain", () => {
  it.each([
    "torch relay olympics",
    "how do I light a torch",
    "blow torch price",
    "budget of the olympic torch relay for beijing 2008",
    "gba population",
    "how many jobs did torch create",
    "yangtze city cluster budget",
    "made in china 2025",
    "Made in China 2025 budget",
  ])("%j is not answered about a known policy", (question) => {
    const answer = engine.ask(question);
    expect(["none", "clarify"]).toContain(answer.kind);
    expect(JSON.stringify(answer)).not.toContain("890");
  });

  it("a one-word name among other words, with nothing asked, is declined with the fields as suggestions", () => {
    const answer = engine.ask("the torch was passed to a new generation");
    expect(answer.kind).toBe("none");
    expect(answer.text).toContain("generation");
    expect(answer.kind === "none" && answer.suggestions).toContain("TORCH Program budget");
  });

  it("a longer name among words the data does not hold is declined, saying so, with the fields", () => {
    const answer = engine.ask("greater bay area plan battery life");
    expect(answer.kind).toBe("none");
    expect(answer.text).toContain(
      "The factsheet doesn't say anything about “battery life” for the Greater Bay Area plan",
    );
    expect(answer.text).toContain("budget, start year");
  });

  it.each([
    "torch",
    "torch program",
    "torch?",
    "tell me about torch please",
    "what's the torch program",
    "china's torch program",
    "does torch include smes",
  ])("filler words keep %j about TORCH", (question) => {
    expect(resolve(question)).toMatchObject({ kind: "policy", policy: "torch" });
  });

  it("generic place words alone are asked back", () => {
    expect(resolve("river delta budget").kind).toBe("clarify");
    expect(resolve("bay area plan start year")).toMatchObject({
      kind: "policy",
      policy: "greater-bay-area",
    });
  });
});

describe("resolveQuestion: typos, prefixes and symbols", () => {
  it("short words are not corrected to field words, and chatter stays out of scope", () => {
    expect(resolve("anyone up for lunch?").kind).toBe("none");
    expect(resolve("lunch?").kind).toBe("none");
    expect(resolve("we should create a channel for this").kind).toBe("none");
  });

  it.each([
    ["torch $?", "torch", "budget"],
    ["torch €", "torch", "budget"],
    ["gba £?", "greater-bay-area", "budget"],
    ["gba eval", "greater-bay-area", "evaluation"],
    ["city clusters obj", "city-clusters", "objectives"],
    ["gba benef", "greater-bay-area", "beneficiaries"],
    ["torch elig", "torch", "beneficiaries"],
    ["torch auth", "torch", "authorities"],
    ["torch objectivs", "torch", "objectives"],
  ])("%s → %s %s", (question, policy, field) => {
    expect(resolve(question)).toEqual({ kind: "policy", country: "china", policy, field });
  });
});

describe("resolveQuestion: ties and generic words", () => {
  it.each([
    ["consistency rating for china", "consistency"],
    ["consistency score", "consistency"],
    ["continuity score", "continuity"],
    ["which programmes are covered for china", "policies"],
  ])("%s → %s", (question, field) => {
    expect(resolve(question)).toMatchObject({ kind: "country", field });
  });

  it("two country fields asked equally, neither by name, are asked back", () => {
    expect(resolve("how stable and mature is china").kind).toBe("clarify");
  });

  it("plural policy types compare on type", () => {
    expect(resolve("are torch and city clusters both national policies?")).toEqual({
      kind: "compare",
      country: "china",
      policies: ["city-clusters", "torch"],
      field: "type",
    });
  });

  it("field words do not also suggest a policy whose name holds them", () => {
    const intent = resolve("who funds it");
    expect(intent.kind).toBe("clarify");
    if (intent.kind !== "clarify") return;
    expect(intent.text).toContain("Which policy");
  });

  it("a named maturity dimension is carried to the answer", () => {
    expect(resolve("china evidence of performance score")).toEqual({
      kind: "country",
      country: "china",
      field: "maturity",
      dimension: "evidence_of_performance",
    });
  });
});

describe("resolveQuestion: held-out round 2 rules", () => {
  const answerOf = (q: string) => engine.ask(q);

  it("reads priorities as the EU's only when the EU is named", () => {
    expect(resolve("top priorities of torch")).toMatchObject({
      policy: "torch",
      field: "objectives",
    });
    expect(resolve("which EU priorities does torch support")).toMatchObject({
      policy: "torch",
      field: "eu_alignment",
    });
  });

  it("reads an acronym the data defines in its own case, and 'most' as a word", () => {
    expect(resolve("is MoST involved in torch")).toMatchObject({
      policy: "torch",
      field: "authorities",
    });
    const answer = answerOf("is MoST involved in torch");
    expect(answer.kind === "answer" && answer.text).toContain("Ministry of Science and Technology");
  });

  it.each([
    ["did the city clusters policy work", "city-clusters"],
    ["has the torch program succeeded", "torch"],
    ["torch status", "torch"],
  ])("%s → evaluation", (q, policy) => {
    expect(resolve(q)).toMatchObject({ kind: "policy", policy, field: "evaluation" });
  });

  it("orders all policies when asked which is the oldest without naming one", () => {
    expect(resolve("which of china's policies is the oldest")).toMatchObject({
      kind: "compare",
      policies: ["city-clusters", "greater-bay-area", "torch"],
      field: "start_year",
    });
  });

  it("says a count the data does not give is not stated", () => {
    const answer = answerOf("number of incubators under torch");
    expect(answer.kind).toBe("none");
    expect(answer.text).toContain("doesn't state the number of incubators");
  });

  it("answers a count the policy's own text gives with that sentence first", () => {
    const answer = answerOf("how many cities are in the greater bay area");
    expect(answer.kind === "answer" && answer.text).toContain("nine mainland cities");
  });

  it("answers words of a policy's own text with the sentence that has them", () => {
    const answer = answerOf("what's the hukou thing in city clusters");
    expect(answer.kind).toBe("answer");
    expect(answer.kind === "answer" && answer.text).toContain("hukou");
    expect(answer.kind === "answer" && answer.sources[0]).toContain("POLICY OBJECTIVES");
  });

  it("does not let a weak field word carry other words ('how big … economy')", () => {
    const answer = answerOf("how big is the greater bay area economy");
    expect(answer.kind === "answer" && answer.field).toBe("summary");
    expect(answer.kind === "answer" && answer.text).toContain("USD 1.38 trillion");
    expect(resolve("how big is the torch economy").kind).not.toBe("policy");
  });

  it("does not start a comparison from 'share' with one policy", () => {
    expect(resolve("gba share of china's economy")).toMatchObject({
      kind: "policy",
      policy: "greater-bay-area",
    });
  });

  it.each([
    ["which EU priorities does city clusters match", "city-clusters", "eu_alignment"],
    ["innofund exchange rate", "torch", "budget"],
  ])("a generic word does not cause a refusal: %s", (q, policy, field) => {
    expect(resolve(q)).toMatchObject({ kind: "policy", policy, field });
  });

  it.each([
    "best torch for camping",
    "how do i torch.save a model",
    "greater manchester plan",
    "how do i get to macao from hong kong",
  ])("declines off-topic text that only shares a word with a name: %s", (q) => {
    expect(resolve(q).kind).toBe("none");
  });

  it.each([
    ["863 program budget", "863 program"],
    ["compare torch with horizon europe", "horizon europe"],
    ["torch vs made in china 2025", "made in china 2025"],
    ["compare city clusters with the belt and road initiative", "belt and road initiative"],
  ])("declines an unknown programme by its whole name: %s", (q, name) => {
    const intent = resolve(q);
    expect(intent.kind).toBe("none");
    expect(intent.kind === "none" && intent.text).toContain(`“${name}”`);
  });

  it("does not quote chatter back", () => {
    const intent = resolve("haha");
    expect(intent.kind).toBe("none");
    expect(intent.kind === "none" && intent.text).not.toContain("haha");
  });
});

describe("resolveQuestion: country-level readings (held-out round 2)", () => {
  it("reads 'how long has China been doing cluster policy' as continuity", () => {
    expect(resolve("how long has china been doing cluster policy")).toEqual({
      kind: "country",
      country: "china",
      field: "continuity",
    });
  });

  it("declines the EU's own cluster policy instead of asking about EU priorities", () => {
    const intent = resolve("EU cluster policy maturity");
    expect(intent.kind).toBe("none");
    expect(intent.kind === "none" && intent.text).toContain("EU's own cluster policy");
    expect(resolve("EU alignment of all policies")).toMatchObject({
      kind: "compare",
      field: "eu_alignment",
    });
  });
});

describe("resolveQuestion: how declines quote the question (held-out round 2)", () => {
  it.each([
    ["china 14th five year plan goals", "china 14th five year plan"],
    ["new york city budget", "new york city"],
    ["hainan free trade port budget", "hainan free trade port"],
  ])("quotes the whole unknown name: %s", (q, name) => {
    const intent = resolve(q);
    expect(intent.kind).toBe("none");
    expect(intent.kind === "none" && intent.text).toContain(`“${name}”`);
  });

  it.each(["haha torch is lit", "lmao the gba meeting ran late again", "gm everyone"])(
    "does not quote chatter that mentions a name: %s",
    (q) => {
      const intent = resolve(q);
      expect(intent.kind).toBe("none");
      expect(intent.kind === "none" && intent.text).not.toContain("“");
    },
  );

  it("declines a partial name with a year the data has nothing for", () => {
    const intent = resolve("hong kong government budget 2024");
    expect(intent.kind).toBe("none");
    expect(intent.kind === "none" && intent.text).toContain("no data for 2024");
  });
});

describe("resolveQuestion: held-out round 4 rules", () => {
  it.each([
    ["where does the money for cluster cities come from", "city-clusters"],
    ["who actually funds torch", "torch"],
    ["who really pays for the GBA", "greater-bay-area"],
    ["where is the money for torch from", "torch"],
  ])("an origin cue makes money words the funding source: %s", (q, policy) => {
    expect(resolve(q)).toMatchObject({ kind: "policy", policy, field: "funding_source" });
  });

  it.each([
    ["how much money does torch get", "torch"],
    ["how much funding does the GBA have", "greater-bay-area"],
    ["torch budget in euro", "torch"],
  ])("an amount cue keeps money words the budget: %s", (q, policy) => {
    expect(resolve(q)).toMatchObject({ kind: "policy", policy, field: "budget" });
  });

  it("compares the funding source when an origin cue spans two policies", () => {
    expect(
      resolve("who actually funds the City Clusters thing vs the Greater Bay Area plan"),
    ).toMatchObject({
      kind: "compare",
      policies: ["city-clusters", "greater-bay-area"],
      field: "funding_source",
    });
  });

  it.each([
    "cluster policy maturity (scope, consistency, evidence of performance, instruments)",
    "China maturity: consistency, instruments and evaluation",
    "for our benchmarking report we score countries on cluster policy maturity (scope, consistency, evidence of performance, instruments) - what did China get on each dimension and overall?",
  ])("the named topic wins over its listed parts: %s", (q) => {
    const intent = resolve(q);
    expect(intent).toMatchObject({ kind: "country", field: "maturity" });
    expect(intent.kind === "country" && intent.dimension).toBeFalsy();
  });

  it("a single dimension named with maturity is still that dimension", () => {
    expect(resolve("china maturity policy scope")).toMatchObject({
      kind: "country",
      field: "maturity",
      dimension: "policy_scope",
    });
  });

  it.each(["which university leads the GBA", "which company runs torch"])(
    "declines a leader the data does not name: %s",
    (q) => {
      const intent = resolve(q);
      expect(intent.kind).toBe("none");
      expect(intent.kind === "none" && intent.text).toMatch(
        /no data on which (university|company)/,
      );
    },
  );

  it.each([
    ["who benefits from the GBA", "greater-bay-area", "beneficiaries"],
    ["does torch support universities", "torch", "beneficiaries"],
    ["which universities benefit from the GBA", "greater-bay-area", "beneficiaries"],
    ["which ministry runs torch", "torch", "authorities"],
    ["which sectors lead the GBA", "greater-bay-area", "focus"],
  ])("still answers beneficiaries and leaders the data names: %s", (q, policy, field) => {
    expect(resolve(q)).toMatchObject({ kind: "policy", policy, field });
  });

  it.each([
    ["what sectors does the bay area plan combine", "greater-bay-area"],
    ["what sectors does torch combine", "torch"],
  ])("an unknown last word after “does <name>” is the verb: %s", (q, policy) => {
    expect(resolve(q)).toMatchObject({ kind: "policy", policy, field: "focus" });
  });

  it.each(["does torch relay start in 1988", "when does olympic torch start"])(
    "an unknown word inside the question still names something else: %s",
    (q) => {
      expect(resolve(q).kind).toBe("none");
    },
  );

  it.each([
    ["digital china strategy start year", "digital china strategy"],
    ["healthy china strategy budget", "healthy china strategy"],
    ["what is the exchange rate yuan to euro today", "exchange rate yuan to euro today"],
  ])("declines an unknown programme or currency by name: %s", (q, name) => {
    const intent = resolve(q);
    expect(intent.kind).toBe("none");
    expect(intent.kind === "none" && intent.text).toContain(`“${name}”`);
  });

  it.each(["china strategy start year", "eu alignment china policy", "budget in euro"])(
    "still asks back when no other programme is named: %s",
    (q) => {
      expect(resolve(q).kind).toBe("clarify");
    },
  );
});

describe("resolveQuestion: held-out round 5 rules", () => {
  it.each([
    ["greatr bay area money source", "greater-bay-area"],
    ["The torch programme, from where comes the money?", "torch"],
    ["from where comes the money for city clusters", "city-clusters"],
    ["source of the money for torch", "torch"],
  ])("money with an origin word in any order is the funding source: %s", (q, policy) => {
    expect(resolve(q)).toMatchObject({ kind: "policy", policy, field: "funding_source" });
  });

  it.each([
    ["who gets $$ from torch", "torch"],
    ["who receives the money of the GBA", "greater-bay-area"],
    ["Who profits from the city clusters?", "city-clusters"],
  ])("money asked with a receive verb after “who” is the beneficiaries: %s", (q, policy) => {
    expect(resolve(q)).toMatchObject({ kind: "policy", policy, field: "beneficiaries" });
  });

  it("a receive verb does not turn who pays into beneficiaries", () => {
    expect(resolve("who pays for torch")).toMatchObject({ field: "funding_source" });
    expect(resolve("how much money does torch get")).toMatchObject({ field: "budget" });
  });

  it.each([
    "ngl whats the point of city clusters",
    "what is the point of the city clusters policy",
  ])("the point of a named policy is its objectives, not the country's score: %s", (q) => {
    expect(resolve(q)).toMatchObject({
      kind: "policy",
      policy: "city-clusters",
      field: "objectives",
    });
  });

  it.each(["how many points does china get", "china score points of each dimension"])(
    "points (plural) are still the maturity score: %s",
    (q) => {
      expect(resolve(q)).toMatchObject({ kind: "country", field: "maturity" });
    },
  );

  it.each([
    ["Until which year goes the city clusters policy?", "city-clusters"],
    ["till which year does the GBA plan run", "greater-bay-area"],
    ["torch goes until when", "torch"],
  ])("until which year is the end year: %s", (q, policy) => {
    expect(resolve(q)).toMatchObject({ kind: "policy", policy, field: "end_year" });
  });

  it("since which year is still the start year", () => {
    expect(resolve("since which year does torch exist")).toMatchObject({ field: "start_year" });
  });

  it.each([
    "has china kept its cluster policies going for long",
    "has china kept going with clusters",
  ])("a duration asked of the country is its continuity: %s", (q) => {
    expect(resolve(q)).toMatchObject({ kind: "country", field: "continuity" });
  });

  it("the user's own words after a quote decide; the quoted policy is not compared", () => {
    expect(
      resolve(
        "> the City Clusters policy aims to create 19 super-regions   ok but what about torch budget",
      ),
    ).toMatchObject({ kind: "policy", policy: "torch", field: "budget" });
  });

  it("a quote names the policy a pronoun of the user's words points at", () => {
    expect(resolve("> GBA = Pearl River Delta   what are its instruments")).toMatchObject({
      kind: "policy",
      policy: "greater-bay-area",
      field: "instruments",
    });
  });

  it("a short follow-up after a quote asks the quote's question of the policy it names", () => {
    expect(resolve("> city clusters end in 2035   and torch?")).toMatchObject({
      kind: "policy",
      policy: "torch",
      field: "end_year",
    });
  });

  it("a short check of a quote answers the quote", () => {
    expect(resolve("> someone said the GBA plan started in 2017   is that right?")).toMatchObject({
      kind: "policy",
      policy: "greater-bay-area",
      field: "start_year",
    });
  });

  it("a quote with an out-of-scope reply is still declined", () => {
    expect(resolve("> olympic torch   lol").kind).toBe("none");
  });

  it.each([
    ["Torch eu_alignment", "torch", "eu_alignment"],
    ["city clusters funding_source", "city-clusters", "funding_source"],
    ["greater bay area start_year", "greater-bay-area", "start_year"],
  ])("a field id typed in snake case is a field word: %s", (q, policy, field) => {
    expect(resolve(q)).toMatchObject({ kind: "policy", policy, field });
  });

  it.each([
    ["smth about torch", "torch", null],
    ["citycluster policy type", "city-clusters", "type"],
    ["cityclusters budget", "city-clusters", "budget"],
    ["Which budget has the GBA become?", "greater-bay-area", "budget"],
    ["Is the city clusters politic eventually evaluated?", "city-clusters", "evaluation"],
  ])("filler words and joined names do not hide a named policy: %s", (q, policy, field) => {
    expect(resolve(q)).toMatchObject({ kind: "policy", policy, field });
  });

  it.each([
    ["In which branches is the torch program active?", "torch", "focus"],
    ["what sectors is the GBA active in", "greater-bay-area", "focus"],
  ])("branches and “active in” ask for the focus: %s", (q, policy, field) => {
    expect(resolve(q)).toMatchObject({ kind: "policy", policy, field });
  });

  it.each(["Vergleich torch und city clusters", "火炬计划 和 城市群 比较"])(
    "two named policies joined by a foreign connective are compared: %s",
    (q) => {
      expect(resolve(q)).toMatchObject({ kind: "compare", policies: ["city-clusters", "torch"] });
    },
  );

  it("an unknown Chinese programme beside a known one is still declined", () => {
    expect(resolve("火炬计划 和 星火计划 比较").kind).toBe("none");
  });

  it("“the plan” with no name asks back with the policies", () => {
    const intent = resolve("tell me about the plan");
    expect(intent.kind).toBe("clarify");
    expect(intent.kind === "clarify" && intent.suggestions).toContain("City Clusters");
  });

  it.each(["marshall plan", "olympic torch start year", "bay area budget 2024 marshall"])(
    "names the data does not hold are still not answered: %s",
    (q) => {
      expect(["none", "clarify"]).toContain(resolve(q).kind);
    },
  );
});
