import { findPhrases } from "./cues.ts";
import { NAMES_THE_DATA_LACKS } from "./evidence.ts";
import type { FollowUpDeps } from "./follow-up.ts";
import type { ConversationVocabulary } from "./vocabulary.ts";

/**
 * What a turn's own words say, read part by part: whether it names something besides its
 * subject, where its sentences and clauses lie, and whether a correction opens it.
 */

/**
 * A word of consonants only ("strt", "bdgt", "yr") is shorthand, not the name of something
 * ("Xiongan", "2025", "US" all have a vowel or a digit).
 */
const SHORTHAND = /^[b-df-hj-np-tv-z]+$/iu;

/**
 * Whether a turn the resolver declined holds nothing but what it asks: no country or
 * programme the data lacks, no word it could not place (bar shorthand). Only then may the
 * conversation say its subject ("budget??", "预计到哪一年结束？"); "and Xiongan's budget?" stays
 * declined.
 */
export function asksOnlyOfSubject(text: string, deps: FollowUpDeps): boolean {
  if (namesSomethingElse(text, deps)) return false;
  const evidence = deps.evidence?.(text);
  if (evidence === undefined) return true;
  return !evidence.some(
    (e) =>
      (e.source === "decision" && NAMES_THE_DATA_LACKS.includes(e.span)) ||
      e.source === "unknown name" ||
      (e.source === "unknown word" &&
        !SHORTHAND.test(e.span) &&
        // "bigger" in "which one is bigger?" is placed by the conversation's own words.
        findPhrases(e.span, deps.vocabulary.degreeWords).length === 0),
  );
}

/** The resolver found no policy's name (or a near miss of one) in the text. */
export function namesNoPolicy(text: string, deps: FollowUpDeps): boolean {
  const evidence = deps.evidence?.(text);
  return (
    evidence !== undefined && !evidence.some((e) => e.source === "name" || e.source === "typo")
  );
}

/** Chinese "X的…": the words before a possessive 的 that another Chinese word follows. */
const CJK_OWNER = /([\p{Script=Han}\p{L}\p{N}]{2,})的(?=\p{Script=Han})/gu;

const segmenter = new Intl.Segmenter("zh", { granularity: "word" });
const HAN_CHARACTER = /^\p{Script=Han}$/u;

/** "雄安新区什么时候开始的？": three or more single characters in a row that are not function words. */
function unknownCjkRun(text: string, vocabulary: ConversationVocabulary): boolean {
  let run = 0;
  for (const { segment } of segmenter.segment(text)) {
    const single =
      HAN_CHARACTER.test(segment) && !vocabulary.cjkFunctionCharacters.includes(segment);
    run = single ? run + 1 : 0;
    if (run >= 3) return true;
  }
  return false;
}

/**
 * The turn names a subject of its own in Chinese that the data lacks: a name the segmenter does
 * not know, or an owner "X的…" ("深圳的预算是多少？") the resolver declines on its own. An owner
 * that refers back ("这个规划的") or is itself a field word ("资金的来源") is no other subject.
 */
export function namesSomethingElse(text: string, deps: FollowUpDeps): boolean {
  if (unknownCjkRun(text, deps.vocabulary)) return true;
  for (const match of text.matchAll(CJK_OWNER)) {
    const owner = match[1] ?? "";
    const refs = deps.vocabulary.references;
    if (findPhrases(owner, [...refs.one, ...refs.several, ...refs.all]).length > 0) continue;
    if (deps.resolve(owner).kind === "none") return true;
  }
  return false;
}

/** The sentence of the text that holds the character at `index`. */
export function sentenceAt(text: string, index: number): string {
  for (const match of text.matchAll(/[^?？!！.。]+[?？!！.。]*/gu)) {
    if (index < match.index + match[0].length) return match[0];
  }
  return text;
}

/** Words that may come before a correction and still leave it opening the turn. */
const WORDS_BEFORE_CORRECTION = 2;

/**
 * The words before a cue leave it opening the turn: none, or a word or two of chat the
 * vocabulary does not list ("argh, I meant torch", "oh wait i meant torch"), asking nothing.
 */
export function opensTurn(before: string, deps: FollowUpDeps): boolean {
  const words = before.split(/[^\p{L}\p{N}']+/u).filter((w) => w !== "");
  if (words.length === 0) return true;
  return (
    words.length <= WORDS_BEFORE_CORRECTION &&
    !/\p{Script=Han}/u.test(before) &&
    findPhrases(before, deps.vocabulary.questionWords).length === 0 &&
    // "city clusters, sorry": a name before the cue is what the turn says, not chat.
    namesNoPolicy(before, deps)
  );
}

/**
 * The one policy named in a clause that ends before `index` ("back to torch: …it…", "go back to
 * the bay area one — who pays for it?"), if only in part; null when none or several are.
 */
export function policyInClauseBefore(
  text: string,
  index: number,
  deps: FollowUpDeps,
): string | null {
  const breakAt = text.slice(0, index).search(/[:：;；?？—–](?=[^:：;；?？—–]*$)/u);
  if (breakAt < 0) return null;
  const evidence = deps.evidence?.(text.slice(0, breakAt)) ?? [];
  const ids = new Set(evidence.flatMap((e) => (e.source === "name" && e.about?.policy) || []));
  const [only] = ids;
  return ids.size === 1 && only !== undefined ? only : null;
}

/**
 * The text without the part a negation that does not open it takes back, up to the end of its
 * sentence ("torch not GBA" → "torch"; "evaluation, not beneficiaries. Only for GBA" →
 * "evaluation, Only for GBA").
 */
export function withoutNegatedTail(text: string, vocabulary: ConversationVocabulary): string {
  const negation = findPhrases(text, vocabulary.negations).find((m) => m.start > 0);
  if (negation === undefined) return text;
  const end = text.slice(negation.end).search(/[.!?。！？;；]/u);
  const after = end < 0 ? "" : text.slice(negation.end + end + 1);
  return `${text.slice(0, negation.start)} ${after}`.trim();
}
