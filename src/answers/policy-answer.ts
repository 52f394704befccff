import type { Country, Policy, PolicyField } from "../dataset/schema.ts";
import { FIELD_QUESTION_WORDS } from "../model/fields.ts";
import {
  bullets,
  budgetStated,
  budgetSummary,
  clip,
  evaluationText,
  firstSentence,
  groupInSentence,
  inSentence,
  joinAnd,
  kindText,
  lowerFirst,
  periodRow,
  periodText,
  policyName,
  examplesOf,
  sourceLine,
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

function noteSection(note: string | undefined): AnswerSection[] {
  return note ? [{ name: "Note on the data", value: note }] : [];
}

/**
 * What the data adds about the end year ("it may continue even after this period"), without
 * its "Planned end" label, which the sentence already says.
 */
function endMilestone(policy: Policy): string | null {
  const end = policy.end_year.value;
  const milestone = policy.start_year.milestones.find((m) => m.year === end);
  if (!milestone) return null;
  const remark = milestone.event.replace(
    /^\s*(?:planned|scheduled|expected)\s+end\b[;,:.]?\s*/i,
    "",
  );
  return remark === "" ? null : lowerFirst(remark);
}

function endClause(policy: Policy): string {
  if (policy.end_year.value === null) return "it has no end year";
  const said = endMilestone(policy);
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
        details: [
          { name: "Policy type", value: policy.type.label },
          ...noteSection(policy.type.note),
        ],
      };
    case "summary":
      return {
        text: firstSentence(policy.summary.text),
        details: [
          { name: "Summary", value: policy.summary.text },
          ...noteSection(policy.summary.note),
        ],
      };
    case "objectives": {
      const items = policy.objectives.items;
      return {
        text: `${The} pursues ${items.length} objective${items.length === 1 ? "" : "s"}: ${items
          .map(lowerFirst)
          .join("; ")}.`,
        details: [
          { name: "Objectives", value: bullets(items) },
          ...noteSection(policy.objectives.note),
        ],
      };
    }
    case "focus": {
      const { scope, sectors, text, note } = policy.focus;
      const sectorText = sectors.length > 0 ? `, covering ${joinAnd(sectors)}` : "";
      return {
        text: `${The} is ${scope}${sectorText}.`,
        details: [
          { name: "Scope", value: scope, inline: true },
          ...(sectors.length > 0 ? [{ name: "Sectors", value: bullets(sectors) }] : []),
          { name: "Description", value: text },
          ...noteSection(note),
        ],
      };
    }
    case "authorities": {
      const { roles, bodies, text, note } = policy.authorities;
      const who = bodies.length > 0 ? joinAnd(bodies.map(inSentence)) : "not named in the sources";
      return {
        text: `Responsible for ${policyName(policy)}: ${who}.`,
        details: [
          { name: "Roles", value: bullets(roles) },
          ...(bodies.length > 0 ? [{ name: "Bodies", value: bullets(bodies) }] : []),
          { name: "Description", value: text },
          ...noteSection(note),
        ],
      };
    }
    case "beneficiaries": {
      const { items, text, note } = policy.beneficiaries;
      return {
        text: `${The} is aimed at ${joinAnd(items.map(groupInSentence))}.`,
        details: [
          { name: "Beneficiaries", value: bullets(items) },
          { name: "Description", value: text },
          ...noteSection(note),
        ],
      };
    }
    case "instruments": {
      const { financial, technical_assistance, others, text, note } = policy.instruments;
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
          ...noteSection(note),
        ],
      };
    }
    case "start_year": {
      const { value, milestones, note } = policy.start_year;
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
          ...noteSection(note),
        ],
        periods: [periodRow(policy)],
      };
    }
    case "end_year": {
      const { value, period, note } = policy.end_year;
      const start = policy.start_year.value;
      return {
        text:
          value === null
            ? `${The} has no end year (an unlimited period); it started in ${start}.`
            : `${The} is planned to end in ${value}${
                endMilestone(policy) ? ` (${endMilestone(policy)})` : ""
              }; it started in ${start} and runs for a ${period} period.`,
        details: [
          { name: "Period", value: period, inline: true },
          { name: "End year", value: value === null ? "none" : String(value), inline: true },
          { name: "Start year", value: String(start), inline: true },
          ...noteSection(note),
        ],
        periods: [periodRow(policy)],
      };
    }
    case "budget": {
      const { overall, annual, amounts, note } = policy.budget;
      const conversions = unique(amounts.flatMap((a) => (a.conversion ? [a.conversion] : [])));
      const annualStated = !/not indicated/i.test(annual);
      const text = budgetStated(policy)
        ? `Budget of ${policyName(policy)}: ${budgetSummary(policy)}${
            annualStated ? "" : "; no annual budget is stated"
          }.`
        : `The sources state no budget for ${policyName(policy)} (neither overall nor annual).`;
      return {
        text,
        details: [
          { name: "Overall", value: overall },
          { name: "Annual", value: annual },
          { name: "Source of funding", value: policy.funding_source.text },
          ...conversions.map((c) => ({ name: "Currency", value: c })),
          ...noteSection(note),
        ],
      };
    }
    case "funding_source":
      return {
        text: `Source of funding for ${policyName(policy)}: ${lowerFirst(policy.funding_source.text)}.`,
        details: [
          { name: "Source of funding", value: policy.funding_source.text },
          ...noteSection(policy.funding_source.note),
        ],
      };
    case "evaluation": {
      const { label, results, note } = policy.evaluation;
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
          ...noteSection(note),
        ],
      };
    }
    case "eu_alignment": {
      const { items, raw, note } = policy.eu_alignment;
      const text =
        items.length === 0
          ? `No alignment with the EU priorities is recorded for ${policyName(policy)}.`
          : `${The} is aligned with the EU ${items.length === 1 ? "priority" : "priorities"} ${joinAnd(items)}${
              note ? " (the source's layout makes this reading uncertain)" : ""
            }.`;
      return {
        text,
        details: [
          { name: "EU priorities", value: bullets(items) },
          ...(raw ? [{ name: "As printed in the source", value: raw }] : []),
          ...noteSection(note),
        ],
      };
    }
  }
}

function sourceOf(policy: Policy, field: PolicyField): string {
  return policy[field].source;
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
  const text = `${The} is a ${kindText(policy)} of ${country.name}, running ${
    end === null
      ? `since ${policy.start_year.value} with no end year`
      : `from ${policy.start_year.value} to ${end}`
  }.`;
  const fields: PolicyField[] = ["type", "start_year", "budget", "evaluation", "summary"];
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
      { name: "Summary", value: clip(policy.summary.text, 700) },
    ],
    sources: unique(fields.map((f) => sourceLine(country, sourceOf(policy, f)))),
    suggestions: suggestionsFor(country, policy, null),
  };
}

export function policyAnswer(country: Country, policy: Policy, field: PolicyField | null): Answer {
  if (field === null) return cardAnswer(country, policy);
  const body = fieldBody(policy, field);
  const sources = [sourceLine(country, sourceOf(policy, field))];
  if (field === "budget") sources.push(sourceLine(country, policy.funding_source.source));
  if (field === "start_year") sources.push(sourceLine(country, policy.end_year.source));
  return {
    kind: "answer",
    country: country.id,
    policy: policy.id,
    field,
    title: `${policy.short_name} — ${FIELD_TITLES[field]}`,
    text: body.text,
    details: body.details,
    sources: unique(sources),
    suggestions: suggestionsFor(country, policy, field),
    ...(body.periods ? { periods: body.periods } : {}),
  };
}
