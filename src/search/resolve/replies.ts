import type { PolicyField } from "../../dataset/schema.ts";
import type { Intent } from "../../model/intent.ts";
import { policyName } from "../../model/names.ts";
import { FIELD_QUESTION_WORDS, type Catalog, type FieldName, type PolicyRef } from "../catalog.ts";

/** What the question may ask about a policy, for a clarifying question. */
export const ASKABLE_FIELDS: readonly PolicyField[] = [
  "budget",
  "start_year",
  "evaluation",
  "objectives",
  "instruments",
];

export function listNames(names: string[], conjunction = "or"): string {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} ${conjunction} ${names[names.length - 1]}`;
}

/** Policy names as a sentence reads them: "the TORCH Program or City Clusters". */
export function policyNames(refs: readonly PolicyRef[], conjunction = "or"): string {
  return listNames(
    refs.map((ref) => policyName(ref.policy)),
    conjunction,
  );
}

export function suggestionFor(ref: PolicyRef, field: FieldName | null): string {
  return field === null
    ? ref.policy.short_name
    : `${ref.policy.short_name} ${FIELD_QUESTION_WORDS[field]}`;
}

export function policiesOf(catalog: Catalog, countryId: string | null): PolicyRef[] {
  return [...catalog.policies.values()].filter(
    (ref) => countryId === null || ref.country.id === countryId,
  );
}

export function knownPoliciesText(catalog: Catalog): string {
  return catalog.countries
    .slice(0, 5)
    .map(
      (country) =>
        `${country.name}: ${country.policies
          .slice(0, 5)
          .map((p) => p.short_name)
          .join(", ")}${country.policies.length > 5 ? ", …" : ""}`,
    )
    .join("; ");
}

/** A decline: what the data does not hold, with questions it can answer. */
export function decline(text: string, suggestions: string[]): Intent {
  return { kind: "none", text, suggestions };
}

/** A decline that offers the starter questions. */
export function declineWith(catalog: Catalog, text: string): Intent {
  return decline(text, starterSuggestions(catalog));
}

/** "…I answer questions about national cluster policies (China: TORCH, …).", after `lead`. */
export function outOfScope(catalog: Catalog, lead = ""): Intent {
  const covered = `I answer questions about national cluster policies (${knownPoliciesText(catalog)}).`;
  return declineWith(catalog, `${lead}${covered}`);
}

export function starterSuggestions(catalog: Catalog): string[] {
  const first = catalog.countries[0];
  const policy = first?.policies[0];
  const second = first?.policies[1];
  const out: string[] = [];
  if (policy) out.push(`${policy.short_name} budget`);
  if (policy && second) out.push(`compare ${policy.short_name} and ${second.short_name}`);
  if (first) out.push(`${first.name} maturity`);
  return out;
}

/**
 * A name the data does not hold is declined by that name, never answered as another policy;
 * the policies named beside it are offered with the field asked.
 */
export function declineUnknownName(
  catalog: Catalog,
  name: string,
  named: readonly PolicyRef[],
  field: FieldName | null,
): Intent {
  const text = `I have no data on “${name}”. I know these cluster policies — ${knownPoliciesText(catalog)}.`;
  if (named.length === 0) return declineWith(catalog, text);
  return decline(
    text,
    named.slice(0, 3).map((ref) => suggestionFor(ref, field)),
  );
}
