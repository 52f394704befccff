import type { Bibliography, Country, CountryField, Policy } from "../dataset/schema.ts";
import { computeMaturity } from "../dataset/maturity.ts";
import { normalizeText } from "../model/normalize.ts";
import {
  bullets,
  endRemark,
  firstSentence,
  formatNumber,
  joinAnd,
  kindText,
  lowerFirst,
  periodRow,
  periodText,
  policyName,
  sourceLine,
  summaryLead,
} from "./format.ts";
import { FIELD_TITLES, fieldNotes, noteSections, type FactNote } from "./policy-answer.ts";
import type { Answer, AnswerSection, ScoreRow } from "./types.ts";

/** A note on a country fact, as an answer section that every renderer keeps. */
function countryNotes(notes: readonly (string | undefined)[]): AnswerSection[] {
  return noteSections(
    notes.flatMap((text): FactNote[] => (text === undefined ? [] : [{ about: null, text }])),
  );
}

/** Country-level facts: maturity, the policies, approach, continuity, consistency, sources. */

const COUNTRY_TITLES: Readonly<Record<CountryField, string>> = {
  maturity: "cluster policy maturity",
  policies: "cluster policies",
  approach: "policy approach",
  continuity: "continuity",
  consistency: "consistency",
  sources: "sources",
};

function maturityAnswer(country: Country, dimensionId: string | null): Answer {
  const computed = computeMaturity(country);
  const scores: ScoreRow[] = country.maturity.dimensions.map((dimension) => {
    const rule = computed.dimensions.find((d) => d.id === dimension.id);
    return {
      label: dimension.label,
      score: dimension.score,
      max: dimension.max,
      reason: rule?.reason ?? dimension.rule,
    };
  });
  const total = scores.reduce((sum, s) => sum + s.score, 0);
  const max = scores.reduce((sum, s) => sum + s.max, 0);
  const { intro } = country.maturity;
  const terminated = country.state_of_play.evaluation_terminated;
  const details: AnswerSection[] = [
    {
      name: "Total",
      // The factsheet prints the four scores, not their sum.
      value: `${formatNumber(total)} of ${formatNumber(max)} (the sum of the four scores the factsheet gives; it prints no total)`,
      inline: true,
    },
    { name: "Data year", value: String(country.maturity.data_year), inline: true },
    {
      name: "How it is scored",
      value: `${intro === undefined ? "" : `${intro}\n`}${bullets(
        country.maturity.dimensions.map((d) => d.rule),
      )}`,
    },
    {
      name: "Evaluation (terminated policies)",
      value: `${terminated.status}. ${terminated.text}`,
    },
    ...country.maturity.notes.map((note, i) => ({
      name: i === 0 ? "About the index" : "Note",
      value: note,
    })),
    ...countryNotes([country.maturity.note]),
  ];
  return {
    kind: "answer",
    country: country.id,
    policy: null,
    field: "maturity",
    title: `${country.name} — cluster policy maturity`,
    text: `${dimensionLead(country, scores, dimensionId)}${country.name}'s cluster policy maturity is ${formatNumber(total)} of ${formatNumber(
      max,
    )}${dimensionId !== null ? " in total" : ""} — the sum of the four scores the factsheet gives (data from ${country.maturity.data_year}).`,
    details,
    sources: [sourceLine(country, country.maturity.source), sourceLine(country, terminated.source)],
    suggestions: [
      `${country.name} consistency`,
      `${country.name} policies`,
      `${country.name} sources`,
    ],
    scores,
  };
}

/** "Evidence of performance: 0.5 of 1 (reason). ", when the question named that dimension. */
function dimensionLead(country: Country, scores: ScoreRow[], dimensionId: string | null): string {
  const index = country.maturity.dimensions.findIndex((d) => d.id === dimensionId);
  const row = scores[index];
  if (!row) return "";
  return `${row.label}: ${formatNumber(row.score)} of ${formatNumber(row.max)} — ${lowerFirst(
    row.reason.replace(/[.\s]+$/, ""),
  )}. `;
}

function policyLine(policy: Policy): string {
  const remark = endRemark(policy);
  return `${policy.short_name} (${kindText(policy)}, ${periodText(policy)}${remark ? `; ${remark}` : ""})`;
}

/** What the policy list shows of each policy: its type, period and first sentence. */
const LISTED_FIELDS = ["type", "start_year", "end_year", "summary"] as const;

