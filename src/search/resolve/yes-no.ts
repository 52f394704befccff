import type { PolicyField } from "../../dataset/schema.ts";
import type { Intent } from "../../model/intent.ts";
import { YEAR_BOUNDS } from "../vocabulary.ts";

/** Openings of yes/no questions. */
const YES_NO_OPENERS = /^\s*(?:is|are|was|were|does|do|did|has|have|had)\b/i;

/**
 * What a yes/no question must ask for its field's data to answer it with a plain yes or no:
 * "is TORCH evaluated", "does the GBA have an end year", "does City Clusters have a budget".
 * Narrower questions ("is it evaluated ex post?", "has it ended?") are answered without one.
 */
const YES_NO_SHAPES: Partial<Record<PolicyField, { asks: RegExp; not?: RegExp }>> = {
  evaluation: {
    asks: /\b(?:evaluat\w*|assess\w*|monitor\w*|reviewed)\b/i,
    not: /\b(?:ex[- ]?(?:post|ante)|in[- ]?itinere|after|before|results?|outcomes?|findings?|who|how|when)\b/i,
  },
  end_year: {
    asks: /\b(?:have|has)\b.*\b(?:end|ending|end year|end date|deadline|expiry)\b/i,
    not: /\b(?:ended|finished|expired|when|which)\b/i,
  },
  budget: {
    asks: /\b(?:have|has|get|gets|receive|receives)\b.*\b(?:budget|funding|money)\b/i,
    not: /\b(?:how|annual|yearly|per year|more|less)\b/i,
  },
};

/** Words that set a year as a bound, not as the date ("before 2000", "beyond 2030", "since 2010"). */
const RELATIVE_YEAR = new RegExp(
  `\\b(?:${[...YEAR_BOUNDS.bounds, "earlier", "later", "since", "than", "between", "around", "about", "from \\d{4} to"].join("|")})\\b|[<>]`,
  "i",
);
const YEAR = /(?<!\d)(?:1[89]|2[01])\d\d(?!\d)/g;

export function markYesNo(intent: Intent, question: string): Intent {
  if (intent.kind !== "policy" || intent.field === null || intent.passage !== undefined) {
    return intent;
  }
  // "torch began 1990, right?": one year said as the date, checked against it.
  const years = question.match(YEAR) ?? [];
  const dated = intent.field === "start_year" || intent.field === "end_year";
  if (dated && years.length === 1 && !RELATIVE_YEAR.test(question.replace(/\bfrom (?=\d)/i, ""))) {
    return { ...intent, claimedYear: Number(years[0]) };
  }
  const shape = YES_NO_SHAPES[intent.field];
  if (!shape || !YES_NO_OPENERS.test(question) || !shape.asks.test(question)) return intent;
  if (shape.not?.test(question)) return intent;
  return { ...intent, yesNo: true };
}
