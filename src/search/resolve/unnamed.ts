import type { Intent } from "../../model/intent.ts";
import { FIELD_QUESTION_WORDS, type Catalog } from "../catalog.ts";
import { isYear, type QuestionToken } from "./tokens.ts";
import { isEnglishWord } from "../../text/english-words.ts";
import { compareAll, type ComparisonCues } from "./compare.ts";
import type { Candidate } from "./policy-match.ts";
import { currencyQuestion, type FieldReading } from "./fields.ts";
import { policyYears } from "./passages.ts";
import { countryIntent } from "./country.ts";
import {
  listNames,
  policyNames,
  suggestionFor,
  policiesOf,
  knownPoliciesText,
  starterSuggestions,
} from "./replies.ts";

/** What a clause that names no policy was read as. */
export interface UnnamedReading {
  tokens: QuestionToken[];
  fields: FieldReading;
  /** The countries the clause names. */
  knownCountries: string[];
  /** The country asked about: the one named, or the only one the data holds. */
  countryId: string | null;
  cues: ComparisonCues;
  /** The user's words that name nothing the data holds, as typed; "" when there are none. */
  unknownWords: string;
  /** Partial names too weak to answer by, offered back. */
  weak: Candidate[];
}

/**
 * With no policy named, the question is about a field across policies, a country, or
 * something the data does not hold.
 */
