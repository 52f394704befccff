import type { PolicyField } from "../../dataset/schema.ts";
import type { Intent } from "../../model/intent.ts";
import type { Catalog, PhraseTable } from "../catalog.ts";
import {
  ASKING_WORDS,
  CJK_ALL_WORDS,
  CJK_COMPARE_WORDS,
  CJK_CONJUNCTIONS,
  CJK_ORDER_WORDS,
  CJK_QUALITY_ORDER_WORDS,
  LIKENESS_WORDS,
  NAME_JOINS,
  ELLIPSIS_WORDS,
  QUANTIFIER_WORDS,
  YEAR_BOUNDS,
} from "../vocabulary.ts";
import { phraseStems } from "../../model/normalize.ts";
import {
  ARTICLES,
  SENTENCE_END,
  hasPhrase,
  holds,
  isYear,
  scanPhrases,
  type QuestionToken,
} from "./tokens.ts";
import { AUXILIARY, REQUEST, WH } from "./focus.ts";
import type { Candidate } from "./policy-match.ts";

/** More policies than this are not compared all at once; the user is asked to pick. */
export const MAX_COMPARE_ALL = 6;

/** The words that make a question compare or order policies rather than ask about one. */
export interface ComparisonCues {
  /** "oldest", "biggest": an order over policies, by the field it implies. */
  orderField: PolicyField | null;
  /** "weakest", "最薄弱": an order over policies by the field it is said of. */
  qualityCue: boolean;
  /** "run beyond 2030", "started before 2000": the date a bound before a year is on. */
  yearBound: PolicyField | null;
  /** "all", "each": every policy in view, not only those named. */
  allCue: boolean;
  compareCue: boolean;
  /** "share", "similar to", "like": a likeness, which compares the policies named. */
  likeCue: boolean;
  /** Words the cues cover, so they are not quoted back as unknown names. */
  positions: Set<number>;
}

/** Chinese cues inside a run of Chinese ("哪个更早" orders by start, "区别" compares). */
function chineseCues(tokens: readonly QuestionToken[]) {
  const runs = tokens.filter((t) => t.cjk).map((t) => t.raw);
  const has = (word: string): boolean => runs.some((run) => run.includes(word));
  const order = CJK_ORDER_WORD_LIST.find(has);
  return {
    orderField: order === undefined ? null : (CJK_ORDER_WORDS[order] ?? null),
    compareCue: CJK_COMPARE_WORDS.some(has),
    qualityCue: CJK_QUALITY_ORDER_WORDS.some(has),
    allCue: CJK_ALL_WORDS.some(has),
  };
}

const CJK_ORDER_WORD_LIST = Object.keys(CJK_ORDER_WORDS).sort((a, b) => b.length - a.length);

const BOUNDS = YEAR_BOUNDS.bounds.map(phraseStems);
const DURATION_VERBS = new Set(YEAR_BOUNDS.duration_verbs);
const DATE_FIELDS: readonly PolicyField[] = ["end_year", "start_year"];

/** The date field a single word names, if any ("launched" → start, "ends" → end). */
function dateWord(catalog: Catalog, stem: string): PolicyField | null {
  if (DURATION_VERBS.has(stem)) return "end_year";
  const fields = (catalog.fieldPhrases.map.get(stem) ?? []).map((p) => p.field);
  return DATE_FIELDS.find((f) => fields.includes(f)) ?? null;
}

/**
 * "which run beyond 2030", "which started before 2000": a bound before a year filters the
 * policies by the date the nearest verb before it names (its end, or how long it runs),
 * else by their start ("which are from before 2000").
 */
