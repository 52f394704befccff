import { describe, expect, it } from "vitest";
import type { Answer } from "../../src/answers/types.ts";
import { looksLikeCode } from "../../src/search/code-like.ts";
import { splitLeadingQuote } from "../../src/search/resolve.ts";
import { chinaEngine as engine } from "../china-engine.ts";

function body(answer: Answer): Extract<Answer, { kind: "answer" | "compare" }> {
  if (answer.kind !== "answer" && answer.kind !== "compare") {
    throw new Error(`expected an answer, got ${answer.kind}: ${answer.text}`);
  }
  return answer;
}

describe("code is not a question", () => {
  it.each([
    "`const budget = policies.torch.budget;`",
    "if (torch.start_year < 2000) { return true }",
    "policy.torch.budget",
    "torch_budget",
    "gba = load('greater-bay-area')",
    "x == torch.evaluation",
    "SELECT * FROM policies WHERE id='gba';",
  ])("%s → declined, no fact", (text) => {
    const answer = engine.ask(text);
    expect(answer.kind).toBe("none");
    expect(answer.text).toContain("looks like code");
    expect(answer.text).not.toMatch(/1988|890|in itinere/);
  });

  it("ordinary questions with dots, brackets and abbreviations are not code", () => {
    for (const text of [
      "torch budget?",
      "e.g. when did torch start",
      "what is the U.S. cluster policy",
      "torch (the program) start year",
      "City Clusters: when did it start? 2006?",
    ]) {
      expect(looksLikeCode(text), text).toBe(false);
    }
    expect(body(engine.ask("torch (the program) start year")).text).toContain("1988");
  });
});

describe("long chat answers only a question asked in one clause", () => {
  it("a policy named in passing in a rant is not answered", () => {
    const answer = engine.ask(
      "ugh I spent all weekend on my thesis about European clusters, my supervisor wants me to add something on city clusters in Asia but I haven't even finished the literature review, how do you guys deal with procrastination??",
    );
    expect(answer.kind).toBe("none");
    expect(answer.text).not.toContain("2006");
  });

  it("a compare cue with one named policy never becomes a comparison of all policies", () => {
    const answer = engine.ask(
      "I was reading an article comparing the Greater Bay Area to Silicon Valley and Tokyo and it got me thinking about whether I should learn Cantonese or Mandarin first, what do you all think?",
    );
    expect(answer.kind).toBe("none");
    expect(answer.text).not.toContain("1988");
  });

  it("a long message whose question clause names the policy and the field is answered", () => {
    const answer = body(
      engine.ask(
        "Hi everyone, I am writing a short report for my course on Chinese regional development and I would like to know one thing: when did the TORCH Program start?",
      ),
    );
    expect(answer.text).toContain("1988");
  });
});

describe("a long message's question keeps its cue across a comma", () => {
  it("which started earlier, the TORCH Program or City Clusters?", () => {
    const answer = body(
      engine.ask(
        "Hello! I'm preparing a presentation for my team about Chinese cluster programmes and I need to know: which started earlier, the TORCH Program or City Clusters?",
      ),
    );
    expect(answer.text).toBe("The TORCH Program started earlier (1988) than City Clusters (2006).");
  });
});

describe("everyday words are not field words", () => {
  it.each([
    "talking about torch at lunch",
    "gba last year",
    "I went to the greater bay area last year",
  ])("%s → no fact", (text) => {
    const answer = engine.ask(text);
    expect(["none", "clarify"]).toContain(answer.kind);
    expect(answer.text).not.toMatch(/1988|2035|2019/);
  });

  it("a name among everyday words, nothing asked, is chat: declined without quoting them", () => {
    for (const text of [
      "we joked about city clusters during lunch",
      "I visited the greater bay area last month",
    ]) {
      const answer = engine.ask(text);
      expect(answer.kind, text).toBe("none");
      expect(answer.text).not.toMatch(/lunch|last|month|“/);
    }
  });

  it("a mistyped field word next to a name is still corrected", () => {
    expect(body(engine.ask("torch budgt")).text).toContain("890");
  });
});

describe("ordinary words do not block a clear country question", () => {
  it("'based on' asks for the sources", () => {
    expect(body(engine.ask("what sources is this based on")).text).toContain("19 sources");
  });

  it("'continuous since the 80s' asks about continuity; Europe is not quoted as unknown", () => {
    const answer = body(engine.ask("has china's cluster policy been continuous since the 80s?"));
    expect(answer.field).toBe("continuity");
    const rely = body(engine.ask("does china rely on cluster organisations like europe?"));
    expect(rely.field).toBe("continuity");
  });

  it("a capitalised unknown name still blocks: Horizon Europe is declined by name", () => {
    const answer = engine.ask("Horizon Europe maturity");
    expect(answer.kind).toBe("none");
    expect(answer.text).toContain("“horizon europe”");
  });
});

describe("comparisons of all policies keep their field", () => {
  it("compare the evaluation of all policies", () => {
    const answer = body(engine.ask("compare the evaluation of all policies"));
    expect(answer.field).toBe("evaluation");
    expect(answer.text).toContain("City Clusters has no policy evaluation");
  });

  it("compare all policies budget", () => {
    const answer = body(engine.ask("compare all policies budget"));
    expect(answer.field).toBe("budget");
    expect(answer.text).toContain("890");
  });

  it("three-way list comparisons say what some share and that none has its own", () => {
    const answer = body(engine.ask("compare the objectives of all policies"));
    expect(answer.text).toContain("share 6 objectives");
    expect(answer.text).toContain("the TORCH Program and the Greater Bay Area plan also share 2");
    expect(answer.text).toContain("none has any objectives of its own");
  });
});

