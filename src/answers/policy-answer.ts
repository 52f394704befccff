import type { Country, Policy, PolicyField } from "../dataset/schema.ts";
import { FIELD_QUESTION_WORDS } from "../model/fields.ts";
import {
  bullets,
  budgetStated,
  budgetSummary,
  clip,
  endRemark,
  firstSentence,
  evaluationText,
  fundingQualification,
  fundingValue,
  groupInSentence,
  inSentence,
  joinAnd,
  kindText,
  lowerFirst,
  periodRow,
  periodText,
  policyName,
  examplesOf,
  sectorsPhrase,
  sourceLine,
  summaryLead,
  unique,
} from "./format.ts";
import type { Answer, AnswerSection, PeriodRow } from "./types.ts";

/** Words of a body that evaluates or monitors ("the National Development and Reform Commission"). */
const EVALUATOR_WORDS =
  /\b(?:Commission|Ministry|Ministries|Office|Council|Agency|Bureau|Department|Committee|Administration)\b/;

/**
 * The yes or no a field's data gives to a yes/no question about it, or null when the data does
 * not decide it by itself ("is TORCH evaluated?" → yes; "does the GBA have an end year?" → no).
 */
export function yesNoOf(policy: Policy, field: PolicyField): boolean | null {
  switch (field) {
    case "evaluation":
      return policy.evaluation.status !== "none";
    case "end_year":
      return policy.end_year.value !== null;
    case "budget":
      return budgetStated(policy);
    default:
      return null;
  }
}

/**
 * Whether a year said to be a policy's start or end is it: yes when it is, no when it is not,
 * null when it is another dated step of its history (City Clusters, "fully formulated" in 2016).
 */
export function claimHolds(
  policy: Policy,
  field: "start_year" | "end_year",
  year: number,
): boolean | null {
  const value = field === "start_year" ? policy.start_year.value : policy.end_year.value;
  if (value === year) return true;
  return policy.start_year.milestones.some((m) => m.year === year) ? null : false;
}

/** "Yes, the TORCH Program is…": the answer's own first sentence after the yes or no. */
export function withYesNo(answer: Answer, yes: boolean): Answer {
  if (answer.kind !== "answer") return answer;
  const text = answer.text.replace(/^The\b/, "the");
  return { ...answer, text: `${yes ? "Yes" : "No"}, ${text}` };
}

/** One policy: its card (field null) or one field, with the fact first and its source. */

export const FIELD_TITLES: Readonly<Record<PolicyField, string>> = {
  ...FIELD_QUESTION_WORDS,
  // A heading can say more than the short words a follow-up question uses.
  focus: "focus and sectors",
  authorities: "responsible authorities",
};

interface FieldBody {
  text: string;
  details: AnswerSection[];
  periods?: PeriodRow[];
}

/**
 * The fields whose values a view of a field shows (the budget view shows the source of
 * funding, the start-year view the end year): each one's note is shown with them.
 */
export const FIELDS_SHOWN: Readonly<Record<PolicyField, readonly PolicyField[]>> = {
  type: ["type"],
  summary: ["summary"],
  objectives: ["objectives"],
  focus: ["focus"],
  authorities: ["authorities"],
  beneficiaries: ["beneficiaries"],
  instruments: ["instruments"],
  start_year: ["start_year", "end_year"],
  end_year: ["end_year", "start_year"],
  budget: ["budget", "funding_source"],
  funding_source: ["funding_source"],
  evaluation: ["evaluation"],
  eu_alignment: ["eu_alignment"],
};

/** What a policy card shows: type, period (start and end), budget, evaluation, summary. */
export const CARD_FIELDS: readonly PolicyField[] = [
  "type",
  "start_year",
  "end_year",
  "budget",
  "evaluation",
  "summary",
];

/** A note on the data, or the source's own caveat, shown with the values it is about. */
export interface FactNote {
  /** What it is about ("Greater Bay Area plan, objectives"); null when the view is one fact. */
  about: string | null;
  text: string;
  /** Section name; "Note on the data" unless the note is the source's own (a currency footnote). */
  name?: string;
}

