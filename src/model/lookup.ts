import type { Country, Policy } from "../dataset/schema.ts";

export interface PolicyRef {
  country: Country;
  policy: Policy;
}

/** What answers need of a dataset: its policies and countries by id (the catalog has more). */
export interface DatasetLookup {
  policies: ReadonlyMap<string, PolicyRef>;
  countryById: ReadonlyMap<string, Country>;
}
