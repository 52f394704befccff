import type { PolicyField } from "../../dataset/schema.ts";
import type { Intent } from "../../model/intent.ts";
import type { Catalog } from "../catalog.ts";
import { CJK_ALL_WORDS, CJK_COMPARE_WORDS, CJK_ORDER_WORDS } from "../vocabulary.ts";
import { hasPhrase, scanPhrases, type QuestionToken } from "./tokens.ts";

/** More policies than this are not compared all at once; the user is asked to pick. */
export const MAX_COMPARE_ALL = 6;

/** The words that make a question compare or order policies rather than ask about one. */
export interface ComparisonCues {
  /** "oldest", "biggest": an order over policies, by the field it implies. */
  orderField: PolicyField | null;
  /** "all", "each": every policy in view, not only those named. */
  allCue: boolean;
  compareCue: boolean;
  /** Words the cues cover, so they are not quoted back as unknown names. */
  positions: Set<number>;
}

/** Chinese cues inside a run of Chinese ("哪个更早" orders by start, "区别" compares). */
function chineseCues(tokens: readonly QuestionToken[]): {
  orderField: PolicyField | null;
  compareCue: boolean;
  allCue: boolean;
} {
  let orderField: PolicyField | null = null;
  let compareCue = false;
  let allCue = false;
  for (const token of tokens) {
    if (!token.cjk) continue;
    if (CJK_ALL_WORDS.some((word) => token.raw.includes(word))) allCue = true;
    for (const word of CJK_ORDER_WORD_LIST) {
      if (orderField === null && token.raw.includes(word))
        orderField = CJK_ORDER_WORDS[word] ?? null;
    }
    if (CJK_COMPARE_WORDS.some((word) => token.raw.includes(word))) compareCue = true;
  }
  return { orderField, compareCue, allCue };
}

const CJK_ORDER_WORD_LIST = Object.keys(CJK_ORDER_WORDS).sort((a, b) => b.length - a.length);

/** "compare with our own framework": the user's own thing, not another policy. */
const POSSESSIVES = new Set(["my", "our", "your", "their"]);

export function readComparisonCues(catalog: Catalog, tokens: QuestionToken[]): ComparisonCues {
  const chinese = chineseCues(tokens);
  // "is it evaluated at all?", "first of all": cue words inside an idiom cue nothing.
  const idiom = new Set(
    scanPhrases(tokens, catalog.idiomPhrases, () => true).flatMap((m) => m.indices),
  );
  const free = (k: number): boolean => !idiom.has(k);
  const orderField = hasPhrase(tokens, catalog.orderPhrases, free) ?? chinese.orderField;
  const allCue = chinese.allCue || hasPhrase(tokens, catalog.allPhrases, free) !== null;
  const ownThing = scanPhrases(tokens, catalog.comparePhrases, free).every((m) => {
    const after = (m.indices.at(-1) ?? 0) + 1;
    return [after, after + 1].some((k) => POSSESSIVES.has(tokens[k]?.stem ?? ""));
  });
  // "share" or "in common" compares only when several policies are in view.
  const compareCue =
    chinese.compareCue ||
    (hasPhrase(tokens, catalog.comparePhrases, free) !== null && !ownThing) ||
    (allCue && hasPhrase(tokens, catalog.weakComparePhrases, free) !== null);
  const positions = new Set<number>();
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
  return { orderField, allCue, compareCue, positions };
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
