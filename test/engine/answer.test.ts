import { describe, expect, it } from "vitest";
import type { Answer } from "../../src/answers/types.ts";
import { POLICY_FIELDS } from "../../src/dataset/schema.ts";
import { defaultDataDir, loadDataset } from "../../src/dataset/load.ts";
import { createEngine } from "../../src/create-engine.ts";
import { chinaEngine as engine } from "../china-engine.ts";

function body(answer: Answer): Extract<Answer, { kind: "answer" | "compare" }> {
  if (answer.kind !== "answer" && answer.kind !== "compare") {
    throw new Error(`expected an answer, got ${answer.kind}: ${answer.text}`);
  }
  return answer;
}

const everything = (answer: Answer): string => JSON.stringify(answer);

describe("policy facts as a user reads them", () => {
  it("TORCH started in 1988 and has no end year", () => {
    const answer = body(engine.ask("when did the torch program start?"));
    expect(answer.text).toBe("The TORCH Program started in 1988; it has no end year.");
    expect(answer.sources).toContain(
      "Country factsheet: China › National cluster policy › HISTORY",
    );
    expect(answer.periods).toEqual([
      expect.objectContaining({ policy: "torch", start: 1988, end: null }),
    ]);
  });

  it("City Clusters: 2006 to 2035, with the milestones and the may-continue note", () => {
    const start = body(engine.ask("city clusters start year"));
    expect(start.text).toContain("2006");
    expect(start.text).toContain("2035");
    expect(everything(start)).toContain("Fully formulated");
    const end = body(engine.ask("when does city clusters end"));
    expect(end.text).toContain("end in 2035");
    expect(everything(end)).toContain("may continue");
  });

  it("the Greater Bay Area plan started in 2019", () => {
    expect(body(engine.ask("gba start year")).text).toContain("2019");
  });

  it("TORCH's budget: Innofund about EUR 890 million over 1999–2013, converted from USD", () => {
    const answer = body(engine.ask("torch budget"));
    expect(answer.text).toContain("Innofund: about EUR 890 million (1999–2013)");
    expect(answer.text).toContain("no annual budget");
    expect(everything(answer)).toContain("converted into EUR at ECB exchange rate from 25-06-2020");
  });

  it("says plainly when no budget is stated", () => {
    expect(body(engine.ask("city clusters budget")).text).toBe(
      "The sources state no budget for City Clusters (neither overall nor annual).",
    );
  });

  it("evaluation status: in itinere, none, in itinere", () => {
    expect(body(engine.ask("torch evaluation")).text).toContain("evaluated in itinere");
    expect(body(engine.ask("city clusters evaluation")).text).toContain("has no policy evaluation");
    expect(body(engine.ask("gba evaluation")).text).toContain("evaluated in itinere");
  });

  it("records the uncertain EU-alignment reading", () => {
    const answer = body(engine.ask("city clusters eu priorities"));
    expect(answer.text).toContain("aligned with the EU priority Social inclusion");
    expect(answer.text).toContain("uncertain");
    expect(answer.details.map((d) => d.name)).toContain("Note on the data");
  });

  it("a policy card: type, period, budget, evaluation, summary", () => {
    const answer = body(engine.ask("torch"));
    expect(answer.field).toBeNull();
    expect(answer.details.filter((d) => d.note !== true).map((d) => d.name)).toEqual([
      "Type",
      "Period",
      "Budget",
      "Evaluation",
      "Summary",
    ]);
    expect(answer.text).toContain("since 1988");
  });

  it("every policy × field has a first sentence, a source and answerable suggestions", () => {
    for (const policy of ["torch", "city-clusters", "greater-bay-area"]) {
      for (const field of [...POLICY_FIELDS, null]) {
        const answer = body(engine.policyAnswer(policy, field));
        expect(answer.text.length).toBeGreaterThan(10);
        expect(answer.text.length).toBeLessThan(1500);
        expect(answer.title.length).toBeLessThanOrEqual(256);
        expect(answer.sources.length).toBeGreaterThan(0);
        for (const source of answer.sources) expect(source).toMatch(/^Country factsheet: China › /);
        for (const suggestion of answer.suggestions) {
          const next = engine.ask(suggestion);
          expect(next.kind, `${policy}/${field}: "${suggestion}"`).toMatch(/^(answer|compare)$/);
        }
      }
    }
  });
});