/** The notes attached to one field of a policy: our note on its reading, and footnotes it carries. */
export function fieldNotes(policy: Policy, field: PolicyField, about: string | null): FactNote[] {
  const notes: FactNote[] = [];
  const note = policy[field].note;
  if (note !== undefined) notes.push({ about, text: note });
  if (field === "budget") {
    for (const conversion of unique(policy.budget.amounts.flatMap((a) => a.conversion ?? []))) {
      notes.push({ about, text: conversion, name: "Currency" });
    }
  }
  return notes;
}

/**
 * Notes as answer sections, flagged so every renderer keeps them with the answer. A note that
 * several policies carry word for word is shown once, naming each of them: none is dropped.
 */
export function noteSections(notes: readonly FactNote[]): AnswerSection[] {
  const merged = new Map<string, { name: string; abouts: string[]; text: string }>();
  for (const note of notes) {
    const name = note.name ?? "Note on the data";
    const key = `${name}\u0000${note.text}`;
    const entry = merged.get(key) ?? { name, abouts: [], text: note.text };
    if (note.about !== null && !entry.abouts.includes(note.about)) entry.abouts.push(note.about);
    merged.set(key, entry);
  }
  return [...merged.values()].map(({ name, abouts, text }) => ({
    name,
    value: abouts.length > 0 ? `${joinAnd(abouts)}: ${text}` : text,
    note: true,
  }));
}

/** A field's title as a note's subject: "Start year", "Source of funding". */
export function fieldLabel(field: PolicyField): string {
  const title = FIELD_TITLES[field];
  return title.charAt(0).toUpperCase() + title.slice(1);
}

/** The notes of every field a view shows, labelled with the field when there are several. */
export function viewNotes(policy: Policy, fields: readonly PolicyField[]): AnswerSection[] {
  const labelled = fields.filter((f) => fieldNotes(policy, f, null).length > 0).length > 1;
  return noteSections(
    fields.flatMap((f) => fieldNotes(policy, f, labelled ? fieldLabel(f) : null)),
  );
}

/** " (the source's layout makes this reading uncertain; see the note)", before the last stop. */
export function withUncertainty(text: string, uncertain: boolean | undefined): string {
  if (uncertain !== true) return text;
  const clause = " (the source's layout makes this reading uncertain; see the note)";
  return /[.]$/.test(text) ? `${text.slice(0, -1)}${clause}.` : `${text}${clause}`;
}

function endClause(policy: Policy): string {
  if (policy.end_year.value === null) return "it has no end year";
  const said = endRemark(policy);
  return `it is planned to end in ${policy.end_year.value}${said ? ` (${said})` : ""}`;
}

/** "first mentioned in 2006, fully formulated in 2016", when the start has more than one step. */
function startSteps(policy: Policy): string {
  const steps = policy.start_year.milestones.filter((m) => m.year !== policy.end_year.value);
  if (steps.length < 2) return "";
  return ` (${steps.map((m) => `${lowerFirst(m.event)} in ${m.year}`).join(", ")})`;
}