function yearBound(
  catalog: Catalog,
  tokens: readonly QuestionToken[],
): { field: PolicyField; positions: number[] } | null {
  const stems = tokens.map((t) => t.stem);
  for (const [k, year] of tokens.entries()) {
    const bound = BOUNDS.find((b) => holds(stems, b, k - b.length));
    if (!isYear(year.stem) || bound === undefined) continue;
    const before = tokens.slice(0, k - bound.length).filter((t) => t.clause === year.clause);
    const verb = before.reverse().find((t) => dateWord(catalog, t.stem) !== null);
    const field = (verb && dateWord(catalog, verb.stem)) ?? "start_year";
    // The verb, bound and year are read: none is a word the data lacks ("run beyond 2030").
    const verbAt = verb === undefined ? [] : [tokens.indexOf(verb)];
    return { field, positions: [...verbAt, ...bound.map((_, i) => k - bound.length + i), k] };
  }
  return null;
}

const LIKENESS = LIKENESS_WORDS.map(phraseStems);
const JOINS = NAME_JOINS.map(phraseStems);
const ELLIPSIS = new Set(ELLIPSIS_WORDS.flatMap(phraseStems));

/**
 * "compare with our own framework", "compared with what we do in Bavaria", "for comparison
 * with the EU's own cluster support": the asker's own thing (or another's "own"), not another
 * policy. Possessives, "own", and the words the asker speaks of themself with.
 */
const POSSESSIVES = new Set(["my", "our", "your", "their", "own", ...ASKING_WORDS.asker]);

/** Words between the two sides of a comparison ("… with our own", "… to what we do"). */
const FRAME_LINKS = new Set(["with", "to", "against", "and", "versus", "vs"]);

/**
 * The words a compare phrase compares with, when they are the asker's frame: the rest of its
 * clause holds a possessive or a word of the asker before any name of ours. Null when the
 * phrase compares with a name (or with nothing said in its clause).
 */
function framePositions(
  catalog: Catalog,
  tokens: readonly QuestionToken[],
  phrase: readonly number[],
): number[] | null {
  const end = phrase.at(-1) ?? 0;
  const clause = tokens[end]?.clause;
  const rest: number[] = [];
  for (let k = end + 1; tokens[k] !== undefined && tokens[k]?.clause === clause; k++) rest.push(k);
  // "compare the GBA plan's instruments with our regional programme": past a name of ours,
  // the words after a link word are what it is compared with.
  let ours = false;
  for (const [n, k] of rest.entries()) {
    const token = tokens[k];
    if (!token) break;
    if (token.used && catalog.postings.has(token.stem) && !catalog.genericStems.has(token.stem)) {
      ours = true;
      continue;
    }
    if (ours && FRAME_LINKS.has(token.stem)) {
      const after = rest.slice(n + 1);
      const own = after.slice(0, 2).some((j) => POSSESSIVES.has(tokens[j]?.stem ?? ""));
      return own ? after : null;
    }
    if (!ours && POSSESSIVES.has(token.stem)) return rest;
  }
  return null;
}

/**
 * Whether an all-word ("all", "both", "each") quantifies the policies: it stands alone ("of
 * all", "both of them") or before a word of ours (a name, its noun, a field, the country), not
 * before a thing of its own. "both 2006 and 2016", "all the way back to 1988", "every city"
 * quantify values or things said of one policy, which then compare nothing.
 */
const QUANTIFIERS = new Set([...QUANTIFIER_WORDS].flatMap(phraseStems));

function quantifiesPolicies(
  catalog: Catalog,
  tokens: readonly QuestionToken[],
  indices: readonly number[],
): boolean {
  const [at] = indices;
  const word = tokens[at ?? -1];
  if (indices.length !== 1 || word === undefined || !QUANTIFIERS.has(word.stem)) return true;
  const clause = word.clause;
  const next = tokens
    .slice((at ?? 0) + 1)
    .find(
      (t) =>
        t.filler !== true &&
        !ARTICLES.has(t.stem) &&
        !catalog.stopStems.has(t.stem) &&
        !QUANTIFIERS.has(t.stem),
    );
  if (next === undefined || next.clause !== clause || next.cjk) return true;
  return (
    next.used ||
    catalog.nameNounStems.has(next.stem) ||
    catalog.genericStems.has(next.stem) ||
    catalog.countryStems.has(next.stem) ||
    catalog.allPhrases.map.has(next.stem)
  );
}

