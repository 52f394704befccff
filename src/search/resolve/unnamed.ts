import type { Intent } from "../../model/intent.ts";
import { FIELD_QUESTION_WORDS, type Catalog } from "../catalog.ts";
import { isYear, type QuestionToken } from "./tokens.ts";
import { outOfScopeWords } from "./unknown-words.ts";
import { DECISION, decideUnnamed, passageScore, type Reading } from "./decide.ts";
import { questionShaped } from "./passages.ts";
import { compareAll, type ComparisonCues } from "./compare.ts";
import type { Candidate } from "./policy-match.ts";
import { currencyQuestion, type FieldReading } from "./fields.ts";
import { policyYears } from "./passages.ts";
import { countryIntent, textIntent } from "./country.ts";
import type { CountryTextReading } from "./country-texts.ts";
import { describedPolicy } from "./described.ts";
import {
  ASKING_WORDS,
  CJK_ALL_WORDS,
  CJK_FIELD_WORDS,
  CJK_WHICH_WORDS,
  NAME_NOUNS,
  ONE_OR_MANY_WORDS,
} from "../vocabulary.ts";
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
  question: string;
  tokens: QuestionToken[];
  fields: FieldReading;
  /** A country field asked by a word typed in full, at least as strongly as a policy field. */
  countryAsked: boolean;
  /** The countries the clause names. */
  knownCountries: string[];
  /** The country asked about: the one named, or the only one the data holds. */
  countryId: string | null;
  cues: ComparisonCues;
  /** The user's words that name nothing the data holds, as typed; "" when there are none. */
  unknownWords: string;
  /** Partial names too weak to answer by, offered back. */
  weak: Candidate[];
  /** The country text the question's content words clearly point to. */
  countryText: CountryTextReading | null;
}

/**
 * With no policy named, the question is about a field across policies, a country, or
 * something the data does not hold.
 */
export function resolveUnnamed(catalog: Catalog, reading: UnnamedReading): Reading {
  const { question, tokens, fields, knownCountries, unknownWords, weak, cues } = reading;
  const { orderField, compareCue } = cues;
  // "exchange rate yuan to euro today": money words that only name currencies, with no
  // policy, ask about the currencies themselves, not a policy's budget.
  const currencyAsked = currencyQuestion(tokens, fields);
  if (currencyAsked !== null) {
    return {
      intent: {
        kind: "none",
        text: `I have no data on “${currencyAsked}”. I can give the budgets of ${knownPoliciesText(catalog)}.`,
        suggestions: starterSuggestions(catalog),
      },
      score: DECISION.UNKNOWN_NAME,
      why: "currencies, not a budget",
    };
  }
  // Words the data does not hold are evidence against every reading: a name ("xiongan", "the
  // collaboration platform") rules the question out; ordinary words only lower confidence.
  const out = outOfScopeWords(
    catalog,
    tokens,
    fields.consumed,
    cues.positions,
    question,
    reading.countryAsked,
  );
  // "which policy is the one about hukou?": words the data holds only in one policy's texts
  // describe that policy, and are no unknown name; a partial name beside an unknown word
  // ("olympic torch", "yangtze city cluster") still names something else.
  const described =
    reading.countryId !== null && (weak.length === 0 || out.names.length === 0)
      ? describedPolicy(
          catalog,
          reading.countryId,
          reading,
          new Set([...fields.consumed, ...cues.positions]),
          out.names,
        )
      : null;
  if (described !== null) return described;
  const firmField = [...fields.consumed].some((k) => tokens[k]?.guessed === false);
  const fieldClauses = new Set([...fields.consumed].map((k) => tokens[k]?.clause));
  // Chatter ("haha", "gm") is not quoted back; a question about something unknown is.
  // A field read only from a guessed word ("lit" → literature) is not a question asked.
  const aboutSomething =
    unknownWords !== "" &&
    out.names.length > 0 &&
    (firmField || compareCue || orderField !== null || knownCountries.length > 0);
  const suggestions = weak.slice(0, 3).map((c) => suggestionFor(c.ref, fields.policyField));
  const decline: Reading = {
    intent: {
      kind: "none",
      text: aboutSomething
        ? `I have no data on “${unknownWords}”. I know these cluster policies — ${knownPoliciesText(catalog)}.`
        : `I answer questions about national cluster policies (${knownPoliciesText(catalog)}).`,
      suggestions: suggestions.length > 0 ? suggestions : starterSuggestions(catalog),
    },
    score:
      (out.names.length > 0 ? DECISION.UNKNOWN_NAME : 0) +
      out.ordinary
        .map((t) =>
          // An everyday subject ("the weather in macao") is off-topic unless small talk
          // in another clause than the field's ("quick one before lunch: …").
          fieldClauses.has(t.clause) || (t.everyday && fieldClauses.size === 0)
            ? DECISION.UNPLACED_BESIDE_FIELD
            : questionShaped(question)
              ? DECISION.UNPLACED_WORD
              : DECISION.UNPLACED_IN_REMARK,
        )
        .reduce((sum, w) => sum + w, 0),
    why: out.names.length > 0 ? "a name the data does not hold" : "words the data does not hold",
    ...(out.names.length > 0 ? { ruledOutBy: out.names.map((t) => t.raw).join(" ") } : {}),
  };
  return decideUnnamed(readUnnamed(catalog, reading), decline);
}

