import { stemToken } from "../../model/normalize.ts";
import { ASKING_WORDS } from "../vocabulary.ts";
import type { QuestionToken } from "./tokens.ts";

export const WH = new Set(ASKING_WORDS.wh.map(stemToken));
export const AUXILIARY = new Set(ASKING_WORDS.auxiliaries.map(stemToken));
export const REQUEST = new Set(ASKING_WORDS.requests.map(stemToken));
const PURPOSE = new Set(ASKING_WORDS.purposes.map(stemToken));
/** "I doubt…", "prove me wrong": the asker's stance on a claim, which asks to check it. */
export const STANCE = new Set(ASKING_WORDS.stance.map(stemToken));
const REFERRING = new Set(["it", "its", "they", "them", "this", "that", "these", "those"]);

/**
 * The unplaced words that are what the question asks for: those after its wh-word or opening
 * auxiliary, in that clause ("what is torch's carbon footprint", "does the GBA plan cover
 * space tourism"); with no such word, those of a clause holding the name or a field word that
 * does not open as a request. The rest say how to answer or who asks ("gimme the short
 * version", "I've heard conflicting things", "name the agency pls"): they lower confidence,
 * they do not say the data lacks what is asked.
 */
export function inFocus(
  tokens: readonly QuestionToken[],
  unplaced: readonly QuestionToken[],
  asked: ReadonlySet<number>,
): { focused: number; asking: boolean } {
  const cueAt = new Map<number, number>();
  tokens.forEach((t, k) => {
    const opens = tokens[k - 1]?.clause !== t.clause;
    if (!cueAt.has(t.clause) && (WH.has(t.stem) || (opens && AUXILIARY.has(t.stem)))) {
      cueAt.set(t.clause, k);
    }
  });
  const askedClauses = new Set([...asked].map((k) => tokens[k]?.clause));
  // "city clusters in three sentences. what is it?": a question's pronoun asks about the name.
  const refers = (c: number): boolean =>
    askedClauses.has(c) || tokens.some((t) => t.clause === c && REFERRING.has(t.stem));
  // A question whose asking clauses hold neither the name nor a field word asks about
  // something else ("…city clusters…, how do you deal with procrastination?"): all counts.
  const asksElsewhere = cueAt.size > 0 && ![...cueAt.keys()].some(refers);
  // Chinese is not read for its asking words: all of it counts.
  const chinese = tokens.some((t) => t.cjk);
  // "gimme the short version of torch", "a broad overview of city clusters": a clause asking
  // for a form of answer before it names what.
  // An aside on the form of the answer ("one-liner on torch pls") is such a request too.
  const requests = new Set(
    tokens.filter((t) => REQUEST.has(t.stem) || t.aside === true).map((t) => t.clause),
  );
  const purpose = purposePositions(tokens, asked);
  const focused = unplaced.filter((t) => {
    const k = tokens.indexOf(t);
    if (asksElsewhere || chinese) return true;
    if (purpose.has(k)) return false;
    if (cueAt.size > 0) return k > (cueAt.get(t.clause) ?? Infinity);
    return askedClauses.has(t.clause) && !requests.has(t.clause);
  });
  const stance = tokens.some((t) => STANCE.has(t.stem));
  return { focused: focused.length, asking: cueAt.size > 0 || requests.size > 0 || stance };
}

/**
 * "a short overview of the GBA plan to put on a slide", "… so my manager gets the idea": once
 * a clause has named what it asks about, a purpose word ends the ask; the words after it say
 * what the answer is for, so no text of the policy is looked up by them.
 */
export function purposePositions(
  tokens: readonly QuestionToken[],
  asked: ReadonlySet<number>,
): Set<number> {
  const purposeAt = new Map<number, number>();
  tokens.forEach((t, k) => {
    const afterAsked = [...asked].some((a) => a < k && tokens[a]?.clause === t.clause);
    if (!purposeAt.has(t.clause) && afterAsked && PURPOSE.has(t.stem)) purposeAt.set(t.clause, k);
  });
  const out = new Set<number>();
  tokens.forEach((t, k) => {
    if (k > (purposeAt.get(t.clause) ?? Infinity)) out.add(k);
  });
  return out;
}