export function readComparisonCues(catalog: Catalog, tokens: QuestionToken[]): ComparisonCues {
  const chinese = chineseCues(tokens);
  // "is it evaluated at all?", "first of all": cue words inside an idiom cue nothing.
  const idiom = new Set(
    scanPhrases(tokens, catalog.idiomPhrases, () => true).flatMap((m) => m.indices),
  );
  const free = (k: number): boolean => !idiom.has(k);
  // "I've seen both 2006 and 2016 quoted": a word of all before years counts the years offered.
  const ofPolicies = (k: number): boolean => free(k) && !isYear(tokens[k + 1]?.stem ?? "");
  const allCue =
    chinese.allCue ||
    scanPhrases(tokens, catalog.allPhrases, ofPolicies).some((m) =>
      quantifiesPolicies(catalog, tokens, m.indices),
    );
  // A bound filters the policies only when asked of them: "which…", "any of them".
  const bound = yearBound(catalog, tokens);
  const asksWhich = allCue || tokens.some((t) => t.stem === "which");
  const boundOrder = asksWhich ? (bound?.field ?? null) : null;
  const orderField =
    hasPhrase(tokens, catalog.orderPhrases, free) ?? chinese.orderField ?? boundOrder;
  const qualityCue = chinese.qualityCue || hasPhrase(tokens, catalog.qualityPhrases, free) !== null;
  const comparePhrases = scanPhrases(tokens, catalog.comparePhrases, free);
  const frames = comparePhrases.map((m) => framePositions(catalog, tokens, m.indices));
  const ownThing = frames.every((frame) => frame !== null);
  // "share" or "in common" compares only when several policies are in view.
  const compareCue =
    chinese.compareCue ||
    (comparePhrases.length > 0 && !ownThing) ||
    (allCue && hasPhrase(tokens, catalog.weakComparePhrases, free) !== null);
  // The asker's frame is read with its cue, as an aside: its words ("what we do in Bavaria")
  // name nothing the data must hold, and no passage or country text is looked up by them.
  const framed = ownThing ? frames.flatMap((frame) => frame ?? []) : [];
  for (const k of framed) {
    const token = tokens[k];
    if (token && !token.used) Object.assign(token, { used: true, unknown: false, filler: true });
  }
  const positions = new Set<number>([...(bound?.positions ?? []), ...framed]);
  const tables: PhraseTable<unknown>[] = [
    catalog.comparePhrases,
    catalog.weakComparePhrases,
    catalog.allPhrases,
    catalog.howToPhrases,
    catalog.orderPhrases,
    catalog.qualityPhrases,
  ];
  for (const table of tables) {
    for (const match of scanPhrases(tokens, table, () => true)) {
      for (const k of match.indices) positions.add(k);
    }
  }
  const stems = tokens.map((t) => t.stem);
  const likeCue =
    hasPhrase(tokens, catalog.weakComparePhrases, free) !== null ||
    LIKENESS.some((phrase) => holds(stems, phrase));
  return {
    orderField,
    qualityCue,
    yearBound: bound?.field ?? null,
    allCue,
    compareCue,
    likeCue,
    positions,
  };
}

/** Every policy in scope side by side, or null when too few to compare or too many to show at once. */
export function compareAll(
  country: string,
  policyIds: readonly string[],
  field: PolicyField | null,
): Intent | null {
  if (policyIds.length < 2 || policyIds.length > MAX_COMPARE_ALL) return null;
  return { kind: "compare", country, policies: [...policyIds].sort(), field };
}

const first = (c: Candidate): number => Math.min(...c.positions);
const last = (c: Candidate): number => Math.max(...c.positions);

/**
 * Whether two names typed one after the other are put together: in one sentence, with nothing
 * between but articles and field words ("torch gba budget"), or a join or comma right after the
 * first ("torch budget and gba budget", "torch, gba: types") or right before the second
 * ("is the GBA plan bigger than City Clusters").
 */
