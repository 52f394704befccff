import type { Intent } from "../../model/intent.ts";
import { POLICY_FIELDS, type PolicyField } from "../../dataset/schema.ts";
import { policyName } from "../../model/names.ts";
import { FIELD_QUESTION_WORDS, type Catalog, type FieldName, type PolicyRef } from "../catalog.ts";
import { compareAll } from "./compare.ts";
import { isYear, type QuestionToken } from "./tokens.ts";
import { countryIntent, textIntent } from "./country.ts";
import { asksYesNo, itemPassage, passageIntent, questionShaped } from "./passages.ts";
import { listItemText } from "./list-items.ts";
import { ASKABLE_FIELDS, knownPoliciesText, listNames, suggestionFor } from "./replies.ts";
import type { ClauseEvidence } from "./clause.ts";
import { CJK_WHEN_WORDS, OFFERED_VALUE_WORDS } from "../vocabulary.ts";
import { fieldClassifierOf, similarField, type FieldGuess } from "./field-similarity.ts";

/**
 * Every weight and threshold of the decision, in one place. A reading's score is the sum of
 * its evidence; the best reading is taken when it is good enough and leads the next one by
 * the margin, else the question is asked back with the top readings.
 */
export const DECISION = {
  /** Each field word typed in full (a field named twice counts twice). */
  FIELD_WORD: 2,
  /** A field read only from weak words ("when", "big") or a guessed one ("lit" → literature). */
  WEAK_FIELD: 0.8,
  /**
   * Each content word a sentence or list item of the policy's texts holds, growing with their
   * number: three words of one passage outweigh one field word typed in full.
   */
  PASSAGE_WORD: 0.6,
  MAX_PASSAGE: 3,
  /**
   * A country text (approach, continuity, consistency, maturity rules, sources) is read as
   * asked when its weight of the question's words, each by its rarity across the country's
   * texts, is this many times that of any other text, its policies' included.
   */
  COUNTRY_TEXT_LEAD: 1.5,
  /** …holding at least this many of them (one more beside a policy's name). */
  COUNTRY_TEXT_WORDS: 2,
  /** The overview card: what a bare name asks for when nothing else is asked. */
  CARD: 0.5,
  /** Each content word nothing could place: the question asks something the data lacks. */
  UNPLACED_WORD: 0.35,
  /** …and twice that in a remark rather than a question ("…finished the literature review"). */
  UNPLACED_IN_REMARK: 0.6,
  /**
   * With no policy named, each such word in the clause of the field words qualifies what is
   * asked ("proofread my essay introduction"): three of them outweigh one field word.
   */
  UNPLACED_BESIDE_FIELD: 0.7,
  /**
   * A name the data does not hold ("xiongan", "the collaboration platform"), another country,
   * an off-topic subject: positive evidence that the question is out of scope, which rules out
   * any reading (above any score evidence adds up to).
   */
  UNKNOWN_NAME: 100,
  /** Each unplaced word outside what is asked ("the short version of", "I've heard…"). */
  OFF_FOCUS: 0.1,
  /**
   * An item of the series' fixed lists named in this many of its words (or more) is as clear as
   * a field word: "promoting entrepreneurship, start-ups and spin-offs" asks the objectives,
   * although "start-ups" alone is a beneficiary.
   */
  ITEM_WORDS: 3,
  /** Two readings of different fields closer than this, neither typed as a field, are asked back. */
  MARGIN: 0.15,
  /**
   * The field the question's likeness to labelled phrasings points to (field-examples.json),
   * where the rules leave what is asked open (the card, a weak field word, two fields too close):
   * above a weak word and the card, below a field word typed in full or a passage of two words.
   */
  SIMILAR: 0.9,
  /** …when a field reading it agrees with is already there: that reading's score plus this. */
  SIMILAR_AGREES: 0.3,
  /** …counted only when its share of the nearest examples' votes is at least this… */
  SIMILAR_SHARE: 0.6,
  /** …leads the runner-up field's share by this… */
  SIMILAR_LEAD: 0.3,
  /** …and the nearest example is at least this like the question (cosine of tf-idf vectors). */
  SIMILAR_NEAREST: 0.4,
} as const;

/** A passage's score by how many of the question's content words it holds. */
export const passageScore = (matched: number): number =>
  Math.min(DECISION.MAX_PASSAGE, matched * DECISION.PASSAGE_WORD * (1 + (matched - 1) / 4));