/** What a clause naming no policy asks, with how strongly, before out-of-scope evidence. */
function readUnnamed(catalog: Catalog, reading: UnnamedReading): Reading {
  const { tokens, fields, knownCountries, countryId, weak } = reading;
  const { orderField, allCue, compareCue } = reading.cues;
  const weight = fields.weakOnly ? DECISION.WEAK_FIELD : DECISION.FIELD_WORD;
  const policyScore = fields.policyScore * weight;
  const countryScore = fields.countryScore * weight;
  const certain = (intent: Intent, why: string): Reading => ({
    intent,
    score: DECISION.UNKNOWN_NAME,
    why,
  });
  // "why was the representative regional example chosen?", "how is China's idea of clusters
  // different from the European one?": the country's own text holding the question's content
  // words answers, unless a field word asks something else more strongly (a policy partly
  // named too, whose texts it outweighs: "the GBA, not Beijing-Tianjin-Hebei, as the example").
  const text = reading.countryText;
  if (text && countryId !== null && orderField === null && !allCue) {
    const otherCountryField =
      fields.countryField !== "policies" && fields.countryField !== text.field;
    const other =
      Math.max(fields.policyScore, otherCountryField ? fields.countryScore : 0) * weight;
    // Words quoted from the text ("'statistical clusters'") point to it as its passages can.
    const score = text.cited === true ? DECISION.MAX_PASSAGE : passageScore(text.matched.length);
    if (score > other && questionShaped(reading.question)) {
      return {
        intent: textIntent(catalog, countryId, text, tokens),
        score,
        why: "content words found in a country text",
      };
    }
  }

  if (weak.length > 0) {
    const options = weak.slice(0, 3);
    // "hong kong government budget 2024": a year the data has nothing for, with only a partial
    // name, is about something else (this data has no figures for that year).
    const strayYear = tokens.find((t) => isYear(t.stem) && !catalog.dataYears.has(Number(t.stem)));
    if (strayYear) {
      return certain(
        {
          kind: "none",
          text: `I have no data for ${strayYear.raw}. I know these cluster policies — ${knownPoliciesText(catalog)}.`,
          suggestions: options.map((c) => suggestionFor(c.ref, fields.policyField)),
        },
        "a year the data has nothing for",
      );
    }
    return {
      intent: {
        kind: "clarify",
        text: `Did you mean ${policyNames(options.map((c) => c.ref))}?`,
        suggestions: options.map((c) => suggestionFor(c.ref, fields.policyField)),
      },
      score: Math.max(DECISION.CARD, policyScore, countryScore),
      why: "partial names",
    };
  }

  // "how does China compare to the EU?": a country compared with something else, not its
  // policies with each other. A country field asked in words all placed compares within it
  // ("maturity: score per dimension vs the max", "连续性…与欧洲…相比": the text's own contrast).
  // (The EU's priorities named beside it are the other side: "…maturity compare with the EU's?")
  const withinField =
    fields.countryField !== null &&
    fields.countryField !== "policies" &&
    fields.policyField !== "eu_alignment" &&
    reading.unknownWords === "";
  if (compareCue && !allCue && orderField === null && knownCountries.length > 0 && !withinField) {
    return certain(
      {
        kind: "none",
        text: "I can compare policies with each other (e.g. their budgets or start years), not countries with other things.",
        suggestions: starterSuggestions(catalog).slice(1, 2),
      },
      "a country compared with something else",
    );
  }

  // "EU cluster policy maturity": the EU as the subject of a country-level question is a
  // place the data does not cover, not the policies' EU priorities.
  if (
    fields.policyField === "eu_alignment" &&
    fields.countryField !== null &&
    fields.countryField !== "policies" &&
    knownCountries.length === 0
  ) {
    return certain(
      {
        kind: "none",
        text: `I have no data on the EU's own cluster policy; I only cover ${catalog.countries
          .map((c) => c.name)
          .join(", ")}.`,
        suggestions: starterSuggestions(catalog),
      },
      "the EU as a country",
    );
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
    return {
      intent: countryIntent(catalog, countryId, "continuity", tokens),
      score: policyScore,
      why: "a country's duration",
    };
  }

  // "what kind of policy approach does China take": with a country named and no policy, a
  // country field typed after a policy field is the head of the phrase, so the question.
  // ("policies" is no head: "the budgets of all three policies" asks the budgets.)
  const countryFirst =
    knownCountries.length > 0 &&
    fields.countryField !== null &&
    fields.countryField !== "policies" &&
    fields.lastScope === "country";
  // "which policies does the factsheet describe": every policy's summary is the country's
  // list of policies, each with its summary; side by side only when asked to compare.
  const overview =
    fields.policyField === "summary" &&
    !compareCue &&
    countryId !== null &&
    (allCue || knownCountries.length > 0);
  // "how long-running are the policies, continuity-wise?": a country field typed by its own
  // name beats a policy field only described ("how long"), however many words describe it.
  const countryOwnNamed = fields.countryOwnNamed === true && fields.countryField !== "policies";
  const policyFieldWins =
    fields.policyField !== null &&
    fields.policyScore >= fields.countryScore &&
    !countryFirst &&
    !countryOwnNamed &&
    !overview;
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
      return certain(
        {
          kind: "none",
          text: `The data does not rank the ${FIELD_QUESTION_WORDS[field]} of the policies by ${
            orderField === "budget" ? "size" : "date"
          }. I can compare the policies' ${FIELD_QUESTION_WORDS[orderField]}.`,
          suggestions: [`which policy is the ${orderField === "budget" ? "biggest" : "oldest"}`],
        },
        "an order the data does not give",
      );
    }
    // "which has no fixed end date", "哪个政策…": which of them, so all of them side by side —
    // asked beside the field ("… of the policy again? I missed which one" asks one).
    const fieldClauses = new Set([...fields.consumed].map((k) => tokens[k]?.clause));
    const besideField = (k: number): boolean => fieldClauses.has(tokens[k]?.clause);
    // ("which ministry" asks one policy's; "which is regional" reads "is" into the field.)
    const fieldNoun = (k: number): boolean =>
      fields.consumed.has(k) && !AUXILIARIES.has(tokens[k]?.stem ?? "");
    const asksWhich = tokens.some(
      (t, k) =>
        (t.stem === "which" && besideField(k) && !fields.consumed.has(k) && !fieldNoun(k + 1)) ||
        (t.cjk && cjkAsksWhich(t.raw)),
    );
    // (A Chinese cue is read inside its run, which has no word positions.)
    // "sorry to bug you all": "all" after "you" addresses people, not the policies.
    const allPositions = [...reading.cues.positions];
    const cuePositions = allPositions.filter((k) => !addressed(tokens, k));
    const allBeside = allCue && (allPositions.length === 0 || cuePositions.some(besideField));
    // "whose evaluation is weakest": a superlative of quality orders by the field it is said of.
    const cued =
      allBeside || orderField !== null || compareCue || asksWhich || reading.cues.qualityCue;
    if (cued && !asksOfOne(tokens) && countryId !== null) {
      const all = compareAll(
        countryId,
        allScope.map((ref) => ref.policy.id),
        field,
      );
      if (all) return { intent: all, score: policyScore, why: "a field of every policy" };
    }
    if (scope.length === 1 && scope[0]) {
      const intent: Intent = {
        kind: "policy",
        country: scope[0].country.id,
        policy: scope[0].policy.id,
        field,
      };
      return { intent, score: policyScore, why: "the one policy dated so" };
    }
    return {
      intent: {
        kind: "clarify",
        text: `Which policy do you mean? I can give the ${FIELD_QUESTION_WORDS[field]} of ${policyNames(
          scope.slice(0, 5),
        )}${scope.length > 5 ? " and others" : ""}.`,
        suggestions: scope.slice(0, 5).map((ref) => suggestionFor(ref, field)),
      },
      score: policyScore,
      why: "a field of which policy",
    };
  }

  // "cluster policy" alone, no country named: which country's? (Not China's by default.)
  if (fields.weakOnly && fields.countryField === "policies" && knownCountries.length === 0) {
    return {
      intent: {
        kind: "clarify",
        text: `Which country's cluster policies? I have data on ${catalog.countries
          .slice(0, 5)
          .map((c) => c.name)
          .join(", ")}.`,
        suggestions: catalog.countries.slice(0, 5).map((c) => `${c.name} policies`),
      },
      score: countryScore,
      why: "which country",
    };
  }
  if (fields.countryTie.length > 1) {
    const where = catalog.countryById.get(countryId ?? "")?.name ?? "the country";
    const tied = fields.countryTie.map((f) => FIELD_QUESTION_WORDS[f]);
    return {
      intent: {
        kind: "clarify",
        text: `Do you mean ${where}'s ${listNames(tied)}?`,
        suggestions: fields.countryTie.map((f) => `${where} ${FIELD_QUESTION_WORDS[f]}`),
      },
      score: countryScore,
      why: "country fields tied",
    };
  }
  const countryField =
    fields.countryField ?? (knownCountries.length > 0 || overview ? "policies" : null);
  if (countryField !== null) {
    // The country named alone ("China?") asks for its policies, less than any word the data
    // lacks beside it asks something else ("who is the president of china").
    const score = fields.countryField === null ? DECISION.UNPLACED_WORD / 2 : countryScore;
    if (countryId === null) {
      return {
        intent: {
          kind: "clarify",
          text: "Which country do you mean?",
          suggestions: catalog.countries
            .slice(0, 5)
            .map((c) => `${c.name} ${FIELD_QUESTION_WORDS[countryField]}`),
        },
        score,
        why: "which country",
      };
    }
    // "which of China's policies is the oldest": an order over them all, not their list. A
    // country's own text has no order over policies either: "of the three, which has the
    // longest track record?" orders the three, whatever country text "track record" reads.
    const overThem = countryField === "policies" || (allCue && orderField !== null);
    if (((compareCue && allCue) || orderField !== null) && overThem) {
      const all = compareAll(
        countryId,
        policiesOf(catalog, countryId).map((ref) => ref.policy.id),
        orderField ?? fields.policyField,
      );
      if (all) return { intent: all, score: DECISION.FIELD_WORD, why: "an order over policies" };
    }
    return {
      intent: countryIntent(catalog, countryId, countryField, tokens, fields.topicListed),
      score,
      why: "a country field",
    };
  }

  // "which policy is the oldest", "which is the oldest?": a superlative orders all policies, by
  // the field it implies.
  if ((orderField !== null || (compareCue && allCue)) && countryId !== null) {
    const all = compareAll(
      countryId,
      policiesOf(catalog, countryId).map((ref) => ref.policy.id),
      orderField ?? fields.policyField,
    );
    // An order word in a remark ("let's grab lunch later") asks less than in a question.
    const score = questionShaped(reading.question) ? DECISION.FIELD_WORD : DECISION.WEAK_FIELD;
    if (all) return { intent: all, score, why: "an order over policies" };
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
  // "the start year and the end year for the policy": fields tied, of which policy?
  if ((meantOne || policyScore > 0) && countryId !== null) {
    const scope = policiesOf(catalog, countryId).slice(0, 5);
    return {
      intent: {
        kind: "clarify",
        text: `Which policy do you mean: ${policyNames(scope)}?`,
        suggestions: scope.map((ref) => suggestionFor(ref, null)),
      },
      score: Math.max(DECISION.CARD, policyScore),
      why: "one policy meant, not named",
    };
  }

  return {
    intent: {
      kind: "none",
      text: `I answer questions about national cluster policies (${knownPoliciesText(catalog)}).`,
      suggestions: starterSuggestions(catalog),
    },
    score: 0,
    why: "nothing asked",
  };
}

