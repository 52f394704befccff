import { describe, expect, it } from "vitest";
import type { Answer } from "../../src/answers/types.ts";
import { renderAnswerText } from "../../src/render/text.ts";
import { chinaEngine as engine } from "../china-engine.ts";

const ALL = ["city-clusters", "greater-bay-area", "torch"];

/** What the user is shown: the kind, whose field, and the headline. */
function seen(question: string): { kind: string; field: string | null; text: string } {
  const answer: Answer = engine.ask(question);
  if (answer.kind === "answer" || answer.kind === "compare") {
    return { kind: answer.kind, field: answer.field ?? null, text: answer.text };
  }
  return { kind: answer.kind, field: null, text: answer.text };
}

describe("a country field named outright beats the words for all policies", () => {
  it.each([
    ["how long-running are the policies overall, continuity-wise?", "continuity"],
    ["what sort of maturity rating do the three policies earn together?", "maturity"],
    ["are all of china's policies consistent?", "consistency"],
    ["what sources do all three draw on?", "sources"],
  ])("%s → China's %s", (q, field) => {
    const answer = engine.ask(q);
    expect(answer.kind).toBe("answer");
    expect(answer.kind === "answer" && answer.policy).toBeNull();
    expect(answer.kind === "answer" && answer.field).toBe(field);
  });

  it("a policy field described for each policy stays a comparison", () => {
    const answer = engine.ask("how long does each policy run?");
    expect(answer.kind === "compare" && answer.policies).toEqual(ALL);
  });
});

describe("country fields in academic wordings", () => {
  it.each([
    ["please list the bibliographical references underlying the factsheet", "cites 19 sources"],
    ["what publications does this rely on?", "cites 19 sources"],
    ["give me the maturity index broken down by dimension versus the maximum", "6.5 of 7"],
    ["in what ways does china deliver its cluster policy?", "approach"],
    ["is china's understanding of clusters the same as the european one?", "long-term"],
  ])("%s → shows “%s”", (q, shown) => {
    const { kind, text } = seen(q);
    expect(kind).toBe("answer");
    expect(text).toContain(shown);
  });
});

describe("a bound before a year filters the policies by the date its verb names", () => {
  it.each([
    ["which of the three run beyond 2030?", "end_year"],
    ["are any of them still active after 2035?", "end_year"],
    ["which policies finish before 2040?", "end_year"],
    ["which were launched before 2000?", "start_year"],
    ["which are from before 2000?", "start_year"],
  ])("%s → all three side by side by %s", (q, field) => {
    const answer = engine.ask(q);
    expect(answer.kind === "compare" && answer.policies).toEqual(ALL);
    expect(answer.kind === "compare" && answer.field).toBe(field);
  });

  it("“does City Clusters run beyond 2030?” gives its end, never a “No” against 2030", () => {
    const { field, text } = seen("does city clusters run beyond 2030?");
    expect(field).toBe("end_year");
    expect(text).toContain("2035");
    expect(text).not.toMatch(/^No\b/u);
  });

  it("a bound in a question about no policy and no date asks nothing of them", () => {
    expect(engine.ask("what was achieved by 2020?").kind).toBe("none");
  });
});

describe("a type's values asked of the policies compare their types", () => {
  it.each(["are any of them regional?", "which is the regional one?", "are they all national?"])(
    "%s → which are national and which regional",
    (q) => {
      const { kind, field, text } = seen(q);
      expect(kind).toBe("compare");
      expect(field).toBe("type");
      expect(text).toContain("regional cluster policy");
    },
  );
});

describe("a country field asked of several policies named is the country's", () => {
  it("“how do torch and city clusters score on maturity?” → China's maturity", () => {
    const { kind, field, text } = seen("how do torch and city clusters score on maturity?");
    expect([kind, field]).toEqual(["answer", "maturity"]);
    expect(text).toContain("6.5 of 7");
  });

  it("a policy field beside it keeps the comparison", () => {
    const answer = engine.ask("compare torch and city clusters on evaluation and maturity");
    expect(answer.kind === "compare" && answer.field).toBe("evaluation");
  });
});

describe("China set against Europe", () => {
  it("answers from the text that sets China's concept against the European one", () => {
    const { kind, field, text } = seen(
      "how is china's understanding of clusters different from the European model of cluster organisations?",
    );
    expect([kind, field]).toEqual(["answer", "continuity"]);
    expect(text).toContain("long-term");
  });

  it("declines a comparison the text does not make", () => {
    expect(engine.ask("how does china's maturity compare to the EU's?").kind).toBe("none");
  });
});

describe("a country's own text holding the question's words answers it", () => {
  it.each([
    ["do cluster organisations, as in Europe, play a role in China?", "continuity", "long-term"],
    [
      "why did the factsheet keep the GBA as its representative regional example instead of the Yangtze River Delta?",
      "consistency",
      "> 10 years",
    ],
    ["how was the representative regional example picked?", "consistency", "> 10 years"],
    ["what is meant by '> 10 years (but with clear continuity)'?", "consistency", "> 10 years"],
    [
      "how many points does the factsheet give China for 'evidence of performance', and out of how many?",
      "maturity",
      "Evidence of performance: 0.5 of 1",
    ],
  ])("%s → China's %s", (q, field, shown) => {
    const answer = seen(q);
    expect([answer.kind, answer.field]).toEqual(["answer", field]);
    expect(answer.text).toContain(shown);
  });

  it("the consistency text's sentence on the GBA is in what the user sees", () => {
    const answer = engine.ask(
      "why is the GBA the representative regional case and not Beijing-Tianjin-Hebei?",
    );
    expect(answer.kind === "answer" && answer.field).toBe("consistency");
    const shown = renderAnswerText(answer, { color: false }).replace(/\s+/gu, " ");
    expect(shown).toContain("selected as a representative regional example");
  });

  it.each([
    "does Europe rely on cluster organisations?",
    "how is Japan's idea of clusters different from the European one?",
    "why was the Ruhr chosen as the representative regional example for Germany?",
    "why was Shenzhen picked as a representative example of a special economic zone?",
  ])("another place's subject declines: %s", (q) => {
    expect(engine.ask(q).kind).toBe("none");
  });

  it("a policy's own words stay its own beside a country text", () => {
    expect(seen("torch is just a regional thing for the Beijing area, isn't it?").field).toBe(
      "type",
    );
  });
});

