import type { PolicyField } from "../../dataset/schema.ts";
import type { Intent } from "../../model/intent.ts";
import type { Catalog } from "../catalog.ts";
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

export function readComparisonCues(catalog: Catalog, tokens: QuestionToken[]): ComparisonCues {
  const orderField = hasPhrase(tokens, catalog.orderPhrases);
  const allCue = hasPhrase(tokens, catalog.allPhrases) !== null;
  // "share" or "in common" compares only when several policies are in view.
  const compareCue =
    hasPhrase(tokens, catalog.comparePhrases) !== null ||
    (allCue && hasPhrase(tokens, catalog.weakComparePhrases) !== null);
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
