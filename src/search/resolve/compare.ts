import type { PolicyField } from "../../dataset/schema.ts";
import type { Intent } from "../../model/intent.ts";
import type { Catalog } from "../catalog.ts";
import { CJK_ALL_WORDS, CJK_COMPARE_WORDS, CJK_ORDER_WORDS, YEAR_BOUNDS } from "../vocabulary.ts";
import { phraseStems } from "../../model/normalize.ts";
import { hasPhrase, isYear, scanPhrases, type QuestionToken } from "./tokens.ts";

/** More policies than this are not compared all at once; the user is asked to pick. */
export const MAX_COMPARE_ALL = 6;

/** The words that make a question compare or order policies rather than ask about one. */
export interface ComparisonCues {
  /** "oldest", "biggest": an order over policies, by the field it implies. */
  orderField: PolicyField | null;
  /** "run beyond 2030", "started before 2000": the date a bound before a year is on. */
  yearBound: PolicyField | null;
  /** "all", "each": every policy in view, not only those named. */
  allCue: boolean;
  compareCue: boolean;
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
  for (const [k, year] of tokens.entries()) {
    const bound = BOUNDS.find((b) => b.every((s, i) => tokens[k - b.length + i]?.stem === s));
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

/** "compare with our own framework": the user's own thing, not another policy. */
const POSSESSIVES = new Set(["my", "our", "your", "their"]);

export function readComparisonCues(catalog: Catalog, tokens: QuestionToken[]): ComparisonCues {
  const chinese = chineseCues(tokens);
  // "is it evaluated at all?", "first of all": cue words inside an idiom cue nothing.
  const idiom = new Set(
    scanPhrases(tokens, catalog.idiomPhrases, () => true).flatMap((m) => m.indices),
  );
  const free = (k: number): boolean => !idiom.has(k);
  const allCue = chinese.allCue || hasPhrase(tokens, catalog.allPhrases, free) !== null;
  // A bound filters the policies only when asked of them: "which…", "any of them".
  const bound = yearBound(catalog, tokens);
  const asksWhich = allCue || tokens.some((t) => t.stem === "which");
  const boundOrder = asksWhich ? (bound?.field ?? null) : null;
  const orderField =
    hasPhrase(tokens, catalog.orderPhrases, free) ?? chinese.orderField ?? boundOrder;
  const ownThing = scanPhrases(tokens, catalog.comparePhrases, free).every((m) => {
    const after = (m.indices.at(-1) ?? 0) + 1;
    return [after, after + 1].some((k) => POSSESSIVES.has(tokens[k]?.stem ?? ""));
  });
  // "share" or "in common" compares only when several policies are in view.
  const compareCue =
    chinese.compareCue ||
    (hasPhrase(tokens, catalog.comparePhrases, free) !== null && !ownThing) ||
    (allCue && hasPhrase(tokens, catalog.weakComparePhrases, free) !== null);
  const positions = new Set<number>(bound?.positions);
  for (const table of [
    catalog.comparePhrases,
    catalog.weakComparePhrases,
    catalog.allPhrases,
    catalog.howToPhrases,
  ]) {
    for (const match of scanPhrases(tokens, table, () => true)) {
      for (const k of match.indices) positions.add(k);
    }
  }
  for (const match of scanPhrases(tokens, catalog.orderPhrases, () => true)) {
    for (const k of match.indices) positions.add(k);
  }
  return { orderField, yearBound: bound?.field ?? null, allCue, compareCue, positions };
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
