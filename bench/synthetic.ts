import {
  BENEFICIARIES,
  CountrySchema,
  FINANCIAL_INSTRUMENTS,
  OBJECTIVES,
  TECHNICAL_ASSISTANCE,
  type Country,
} from "../src/dataset/schema.ts";

/**
 * Synthetic datasets for the benchmark: any number of policies spread over made-up countries,
 * each policy with a coined, unique name and aliases (so names collide only in their generic
 * words, as real ones do), every field filled, every country validated by CountrySchema.
 */

export const POLICIES_PER_COUNTRY = 25;

/** Small deterministic PRNG (mulberry32), so every run benchmarks the same data. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = [
  "ka",
  "lo",
  "mi",
  "ra",
  "ven",
  "tor",
  "sel",
  "dan",
  "qui",
  "bre",
  "mon",
  "ta",
  "ri",
  "vo",
  "len",
  "sa",
  "dor",
  "pe",
  "nu",
  "gal",
  "fi",
  "zor",
  "el",
  "an",
  "ost",
  "ur",
  "ber",
  "cai",
  "dru",
  "hel",
];
const THEMES = [
  "Photonics",
  "Maritime",
  "Agrifood",
  "Biotech",
  "Aerospace",
  "Textile",
  "Logistics",
  "Energy",
  "Mobility",
  "Health",
  "Materials",
  "Software",
  "Tourism",
  "Water",
  "Robotics",
];
const KINDS = ["Cluster Programme", "Cluster Initiative", "Innovation Plan", "Cluster Strategy"];

function pick<T>(random: () => number, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error("pick from an empty list");
  return item;
}

function some<T>(random: () => number, items: readonly T[], min: number): T[] {
  const chosen = items.filter(() => random() < 0.5);
  return chosen.length >= min ? chosen : items.slice(0, min);
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** The n-th coined word: three syllables, unique for n < 27,000. */
function coinedWord(n: number): string {
  const s = SYLLABLES.length;
  return capitalise(
    `${SYLLABLES[n % s] ?? ""}${SYLLABLES[Math.floor(n / s) % s] ?? ""}${SYLLABLES[Math.floor(n / (s * s)) % s] ?? ""}`,
  );
}

