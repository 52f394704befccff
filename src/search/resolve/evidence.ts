import type { Intent } from "../../model/intent.ts";

/**
 * What each reader of a question found, so a decision can be read off a table rather than
 * traced through code (`npm run ask -- --explain "…"` prints it). Readers add; they never
 * remove what another found.
 */
export type EvidenceSource =
  | "name"
  | "typo"
  | "country"
  | "field word"
  | "passage"
  | "cue"
  | "unknown name"
  | "unknown word"
  | "decision";

export interface Evidence {
  /** What the words are read as: "policy torch", "field budget", "order by start_year". */
  reading: string;
  source: EvidenceSource;
  /** How strongly (a score; negative lowers confidence). */
  weight: number;
  /** The words of the question it comes from. */
  span: string;
  /**
   * What the entry is about, for readers after the resolver (a conversation), so that they
   * never parse `reading`, which is worded for people: a policy's name, whether the resolver
   * settled on it, the policy field its words name.
   */
  about?: EvidenceSubject;
  /** What the entry settles, for the readers that act on it. */
  finding?: Finding;
}

/**
 * What an entry settles, typed, so the readers that act on it (a long message's parts, "the
 * other one") never match the worded `reading` or `span`.
 */
export type Finding =
  /** Something the data does not hold was named: another country, a programme, a name. */
  | { kind: "lacks"; what: Lacking }
  /** A word cueing a comparison, an order by a field, or all policies. */
  | { kind: "cue"; cue: "compare" | "order" | "all" };

export type Lacking = "country" | "programme" | "name";

/** What became of a name the readers found. */
export type NameState = "chosen" | "too close to another" | "outscored" | "too weak";

export interface EvidenceSubject {
  policy?: string;
  state?: NameState;
  field?: string;
  /** The field was read from weak words only ("years", "when"). */
  weak?: boolean;
}

export class EvidenceLog {
  readonly entries: Evidence[] = [];

  add(
    reading: string,
    source: EvidenceSource,
    weight: number,
    span: string,
    about?: EvidenceSubject,
    finding?: Finding,
  ): void {
    this.entries.push({
      reading,
      source,
      weight: Math.round(weight * 100) / 100,
      span,
      ...(about ? { about } : {}),
      ...(finding ? { finding } : {}),
    });
  }

  /** Declines by a name the data does not hold (positive evidence, not a lack of it). */
  rulesOut(intent: Intent, why: string, name: string, what: Lacking): Intent {
    this.add("a name the data does not hold", "unknown name", 1, name, undefined, {
      kind: "lacks",
      what,
    });
    return this.decide(intent, why);
  }

  /** Whether something the data does not hold was named; with `what`, of those kinds. */
  namesUnknown(...what: Lacking[]): boolean {
    return this.entries.some(
      (e) => e.finding?.kind === "lacks" && (what.length === 0 || what.includes(e.finding.what)),
    );
  }

  /** Whether a word cued a comparison, an order or all policies. */
  cued(cue: "compare" | "order" | "all"): boolean {
    return this.entries.some((e) => e.finding?.kind === "cue" && e.finding.cue === cue);
  }

  /** Records the outcome with the rule that settled it, and returns it. */
  decide(intent: Intent, why: string): Intent {
    const what =
      intent.kind === "policy"
        ? `policy ${intent.policy} ${intent.field ?? "card"}${intent.passage ? " (passage)" : ""}`
        : intent.kind === "country"
          ? `country ${intent.country} ${intent.field}`
          : intent.kind === "compare"
            ? `compare ${intent.policies.join(", ")} ${intent.field ?? "overview"}`
            : intent.kind;
    this.add(what, "decision", 1, why);
    return intent;
  }
}

/** The evidence as an aligned plain-text table. */
export function evidenceTable(entries: readonly Evidence[]): string {
  const rows = [
    ["reading", "source", "weight", "span"],
    ...entries.map((e) => [e.reading, e.source, String(e.weight), e.span]),
  ];
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => (r[i] ?? "").length)));
  return rows
    .map((r) =>
      r
        .map((cell, i) => (i < 3 ? cell.padEnd(widths[i] ?? 0) : cell))
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}
