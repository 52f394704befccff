import { describe, expect, it } from "vitest";
import { buildCatalog } from "../../src/search/catalog.ts";
import { freedonia } from "./tiny-country.ts";
import { chinaEngine as engine } from "../china-engine.ts";

const read = (q: string): string => {
  const intent = engine.resolveQuestion(q);
  if (intent.kind === "policy") return `${intent.policy} ${intent.field ?? "card"}`;
  if (intent.kind === "compare") return `compare ${intent.policies.join("+")} ${intent.field}`;
  if (intent.kind === "country") return `country ${intent.field}`;
  return intent.kind;
};

describe("a named policy beside hedges, adverbs and chat", () => {
  it.each([
    ["when did torch even start", "torch start_year"],
    ["honestly who even runs the torch program", "torch authorities"],
    ["wait, torch seriously has no end date?", "torch end_year"],
    ["does city clusters even have an evaluation?", "city-clusters evaluation"],
    ["who runs torch day to day", "torch authorities"],
    ["ok so who literally runs torch", "torch authorities"],
    ["tbh who funds the gba plan", "greater-bay-area funding_source"],
  ])("%s → %s", (question, expected) => {
    expect(read(question)).toBe(expected);
  });

  it.each(["olympic torch budget", "torch relay", "yangtze city cluster start year"])(
    "an unknown name beside a known one still declines: %s",
    (question) => {
      expect(["none", "clarify"]).toContain(read(question));
    },
  );
});

describe("words outside what is asked lower confidence, words in it decline", () => {
  it.each([
    ["gimme the short version of torch", "torch card"],
    ["city clusters in three sentences. what is it?", "city-clusters card"],
    ["tell me about the gba plan, I've heard conflicting things about it", "greater-bay-area card"],
    ["who runs torch? name the agency pls", "torch authorities"],
    ["who actually runs city clusters", "city-clusters authorities"],
    ["what does torch typically fund", "torch instruments"],
  ])("%s → %s", (question, expected) => {
    expect(read(question)).toBe(expected);
  });

  it.each([
    "what is the torch program's carbon footprint",
    "does the gba plan cover space tourism?",
    "how many employees does the torch center have",
  ])("declines: %s", (question) => {
    expect(read(question)).toBe("none");
  });
});

describe("another programme or country named only as the asker's context", () => {
  it.each([
    ["I keep confusing it with the Horizon programme: who runs torch?", "torch authorities"],
    ["for my thesis on Germany's go-cluster programme, when did torch start?", "torch start_year"],
    [
      "we have something like the Smart Specialisation Strategy here; who benefits from the gba plan?",
      "greater-bay-area beneficiaries",
    ],
  ])("%s → %s", (question, expected) => {
    expect(read(question)).toBe(expected);
  });

  it.each([
    "compare torch with the Belt and Road Initiative",
    "863 program budget",
    "what is the budget of germany's go-cluster programme",
  ])("is still declined when it is what is asked: %s", (question) => {
    expect(["none", "clarify"]).toContain(read(question));
  });
});

describe("overview requests get the overview card", () => {
  it.each([
    ["tl;dr of torch", "torch card"],
    ["explain me short the GBA plan", "greater-bay-area card"],
    ["gimme the gist of city clusters", "city-clusters card"],
    ["a broad overview of city clusters (I think it's about regions?)", "city-clusters card"],
    ["what even is the city clusters thing", "city-clusters card"],
    // Said to be a summary, it is the summary field; said not to be one, it is not asked.
    ["summarise the gba plan", "greater-bay-area summary"],
    [
      "list the objectives of torch please, the complete set as recorded, not a summary",
      "torch objectives",
    ],
    ["are you sure torch has no budget figure?", "torch budget"],
  ])("%s → %s", (question, expected) => {
    expect(read(question)).toBe(expected);
  });
});

describe("a claim about a year checks the date it is about", () => {
  it.each([
    ["is Torch really from 1988?", "torch start_year"],
    ["someone told me the GBA plan = 2019, true?", "greater-bay-area start_year"],
    ["city clusters 2035, right?", "city-clusters end_year"],
  ])("%s → %s", (question, expected) => {
    expect(read(question)).toBe(expected);
  });

  it.each([
    ["is Torch really from 1988?", /^Yes, the TORCH Program started in 1988/],
    ["torch began 1990 right?", /^No, the TORCH Program started in 1988/],
    [
      "gba ends in 2035 - is that accurate?",
      /^Yes, the Greater Bay Area plan is planned to end in 2035/,
    ],
    // A bound is no claim of the date; another dated step of its history is neither yes nor no.
    ["did torch start before 2000?", /^The TORCH Program started in 1988/],
    ["city clusters started in 2016, correct?", /^City Clusters started in 2006/],
  ])("%s is confirmed or corrected", (question, text) => {
    expect(engine.ask(question).text).toMatch(text);
  });

  it("a year the data dates nothing by asks something else", () => {
    expect(read("大湾区2023年的GDP总量是多少")).toBe("none");
  });
});

describe("typos", () => {
  it.each([
    ["torch fundng sorce", "torch funding_source"],
    ["who fudns city clusters", "city-clusters funding_source"],
    ["cty clusters sectors", "city-clusters focus"],
    // An ordinary English word is not a mistyped field word: "speed" is not "spend".
    ["how fast is the gba plan's rail speed", "none"],
  ])("%s → %s", (question, expected) => {
    expect(read(question)).toBe(expected);
  });
});

describe("initials of the data's names", () => {
  it.each([
    ["cc budget", "city-clusters budget"],
    ["tp authorities", "torch authorities"],
    ["gbap objectives", "greater-bay-area objectives"],
    ["who funds cc", "city-clusters funding_source"],
  ])("%s → %s", (question, expected) => {
    expect(read(question)).toBe(expected);
  });

  it("are derived only when one policy's names have them", () => {
    const country = freedonia();
    const [aurora, harbour] = country.policies;
    if (!aurora || !harbour) throw new Error("freedonia has two policies");
    // "Aurora Programme" and "Atlas Plan" share "ap"; "Harbour Logistics Hub" is alone in "hlh".
    country.policies = [
      aurora,
      { ...harbour, short_name: "Atlas Plan", aliases: ["Harbour Logistics Hub"] },
    ];
    const initials = new Map(
      buildCatalog([country])
        .aliases.filter((a) => a.text === a.stems[0])
        .map((a) => [a.text, a.policyId]),
    );
    expect(initials.get("ap")).toBeUndefined();
    expect(initials.get("hlh")).toBe("harbour-plan");
  });
});