/** Fields policies can be put in order by: dates and money. */
const ORDERED_FIELDS = new Set<string>(["start_year", "end_year", "budget", "funding_source"]);

/** Every Chinese field word: after a which-word it names what is asked ("哪些行业"). */
const CJK_FIELD_NOUNS = Object.values(CJK_FIELD_WORDS).flat();

/**
 * "哪个政策…", "哪个?": which of the policies. A field word right after the which-word asks
 * which of that field's values ("哪些行业" = which sectors, "哪个部门" = which ministry), of
 * one policy, so it is no cue for all of them.
 */
function cjkAsksWhich(raw: string): boolean {
  return CJK_WHICH_WORDS.some((w) =>
    [...raw.matchAll(new RegExp(w, "gu"))].some(
      (m) => !CJK_FIELD_NOUNS.some((f) => raw.startsWith(f, m.index + w.length)),
    ),
  );
}

/** Words that point at a policy already in mind, or ask for more of it ("info"). */
const REQUEST_WORDS = new Set(["info", "information", "details", "more"]);
const PRONOUNS = new Set(["it", "its", "this", "that"]);
const CJK_REFERRING_WORDS = new Set(["它", "这个", "该政策", "这项"]);

/** Words that point at one thing already known: "the plan", "this programme". */
const DEFINITE_WORDS = new Set(["the", "this", "that"]);

