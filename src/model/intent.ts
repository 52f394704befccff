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
      /** A year the question says the date is ("is Torch really from 1988?"): confirmed or not. */
      claimedYear?: number;
      /**
       * A second question of the same sentence asks this field ("where does the money come
       * from, and how much?"): `field` answers the first, this one follows it in the details.
       */
      also?: PolicyField;
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
