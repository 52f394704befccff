import type { CountryField, PolicyField } from "../dataset/schema.ts";

export type FieldName = PolicyField | CountryField;

/** Fields and their display words, for suggestions that the resolver reads back. */
export const FIELD_QUESTION_WORDS: Readonly<Record<FieldName, string>> = {
  type: "policy type",
  summary: "summary",
  objectives: "objectives",
  focus: "focus",
  authorities: "authorities",
  beneficiaries: "beneficiaries",
  instruments: "instruments",
  start_year: "start year",
  end_year: "end year",
  budget: "budget",
  funding_source: "source of funding",
  evaluation: "evaluation",
  eu_alignment: "EU priorities",
  maturity: "maturity",
  policies: "policies",
  approach: "policy approach",
  continuity: "continuity",
  consistency: "consistency",
  sources: "sources",
};