export interface Reading {
  intent: Intent;
  score: number;
  /** What settled it, for `ask --explain`. */
  why: string;
  /** The name the data does not hold that rules the question out, if that settled it. */
  ruledOutBy?: string;
  /** The rules leave what is asked open: the card, a weak field word, two fields too close. */
  open?: boolean;
}

/** The best reading, or a question back naming the two that tie. */
function choose(readings: Reading[], ref: PolicyRef): Reading {
  const sorted = [...readings].sort((a, b) => b.score - a.score);
  const [best, second] = sorted;
  if (!best) return { intent: unplacedDecline(ref, ""), score: 0, why: "nothing read" };
  const fieldOf = (r: Reading): FieldName | null =>
    r.intent.kind === "policy" || r.intent.kind === "country" ? r.intent.field : null;
  const close =
    second !== undefined &&
    best.score < DECISION.FIELD_WORD &&
    best.score - second.score < DECISION.MARGIN &&
    fieldOf(best) !== null &&
    fieldOf(second) !== null &&
    fieldOf(best) !== fieldOf(second);
  if (close) {
    const fields = [fieldOf(best), fieldOf(second)].flatMap((f) =>
      f === null ? [] : [FIELD_QUESTION_WORDS[f]],
    );
    return {
      intent: {
        kind: "clarify",
        text: `Do you mean ${policyName(ref.policy)}'s ${listNames(fields)}?`,
        suggestions: fields.map((f) => `${ref.policy.short_name} ${f}`),
      },
      score: best.score,
      why: "two readings too close to call",
      open: true,
    };
  }
  return best;
}

function unplacedDecline(ref: PolicyRef, words: string): Intent {
  const about = words === "" ? "that" : `“${words}”`;
  return {
    kind: "none",
    text: `The factsheet doesn't say anything about ${about} for ${policyName(ref.policy)}. I can tell you its ${listNames(
      ASKABLE_FIELDS.map((f) => FIELD_QUESTION_WORDS[f]),
      "and",
    )}.`,
    suggestions: ASKABLE_FIELDS.slice(0, 3).map((f) => suggestionFor(ref, f)),
  };
}

/**
 * One policy named: the readings of what is asked of it compete — a field by its words, a
 * passage of its own texts by the question's content words, a country field, the overview
 * card — against the evidence that it asks something the data does not hold.
 */