function policiesAnswer(country: Country): Answer {
  const count = country.policies.length;
  return {
    kind: "answer",
    country: country.id,
    policy: null,
    field: "policies",
    title: `${country.name} — cluster policies`,
    text: `${country.name} has ${count} cluster ${count === 1 ? "policy" : "policies"} in the data: ${joinAnd(
      country.policies.map(policyLine),
    )}.`,
    details: [
      ...country.policies.map((p) => ({
        name: p.short_name,
        value: `${p.type.label}; ${periodText(p)}. ${summaryLead(p)}`,
      })),
      ...noteSections(
        LISTED_FIELDS.flatMap((field) =>
          country.policies.flatMap((p) =>
            fieldNotes(p, field, `${p.short_name} (${FIELD_TITLES[field]})`),
          ),
        ),
      ),
    ],
    sources: [sourceLine(country, "National cluster policy, programmes and initiatives")],
    suggestions: country.policies.slice(0, 3).map((p) => p.short_name),
    periods: country.policies.map(periodRow),
  };
}

function textAnswer(country: Country, field: "approach" | "continuity" | "consistency"): Answer {
  const play = country.state_of_play;
  let text: string;
  let details: AnswerSection[];
  let source: string;
  if (field === "approach") {
    text = `${country.name}'s cluster policy approach: ${play.approach.items
      .map((item) => item.charAt(0).toLowerCase() + item.slice(1))
      .join("; ")}.`;
    details = [
      { name: "Approach", value: bullets(play.approach.items) },
      ...countryNotes([play.approach.note]),
    ];
    source = play.approach.source;
  } else if (field === "continuity") {
    text = firstSentence(play.continuity.text);
    details = [
      { name: "Continuity", value: play.continuity.text },
      ...countryNotes([play.continuity.note]),
    ];
    source = play.continuity.source;
  } else {
    text = `${country.name}'s cluster policies rate “${play.consistency.rating}” for consistency.`;
    details = [
      { name: "Rating", value: play.consistency.rating, inline: true },
      { name: "Consistency", value: play.consistency.text },
      ...countryNotes([play.consistency.note]),
    ];
    source = play.consistency.source;
  }
  return {
    kind: "answer",
    country: country.id,
    policy: null,
    field,
    title: `${country.name} — ${COUNTRY_TITLES[field]}`,
    text,
    details,
    sources: [sourceLine(country, source)],
    suggestions: [`${country.name} maturity`, `${country.name} policies`],
  };
}

/** An address the source prints cut short is shown as printed, said to be incomplete. */
function addressOf(entry: Bibliography): string | undefined {
  if (entry.url === undefined) return undefined;
  return entry.url_incomplete === true
    ? `address incomplete in the source (not a link): “${entry.url}”`
    : entry.url;
}

function formatEntry(entry: Bibliography): AnswerSection {
  const parts = [
    entry.title,
    entry.publisher,
    addressOf(entry),
    entry.accessed ? `accessed ${entry.accessed}` : undefined,
  ];
  return {
    name: `${entry.author} (${entry.year})`,
    value: parts.filter((p): p is string => p !== undefined).join(" · "),
  };
}

/** Entries whose title, publisher or address names the policy (any of its names of 4+ letters). */
function entriesAbout(country: Country, policy: Policy): Bibliography[] {
  const names = [policy.short_name, policy.name, ...policy.aliases]
    .map(normalizeText)
    .filter((name) => name.replace(/ /g, "").length >= 4);
  return country.bibliography.filter((entry) => {
    const haystack = normalizeText(`${entry.title} ${entry.publisher ?? ""} ${entry.url ?? ""}`);
    return names.some((name) => haystack.includes(name));
  });
}

export function sourcesAnswer(country: Country, policy: Policy | null): Answer {
  const about = policy ? entriesAbout(country, policy) : [];
  const narrowed = policy !== null && about.length > 0;
  const entries = narrowed ? about : country.bibliography;
  const count = entries.length;
  const text = narrowed
    ? `${count} of the ${country.bibliography.length} sources of the ${country.name} factsheet are about ${policyName(policy)}.`
    : policy
      ? `No source of the ${country.name} factsheet names ${policy.short_name} in its title; here are all ${count}.`
      : `The ${country.name} factsheet cites ${count} source${count === 1 ? "" : "s"}.`;
  return {
    kind: "answer",
    country: country.id,
    policy: policy?.id ?? null,
    field: "sources",
    title: `${policy ? policy.short_name : country.name} — sources`,
    text,
    details: [
      ...entries.map(formatEntry),
      ...noteSections(
        entries.flatMap((entry): FactNote[] =>
          entry.note === undefined
            ? []
            : [{ about: `${entry.author} (${entry.year})`, text: entry.note }],
        ),
      ),
    ],
    sources: [sourceLine(country, "Bibliography")],
    suggestions: policy
      ? [policy.short_name, `${country.name} sources`]
      : [`${country.name} maturity`],
  };
}

export function countryAnswer(
  country: Country,
  field: CountryField,
  policy: Policy | null = null,
  dimension: string | null = null,
): Answer {
  switch (field) {
    case "maturity":
      return maturityAnswer(country, dimension);
    case "policies":
      return policiesAnswer(country);
    case "sources":
      return sourcesAnswer(country, policy);
    case "approach":
    case "continuity":
    case "consistency":
      return textAnswer(country, field);
  }
}
