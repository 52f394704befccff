import type { CountryField, PolicyField } from "../dataset/schema.ts";

/** What a question (or a command) asks for, before any wording is chosen. */
export type Intent =
  | {
      kind: "policy";
      country: string;
      policy: string;
      field: PolicyField | null;
      /** A sentence of the policy's own texts the question asks about: said first, with its section. */
      passage?: {
        text: string;
        section: string;
        /** A part of the policy the passage is about: not repeated when the answer names it. */
        about?: string;
      };
      /** A yes/no question ("is TORCH evaluated?"): the answer starts "Yes," or "No," when the data decides it. */
      yesNo?: boolean;
    }
  | {
      kind: "country";
      country: string;
      field: CountryField;
      /** Narrows a country fact to one policy where that makes sense (its sources). */
      policy?: string;
      /** A maturity dimension the question names ("evidence of performance"): answered first. */
      dimension?: string;
    }
  | { kind: "compare"; country: string; policies: string[]; field: PolicyField | null }
  | { kind: "clarify"; text: string; suggestions: string[] }
  | { kind: "none"; text: string; suggestions: string[] };

/** One labelled block of supporting detail: an embed field in Discord, a line group in a terminal. */
export interface AnswerSection {
  name: string;
  value: string;
  /** Short values that read well side by side (Discord inline fields, aligned terminal columns). */
  inline?: boolean;
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