export function decideForPolicy(catalog: Catalog, ev: ClauseEvidence, ref: PolicyRef): Reading {
  const { fields, passage, unplaced, focused } = ev;
  const readings: Reading[] = [];
  const fieldWeight = ev.firmField && !fields.weakOnly ? DECISION.FIELD_WORD : DECISION.WEAK_FIELD;
  if (fields.policyField !== null) {
    readings.push({
      intent: {
        kind: "policy",
        country: ref.country.id,
        policy: ref.policy.id,
        field: fields.policyField,
        ...(ev.part ? { passage: ev.part } : {}),
        ...(fields.secondary?.[0] !== undefined ? { also: fields.secondary[0] } : {}),
      },
      score: fields.policyScore * fieldWeight,
      why: "policy field",
      ...(fieldWeight === DECISION.WEAK_FIELD ? { open: true } : {}),
    });
  }
  // "what cluster policies does China have besides Torch?": the country's policies asked of
  // the country named outright list them all, the one named among them.
  const countryNamed = ev.tokens.some((t) => t.used && catalog.countryStems.has(t.stem));
  const ofCountry = fields.countryField !== "policies" || countryNamed;
  if (fields.countryField !== null && ev.countryAsked && ofCountry) {
    const intent: Intent =
      fields.countryField === "sources"
        ? { kind: "country", country: ref.country.id, field: "sources", policy: ref.policy.id }
        : countryIntent(
            catalog,
            ref.country.id,
            fields.countryField,
            ev.tokens,
            fields.topicListed,
          );
    // A country field outscoring the policy's words wins the tie of equal weights; so does one
    // named outright beside its country ("China's consistency rating … when City Clusters
    // started"), over a policy field only described.
    const outright =
      fields.countryScore === fields.policyScore && fields.countryOwnNamed === true && countryNamed;
    const lead = fields.countryScore > fields.policyScore || outright ? 0.01 : -0.01;
    readings.push({
      intent,
      score: fields.countryScore * fieldWeight + lead,
      why: "country field beside a policy",
    });
  }
  // "is Torch really from 1988?", "the GBA plan = 2019, true?": a year said of a policy,
  // nothing else asked, checks one of its dates: its end when the year is its end, else its start.
  // A year the data never dates anything by ("GDP in 2023") asks about something else.
  // "in 2006 or 2016?", "the 80s or the 90s?", "1bn or 2bn?": values offered as alternatives
  // ask for that fact, whether or not the data dates anything by them.
  // "does it run beyond 2030?": a year after a bound is a threshold on the date its verb names.
  const offered = offeredValues(ev.tokens);
  const year =
    ev.tokens.find((t) => isYear(t.stem) && !t.used && catalog.dataYears.has(Number(t.stem))) ??
    (offered?.kind === "date" ? offered.tokens[0] : undefined);
  const dateField =
    ev.cues.yearBound ??
    (year ? (Number(year.stem) === ref.policy.end_year.value ? "end_year" : "start_year") : null);
  const valueField = offered?.kind === "amount" ? "budget" : dateField;
  if (fields.policyField === null && fields.countryField === null && valueField) {
    readings.push({
      intent: { kind: "policy", country: ref.country.id, policy: ref.policy.id, field: valueField },
      score: DECISION.WEAK_FIELD,
      why: offered ? "alternative values of a fact" : "a year said of a policy",
    });
  }
  // "why was the GBA kept as the representative regional example?": the country's text
  // holding the content words better than the policy's own texts answers.
  if (ev.countryText !== null) {
    const { field } = ev.countryText;
    readings.push({
      intent:
        field === "sources"
          ? { kind: "country", country: ref.country.id, field, policy: ref.policy.id }
          : textIntent(catalog, ref.country.id, ev.countryText, ev.tokens),
      score: passageScore(ev.countryText.matched.length),
      why: "content words found in a country text",
    });
  }
  // "is 'promoting social and sustainable economy' one of TORCH's objectives?": an item of the
  // series' list, named in several of its words, asks that list (and "no" when not listed).
  const item = ev.listItem;
  if (item !== null) {
    const named = item.listNamed || fields.policyField === item.field;
    readings.push({
      intent: passageIntent(ref, {
        text: listItemText(ref, item, asksYesNo(ev.question)),
        section: ref.policy[item.field].source,
        field: item.field,
      }),
      // The item says more than the field words it agrees with: it leads the answer.
      score: Math.max(
        passageScore(item.matched) +
          (named ? DECISION.FIELD_WORD : 0) +
          (item.matched >= DECISION.ITEM_WORDS ? DECISION.FIELD_WORD : 0),
        fields.policyField === item.field ? fields.policyScore * fieldWeight + 0.01 : 0,
      ),
      why: "an item of the series' lists",
    });
  }
  if (passage !== null) {
    // "In what year did the government approve TORCH?": a year is the answer asked for, so a
    // sentence giving the policy's start or end year answers as that date, quoted.
    const quoted = passage.item ? itemPassage(ref, passage, ev.question) : passage;
    const dated = asksYear(ev.tokens) ? datedBy(ref, passage.text) : null;
    readings.push({
      intent: passageIntent(ref, dated === null ? quoted : { ...quoted, field: dated }),
      score: passageScore(passage.matched),
      why: "content words found in a passage",
    });
  }
  const asked = questionShaped(ev.question) || ev.asking;
  const values = unplaced.filter((t) => offered?.tokens.includes(t)).length;
  const unplacedScore = asked
    ? Math.max(0, focused - values) * DECISION.UNPLACED_WORD
    : unplaced.length * DECISION.UNPLACED_IN_REMARK;
  const offFocus = asked ? (unplaced.length - focused) * DECISION.OFF_FOCUS : 0;
  readings.push({
    intent: { kind: "policy", country: ref.country.id, policy: ref.policy.id, field: null },
    score: DECISION.CARD - unplacedScore - offFocus,
    why: "the name alone",
    open: true,
  });
  if (unplacedScore > 0) {
    readings.push({
      intent: ev.chatter
        ? {
            kind: "none",
            text: `I answer questions about national cluster policies (${knownPoliciesText(catalog)}).`,
            suggestions: ASKABLE_FIELDS.slice(0, 3).map((f) => suggestionFor(ref, f)),
          }
        : unplacedDecline(ref, ev.unknownWords || unplaced.map((t) => t.raw).join(" ")),
      score: unplacedScore,
      why: ev.chatter ? "everyday words only" : "words the data does not hold",
    });
  }
  const decided = choose(readings, ref);
  // Only where the rules leave it open (no field word, weak ones, two too close to call: not a
  // list of fields, which the card answers), or decline on words no field word lists.
  const listed = fields.policyField === null && fields.policyScore > 0 && !fields.weakOnly;
  const declined = decided.intent.kind === "none" && !ev.chatter && unplacedScore > 0;
  const open = decided.open === true && unplacedScore === 0 && !listed;
  const guess = open || declined ? clearGuess(catalog, ev) : null;
  if (guess === null || guess.label === "card" || !isPolicyField(guess.label)) return decided;
  const field = guess.label;
  // "when did it come into force?": a word no reader placed is a way of asking the field when
  // that field's own examples hold it; any other ("who is its mascot?") asks what the data
  // lacks, and the decline stands.
  const classifier = fieldClassifierOf(catalog);
  if (declined && !unplaced.every((t) => classifier.holds(field, t.stem))) return decided;
  const agreeing = readings.find((r) => r.intent.kind === "policy" && r.intent.field === field);
  const similar: Reading = {
    intent: { kind: "policy", country: ref.country.id, policy: ref.policy.id, field },
    score: Math.max(DECISION.SIMILAR, (agreeing?.score ?? 0) + DECISION.SIMILAR_AGREES),
    why: similarWhy(guess),
  };
  const kept = readings.filter((r) => r !== agreeing && !(declined && r.intent.kind === "none"));
  return choose([...kept, similar], ref);
}

