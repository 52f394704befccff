import { describe, expect, it } from "vitest";
import { defaultDataDir, loadDataset, normaliseName } from "../../src/dataset/load.ts";
import { computeMaturity } from "../../src/dataset/maturity.ts";
import { POLICY_FIELDS } from "../../src/dataset/schema.ts";
import type { Country, Policy } from "../../src/dataset/schema.ts";

const countries = loadDataset(defaultDataDir());

function china(): Country {
  const found = countries.find((c) => c.id === "china");
  if (!found) throw new Error("china.json did not load");
  return found;
}

function policy(id: string): Policy {
  const found = china().policies.find((p) => p.id === id);
  if (!found) throw new Error(`policy ${id} missing`);
  return found;
}

describe("China dataset: the facts a user asks for", () => {
  it("has the three policies under their contract ids", () => {
    expect(china().policies.map((p) => p.id)).toEqual([
      "torch",
      "city-clusters",
      "greater-bay-area",
    ]);
    expect(china().factsheet.data_year).toBe(2020);
    expect(china().factsheet.title).toBe("Country factsheet: China");
  });

  it("when did TORCH start, and does it end? 1988, no end year", () => {
    const torch = policy("torch");
    expect(torch.start_year.value).toBe(1988);
    expect(torch.end_year.value).toBeNull();
    expect(torch.end_year.period).toBe("unlimited");
  });

  it("when did City Clusters start? 2006, formulated 2016, ends 2035 but may continue", () => {
    const cc = policy("city-clusters");
    expect(cc.start_year.value).toBe(2006);
    expect(cc.start_year.milestones.map((m) => m.year)).toEqual([2006, 2016, 2035]);
    expect(cc.start_year.milestones[0]?.event).toMatch(/first mentioned/i);
    expect(cc.start_year.milestones[1]?.event).toMatch(/fully formulated/i);
    expect(cc.start_year.milestones[2]?.event).toMatch(/may continue/i);
    expect(cc.end_year.value).toBe(2035);
    expect(cc.end_year.period).toBe("limited");
  });

  it("when did the Greater Bay Area plan start? 2019, ending 2035", () => {
    const gba = policy("greater-bay-area");
    expect(gba.start_year.value).toBe(2019);
    expect(gba.end_year.value).toBe(2035);
    expect(gba.type.kind).toBe("regional_cluster_policy");
  });

  it("what is TORCH's budget? Innofund about EUR 890,000,000 over 1999–2013, converted from USD", () => {
    const budget = policy("torch").budget;
    expect(budget.overall).toContain(
      "Innofund: Approximately EUR 890,000,000 between 1999 and 2013",
    );
    expect(budget.overall).toContain("Venture guiding fund: budget not indicated");
    expect(budget.amounts).toEqual([
      {
        label: "Innofund",
        amount_eur: 890_000_000,
        approximate: true,
        from_year: 1999,
        to_year: 2013,
        conversion:
          "Indicated in USD in the source and converted into EUR at ECB exchange rate from 25-06-2020.",
      },
    ]);
    expect(budget.annual).toBe("Not indicated in the sources");
  });

  it("City Clusters and GBA budgets are not indicated; funding sources differ", () => {
    for (const id of ["city-clusters", "greater-bay-area"]) {
      expect(policy(id).budget.overall).toBe("Not indicated in the sources");
      expect(policy(id).budget.amounts).toEqual([]);
    }
    expect(policy("torch").funding_source.text).toBe("State government");
    expect(policy("city-clusters").funding_source.text).toBe(
      "Mostly local and municipal administrations",
    );
    expect(policy("greater-bay-area").funding_source.text).toMatch(
      /^Mostly the regional governments/,
    );
  });

  it("was it evaluated? in-itinere / none / in-itinere", () => {
    expect(policy("torch").evaluation.status).toBe("in-itinere");
    expect(policy("city-clusters").evaluation.status).toBe("none");
    expect(policy("city-clusters").evaluation.label).toBe("no policy evaluation");
    expect(policy("greater-bay-area").evaluation.status).toBe("in-itinere");
    expect(policy("greater-bay-area").evaluation.results).toContain(
      "No interim evaluation results are mentioned in the sources.",
    );
  });

  it("who is responsible? the role boxes read per column", () => {
    const roles = (id: string) => policy(id).authorities.roles;
    const full = [
      "Both drafting and implementation",
      "Provides funding",
      "Oversees the implementation",
    ];
    expect(roles("torch")).toEqual(full);
    expect(roles("city-clusters")).toEqual(full);
    expect(roles("greater-bay-area")).toEqual([
      "Both drafting and implementation",
      "Oversees the implementation",
    ]);
    expect(policy("torch").authorities.bodies).toContain(
      "Ministry of Science and Technology (MoST)",
    );
  });

  it("objectives: the spilled lines are read as the GBA column's, with a note", () => {
    const gba = policy("greater-bay-area").objectives;
    expect(gba.items).toContain("Connect to global supply chains");
    expect(gba.items).toContain("Enhancing territorial cohesion (through RIS3)");
    expect(gba.note).toMatch(/spill/);
    expect(policy("torch").objectives.items).not.toContain("Connect to global supply chains");
    expect(policy("torch").objectives.items).toHaveLength(8);
    // The position argument applies to TORCH's column as well: its note says so.
    expect(policy("torch").objectives.note).toContain("would give this copy to TORCH");
    expect(policy("torch").objectives.uncertain).toBe(true);
  });

  it("instruments: TORCH's innovation-voucher line is read as financial (spilled), the export's place noted", () => {
    const torch = policy("torch").instruments;
    const voucher = "Innovation: voucher, support to hire PhDs, cooperation with R&I actors";
    expect(torch.financial.at(-1)).toBe(voucher);
    expect(torch.technical_assistance).not.toContain(voucher);
    expect(torch.note).toMatch(/technical-assistance row/);
    expect(torch.note).toMatch(/Other reading: a technical-assistance item of TORCH/);
    expect(torch.uncertain).toBe(true);
    expect(policy("greater-bay-area").instruments.financial).toContain(
      "Financing networking events",
    );
  });

  it("beneficiaries: all eight for each policy, as the export lists them", () => {
    for (const p of china().policies) {
      expect(p.beneficiaries.items).toHaveLength(8);
      expect(p.beneficiaries.note).toMatch(/same eight/);
    }
  });

  it("EU alignment keeps the raw four-word row and a note about the uncertain columns", () => {
    const raw = "Digitalisation Social inclusion Green economy Social inclusion";
    for (const p of china().policies) {
      expect(p.eu_alignment.raw).toBe(raw);
      expect(p.eu_alignment.note).toMatch(/Uncertain column/);
    }
    expect(policy("torch").eu_alignment.items).toEqual(["Digitalisation"]);
    expect(policy("city-clusters").eu_alignment.items).toEqual(["Social inclusion"]);
    expect(policy("greater-bay-area").eu_alignment.items).toEqual([
      "Green economy",
      "Social inclusion",
    ]);
    // The other reading is recorded in every policy's note.
    for (const p of china().policies) {
      expect(p.eu_alignment.note).toContain(
        "City Clusters: Social inclusion, Green economy | Greater Bay Area: Social inclusion",
      );
    }
  });

  it("every policy field names the factsheet section it came from", () => {
    for (const p of china().policies) {
      for (const field of POLICY_FIELDS) {
        expect(p[field].source, `${p.id}.${field}`).toMatch(/^National cluster policy › [A-Z]/);
      }
    }
    expect(policy("torch").budget.source).toBe("National cluster policy › BUDGET");
  });

  it("names people use find exactly one policy", () => {
    const owner = new Map<string, string>();
    for (const p of china().policies) {
      for (const name of [p.id, p.name, p.short_name, ...p.aliases])
        owner.set(normaliseName(name), p.id);
    }
    const expected: Record<string, string> = {
      TORCH: "torch",
      "Torch Programme": "torch",
      "Torch Center": "torch",
      "Torch High Technology Industry Development Center": "torch",
      Innofund: "torch",
      "Venture Guiding Fund": "torch",
      火炬计划: "torch",
      "Cluster Cities": "city-clusters",
      "City Clusters": "city-clusters",
      "19 super-regions": "city-clusters",
      "supercity clusters": "city-clusters",
      城市群: "city-clusters",
      GBA: "greater-bay-area",
      "Greater Bay Area": "greater-bay-area",
      "Pearl River Delta": "greater-bay-area",
      粤港澳大湾区: "greater-bay-area",
    };
    for (const [name, id] of Object.entries(expected)) {
      expect(owner.get(normaliseName(name)), name).toBe(id);
    }
    expect(china().aliases).toEqual(
      expect.arrayContaining(["PRC", "People's Republic of China", "中国"]),
    );
  });

  it("maturity: 6.5 of 7, published and computed by the rules alike", () => {
    const published = china().maturity.dimensions;
    expect(published.map((d) => [d.id, d.score, d.max])).toEqual([
      ["policy_scope", 2, 2],
      ["consistency", 2, 2],
      ["evidence_of_performance", 0.5, 1],
      ["instruments", 2, 2],
    ]);
    expect(published.reduce((sum, d) => sum + d.score, 0)).toBe(6.5);
    const computed = computeMaturity(china());
    expect(computed.total).toBe(6.5);
    expect(computed.max).toBe(7);
    expect(computed.dimensions.map((d) => d.score)).toEqual(published.map((d) => d.score));
    expect(computed.dimensions[1]?.reason).toBe(
      "TORCH Program has run since 1988 with clear continuity (> 10 years)",
    );
    expect(china().maturity.notes.join(" ")).toContain(
      "the maturity does not reflect the performance of a country",
    );
  });

  it("state of play, bibliography and footnotes are complete", () => {
    const sop = china().state_of_play;
    expect(sop.evaluation_terminated.status).toBe("No policy evaluation");
    expect(sop.approach.items).toHaveLength(3);
    expect(sop.continuity.text.split("\n\n")).toHaveLength(3);
    expect(sop.consistency.rating).toBe("> 10 years (but with clear continuity)");
    expect(china().bibliography).toHaveLength(19);
    expect(china().bibliography.filter((b) => b.year === "n.d.")).toHaveLength(2);
    expect(china().footnotes.map((f) => f.number)).toEqual([1, 2]);
  });
});
