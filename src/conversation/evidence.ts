import type { Evidence } from "../search/resolve/evidence.ts";
import { findPhrases } from "./cues.ts";
import type { ConversationVocabulary } from "./vocabulary.ts";

/**
 * What the conversation reads off the resolver's evidence table: which policies a turn named
 * (even when the resolver then declined or asked back), and whether it named something the
 * data lacks.
 */

/** Decisions of the resolver that name something the data lacks: never another subject's. */
export const NAMES_THE_DATA_LACKS = ["unknown country", "unknown programme name"];

/** The policies whose names the resolver settled on in the turn, in the order it found them. */
export function chosenPolicies(evidence: readonly Evidence[]): string[] {
  const ids: string[] = [];
  for (const entry of evidence) {
    const id =
      entry.source === "name" && entry.about?.state === "chosen" ? entry.about.policy : undefined;
    if (id !== undefined && !ids.includes(id)) ids.push(id);
  }
  return ids;
}

/**
 * The turn names a country or programme the data lacks ("olympic torch", "Germany's …"). A
 * "name" that is only the conversation's own cue words ("bigger", "stack up") names nothing:
 * a follow-up's words that the resolver of single questions cannot place.
 */
export function namesWhatDataLacks(
  evidence: readonly Evidence[],
  cueWords: readonly string[] = [],
): boolean {
  const isCue = (span: string): boolean =>
    findPhrases(span, cueWords).some((m) => m.start === 0 && m.end === span.length);
  return evidence.some(
    (e) =>
      (e.source === "unknown name" && !isCue(e.span)) ||
      (e.source === "decision" && NAMES_THE_DATA_LACKS.includes(e.span)),
  );
}

/** The conversation's words for comparing, which a single question may read as a name. */
export function comparingWords(vocabulary: ConversationVocabulary): string[] {
  return [...vocabulary.degreeWords, ...vocabulary.comparisons, ...vocabulary.comparatives];
}

/** The policy field the turn's field words name, if any; with `strong`, not by weak words only. */
export function fieldWord(evidence: readonly Evidence[], strong = false): string | null {
  for (const entry of evidence) {
    const field = entry.source === "field word" ? entry.about?.field : undefined;
    if (field !== undefined && !(strong && entry.about?.weak === true)) return field;
  }
  return null;
}