/** "when…", "in what year…", "哪一年": the answer asked for is a year. */
function asksYear(tokens: readonly QuestionToken[]): boolean {
  return tokens.some(
    (t, k) =>
      t.stem === "when" ||
      (WHICH.has(t.stem) && /^years?$/u.test(tokens[k + 1]?.typed ?? "")) ||
      (t.cjk && CJK_WHEN_WORDS.some((w) => t.raw.includes(w))),
  );
}
const WHICH = new Set(["what", "which"]);

/** The date field a sentence gives the policy's year of, if it gives one. */
function datedBy(ref: PolicyRef, text: string): PolicyField | null {
  const { start_year: start, end_year: end } = ref.policy;
  if (text.includes(String(start.value))) return "start_year";
  return end.value !== null && text.includes(String(end.value)) ? "end_year" : null;
}

/** The field the phrasing is like, when it clearly leads: else null. */
function clearGuess(catalog: Catalog, ev: ClauseEvidence): FieldGuess | null {
  const guess = similarField(catalog, ev.tokens);
  if (guess === null) return null;
  const clear =
    guess.share >= DECISION.SIMILAR_SHARE &&
    guess.share - guess.runnerUpShare >= DECISION.SIMILAR_LEAD &&
    guess.nearest >= DECISION.SIMILAR_NEAREST;
  return clear ? guess : null;
}

const isPolicyField = (label: string): label is PolicyField =>
  POLICY_FIELDS.some((f) => f === label);

const similarWhy = (guess: FieldGuess): string =>
  `phrased like ${guess.label} questions (${guess.share.toFixed(2)} of the votes, ${
    guess.runnerUp ?? "none"
  } ${guess.runnerUpShare.toFixed(2)})`;

/** A value's kind: a date (a year, a decade: "the 80s") or an amount ("10bn", "5 million"). */
function valueKind(token: QuestionToken | undefined, next: QuestionToken | undefined) {
  if (token === undefined) return null;
  if (isYear(token.stem) || /^(?:1[89]|20)?\d0s$/.test(token.stem)) return "date";
  const amount = /^\d+(?:[.,]\d+)?(?:k|m|mn|bn|b|million|billion)$/u.test(token.stem);
  return amount || (/^\d/.test(token.stem) && AMOUNT_WORDS.has(next?.stem ?? "")) ? "amount" : null;
}
const AMOUNT_WORDS: ReadonlySet<string> = new Set(OFFERED_VALUE_WORDS.scales);
const BEFORE_VALUE: ReadonlySet<string> = new Set(OFFERED_VALUE_WORDS.skipped);

/** Two values of one kind either side of "or" ("2006 or 2016", "the 80s or the 90s"). */
function offeredValues(tokens: readonly QuestionToken[]) {
  for (const [k, token] of tokens.entries()) {
    if (token.stem !== "or") continue;
    const at = (j: number, step: number): number =>
      BEFORE_VALUE.has(tokens[j]?.stem ?? "") ? at(j + step, step) : j;
    let before = at(k - 1, -1);
    if (AMOUNT_WORDS.has(tokens[before]?.stem ?? "")) before -= 1;
    const after = at(k + 1, 1);
    const kind = valueKind(tokens[before], tokens[before + 1]);
    if (kind !== null && kind === valueKind(tokens[after], tokens[after + 1])) {
      return { kind, tokens: [tokens[before], tokens[after]].flatMap((t) => (t ? [t] : [])) };
    }
  }
  return null;
}

