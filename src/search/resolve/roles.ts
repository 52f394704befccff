import { POLICY_FIELDS, type PolicyField } from "../../dataset/schema.ts";
import { phraseStems } from "../../model/normalize.ts";
import { ASKING_WORDS, ROLE_WORDS } from "../vocabulary.ts";
import { ARTICLES, holds, type QuestionToken } from "./tokens.ts";

/**
 * Readers of a word's role in its sentence. The field words say which fields a question's words
 * could name; the role says which of them is asked: "what does TORCH give start-ups?" names a
 * kind of beneficiary, but as the one given to, so the question asks what is given.
 */

/** Policy field words found at some positions (strong words only). */
export interface FieldMatch {
  indices: readonly number[];
  fields: readonly PolicyField[];
}

const PROVISION = ROLE_WORDS.provision;
const stemsOf = (phrases: readonly string[]): string[][] =>
  phrases.map(phraseStems).filter((p) => p.length > 0);
const joined = (phrases: readonly string[]): ReadonlySet<string> =>
  new Set(stemsOf(phrases).map((p) => p.join(" ")));

const RECIPIENTS = joined(PROVISION.recipients);
const PROVISION_VERBS = stemsOf(PROVISION.verbs);
const ASKING_RECIPIENT = stemsOf(PROVISION.asking_recipient);
const WHO = new Set(["who", "whom", "whose"]);
/** "which small firms get support": one word may stand between the asking words and the noun. */
const ASKED_GAP = 1;

const matchStems = (tokens: readonly QuestionToken[], match: FieldMatch): string =>
  match.indices.map((k) => tokens[k]?.stem ?? "").join(" ");

/** A kind of beneficiary ("start-ups", "SMEs") read as the recipient field. */
export function isRecipientWord(tokens: readonly QuestionToken[], match: FieldMatch): boolean {
  return (
    match.fields.includes(PROVISION.recipient_field) && RECIPIENTS.has(matchStems(tokens, match))
  );
}

/**
 * "which companies get support", "what kinds of firms does it help", "who does it give money
 * to": the receiver is what is asked. An article between ("what a start-up can tap into") opens
 * a noun of its own, so the wh-word before it is not its determiner.
 */
function recipientAsked(tokens: readonly QuestionToken[], first: number): boolean {
  const clause = tokens[first]?.clause;
  const inClause = tokens.filter((t) => t.clause === clause);
  if (inClause.some((t) => WHO.has(t.stem))) return true;
  const stems = tokens.map((t) => t.stem);
  for (let gap = 0; gap <= ASKED_GAP; gap++) {
    const between = tokens.slice(first - gap, first);
    if (between.some((t) => ARTICLES.has(t.stem) || t.clause !== clause)) break;
    if (ASKING_RECIPIENT.some((p) => holds(stems, p, first - gap - p.length))) return true;
  }
  return false;
}

/**
 * The clause gives or offers something besides the receiver: a word asking for the thing
 * ("what"), a word the data does not hold ("free rent", "hire"), or another field's word
 * ("incubators", "money"); not across an "or" from the receiver, which offers another receiver
 * ("…companies or universities", "does it help normal people or just companies?"). "do
 * startups get anything from it?" asks whether they benefit at all.
 */
function somethingProvided(
  tokens: readonly QuestionToken[],
  clause: number,
  recipient: ReadonlySet<number>,
  others: ReadonlySet<number>,
): boolean {
  const [first, last] = [Math.min(...recipient), Math.max(...recipient)];
  const alternatives = tokens.flatMap((t, k) => (PROVISION.alternatives.has(t.stem) ? [k] : []));
  const offered = (k: number): boolean =>
    alternatives.some((a) => (k < a && a < first) || (last < a && a < k));
  return tokens.some(
    (t, k) =>
      t.clause === clause &&
      !offered(k) &&
      !recipient.has(k) &&
      (PROVISION.provided_markers.has(t.stem) ||
        others.has(k) ||
        (t.unknown && !t.used && !t.cjk && t.filler !== true)),
  );
}

/**
 * The kinds of beneficiary a question names as receivers of what a policy provides: "what does
 * TORCH give start-ups?", "do startups get free rent from torch?", "does it help start-ups
 * hire?". Their words ask the provided field; "does torch support SMEs?" (nothing provided
 * named) and "which companies get support?" (the receiver asked) keep the recipient field.
 */
