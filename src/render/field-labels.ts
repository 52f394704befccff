import { POLICY_FIELDS, type PolicyField } from "../dataset/schema.ts";

/** How each policy section is named to people (command choices, the section menu). */
export const POLICY_FIELD_LABELS: Readonly<Record<PolicyField, string>> = {
  type: "Type",
  summary: "Summary",
  objectives: "Objectives",
  focus: "Focus and sectors",
  authorities: "Authorities",
  beneficiaries: "Beneficiaries",
  instruments: "Instruments",
  start_year: "Start year",
  end_year: "End year",
  budget: "Budget",
  funding_source: "Funding source",
  evaluation: "Evaluation",
  eu_alignment: "EU priorities",
};

/** The 13 sections in contract order, with their readable names. */
export const POLICY_FIELD_CHOICES: readonly { name: string; value: PolicyField }[] =
  POLICY_FIELDS.map((field) => ({ name: POLICY_FIELD_LABELS[field], value: field }));
