export type { Intent } from "../model/intent.ts";

/** One labelled block of supporting detail: an embed field in Discord, a line group in a terminal. */
export interface AnswerSection {
  name: string;
  value: string;
  /** Short values that read well side by side (Discord inline fields, aligned terminal columns). */
  inline?: boolean;
  /**
   * A caveat on values the answer shows (a note on the data, a currency footnote): every
   * renderer keeps it with the answer, whatever else a size limit makes it leave out.
   */
  note?: boolean;
}

/** A maturity dimension as a renderer draws it (bar, score of maximum, reason). */
export interface ScoreRow {
  label: string;
  score: number;
  max: number;
  reason: string;
}

/** A policy's period as a renderer draws it on a timeline. */
export interface PeriodRow {
  policy: string;
  label: string;
  start: number;
  /** null: open-ended. */
  end: number | null;
  milestones: { year: number; event: string }[];
}

interface AnswerBody {
  /** Heading, e.g. "TORCH Program — budget". */
  title: string;
  /** The direct first sentence: the fact asked for. */
  text: string;
  details: AnswerSection[];
  /** Factsheet sections the answer came from, e.g. "Country factsheet: China › National cluster policy › BUDGET". */
  sources: string[];
  /** Follow-up questions or commands worth trying next. */
  suggestions: string[];
  scores?: ScoreRow[];
  periods?: PeriodRow[];
}

/** Renderer-free result of the engine: Discord, the terminal and the JSON CLI all render this. */
export type Answer =
  | ({
      kind: "answer";
      country: string;
      policy: string | null;
      /** null: a policy card (no particular field). */
      field: string | null;
    } & AnswerBody)
  | ({ kind: "compare"; country: string; policies: string[]; field: string | null } & AnswerBody)
  | { kind: "clarify"; text: string; suggestions: string[] }
  | { kind: "none"; text: string; suggestions: string[] };