const ADDRESSEES = new Set(ONE_OR_MANY_WORDS.addressees);
const AUXILIARIES = new Set(ASKING_WORDS.auxiliaries);
const EACH = new Set(ONE_OR_MANY_WORDS.each);
const PRONOUNS_OF_MANY = new Set(ONE_OR_MANY_WORDS.pronouns_of_many);
/** "policy", "plan"…: what "the …" names one policy by; their plurals name several. */
const ONE_POLICY_NOUNS = new Set(NAME_NOUNS);
const MANY_POLICIES = new Set([
  ...NAME_NOUNS.map((noun) => (noun.endsWith("y") ? `${noun.slice(0, -1)}ies` : `${noun}s`)),
  ...ONE_OR_MANY_WORDS.many,
]);

function addressed(tokens: readonly QuestionToken[], k: number): boolean {
  return ADDRESSEES.has(tokens[k - 1]?.raw.toLowerCase() ?? "");
}

/**
 * "what instruments does it use? … my comparison grid", "the objectives of the policy? i need
 * to cite them": a question about one policy ("it", "the policy") that names none asks which
 * one, whatever cue elsewhere looks like a comparison. A word for several policies ("both",
 * "each one", "them") keeps it a question of all of them, except that "the policy" outweighs a
 * bare pronoun.
 */