describe("Chinese names the data does not hold", () => {
  it("星火计划 shares only 计划 (plan) with 火炬计划: declined by its name", () => {
    const answer = engine.ask("星火计划 start year");
    expect(answer.kind).toBe("none");
    expect(answer.text).toContain("星火计划");
  });

  it("中国制造2025 目标 is not a question about any of the three policies", () => {
    const answer = engine.ask("中国制造2025 目标");
    expect(answer.kind).toBe("none");
    expect(answer.text).toContain("中国制造");
  });

  it("known Chinese names still answer", () => {
    expect(body(engine.ask("火炬计划的预算")).text).toContain("890");
    expect(body(engine.ask("粤港澳大湾区什么时候开始")).text).toContain("2019");
  });
});

describe("wording", () => {
  it("the size of the GBA's economy is the passage that states it, not 'no budget'", () => {
    const answer = body(engine.ask("how much of china's economy is the GBA"));
    expect(answer.text).toContain("12%");
    expect(answer.text).toContain("USD 1.38 trillion");
  });

  it("'more old' orders by start year; 'what kind of programme' asks for the type", () => {
    expect(body(engine.ask("which one more old, torch or city cluster")).field).toBe("start_year");
    expect(body(engine.ask("what kind of programme is China's Torch Program")).text).toBe(
      "The TORCH Program is a national cluster policy.",
    );
  });

  it("instrument items read kind first, examples after", () => {
    const answer = body(engine.ask("city clusters instruments"));
    expect(answer.text).toContain("innovation support (voucher, support to hire PhDs)");
    expect(answer.text).not.toContain("voucher (innovation)");
  });

  it("who evaluates the GBA plan: the commission is named in the first sentence", () => {
    const answer = body(engine.ask("who evaluates the gba plan"));
    expect(answer.text).toContain("National Development and Reform Commission");
  });

  it("yes/no questions start with Yes or No when the data decides them", () => {
    expect(body(engine.ask("is torch evaluated?")).text).toMatch(/^Yes, the TORCH Program/);
    expect(body(engine.ask("is city clusters evaluated?")).text).toMatch(/^No, City Clusters/);
    expect(body(engine.ask("does the gba have an end year?")).text).toMatch(/^Yes, .*2035/);
    expect(body(engine.ask("does torch have an end date?")).text).toMatch(/^No, /);
    // Not decided by the field alone: no yes or no put in front.
    expect(body(engine.ask("has city clusters ended?")).text).not.toMatch(/^(Yes|No),/);
  });

  it("a refusal quotes an acronym as typed, not its expansion", () => {
    const answer = engine.ask("what is the MoST");
    expect(answer.text).toContain("“MoST”");
    expect(answer.text).not.toContain("science and technology");
  });

  it("refusals quote whole words", () => {
    const answer = engine.ask(
      "what is the budget of the wonderful fantastic marvellous extraordinary supercalifragilistic innovation programme",
    );
    expect(answer.kind).toBe("none");
    const quoted = /“([^”]*)”/.exec(answer.text)?.[1] ?? "";
    expect(quoted.length).toBeLessThanOrEqual(60);
    for (const word of quoted.split(" ")) {
      expect(
        "wonderful fantastic marvellous extraordinary supercalifragilistic innovation programme".split(
          " ",
        ),
      ).toContain(word);
    }
  });
});

describe("code detection needs code structure (held-out round 5)", () => {
  it.each([
    "Torch eu_alignment",
    "city clusters funding_source",
    "greater bay area start_year",
    "GBA = Pearl River Delta, what are its instruments",
    "someone told me the GBA plan = 2019, true?",
    // A claim written with "=" and then argued in words is a sentence, not a statement.
    "Torch = 1988 according to my notes?? that seems too early to me",
    "city clusters = 19 regions, is that the real number in the factsheet?",
  ])("%s is prose, not code", (text) => {
    expect(looksLikeCode(text)).toBe(false);
  });

  it.each([
    "torch_budget",
    "x = 1",
    "budget=5",
    "s = 'gba'",
    "let year = 2019",
    "budget = 5 // torch",
    "total = 12; print total",
    "eu_alignment_score",
  ])("%s is still code", (text) => {
    expect(looksLikeCode(text)).toBe(true);
  });
});

describe("splitLeadingQuote", () => {
  it("splits a leading quote at a wide gap or a line break", () => {
    expect(splitLeadingQuote("> torch started 1988   and gba?")).toEqual({
      quote: "torch started 1988",
      own: "and gba?",
    });
    expect(splitLeadingQuote("> torch started 1988\nand gba?")).toEqual({
      quote: "torch started 1988",
      own: "and gba?",
    });
  });

  it("leaves text without a quote or without an end of the quote alone", () => {
    expect(splitLeadingQuote("torch budget")).toBeNull();
    expect(splitLeadingQuote("> torch budget")).toBeNull();
  });
});