/**
 * Two or more policies named: side by side by the field asked, or their country's field
 * ("how do they score on maturity? Torch, …") asked with no policy field, or named outright.
 */
export function decideForPolicies(
  catalog: Catalog,
  ev: ClauseEvidence,
  refs: readonly PolicyRef[],
): Reading {
  const first = refs[0];
  const { countryField, policyField, countryOwnNamed, topicListed } = ev.fields;
  const countryNamed = ev.tokens.some((t) => t.used && catalog.countryStems.has(t.stem));
  const ofCountry = countryField !== "policies" || (countryNamed && !ev.cues.compareCue);
  if (first && countryField && ofCountry && (!policyField || countryOwnNamed)) {
    const intent = countryIntent(catalog, first.country.id, countryField, ev.tokens, topicListed);
    return { intent, score: DECISION.FIELD_WORD, why: "a country field of several policies" };
  }
  const ruled = ev.fields.policyField ?? ev.cues.orderField;
  // "how do Torch and the GBA differ in who pays?": no field word, the phrasing says which.
  const noFieldWord = ev.fields.policyScore === 0 && ev.fields.countryScore === 0;
  const guess =
    ruled === null && noFieldWord && ev.unplaced.length === 0 ? clearGuess(catalog, ev) : null;
  const similar = guess !== null && isPolicyField(guess.label) ? guess.label : null;
  return {
    intent: {
      kind: "compare",
      country: first?.country.id ?? "",
      policies: refs.map((ref) => ref.policy.id).sort(),
      field: ruled ?? similar,
    },
    score: DECISION.FIELD_WORD,
    why: guess !== null && similar !== null ? similarWhy(guess) : "two or more names",
  };
}

/** One policy named with a compare or order cue: all policies, or which to compare with. */
export function decideComparison(
  catalog: Catalog,
  ev: ClauseEvidence,
  ref: PolicyRef,
): Reading | null {
  const { compareCue, allCue, orderField } = ev.cues;
  const field = ev.fields.policyField ?? orderField;
  if ((compareCue || orderField !== null) && allCue) {
    const all = compareAll(
      ref.country.id,
      ref.country.policies.map((p) => p.id),
      field,
    );
    if (all) return { intent: all, score: DECISION.FIELD_WORD, why: "compare all policies" };
  }
  if (!compareCue || ev.fields.countryField !== null || fieldBesideCue(catalog, ev)) return null;
  const others = ref.country.policies.filter((p) => p.id !== ref.policy.id).slice(0, 5);
  return {
    intent: {
      kind: "clarify",
      text: `Compare ${ref.policy.short_name} with which policy?`,
      suggestions: others.map(
        (p) =>
          `compare ${ref.policy.short_name} and ${p.short_name}${
            field ? ` ${FIELD_QUESTION_WORDS[field]}` : ""
          }`,
      ),
    },
    score: DECISION.FIELD_WORD,
    why: "compare with which",
  };
}

/**
 * "GBA vs EU priorities - aligned?", "TORCH's toolkit: financial levers vs. technical
 * assistance": the name before the cue, a field word typed in full right after it and nothing
 * unknown there set the policy against its own field, not against another policy ("compare
 * torch budget", "how does torch compare on budget" still ask with which).
 */
function fieldBesideCue(catalog: Catalog, ev: ClauseEvidence): boolean {
  if (ev.fields.policyField === null || !ev.firmField || ev.fields.weakOnly) return false;
  const cue = Math.min(...ev.cues.positions);
  const nameBefore = ev.tokens.some(
    (t, k) => k < cue && t.used && !t.cjk && catalog.postings.has(t.stem),
  );
  const fieldAfter = ev.fields.consumed.has(Math.max(...ev.cues.positions) + 1);
  const unknownAfter = ev.unplaced.some((t) => ev.tokens.indexOf(t) > cue);
  return nameBefore && fieldAfter && !unknownAfter;
}

/**
 * No policy named: what is asked (a field of every policy or of which one, a country field,
 * an order) against the evidence that it is out of scope. Ordinary words the data lacks only
 * lower the confidence of what is asked; a decline needs them to outweigh it, or a name.
 */
export function decideUnnamed(asked: Reading, outOfScope: Reading): Reading {
  if (outOfScope.score > 0 && outOfScope.score >= asked.score) return outOfScope;
  return asked;
}