export function syntheticCountries(policyCount: number, seed = 42): Country[] {
  const random = seededRandom(seed);
  const countries: Country[] = [];
  const countryCount = Math.ceil(policyCount / POLICIES_PER_COUNTRY);
  let made = 0;
  for (let c = 0; c < countryCount; c++) {
    const countryName = `${coinedWord(20_000 + c)}land`;
    const countryId = countryName.toLowerCase();
    const policies = [];
    const here = Math.min(POLICIES_PER_COUNTRY, policyCount - made);
    for (let p = 0; p < here; p++, made++) {
      const word = coinedWord(made + 31);
      const theme = pick(random, THEMES);
      const kind = pick(random, KINDS);
      const start = 1980 + Math.floor(random() * 40);
      const limited = random() < 0.5;
      const end = limited ? start + 5 + Math.floor(random() * 20) : null;
      const name = `${word} ${theme} ${kind}`;
      const source = "National cluster policy";
      policies.push({
        id: `${word.toLowerCase()}-${made}`,
        name,
        short_name: `${word} ${theme}`,
        aliases: [`${word} ${kind.split(" ")[0] ?? "Cluster"}`, `${word}${made}`],
        type: {
          kind:
            random() < 0.8
              ? ("national_cluster_policy" as const)
              : ("regional_cluster_policy" as const),
          label: "National cluster policy",
          source: `${source} › Policy type`,
        },
        summary: {
          text: `The ${name} supports ${theme.toLowerCase()} clusters in ${countryName}. It funds cooperation between firms and research.`,
          source: `${source} › POLICY OBJECTIVES › description`,
        },
        objectives: { items: some(random, OBJECTIVES, 1), source: `${source} › POLICY OBJECTIVES` },
        focus: {
          scope: "sector-specific" as const,
          sectors: [theme.toLowerCase()],
          text: `Focused on ${theme.toLowerCase()}.`,
          source: `${source} › POLICY FOCUS`,
        },
        authorities: {
          roles: ["Both drafting and implementation" as const],
          bodies: [`Ministry of ${theme} of ${countryName}`],
          text: `Run by the Ministry of ${theme}.`,
          source: `${source} › RESPONSIBLE AUTHORITIES`,
        },
        beneficiaries: {
          items: some(random, BENEFICIARIES, 1),
          text: "Firms and research organisations.",
          source: `${source} › BENEFICIARIES`,
        },
        instruments: {
          financial: some(random, FINANCIAL_INSTRUMENTS, 1),
          technical_assistance: some(random, TECHNICAL_ASSISTANCE, 1),
          others: [],
          text: "Grants and advice.",
          source: `${source} › INSTRUMENTS`,
        },
        start_year: { value: start, milestones: [], source: `${source} › HISTORY` },
        end_year: {
          value: end,
          period: limited ? ("limited" as const) : ("unlimited" as const),
          source: `${source} › HISTORY`,
        },
        budget: {
          overall: `EUR ${10 + Math.floor(random() * 900)} million`,
          annual: "Not indicated in the sources",
          amounts: [],
          source: `${source} › BUDGET`,
        },
        funding_source: {
          text: "State government",
          source: `${source} › BUDGET › Source of funding`,
        },
        evaluation: {
          status: pick(random, ["in-itinere", "ex-post", "none"] as const),
          label: "in-itinere",
          results: "Monitored yearly.",
          source: `${source} › POLICY EVALUATION`,
        },
        eu_alignment: {
          items: some(random, ["Digitalisation", "Social inclusion", "Green economy"] as const, 0),
          source: `${source} › POLICY ALIGNMENT WITH THE EU PRIORITIES`,
        },
      });
    }
    const rule = "As the factsheet series states it.";
    countries.push(
      CountrySchema.parse({
        id: countryId,
        name: countryName,
        aliases: [],
        factsheet: {
          title: `Country factsheet: ${countryName}`,
          topic: "Cluster policy",
          data_year: 2020,
        },
        introduction: { text: `Cluster policy in ${countryName}.`, source: "Introduction" },
        policies,
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
            { id: "instruments", label: "Instruments", score: 2, max: 2, rule },
          ],
          notes: [],
          source: "State of play of cluster policy › Cluster policy maturity level",
        },
        state_of_play: {
          evaluation_terminated: { status: "None", text: "None.", source: "State of play" },
          approach: {
            items: ["Specific policies to support cooperation projects"],
            source: "State of play",
          },
          continuity: { text: "Long-running.", source: "State of play › Continuity" },
          consistency: {
            rating: "> 10 years",
            text: "Consistent.",
            source: "State of play › Consistency",
          },
        },
        bibliography: [{ author: "Synthetic", year: 2020, title: `${countryName} clusters` }],
      }),
    );
  }
  return countries;
}

/** Questions people might ask of a dataset: fields, typos, comparisons, country facts, noise. */
export function benchmarkQuestions(
  countries: readonly Country[],
  count: number,
  seed = 7,
): string[] {
  const random = seededRandom(seed);
  const policies = countries.flatMap((c) => c.policies.map((p) => ({ country: c, policy: p })));
  const typo = (word: string): string => {
    if (word.length < 5) return word;
    const i = 1 + Math.floor(random() * (word.length - 2));
    return `${word.slice(0, i)}${word[i + 1] ?? ""}${word[i] ?? ""}${word.slice(i + 2)}`;
  };
  const templates: ((a: (typeof policies)[number], b: (typeof policies)[number]) => string)[] = [
    (a) => `${a.policy.short_name} budget`,
    (a) => `when did the ${a.policy.name} start?`,
    (a) => `who runs ${typo(a.policy.short_name.split(" ")[0] ?? "")}`,
    (a) => `what are the objectives of ${a.policy.short_name.toLowerCase()}`,
    (a, b) => `compare ${a.policy.short_name} and ${b.policy.short_name} start year`,
    (a) => `${a.country.name} maturity`,
    () => "horizon europe budget",
    () => "when did it start?",
    () => "hello there",
    (a) => `is ${a.policy.short_name} evaluated?`,
  ];
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const a = pick(random, policies);
    const b = pick(random, policies);
    out.push(pick(random, templates)(a, b));
  }
  return out;
}