function fieldBody(policy: Policy, field: PolicyField): FieldBody {
  const The = policyName(policy, true);
  switch (field) {
    case "type":
      return {
        text: `${The} is a ${kindText(policy)}.`,
        details: [{ name: "Policy type", value: policy.type.label }],
      };
    case "summary":
      return {
        text: summaryLead(policy),
        details: [{ name: "Summary", value: policy.summary.text }],
      };
    case "objectives": {
      const items = policy.objectives.items;
      return {
        text: `${The} pursues ${items.length} objective${items.length === 1 ? "" : "s"}: ${items
          .map(lowerFirst)
          .join("; ")}.`,
        details: [{ name: "Objectives", value: bullets(items) }],
      };
    }
    case "focus": {
      const { scope, sectors, text, sectors_qualifier: qualifier } = policy.focus;
      const sectorText =
        sectors.length > 0 ? `, covering ${sectorsPhrase(policy, joinAnd(sectors))}` : "";
      const sectorsName = qualifier === undefined ? "Sectors" : "Sectors (examples)";
      return {
        text: `${The} is ${scope}${sectorText}.`,
        details: [
          { name: "Scope", value: scope, inline: true },
          ...(sectors.length > 0 ? [{ name: sectorsName, value: bullets(sectors) }] : []),
          { name: "Description", value: text },
        ],
      };
    }
    case "authorities": {
      const { roles, bodies, text } = policy.authorities;
      const who = bodies.length > 0 ? joinAnd(bodies.map(inSentence)) : "not named in the sources";
      return {
        text: `Responsible for ${policyName(policy)}: ${who}.`,
        details: [
          { name: "Roles", value: bullets(roles) },
          ...(bodies.length > 0 ? [{ name: "Bodies", value: bullets(bodies) }] : []),
          { name: "Description", value: text },
        ],
      };
    }
    case "beneficiaries": {
      const { items, text } = policy.beneficiaries;
      return {
        text: `${The} is aimed at ${joinAnd(items.map(groupInSentence))}.`,
        details: [
          { name: "Beneficiaries", value: bullets(items) },
          { name: "Description", value: text },
        ],
      };
    }
    case "instruments": {
      const { financial, technical_assistance, others, text } = policy.instruments;
      return {
        text: `${The} offers ${financial.length} financial instrument${
          financial.length === 1 ? "" : "s"
        }${financial.length > 0 ? `${examplesOf(financial)},` : ""} and ${
          technical_assistance.length
        } kind${technical_assistance.length === 1 ? "" : "s"} of technical assistance${examplesOf(
          technical_assistance,
        )}${others.length > 0 ? `, besides ${others.length} other measure${others.length === 1 ? "" : "s"}` : ""}.`,
        details: [
          { name: "Financial", value: bullets(financial) },
          { name: "Technical assistance", value: bullets(technical_assistance) },
          ...(others.length > 0 ? [{ name: "Others", value: bullets(others) }] : []),
          { name: "Description", value: text },
        ],
      };
    }
    case "start_year": {
      const { value, milestones } = policy.start_year;
      return {
        text: `${The} started in ${value}${startSteps(policy)}; ${endClause(policy)}.`,
        details: [
          { name: "Start year", value: String(value), inline: true },
          {
            name: "End year",
            value:
              policy.end_year.value === null
                ? "none (unlimited period)"
                : String(policy.end_year.value),
            inline: true,
          },
          ...(milestones.length > 0
            ? [
                {
                  name: "Milestones",
                  value: milestones.map((m) => `${m.year}: ${m.event}`).join("\n"),
                },
              ]
            : []),
        ],
        periods: [periodRow(policy)],
      };
    }
    case "end_year": {
      const { value, period } = policy.end_year;
      const start = policy.start_year.value;
      return {
        text:
          value === null
            ? `${The} has no end year (an unlimited period); it started in ${start}.`
            : `${The} is planned to end in ${value}${
                endRemark(policy) ? ` (${endRemark(policy)})` : ""
              }; it started in ${start} and runs for a ${period} period.`,
        details: [
          { name: "Period", value: period, inline: true },
          { name: "End year", value: value === null ? "none" : String(value), inline: true },
          { name: "Start year", value: String(start), inline: true },
        ],
        periods: [periodRow(policy)],
      };
    }
    case "budget": {
      const { overall, annual } = policy.budget;
      const annualStated = !/not indicated/i.test(annual);
      const text = budgetStated(policy)
        ? `Budget of ${policyName(policy)}: ${budgetSummary(policy)}${
            annualStated ? "" : "; no annual budget is stated"
          }.`
        : `The sources state no budget for ${policyName(policy)} (neither overall nor annual).`;
      // Where the source qualifies who pays, the budget answer says who pays and the caveat.
      const funding = policy.funding_source.qualification
        ? ` Source of funding: ${lowerFirst(policy.funding_source.text)}.${fundingQualification(policy)}`
        : "";
      return {
        text: `${text}${funding}`,
        details: [
          { name: "Overall", value: overall },
          { name: "Annual", value: annual },
          { name: "Source of funding", value: fundingValue(policy) },
        ],
      };
    }
    case "funding_source":
      return {
        text: `Source of funding for ${policyName(policy)}: ${lowerFirst(
          policy.funding_source.text,
        )}.${fundingQualification(policy)}`,
        details: [{ name: "Source of funding", value: fundingValue(policy) }],
      };
    case "evaluation": {
      const { label, results } = policy.evaluation;
      // "who evaluates the GBA plan": an evaluator the results name goes in the first sentence.
      const first = firstSentence(results);
      const evaluator =
        policy.evaluation.status !== "none" && EVALUATOR_WORDS.test(first)
          ? `: ${lowerFirst(first).replace(/[.]$/, "")}`
          : "";
      return {
        text: `${The} ${evaluationText(policy)}${evaluator}.`,
        details: [
          { name: "Availability", value: label, inline: true },
          { name: "Results", value: results },
        ],
      };
    }
    case "eu_alignment": {
      const { items, raw } = policy.eu_alignment;
      const text =
        items.length === 0
          ? `No alignment with the EU priorities is recorded for ${policyName(policy)}.`
          : `${The} is aligned with the EU ${items.length === 1 ? "priority" : "priorities"} ${joinAnd(items)}.`;
      return {
        text,
        details: [
          { name: "EU priorities", value: bullets(items) },
          ...(raw ? [{ name: "As printed in the source", value: raw }] : []),
        ],
      };
    }
  }
}