export function recipientsOfProvision(
  tokens: readonly QuestionToken[],
  matches: readonly FieldMatch[],
): FieldMatch[] {
  const stems = tokens.map((t) => t.stem);
  const others = new Set(
    matches.filter((m) => !isRecipientWord(tokens, m)).flatMap((m) => [...m.indices]),
  );
  return matches.filter((match) => {
    if (!isRecipientWord(tokens, match)) return false;
    const first = match.indices[0] ?? 0;
    const clause = tokens[first]?.clause;
    if (clause === undefined || recipientAsked(tokens, first)) return false;
    const verb = tokens.some(
      (t, k) => t.clause === clause && PROVISION_VERBS.some((v) => holds(stems, v, k)),
    );
    return verb && somethingProvided(tokens, clause, new Set(match.indices), others);
  });
}

const LIST_NOUNS: readonly { field: PolicyField; nouns: ReadonlySet<string> }[] =
  POLICY_FIELDS.flatMap((field) => {
    const nouns = ROLE_WORDS.list_nouns[field];
    return nouns === undefined ? [] : [{ field, nouns: joined(nouns) }];
  });

/** The list fields a question names by the list's own noun ("one of torch's goals"). */
export function namedLists(
  tokens: readonly QuestionToken[],
  matches: readonly FieldMatch[],
): Set<PolicyField> {
  const named = new Set<PolicyField>();
  for (const match of matches) {
    const words = matchStems(tokens, match);
    for (const { field, nouns } of LIST_NOUNS) {
      if (match.fields.includes(field) && nouns.has(words)) named.add(field);
    }
  }
  return named;
}

const WH = new Set(ASKING_WORDS.wh.flatMap(phraseStems));
const AUXILIARIES = new Set(ASKING_WORDS.auxiliaries.flatMap(phraseStems));
const CLAUSE_JOINS = stemsOf(ROLE_WORDS.clauses.joins);
const LEAD_INS = ROLE_WORDS.clauses.lead_ins;
/** The words that open a condition ("if"): "so" of "if so" opens much else. */
const CONDITION_WORDS = new Set(ASKING_WORDS.conditions.map((c) => phraseStems(c)[0] ?? ""));

/** The sentence so far asks: a wh-word before, or it opens with an auxiliary ("does it…"). */
function asksBefore(tokens: readonly QuestionToken[], k: number): boolean {
  const sentence = tokens[k]?.sentence;
  const before = tokens.slice(0, k).filter((t) => t.sentence === sentence && t.filler !== true);
  return before.some((t) => WH.has(t.stem)) || AUXILIARIES.has(before[0]?.stem ?? "");
}

/**
 * Where a second question of the same sentence begins: "Where does the money come from, and how
 * much?", "When did it start, and how long will it run?", "What was the total, and over which
 * years?". A wh-word after a join word or a clause break (prepositions between), in a sentence
 * already asking. Null when the sentence asks once.
 */
export function secondQuestionAt(tokens: readonly QuestionToken[]): number | null {
  const stems = tokens.map((t) => t.stem);
  for (let k = 1; k < tokens.length; k++) {
    const token = tokens[k];
    if (token === undefined || token.cjk || !WH.has(token.stem)) continue;
    // "…, and over which years?": prepositions and hedges before the wh-word belong to it.
    let j = k - 1;
    // "…, and if so who carries it out?": a condition on the first question opens the second.
    while (
      j >= 0 &&
      (LEAD_INS.has(stems[j] ?? "") ||
        CONDITION_WORDS.has(stems[j] ?? "") ||
        tokens[j]?.filler === true)
    )
      j--;
    const join = CLAUSE_JOINS.find((p) => holds(stems, p, j - p.length + 1));
    const opener = tokens[j + 1] ?? token;
    const broken = j >= 0 && tokens[j]?.clause !== opener.clause;
    if (join === undefined && !broken) continue;
    const end = join === undefined ? j + 1 : j - join.length + 1;
    if (tokens[j]?.sentence !== token.sentence) continue;
    if (end > 0 && asksBefore(tokens, end)) return end;
  }
  return null;
}

const AUTHORSHIP = joined(ROLE_WORDS.authorship.verbs);

/**
 * "who wrote the Greater Bay Area plan?": an author's verb whose object is a policy's name
 * (`named`: positions of names) asks who drafted the policy, not where the factsheet's words
 * come from. The field so asked, else null.
 */
export function authorOfPolicy(
  tokens: readonly QuestionToken[],
  indices: readonly number[],
  named: ReadonlySet<number>,
): PolicyField | null {
  if (!AUTHORSHIP.has(indices.map((k) => tokens[k]?.stem ?? "").join(" "))) return null;
  let k = (indices.at(-1) ?? 0) + 1;
  while (ARTICLES.has(tokens[k]?.stem ?? "")) k++;
  return named.has(k) ? ROLE_WORDS.authorship.of_policy : null;
}