describe("comparisons", () => {
  it("years side by side and which is earlier", () => {
    const answer = body(engine.ask("which started earlier, city clusters or torch?"));
    expect(answer.text).toBe("The TORCH Program started earlier (1988) than City Clusters (2006).");
    expect(answer.periods?.map((p) => p.policy)).toEqual(["torch", "city-clusters"]);
  });

  it("end years grouped", () => {
    const answer = body(engine.compareAnswer(["torch", "city-clusters", "gba"], "end_year"));
    expect(answer.text).toBe(
      "City Clusters and the Greater Bay Area plan are both planned to end in 2035 (City Clusters: it may continue even after this period; the Greater Bay Area plan: following the timeframe of the national City Clusters policy); the TORCH Program has no end year.",
    );
  });

  it("list fields: what they share and what each has alone", () => {
    const answer = body(engine.ask("compare the objectives of torch and city clusters"));
    expect(answer.text).toContain("share 6 objectives");
    const names = answer.details.map((d) => d.name);
    expect(names).toContain("Shared by all (6)");
    expect(names).toContain("Only TORCH Program (2)");
    expect(names).toContain("Only City Clusters (3)");
    const onlyTorch = answer.details.find((d) => d.name === "Only TORCH Program (2)");
    expect(onlyTorch?.value).toContain("Increasing competitiveness and boosting scale up of SMEs");
  });

  it("budgets: what is and is not stated", () => {
    const answer = body(engine.ask("torch vs city clusters budget"));
    expect(answer.text).toContain("Only the TORCH Program");
    expect(answer.text).toContain("the sources give none for City Clusters");
  });

  it("the same policy twice is not a comparison", () => {
    expect(engine.compareAnswer(["torch", "TORCH Program"], null).kind).toBe("clarify");
  });

  it("an unknown policy is not compared", () => {
    expect(engine.compareAnswer(["torch", "horizon europe"], "budget").kind).not.toBe("compare");
  });
});

describe("country facts", () => {
  it("maturity: each dimension with its reason, total 6.5 of 7", () => {
    const answer = body(engine.countryAnswer("china", "maturity"));
    expect(answer.text).toContain("6.5 of 7");
    expect(answer.scores?.map((s) => [s.label, s.score, s.max])).toEqual([
      ["Policy scope", 2, 2],
      ["Consistency of cluster policies", 2, 2],
      ["Evidence of performance", 0.5, 1],
      ["Instruments", 2, 2],
    ]);
    for (const row of answer.scores ?? []) expect(row.reason.length).toBeGreaterThan(10);
    expect(answer.sources).toEqual([
      "Country factsheet: China › State of play of cluster policy › Cluster policy maturity level",
      "Country factsheet: China › State of play of cluster policy › Policy evaluation (for terminated policies)",
    ]);
  });

  it("the list of policies with their periods", () => {
    const answer = body(engine.countryAnswer("PRC", "policies"));
    expect(answer.text).toContain("China has 3 cluster policies");
    expect(answer.periods).toHaveLength(3);
  });

  it("sources narrowed to a policy", () => {
    const answer = body(engine.sourcesAnswer(null, "gba"));
    expect(answer.text).toContain("about the Greater Bay Area plan");
    for (const d of answer.details) expect(d.value.toLowerCase()).toContain("bay area");
  });

  it("an unknown country is declined", () => {
    expect(engine.countryAnswer("germany", "maturity").kind).toBe("none");
  });
});

describe("references typed by users", () => {
  it("policyAnswer accepts ids, names, aliases and typos", () => {
    for (const ref of ["torch", "TORCH Program", "火炬计划", "torhc", "Innofund"]) {
      expect(engine.policyAnswer(ref, "budget")).toMatchObject({ kind: "answer", policy: "torch" });
    }
  });

  it("an unknown policy gets no fact", () => {
    const answer = engine.policyAnswer("horizon europe", "budget");
    expect(answer.kind === "none" || answer.kind === "clarify").toBe(true);
    expect(JSON.stringify(answer)).not.toContain("890");
  });
});