describe("the country's policies asked beside one of them list them all", () => {
  it.each([
    "what cluster programmes does China run apart from Torch?",
    "list China's cluster policies. I've only read about City Clusters so far",
    "does China have any cluster policies besides City Clusters and Torch?",
  ])("%s → the list of three", (q) => {
    const answer = seen(q);
    expect([answer.kind, answer.field]).toEqual(["answer", "policies"]);
    expect(answer.text).toContain("China has 3 cluster policies");
  });
});

describe("words that say which sources are wanted", () => {
  it.each([
    "which journal articles does the factsheet cite?",
    "show me the academic works underpinning the factsheet",
    "I need the factsheet's references, especially the peer reviewed ones",
  ])("%s → the bibliography", (q) => {
    const answer = seen(q);
    expect([answer.kind, answer.field]).toEqual(["answer", "sources"]);
    expect(answer.text).toContain("cites 19 sources");
  });

  it.each([
    "what's the consistency of the soup?",
    "what are the journal articles about the Xiongan New Area?",
    "which peer-reviewed studies cover Germany's cluster policy?",
  ])("what the field is asked of still decides: %s", (q) => {
    expect(engine.ask(q).kind).toBe("none");
  });
});

describe("why the factsheet covers a policy is its consistency text", () => {
  it.each([
    "why was the Greater Bay Area plan selected as the regional example?",
    "why is the GBA plan listed on its own when City Clusters already covers it?",
  ])("%s → the text that says the GBA was selected", (q) => {
    const answer = engine.ask(q);
    expect(answer.kind === "answer" && answer.field).toBe("consistency");
    const shown = renderAnswerText(answer, { color: false }).replace(/\s+/gu, " ");
    expect(shown).toContain("selected as a representative regional example");
  });

  it.each([
    "why did you pick that restaurant?",
    "why was the Ruhr picked for Germany's cluster policy?",
  ])("a choice of something else declines: %s", (q) => {
    expect(engine.ask(q).kind).toBe("none");
  });

  it("a policy field chosen stays that field", () => {
    expect(seen("why were these instruments chosen for torch?").field).toBe("instruments");
  });
});

describe("continuity in other words", () => {
  it.each([
    "how steady has China's commitment to cluster policy been over the decades?",
    "has China kept up its cluster policies over the years?",
  ])("%s → China's continuity", (q) => {
    const answer = seen(q);
    expect([answer.kind, answer.field]).toEqual(["answer", "continuity"]);
    expect(answer.text).toContain("long-term");
  });

  it("a policy's figure over the years stays the figure", () => {
    expect(seen("how has torch's budget changed over the decades?").field).toBe("budget");
  });
});

describe("a counted span of years or a word of interruption asks the consistency rating", () => {
  it.each([
    "has china kept up its cluster policies for more than a decade without a break?",
    "china cluster policy >10yrs?",
    "have the chinese cluster programmes been stop-and-start, or steady for twenty years?",
  ])("%s → the '> 10 years' rating", (q) => {
    const { kind, field, text } = seen(q);
    expect(kind).toBe("answer");
    expect(field).toBe("consistency");
    expect(text).toContain("> 10 years");
  });

  it("an open duration still tells the history (continuity)", () => {
    expect(seen("how long has china been doing cluster policy?").text).toContain("long-term");
  });

  it("a span of the asker's own is no rating asked", () => {
    const answer = engine.ask(
      "Thirty years in audit taught me one thing: who funds the TORCH Program?",
    );
    expect(answer.kind === "answer" && answer.field).toBe("funding_source");
  });
});

describe("where the information comes from, and superlatives over the policies", () => {
  it("'where does the factsheet get its information?' lists the sources", () => {
    expect(seen("where does the factsheet get its information?").text).toContain("19 sources");
  });

  it.each([
    ["of the three, which has the longest track record?", "start_year", "started first (1988)"],
    ["which one has the strongest monitoring?", "evaluation", "in itinere"],
    ["三个政策中哪个的评估最薄弱？", "evaluation", "in itinere"],
  ])("%s → all three by %s", (q, field, shown) => {
    const answer = engine.ask(q);
    expect(answer.kind === "compare" && answer.policies).toEqual(ALL);
    expect(answer.kind === "compare" && answer.field).toBe(field);
    expect(answer.text).toContain(shown);
  });
});

describe("words quoted from a country text, or its phrases, point to that text", () => {
  it.each([
    "the factsheet says China prefers 'statistical clusters' — what does that mean?",
    "Someone told me the paper claims China's cluster ambition 'developed early'. What is that claim based on?",
  ])("%s → the continuity text", (q) => {
    const { kind, field, text } = seen(q);
    expect(kind).toBe("answer");
    expect(field).toBe("continuity");
    expect(text).toContain("long-term");
  });
});
