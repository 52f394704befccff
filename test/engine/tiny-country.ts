import { CountrySchema, type Country } from "../../src/dataset/schema.ts";

/** A small made-up country, validated like any data file, to show nothing is China-specific. */
export function freedonia(): Country {
  const policy = (
    id: string,
    name: string,
    short: string,
    aliases: string[],
    start: number,
    end: number | null,
  ) => ({
    id,
    name,
    short_name: short,
    aliases,
    type: {
      kind: "national_cluster_policy",
      label: "National cluster policy",
      source: "National cluster policy › Policy type",
    },
    summary: {
      text: `${name} supports clusters. It has a second sentence.`,
      source: "National cluster policy › POLICY OBJECTIVES › description",
    },
    objectives: {
      items:
        id === "aurora"
          ? ["Supporting internationalisation activities", "Enhancing the visibility of clusters"]
          : ["Enhancing the visibility of clusters", "Connect to global supply chains"],
      source: "National cluster policy › POLICY OBJECTIVES",
    },
    focus: {
      scope: "sector-specific",
      sectors: ["photonics"],
      text: "Photonics.",
      source: "National cluster policy › POLICY FOCUS",
    },
    authorities: {
      roles: ["Drafting"],
      bodies: ["Ministry of Light"],
      text: "The Ministry of Light.",
      source: "National cluster policy › RESPONSIBLE AUTHORITIES",
    },
    beneficiaries: {
      items: ["SMEs"],
      text: "SMEs.",
      source: "National cluster policy › BENEFICIARIES",
    },
    instruments: {
      financial: ["Funding collaboration initiatives"],
      technical_assistance: [],
      others: [],
      text: "Grants.",
      source: "National cluster policy › INSTRUMENTS",
    },
    start_year: { value: start, milestones: [], source: "National cluster policy › HISTORY" },
    end_year: {
      value: end,
      period: end === null ? "unlimited" : "limited",
      source: "National cluster policy › HISTORY",
    },
    budget: {
      overall: id === "aurora" ? "EUR 12 million" : "Not indicated in the sources",
      annual: "Not indicated in the sources",
      amounts:
        id === "aurora"
          ? [{ label: "Aurora fund", amount_eur: 12_000_000, approximate: false }]
          : [],
      source: "National cluster policy › BUDGET",
    },
    funding_source: {
      text: "State government",
      source: "National cluster policy › BUDGET › Source of funding",
    },
    evaluation: {
      status: id === "aurora" ? "ex-post" : "none",
      label: id === "aurora" ? "ex-post" : "no policy evaluation",
      results: "Reviewed.",
      source: "National cluster policy › POLICY EVALUATION",
    },
    eu_alignment: {
      items: ["Digitalisation"],
      source: "National cluster policy › POLICY ALIGNMENT WITH THE EU PRIORITIES",
    },
  });
  const rule = "The rule as the factsheet states it.";
  return CountrySchema.parse({
    id: "freedonia",
    name: "Freedonia",
    aliases: ["Republic of Freedonia"],
    factsheet: { title: "Country factsheet: Freedonia", topic: "Cluster policy", data_year: 2020 },
    introduction: { text: "Cluster policy in Freedonia.", source: "Introduction" },
    policies: [
      policy(
        "aurora",
        "Aurora Photonics Cluster Programme",
        "Aurora Programme",
        ["APCP", "极光计划"],
        2001,
        null,
      ),
      policy(
        "harbour-plan",
        "Harbour Logistics Innovation Plan",
        "Harbour Plan",
        ["HLIP"],
        2015,
        2025,
      ),
    ],
    maturity: {
      data_year: 2020,
      dimensions: [
        { id: "policy_scope", label: "Policy scope", score: 2, max: 2, rule },
        { id: "consistency", label: "Consistency of cluster policies", score: 2, max: 2, rule },
        {
          id: "evidence_of_performance",
          label: "Evidence of performance",
          score: 0.5,
          max: 1,
          rule,
        },
        { id: "instruments", label: "Instruments", score: 1, max: 2, rule },
      ],
      notes: [],
      source: "State of play of cluster policy › Cluster policy maturity level",
    },
    state_of_play: {
      evaluation_terminated: { status: "None", text: "None.", source: "State of play" },
      approach: {
        items: ["Specific policies to support cooperation projects"],
        source: "State of play › Policy approach in the country",
      },
      continuity: {
        text: "Freedonia has run cluster policy since 2001. More text.",
        source: "State of play › Continuity",
      },
      consistency: {
        rating: "> 10 years (but with clear continuity)",
        text: "Consistent.",
        source: "State of play › Consistency",
      },
    },
    bibliography: [
      {
        author: "Marx, G.",
        year: 2019,
        title: "The Aurora Programme at twenty",
        url: "https://example.org/aurora",
      },
      { author: "Dumont, M.", year: "n.d.", title: "Harbours of Freedonia" },
    ],
  });
}