function joined(tokens: readonly QuestionToken[], a: Candidate, b: Candidate): boolean {
  const from = tokens[last(a)];
  const to = tokens[first(b)];
  if (from === undefined || to === undefined || from.sentence !== to.sentence) return false;
  const gap = tokens
    .slice(last(a) + 1, first(b))
    .filter((t) => !t.used && t.filler !== true && !ARTICLES.has(t.stem));
  const [opening] = gap;
  const closing = gap.at(-1);
  if (opening === undefined || closing === undefined) return true;
  const stems = gap.map((t) => t.stem);
  // "GBA 同 torch": a Chinese conjunction between names typed in Latin letters joins them too.
  const chineseJoin = gap.length === 1 && CJK_CONJUNCTIONS.includes(opening.raw);
  return (
    chineseJoin ||
    opening.clause !== from.clause ||
    closing.clause !== to.clause ||
    JOINS.some((j) => holds(stems, j, 0) || holds(stems, j, stems.length - j.length))
  );
}

/** Whether a word's sentence asks: it ends with "?" or opens with a wh-word, auxiliary or request. */
function asks(tokens: readonly QuestionToken[], token: QuestionToken): boolean {
  if (token.questioned) return true;
  const opener = tokens.find((t) => t.sentence === token.sentence && t.filler !== true);
  return opener !== undefined && [WH, AUXILIARY, REQUEST].some((set) => set.has(opener.stem));
}

/**
 * Two or more names are compared when the question puts them together: a compare, likeness
 * or order cue, "both", "which of", or names joined in one sentence. Otherwise one is asked
 * about and the others are its context ("is the GBA plan part of City Clusters?", "what type
 * is the GBA plan? readers mix it up with City Clusters"): the first named in a sentence that
 * asks, which this returns; null when they are compared.
 */
export function askedAmong(
  tokens: readonly QuestionToken[],
  cues: ComparisonCues,
  chosen: readonly Candidate[],
): Candidate | null {
  const cued = cues.compareCue || cues.likeCue || cues.allCue || cues.orderField !== null;
  // A run of Chinese is one token: its names' order and the words between them are not read.
  const chinese = chosen.some((c) => [...c.positions].some((k) => tokens[k]?.cjk !== false));
  if (chosen.length < 2 || cued || chinese) return null;
  const named = [...chosen].sort((a, b) => first(a) - first(b));
  if (named.slice(1).every((c, k) => named[k] && joined(tokens, named[k], c))) return null;
  // "is torch national or regional? and the gba one?": a later sentence saying nothing but
  // another name asks the question before it of that one too, so the two are compared.
  const elliptic = named.slice(1).some((c) => {
    const sentence = tokens[first(c)]?.sentence;
    const words = tokens.filter((t, k) => t.sentence === sentence && !c.positions.has(k));
    return (
      sentence !== tokens[first(named[0] ?? c)]?.sentence &&
      words.every((t) => t.filler === true || ARTICLES.has(t.stem) || ELLIPSIS.has(t.stem))
    );
  });
  if (elliptic) return null;
  const asking = named.find((c) => {
    const token = tokens[first(c)];
    return token !== undefined && asks(tokens, token);
  });
  return asking ?? named[0] ?? null;
}

/**
 * "what type is the GBA plan? folks keep mixing it up with City Clusters": the question
 * without its sentences that only name the context (no name asked about, no question), whose
 * other words say nothing of what is asked; null when there are none.
 */
export function withoutContext(
  question: string,
  tokens: readonly QuestionToken[],
  chosen: readonly Candidate[],
  asked: Candidate,
): string | null {
  const sentenceOf = (c: Candidate): number => tokens[first(c)]?.sentence ?? -1;
  const kept = new Set([sentenceOf(asked)]);
  const dropped = new Set(
    chosen
      .filter((c) => c !== asked && !kept.has(sentenceOf(c)))
      .filter((c) => {
        const token = tokens[first(c)];
        return token !== undefined && !asks(tokens, token);
      })
      .map(sentenceOf),
  );
  if (dropped.size === 0) return null;
  return question
    .split(SENTENCE_END)
    .filter((_, k) => !dropped.has(k))
    .join("");
}
