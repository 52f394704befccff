import { z } from "zod";

/**
 * The country data contract. Every type in the engine comes from these schemas (z.infer);
 * nothing is cast. Field names follow DESIGN.md, which other tools rely on.
 *
 * Lists that the EU factsheet series draws from a fixed vocabulary are enums, so a comparison
 * can compute what two policies share and what only one has, and a typo in a data file is a
 * validation error rather than a silently unmatched item.
 */

export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const Id = z.string().regex(ID_PATTERN, "must be a lowercase id like 'city-clusters'");
const Text = z.string().trim().min(1);
/** Where a fact came from, e.g. "National cluster policy › BUDGET". */
const Source = Text;
const Year = z.number().int().min(1900).max(2200);

/**
 * Common to every sourced fact: the factsheet section; a note on how we read the export, which
 * every answer showing the fact shows with it; and whether that reading is uncertain (the
 * export's layout allows another, recorded in the note), which answers say in their sentence.
 */
const sourced = { source: Source, note: Text.optional(), uncertain: z.boolean().optional() };

/** What the source itself says elsewhere to qualify a fact, quoted, with its own section. */
const Qualification = z.object({ text: Text, source: Source }).strict();

export const OBJECTIVES = [
  "Strengthening cooperation between companies or industry and RTDI actors",
  "Increasing competitiveness and boosting scale up of SMEs",
  "Supporting internationalisation activities",
  "Enhancing the visibility of clusters",
  "Fostering R&D activities, technology development and implementation",
  "Fostering innovation and strengthening innovation ecosystems",
  "Promoting entrepreneurship, start-ups and spin-offs",
  "Promoting social and sustainable economy and other solidarity-based initiatives",
  "Promoting employment and upgrading skills and competences",
  "Enhancing territorial cohesion (through RIS3)",
  "Connect to global supply chains",
] as const;
export const Objective = z.enum(OBJECTIVES);

export const BENEFICIARIES = [
  "SMEs",
  "Research organisations",
  "Academic institutions",
  "Start-ups",
  "Business associations",
  "Large firms",
  "Technology centres",
  "General population",
] as const;
export const Beneficiary = z.enum(BENEFICIARIES);

export const AUTHORITY_ROLES = [
  "Both drafting and implementation",
  "Drafting",
  "Implementation",
  "Provides funding",
  "Oversees the implementation",
] as const;
export const AuthorityRole = z.enum(AUTHORITY_ROLES);

export const FINANCIAL_INSTRUMENTS = [
  "Funding collaboration initiatives",
  "Support to R&D projects, SMEs becoming cluster members, etc.",
  "Subsidies for cluster infrastructure (e.g. offices, equipment)",
  "Supporting market entry (e.g. testing, proof-of concept, prototyping, demonstration projects)",
  "Innovation: voucher, support to hire PhDs, cooperation with R&I actors",
  "Financing networking events",
] as const;
export const FinancialInstrument = z.enum(FINANCIAL_INSTRUMENTS);

export const TECHNICAL_ASSISTANCE = [
  "Innovation: voucher, support to hire PhDs, cooperation with R&I actors",
  "Infrastructure: coworking spaces, offices, incubation and accelerator spaces, research centres, technology parks etc.",
  "Support for hard skill development: knowledge transfer, intellectual property, entrepreneurship, export advice, market intelligence",
  "Support for soft skills development: coaching, management training, upskilling/reskilling",
  "Support for networking and partnership building (at national and/or international level)",
  "Marketing activities: advertising, communication, events, fairs, and so on",
] as const;
export const TechnicalAssistance = z.enum(TECHNICAL_ASSISTANCE);

export const EU_PRIORITIES = ["Digitalisation", "Social inclusion", "Green economy"] as const;
export const EuPriority = z.enum(EU_PRIORITIES);

/** Policy type as the maturity index sees it: a dedicated cluster policy or a broader one. */
export const PolicyKind = z.enum([
  "national_cluster_policy",
  "regional_cluster_policy",
  "broader_policy",
]);

