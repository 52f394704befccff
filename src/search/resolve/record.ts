import type { QuestionToken } from "./tokens.ts";
import type { EvidenceLog, EvidenceSubject, NameState } from "./evidence.ts";
import type { Candidate } from "./policy-match.ts";
import type { FieldReading } from "./fields.ts";
import type { ComparisonCues } from "./compare.ts";

/** The words at some positions, as typed (Chinese positions are not word positions). */
function spanOf(tokens: readonly QuestionToken[], positions: Iterable<number>): string {
  return [...positions]
    .filter((k) => k >= 0)
    .sort((a, b) => a - b)
    .map((k) => tokens[k]?.raw ?? "")
    .join(" ");
}

/** Adds what the name, country, field and cue readers found to the evidence table. */
export function recordReadings(
  log: EvidenceLog,
  tokens: readonly QuestionToken[],
  found: {
    countries: { known: string[]; positions: Set<number> };
    candidates: readonly Candidate[];
    chosen: readonly Candidate[];
    ambiguous: readonly Candidate[];
    fields: FieldReading;
    cues: ComparisonCues;
  },
): void {
  const { countries, candidates, chosen, ambiguous, fields, cues } = found;
  for (const id of countries.known) {
    log.add(`country ${id}`, "country", 1, spanOf(tokens, countries.positions));
  }
  for (const c of candidates) {
    const state: NameState = chosen.includes(c)
      ? "chosen"
      : ambiguous.includes(c)
        ? "too close to another"
        : c.accepted
          ? "outscored"
          : "too weak";
    const span = spanOf(tokens, c.positions) || "(Chinese)";
    log.add(`policy ${c.ref.policy.id} (${state})`, "name", c.score, span, {
      policy: c.ref.policy.id,
      state,
    });
  }
  const fieldSpan = spanOf(tokens, fields.consumed);
  const weak = fields.weakOnly ? { weak: true } : undefined;
  const fieldWord = (reading: string, score: number, about?: EvidenceSubject): void =>
    log.add(`${reading}${weak ? " (weak)" : ""}`, "field word", score, fieldSpan, about);
  const { policyField, countryField } = fields;
  if (policyField !== null) {
    fieldWord(`field ${policyField}`, fields.policyScore, { field: policyField, ...weak });
  }
  if (countryField !== null) fieldWord(`country field ${countryField}`, fields.countryScore, weak);
  const cueSpan = spanOf(tokens, cues.positions);
  const cue = (reading: string, kind: "compare" | "order" | "all"): void =>
    log.add(reading, "cue", 1, cueSpan, undefined, { kind: "cue", cue: kind });
  if (cues.orderField !== null) cue(`order by ${cues.orderField}`, "order");
  if (cues.compareCue) cue("compare", "compare");
  if (cues.allCue) cue("all policies", "all");
  for (const token of tokens) {
    if (token.unknown && !token.used && !token.cjk) {
      log.add(
        `unknown ${token.everyday ? "everyday word" : "word"}`,
        "unknown word",
        -0.1,
        token.raw,
      );
    }
  }
}