describe("first sentences name what was asked", () => {
  it("the City Clusters end year keeps the source's may-continue hedge up front", () => {
    const end = body(engine.ask("city clusters end year")).text;
    expect(end).toMatch(/^City Clusters is planned to end in 2035 \(it may continue even after/);
    // The data's "Planned end" label is not repeated after "planned to end".
    expect(end.match(/planned/gi)).toHaveLength(1);
    const start = body(engine.ask("city clusters start year")).text;
    expect(start).toContain("first mentioned in 2006, fully formulated in 2016");
  });

  it("a named maturity dimension leads, the total follows", () => {
    const text = body(engine.ask("china evidence of performance score")).text;
    expect(text).toMatch(/^Evidence of performance: 0\.5 of 1/);
    expect(text).toContain("6.5 of 7 in total");
  });

  it("EU alignment comparisons name the priorities and keep the caveat", () => {
    const text = body(engine.ask("compare torch and city clusters eu priorities")).text;
    expect(text).toContain("The TORCH Program is aligned with the EU priority Digitalisation");
    expect(text).toContain("City Clusters with Social inclusion");
    expect(text).toContain("uncertain");
    expect(text).not.toMatch(/\b1 EU priorities/);
  });

  it("instrument comparisons match items whatever their heading, and say so", () => {
    // The other reading of TORCH's innovation-voucher line, where the export prints it: under
    // technical assistance, while the other two list it as financial.
    const countries = loadDataset(defaultDataDir());
    const torch = countries[0]?.policies.find((p) => p.id === "torch");
    if (!torch) throw new Error("torch missing");
    const voucher = "Innovation: voucher, support to hire PhDs, cooperation with R&I actors";
    torch.instruments.financial = torch.instruments.financial.filter((i) => i !== voucher);
    torch.instruments.technical_assistance.unshift(voucher);
    const answer = body(createEngine(countries).ask("compare all instruments"));
    const only = answer.details.filter((d) => d.name.startsWith("Only"));
    expect(JSON.stringify(only)).not.toContain("Innovation: voucher");
    expect(answer.details.map((d) => d.name)).toContain("Listed under different headings");
    expect(answer.text).toContain("listed as financial by some and as technical assistance");
  });

  it("instrument and focus answers name some items", () => {
    expect(body(engine.ask("torch instruments")).text).toContain(
      "such as funding collaboration initiatives",
    );
    expect(body(engine.ask("torch vs city clusters focus")).text).toContain(
      "the TORCH Program covers sectors such as biomedicine",
    );
  });

  it("wording: small letters mid-sentence, 'the general population'", () => {
    expect(body(engine.ask("city clusters authorities")).text).toContain(
      "and local and municipal authorities",
    );
    expect(body(engine.ask("gba beneficiaries")).text).toContain("and the general population");
  });
});

describe("wording of answers (held-out round 2)", () => {
  it("an end-year answer says when the limited period started, grammatically", () => {
    const answer = body(engine.ask("city clusters end year"));
    expect(answer.text).toContain("it started in 2006 and runs for a limited period");
    expect(answer.text).not.toContain("it is a limited period");
  });

  it("instruments are named by what they are, and all of them without 'such as'", () => {
    const answer = body(engine.ask("city clusters instruments"));
    expect(answer.text).toContain(
      "2 financial instruments, namely support to R&D projects and innovation support (voucher, support to hire PhDs)",
    );
    expect(answer.text).toContain("besides 5 other measures");
    expect(answer.text).not.toMatch(/such as innovation\b/);
  });

  it("a comparison keeps an item's whole name, commas included", () => {
    const answer = body(engine.ask("compare torch and city clusters objectives"));
    expect(answer.text).toContain("promoting entrepreneurship, start-ups and spin-offs");
  });

  it("a note both policies carry word for word is shown once, naming both", () => {
    const answer = body(engine.ask("compare city clusters and gba eu priorities"));
    const notes = answer.details.filter((d) => d.name === "Note on the data");
    expect(notes).toHaveLength(1);
    expect(notes[0]?.value).toMatch(
      /^City Clusters \(EU priorities\) and Greater Bay Area plan \(EU priorities\): Uncertain column/,
    );
  });

  it("instrument comparisons count the items listed under Others", () => {
    const answer = body(engine.ask("compare city clusters and gba instruments"));
    expect(answer.details.map((d) => d.name)).toContain("Only City Clusters (5)");
    expect(answer.text).toContain("City Clusters alone has 5");
  });

  it("a budget question naming a part of the policy leads with that part", () => {
    const answer = body(engine.ask("venture guiding fund budget"));
    expect(answer.text.startsWith("Venture guiding fund: budget not indicated.")).toBe(true);
    expect(answer.text).toContain("EUR 890 million");
  });

  it("a question back for a dated policy offers only the policies that year dates", () => {
    const answer = engine.ask("the one ending in 2035");
    expect(answer.kind).toBe("clarify");
    expect(answer.kind === "clarify" && answer.suggestions).toEqual([
      "City Clusters end year",
      "Greater Bay Area plan end year",
    ]);
  });
});