export const EvaluationStatus = z.enum(["in-itinere", "ex-ante", "ex-post", "none"]);

export const Amount = z.object({
  /** What the amount is for, e.g. "Innofund". */
  label: Text,
  amount_eur: z.number().nonnegative(),
  approximate: z.boolean(),
  from_year: Year.optional(),
  to_year: Year.optional(),
  /** e.g. "Indicated in USD in the source and converted into EUR at ECB exchange rate from 25-06-2020." */
  conversion: Text.optional(),
});

export const PolicySchema = z
  .object({
    id: Id,
    /** Official name as the factsheet gives it. */
    name: Text,
    /** What people call it; used in headings. */
    short_name: Text,
    /** Other names people use: abbreviations, names in the text, Chinese names. One policy each. */
    aliases: z.array(Text),
    type: z.object({ kind: PolicyKind, label: Text, ...sourced }).strict(),
    summary: z
      .object({
        text: Text,
        /**
         * Verbatim snippets of the text where the export prints a full stop inside a list that
         * goes on ("through Innovation Clusters. Technology Business Incubators"): the text is
         * kept as printed, but no sentence is cut there.
         */
        stray_full_stops: z.array(Text).optional(),
        ...sourced,
      })
      .strict(),
    objectives: z.object({ items: z.array(Objective).min(1), ...sourced }).strict(),
    focus: z
      .object({
        scope: z.enum(["cross-sectoral", "sector-specific"]),
        sectors: z.array(Text),
        /**
         * The words with which the text introduces the sectors as examples ("such as", "for
         * instance"), verbatim; absent when the text lists them all.
         */
        sectors_qualifier: Text.optional(),
        text: Text,
        ...sourced,
      })
      .strict(),
    authorities: z
      .object({
        roles: z.array(AuthorityRole).min(1),
        /** Bodies named in the text, e.g. "Ministry of Science and Technology (MoST)". */
        bodies: z.array(Text),
        text: Text,
        ...sourced,
      })
      .strict(),
    beneficiaries: z
      .object({ items: z.array(Beneficiary).min(1), text: Text, ...sourced })
      .strict(),
    instruments: z
      .object({
        financial: z.array(FinancialInstrument),
        technical_assistance: z.array(TechnicalAssistance),
        /** The factsheet's free-text "Others:" entries. */
        others: z.array(Text),
        text: Text,
        ...sourced,
      })
      .strict(),
    start_year: z
      .object({
        value: Year,
        /** Dated steps in the policy's history, e.g. first mentioned / fully formulated. */
        milestones: z.array(z.object({ year: Year, event: Text }).strict()),
        ...sourced,
      })
      .strict(),
    end_year: z
      .object({
        /** null: no end year (an unlimited period). */
        value: Year.nullable(),
        period: z.enum(["limited", "unlimited"]),
        ...sourced,
      })
      .strict(),
    budget: z
      .object({
        overall: Text,
        annual: Text,
        /** Amounts the text states, as numbers. Empty when none is stated. */
        amounts: z.array(Amount.strict()),
        ...sourced,
      })
      .strict(),
    funding_source: z
      .object({
        text: Text,
        /** e.g. "Funding from the central government is limited, …" (said under INSTRUMENTS). */
        qualification: Qualification.optional(),
        ...sourced,
      })
      .strict(),
    evaluation: z
      .object({ status: EvaluationStatus, label: Text, results: Text, ...sourced })
      .strict(),
    eu_alignment: z
      .object({
        /** Our reading of which priorities belong to this policy. */
        items: z.array(EuPriority),
        /** The row exactly as the export prints it, when the reading is uncertain. */
        raw: Text.optional(),
        ...sourced,
      })
      .strict(),
    /**
     * The policy of the same country this one is derived from, as the source says ("derived
     * from the national City Clusters policy"): "the parent policy" in a conversation about this
     * one is that policy. Absent when the source states none.
     */
    derived_from: z
      .object({ policy: Id, text: Text, ...sourced })
      .strict()
      .optional(),
  })
  .strict();

