import type { Evidence } from "../search/resolve/evidence.ts";

/**
 * What the conversation reads off the resolver's evidence table: which policies a turn named
 * (even when the resolver then declined or asked back), and whether it named something the
 * data lacks.
 */

/** Decisions of the resolver that name something the data lacks: never another subject's. */
export const NAMES_THE_DATA_LACKS = ["unknown country", "unknown programme name"];

/** "policy torch (chosen)": a name the resolver settled on. */
const CHOSEN = /^policy (\S+) \(chosen\)$/u;

/** The policies whose names the resolver settled on in the turn, in the order it found them. */
export function chosenPolicies(evidence: readonly Evidence[]): string[] {
  const ids: string[] = [];
  for (const entry of evidence) {
    if (entry.source !== "name") continue;
    const id = CHOSEN.exec(entry.reading)?.[1];
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

/** "field budget": the policy field the turn's own field words name (a weak one too). */
const FIELD = /^field (\S+)/u;

/** The policy field the turn's field words name, if any. */
export function fieldWord(evidence: readonly Evidence[]): string | null {
  for (const entry of evidence) {
    if (entry.source !== "field word") continue;
    const field = FIELD.exec(entry.reading)?.[1];
    if (field !== undefined) return field;
  }
  return null;
}