function asksOfOne(tokens: readonly QuestionToken[]): boolean {
  const words = tokens.map((t) => t.raw.toLowerCase());
  const namesOne = words.some(
    (w, k) => ONE_POLICY_NOUNS.has(w) && ["the", "this", "that"].includes(words[k - 1] ?? ""),
  );
  const pronoun = words.some((w) => w === "it" || w === "its");
  // "这个政策", "该政策", "它": one policy in mind; "所有政策", "三个政策": all of them.
  const cjk = tokens.filter((t) => t.cjk).map((t) => t.raw);
  const cjkOne = cjk.some((raw) => [...CJK_REFERRING_WORDS].some((w) => raw.includes(w)));
  const cjkMany = cjk.some((raw) => CJK_ALL_WORDS.some((w) => raw.includes(w)));
  if (cjkMany) return false;
  if (cjkOne) return true;
  const strongMany = words.some(
    (w, k) =>
      MANY_POLICIES.has(w) ||
      (EACH.has(w) &&
        (words[k + 1] === undefined ||
          ["one", "of"].includes(words[k + 1] ?? "") ||
          ONE_POLICY_NOUNS.has(words[k + 1] ?? ""))),
  );
  const weakMany = words.some((w, k) => PRONOUNS_OF_MANY.has(w) && !addressed(tokens, k));
  if (strongMany) return false;
  if (namesOne) return true;
  return pronoun && !weakMany;
}