export const MaturityDimensionId = z.enum([
  "policy_scope",
  "consistency",
  "evidence_of_performance",
  "instruments",
]);

export const MaturitySchema = z
  .object({
    data_year: Year,
    /** The factsheet's sentence introducing the index ("… scored based on their existence:"). */
    intro: Text.optional(),
    dimensions: z
      .array(
        z
          .object({
            id: MaturityDimensionId,
            label: Text,
            score: z.number().nonnegative(),
            max: z.number().positive(),
            /** The scoring rule as the factsheet states it. */
            rule: Text,
          })
          .strict(),
      )
      .length(4),
    notes: z.array(Text),
    ...sourced,
  })
  .strict();

export const BibliographyEntry = z
  .object({
    author: Text,
    /** A year, or "n.d." as the source prints it. */
    year: z.union([Year, z.literal("n.d.")]),
    title: Text,
    publisher: Text.optional(),
    url: Text.optional(),
    /** The source prints the address cut short: shown as printed, never as a link. */
    url_incomplete: z.boolean().optional(),
    accessed: Text.optional(),
    note: Text.optional(),
  })
  .strict();

/**
 * How questions write this country's own places: read by the resolver, never shown as a fact.
 * Kept apart from the facts so that adding a country's words is editing its own file.
 */
export const CountryWordsSchema = z
  .object({
    /** Abbreviations read only as typed ("HK" is Hong Kong), replaced before matching. */
    abbreviations: z.array(z.object({ abbreviation: Text, word: Text }).strict()).default([]),
    /** Places of this country that the world's country list holds as territories (Hong Kong). */
    own_places: z.array(Text).default([]),
  })
  .strict();

export const CountrySchema = z
  .object({
    id: Id,
    name: Text,
    aliases: z.array(Text),
    factsheet: z
      .object({ title: Text, topic: Text, data_year: Year, source_file: Text.optional() })
      .strict(),
    introduction: z.object({ text: Text, ...sourced }).strict(),
    policies: z.array(PolicySchema).min(1),
    maturity: MaturitySchema,
    state_of_play: z
      .object({
        evaluation_terminated: z
          .object({
            status: Text,
            /** Whether past (terminated) policies were evaluated; counts towards evidence of performance. */
            available: z.boolean().optional(),
            text: Text,
            ...sourced,
          })
          .strict(),
        approach: z.object({ items: z.array(Text).min(1), ...sourced }).strict(),
        continuity: z.object({ text: Text, ...sourced }).strict(),
        consistency: z.object({ rating: Text, text: Text, ...sourced }).strict(),
      })
      .strict(),
    bibliography: z.array(BibliographyEntry).min(1),
    footnotes: z
      .array(z.object({ number: z.number().int().positive(), text: Text, ...sourced }).strict())
      .default([]),
    words: CountryWordsSchema.optional(),
  })
  .strict();

export type Policy = z.infer<typeof PolicySchema>;
export type Country = z.infer<typeof CountrySchema>;
export type Maturity = z.infer<typeof MaturitySchema>;
export type MaturityDimension = Maturity["dimensions"][number];
export type Bibliography = z.infer<typeof BibliographyEntry>;

/** Field names of DESIGN.md's contract. */
export const POLICY_FIELDS = [
  "type",
  "summary",
  "objectives",
  "focus",
  "authorities",
  "beneficiaries",
  "instruments",
  "start_year",
  "end_year",
  "budget",
  "funding_source",
  "evaluation",
  "eu_alignment",
] as const satisfies readonly (keyof Policy)[];
export const PolicyField = z.enum(POLICY_FIELDS);
export type PolicyField = z.infer<typeof PolicyField>;

export const COUNTRY_FIELDS = [
  "maturity",
  "policies",
  "approach",
  "continuity",
  "consistency",
  "sources",
] as const;
export const CountryField = z.enum(COUNTRY_FIELDS);
export type CountryField = z.infer<typeof CountryField>;
