import type { Evidence } from "../search/resolve/evidence.ts";

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

/** The turn names a country or programme the data lacks ("olympic torch", "Germany's …"). */
export function namesWhatDataLacks(evidence: readonly Evidence[]): boolean {
  return evidence.some(
    (e) =>
      e.source === "unknown name" ||
      (e.source === "decision" && NAMES_THE_DATA_LACKS.includes(e.span)),
  );
}

/** The policy field the turn's field words name, if any. */
export function fieldWord(evidence: readonly Evidence[]): string | null {
  for (const entry of evidence) {
    const field = entry.source === "field word" ? entry.about?.field : undefined;
    if (field !== undefined) return field;
  }
  return null;
}