export function resolveUnnamed(catalog: Catalog, reading: UnnamedReading): Intent {
  const { tokens, fields, knownCountries, countryId, unknownWords, weak } = reading;
  const { orderField, allCue, compareCue } = reading.cues;
  // "exchange rate yuan to euro today": money words that only name currencies, with no
  // policy, ask about the currencies themselves, not a policy's budget.
  const currencyAsked = currencyQuestion(tokens, fields);
  if (currencyAsked !== null) {
    return {
      kind: "none",
      text: `I have no data on “${currencyAsked}”. I can give the budgets of ${knownPoliciesText(catalog)}.`,
      suggestions: starterSuggestions(catalog),
    };
  }
  // "what's the budget? need it for my report": ordinary words around a field firmly asked
  // name nothing; the question lacks only its policy.
  const firmField = [...fields.consumed].some((k) => tokens[k]?.guessed === false);
  // …in another clause than the field words: "who funds the collaboration platform" names what.
  const fieldClauses = new Set([...fields.consumed].map((k) => tokens[k]?.clause));
  const onlyOrdinaryWords = tokens
    .filter((t) => t.unknown && !t.used && !t.cjk)
    .every((t) => (t.everyday || isEnglishWord(t.typed)) && !fieldClauses.has(t.clause));
  const fieldAmongWords =
    firmField && !fields.weakOnly && fields.policyField !== null && weak.length === 0;
  if (unknownWords !== "" && !(fieldAmongWords && onlyOrdinaryWords)) {
    const nearest = weak.slice(0, 3).map((c) => suggestionFor(c.ref, fields.policyField));
    // Chatter ("haha", "gm") is not quoted back; a question about something unknown is.
    // A field read only from a guessed word ("lit" → literature) is not a question asked.
    const aboutSomething =
      firmField || compareCue || orderField !== null || knownCountries.length > 0;
    return {
      kind: "none",
      text: aboutSomething
        ? `I have no data on “${unknownWords}”. I know these cluster policies — ${knownPoliciesText(catalog)}.`
        : `I answer questions about national cluster policies (${knownPoliciesText(catalog)}).`,
      suggestions: nearest.length > 0 ? nearest : starterSuggestions(catalog),
    };
  }

  if (weak.length > 0) {
    const options = weak.slice(0, 3);
    // "hong kong government budget 2024": a year the data has nothing for, with only a partial
    // name, is about something else (this data has no figures for that year).
    const strayYear = tokens.find((t) => isYear(t.stem) && !catalog.dataYears.has(Number(t.stem)));
    if (strayYear) {
      return {
        kind: "none",
        text: `I have no data for ${strayYear.raw}. I know these cluster policies — ${knownPoliciesText(catalog)}.`,
        suggestions: options.map((c) => suggestionFor(c.ref, fields.policyField)),
      };
    }
    return {
      kind: "clarify",
      text: `Did you mean ${policyNames(options.map((c) => c.ref))}?`,
      suggestions: options.map((c) => suggestionFor(c.ref, fields.policyField)),
    };
  }

  // "how does China compare to the EU?": a country compared with something else, not its
  // policies with each other.
  if (compareCue && !allCue && orderField === null && knownCountries.length > 0) {
    return {
      kind: "none",
      text: "I can compare policies with each other (e.g. their budgets or start years), not countries with other things.",
      suggestions: starterSuggestions(catalog).slice(1, 2),
    };
  }

  // "EU cluster policy maturity": the EU as the subject of a country-level question is a
  // place the data does not cover, not the policies' EU priorities.
  if (
    fields.policyField === "eu_alignment" &&
    fields.countryField !== null &&
    fields.countryField !== "policies" &&
    knownCountries.length === 0
  ) {
    return {
      kind: "none",
      text: `I have no data on the EU's own cluster policy; I only cover ${catalog.countries
        .map((c) => c.name)
        .join(", ")}.`,
      suggestions: starterSuggestions(catalog),
    };
  }

  // "how long has China been doing cluster policy": a duration asked of a country is its
  // continuity, not one policy's start.
  const howLong = tokens.some((t, k) => t.stem === "how" && tokens[k + 1]?.stem === "long");
  if (
    howLong &&
    knownCountries.length > 0 &&
    countryId !== null &&
    orderField === null &&
    (fields.policyField === "start_year" || fields.policyField === "end_year") &&
    (fields.countryField === null || fields.countryField === "policies")
  ) {
    return countryIntent(catalog, countryId, "continuity", tokens);
  }

  // "what kind of policy approach does China take": with a country named and no policy, a
  // country field typed after a policy field is the head of the phrase, so the question.
  const countryFirst =
    knownCountries.length > 0 && fields.countryField !== null && fields.lastScope === "country";
  const policyFieldWins =
    fields.policyField !== null && fields.policyScore >= fields.countryScore && !countryFirst;
  if (policyFieldWins && fields.policyField !== null) {
    const field = fields.policyField;
    // "the one ending in 2035": a year of the data narrows the policies offered to those it dates.
    const years = new Set(tokens.filter((t) => isYear(t.stem)).map((t) => Number(t.stem)));
    const allScope = policiesOf(catalog, countryId);
    const dated = allScope.filter((ref) => policyYears(ref.policy).some((y) => years.has(y)));
    const scope = dated.length > 0 ? dated : allScope;
    // "which is the oldest university": an order by age or size of something the data lists
    // but does not rank (beneficiaries, objectives) asks what the data does not hold.
    if (orderField !== null && !ORDERED_FIELDS.has(field)) {
      return {
        kind: "none",
        text: `The data does not rank the ${FIELD_QUESTION_WORDS[field]} of the policies by ${
          orderField === "budget" ? "size" : "date"
        }. I can compare the policies' ${FIELD_QUESTION_WORDS[orderField]}.`,
        suggestions: [`which policy is the ${orderField === "budget" ? "biggest" : "oldest"}`],
      };
    }
    // "which has no fixed end date", "哪个政策…": which of them, so all of them side by side.
    const asksWhich = tokens.some(
      (t, k) =>
        (t.stem === "which" && !fields.consumed.has(k) && !fields.consumed.has(k + 1)) ||
        (t.cjk && CJK_WHICH.some((w) => t.raw.includes(w))),
    );
    if ((allCue || orderField !== null || compareCue || asksWhich) && countryId !== null) {
      const all = compareAll(
        countryId,
        allScope.map((ref) => ref.policy.id),
        field,
      );
      if (all) return all;
    }
    if (scope.length === 1 && scope[0]) {
      return {
        kind: "policy",
        country: scope[0].country.id,
        policy: scope[0].policy.id,
        field,
      };
    }
    return {
      kind: "clarify",
      text: `Which policy do you mean? I can give the ${FIELD_QUESTION_WORDS[field]} of ${policyNames(
        scope.slice(0, 5),
      )}${scope.length > 5 ? " and others" : ""}.`,
      suggestions: scope.slice(0, 5).map((ref) => suggestionFor(ref, field)),
    };
  }

  // "cluster policy" alone, no country named: which country's? (Not China's by default.)
  if (fields.weakOnly && fields.countryField === "policies" && knownCountries.length === 0) {
    return {
      kind: "clarify",
      text: `Which country's cluster policies? I have data on ${catalog.countries
        .slice(0, 5)
        .map((c) => c.name)
        .join(", ")}.`,
      suggestions: catalog.countries.slice(0, 5).map((c) => `${c.name} policies`),
    };
  }
  if (fields.countryTie.length > 1) {
    const where = catalog.countryById.get(countryId ?? "")?.name ?? "the country";
    const tied = fields.countryTie.map((f) => FIELD_QUESTION_WORDS[f]);
    return {
      kind: "clarify",
      text: `Do you mean ${where}'s ${listNames(tied)}?`,
      suggestions: fields.countryTie.map((f) => `${where} ${FIELD_QUESTION_WORDS[f]}`),
    };
  }
  const countryField = fields.countryField ?? (knownCountries.length > 0 ? "policies" : null);
  if (countryField !== null) {
    if (countryId === null) {
      return {
        kind: "clarify",
        text: "Which country do you mean?",
        suggestions: catalog.countries
          .slice(0, 5)
          .map((c) => `${c.name} ${FIELD_QUESTION_WORDS[countryField]}`),
      };
    }
    // "which of China's policies is the oldest": an order over them all, not their list.
    if (((compareCue && allCue) || orderField !== null) && countryField === "policies") {
      const all = compareAll(
        countryId,
        policiesOf(catalog, countryId).map((ref) => ref.policy.id),
        orderField ?? fields.policyField,
      );
      if (all) return all;
    }
    return countryIntent(catalog, countryId, countryField, tokens, fields.topicListed);
  }

  // "which policy is the oldest", "which is the oldest?": a superlative orders all policies, by
  // the field it implies.
  if ((orderField !== null || (compareCue && allCue)) && countryId !== null) {
    const all = compareAll(
      countryId,
      policiesOf(catalog, countryId).map((ref) => ref.policy.id),
      orderField ?? fields.policyField,
    );
    if (all) return all;
  }

  // "tell me about the plan", "more about it?", "info pls": one policy is meant but not named —
  // ask which, with the names.
  const meantOne = tokens.some(
    (t, k) =>
      (catalog.nameNounStems.has(t.stem) && DEFINITE_WORDS.has(tokens[k - 1]?.stem ?? "")) ||
      REQUEST_WORDS.has(t.stem) ||
      (PRONOUNS.has(t.stem) && tokens[k - 1]?.stem === "about") ||
      (t.cjk && [...CJK_REFERRING_WORDS].some((w) => t.raw.includes(w))),
  );
  if (meantOne && countryId !== null) {
    const scope = policiesOf(catalog, countryId).slice(0, 5);
    return {
      kind: "clarify",
      text: `Which policy do you mean: ${policyNames(scope)}?`,
      suggestions: scope.map((ref) => suggestionFor(ref, null)),
    };
  }

  return {
    kind: "none",
    text: `I answer questions about national cluster policies (${knownPoliciesText(catalog)}).`,
    suggestions: starterSuggestions(catalog),
  };
}

/** Fields policies can be put in order by: dates and money. */
const ORDERED_FIELDS = new Set<string>(["start_year", "end_year", "budget", "funding_source"]);

const CJK_WHICH = ["哪个", "哪些", "哪一个", "哪项"];

/** Words that point at a policy already in mind, or ask for more of it ("info"). */
const REQUEST_WORDS = new Set(["info", "information", "details", "more"]);
const PRONOUNS = new Set(["it", "its", "this", "that"]);
const CJK_REFERRING_WORDS = new Set(["它", "这个", "该政策", "这项"]);

/** Words that point at one thing already known: "the plan", "this programme". */
const DEFINITE_WORDS = new Set(["the", "this", "that"]);