/** The sections a field's facts come from, with the section the source qualifies them in. */
function sourcesOf(policy: Policy, field: PolicyField): string[] {
  const qualified = field === "funding_source" ? policy.funding_source.qualification : undefined;
  return [policy[field].source, ...(qualified ? [qualified.source] : [])];
}

/** Fields worth asking next, in the order people tend to ask. */
const FOLLOW_UPS: readonly PolicyField[] = [
  "budget",
  "start_year",
  "evaluation",
  "objectives",
  "authorities",
  "instruments",
  "beneficiaries",
  "end_year",
];

function suggestionsFor(country: Country, policy: Policy, field: PolicyField | null): string[] {
  const out = FOLLOW_UPS.filter((f) => f !== field)
    .slice(0, 3)
    .map((f) => `${policy.short_name} ${FIELD_QUESTION_WORDS[f]}`);
  const other = country.policies.find((p) => p.id !== policy.id);
  if (other) {
    out.push(
      `compare ${policy.short_name} and ${other.short_name}${
        field ? ` ${FIELD_QUESTION_WORDS[field]}` : ""
      }`,
    );
  }
  return out;
}

function cardAnswer(country: Country, policy: Policy): Answer {
  const The = policyName(policy, true);
  const end = policy.end_year.value;
  const remark = endRemark(policy);
  const text = `${The} is a ${kindText(policy)} of ${country.name}, running ${
    end === null
      ? `since ${policy.start_year.value} with no end year`
      : `from ${policy.start_year.value} to ${end}${remark ? ` (${remark})` : ""}`
  }.`;
  return {
    kind: "answer",
    country: country.id,
    policy: policy.id,
    field: null,
    title: policy.short_name,
    text,
    details: [
      { name: "Type", value: policy.type.label, inline: true },
      { name: "Period", value: periodText(policy), inline: true },
      { name: "Budget", value: budgetSummary(policy), inline: true },
      { name: "Evaluation", value: policy.evaluation.label, inline: true },
      { name: "Summary", value: clip(policy.summary.text, 700, policy.summary.stray_full_stops) },
      ...viewNotes(policy, CARD_FIELDS),
    ],
    sources: unique(
      CARD_FIELDS.flatMap((f) => sourcesOf(policy, f)).map((s) => sourceLine(country, s)),
    ),
    suggestions: suggestionsFor(country, policy, null),
  };
}

export function policyAnswer(country: Country, policy: Policy, field: PolicyField | null): Answer {
  if (field === null) return cardAnswer(country, policy);
  const body = fieldBody(policy, field);
  const shown = FIELDS_SHOWN[field];
  const sources = shown.flatMap((f) => sourcesOf(policy, f)).map((s) => sourceLine(country, s));
  return {
    kind: "answer",
    country: country.id,
    policy: policy.id,
    field,
    title: `${policy.short_name} — ${FIELD_TITLES[field]}`,
    text: withUncertainty(body.text, policy[field].uncertain),
    details: [...body.details, ...viewNotes(policy, shown)],
    sources: unique(sources),
    suggestions: suggestionsFor(country, policy, field),
    ...(body.periods ? { periods: body.periods } : {}),
  };
}
