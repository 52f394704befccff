import type { Choice } from "../engine.ts";
import type { Catalog, SuggestRecord, Suggestions } from "./catalog.ts";
import { allowedEdits, editDistance, normalizeText, phraseStems } from "../model/normalize.ts";
import { resolveQuestion } from "./resolve.ts";

/**
 * Autocomplete and reference look-up. Choices come in tiers — exact name or id, then names
 * that start with what was typed, then aliases that contain it, then fuzzy matches — so the
 * obvious choice is first and a typo still finds something.
 */

export const DEFAULT_SUGGEST_LIMIT = 25;
/** Fuse score (0 = exact) a fuzzy match needs to join plain matches. */
const CLOSE_FUZZY_SCORE = 0.2;
/** Discord's cap on a choice's name; other front ends live with it too. */
const MAX_CHOICE_NAME = 100;

function choiceName(record: SuggestRecord, query: string): string {
  // Say which alias matched when it is not visible in the label ("Innofund" → TORCH Program).
  const label =
    !record.primary && query !== "" && !normalizeText(record.label).includes(record.key)
      ? `${record.label} · ${record.key}`
      : record.label;
  return truncate(label);
}

function rank(
  { records, fuzzy }: Suggestions,
  query: string,
  limit: number,
  allIds: readonly string[],
  labelOf: (id: string) => string,
): Choice[] {
  const cap = Math.max(0, Math.min(limit, DEFAULT_SUGGEST_LIMIT));
  if (cap === 0) return [];
  const q = normalizeText(query);
  if (q === "") {
    return allIds.slice(0, cap).map((id) => ({ name: truncate(labelOf(id)), value: id }));
  }
  const seen = new Set<string>();
  const out: Choice[] = [];
  const take = (record: SuggestRecord): void => {
    if (out.length >= cap || seen.has(record.id)) return;
    seen.add(record.id);
    out.push({ name: choiceName(record, q), value: record.id });
  };
  const words = (key: string): string[] => key.split(" ");
  const tiers: ((r: SuggestRecord) => boolean)[] = [
    (r) => r.key === q || r.id === q,
    (r) => r.primary && (r.key.startsWith(q) || words(r.key).some((w) => w.startsWith(q))),
    (r) => r.key.startsWith(q) || r.key.includes(q) || (r.primary && r.id.includes(q)),
  ];
  for (const tier of tiers) {
    for (const record of records) {
      if (out.length >= cap) return out;
      if (tier(record)) take(record);
    }
  }
  if (out.length < cap && q.length >= 2) {
    // Once a name matched plainly ("gba"), only close fuzzy matches join it: a far one
    // ("torch program" for "gba") would read as the second-best answer.
    const maxScore = out.length > 0 ? CLOSE_FUZZY_SCORE : Number.POSITIVE_INFINITY;
    for (const result of fuzzy().search(q, { limit: cap * 4 })) {
      if ((result.score ?? 1) <= maxScore) take(result.item);
    }
  }
  return out;
}

function truncate(label: string): string {
  return label.length <= MAX_CHOICE_NAME ? label : `${label.slice(0, MAX_CHOICE_NAME - 1)}…`;
}

export function suggestPolicies(
  catalog: Catalog,
  query: string,
  limit = DEFAULT_SUGGEST_LIMIT,
): Choice[] {
  const ids = [...catalog.policies.keys()];
  return rank(catalog.policySuggestions(), query, limit, ids, (id) => {
    const ref = catalog.policies.get(id);
    return ref ? `${ref.policy.short_name} (${ref.country.name})` : id;
  });
}

export function suggestCountries(
  catalog: Catalog,
  query: string,
  limit = DEFAULT_SUGGEST_LIMIT,
): Choice[] {
  const ids = catalog.countries.map((c) => c.id);
  return rank(
    catalog.countrySuggestions(),
    query,
    limit,
    ids,
    (id) => catalog.countryById.get(id)?.name ?? id,
  );
}

/** The one id whose name or alias is `key` (normalised), else null. */
function soleOwner(records: readonly SuggestRecord[], key: string): string | null {
  const owners = new Set(records.filter((r) => r.key === key).map((r) => r.id));
  return owners.size === 1 ? ([...owners][0] ?? null) : null;
}

/** An id, name or alias typed exactly (after normalisation), owned by one policy. */
function exactPolicy(catalog: Catalog, ref: string): string | null {
  if (catalog.policies.has(ref.trim())) return ref.trim();
  return soleOwner(catalog.policySuggestions().records, normalizeText(ref));
}

export function findPolicy(
  catalog: Catalog,
  ref: string,
): { country: string; policy: string; name: string } | null {
  const exact = exactPolicy(catalog, ref);
  const id = exact ?? resolvedPolicy(catalog, ref);
  if (id === null) return null;
  const found = catalog.policies.get(id);
  return found
    ? { country: found.country.id, policy: found.policy.id, name: found.policy.short_name }
    : null;
}

/** The resolver's reading of a typed reference, when it names exactly one policy. */
function resolvedPolicy(catalog: Catalog, ref: string): string | null {
  const intent = resolveQuestion(catalog, ref);
  return intent.kind === "policy" ? intent.policy : null;
}

export function findCountry(catalog: Catalog, ref: string): string | null {
  const trimmed = ref.trim();
  if (catalog.countryById.has(trimmed)) return trimmed;
  const key = normalizeText(ref);
  if (key === "") return null;
  const owner = soleOwner(catalog.countrySuggestions().records, key);
  if (owner !== null) return owner;
  // Country words the resolver knows ("chinese"), then typos of a country's name.
  const known = catalog.countryPhrases.map
    .get(phraseStems(ref).join(" "))
    ?.flatMap((m) => (m.kind === "known" ? [m.countryId] : []));
  if (known && new Set(known).size === 1) return known[0] ?? null;
  // A typo of one country's name or alias ("chnia"), when no other country is as close.
  const maxEdits = allowedEdits(key.length);
  const close = new Map<string, number>();
  for (const record of catalog.countrySuggestions().records) {
    const distance = editDistance(key, record.key, maxEdits);
    if (distance <= maxEdits)
      close.set(record.id, Math.min(close.get(record.id) ?? distance, distance));
  }
  const ranked = [...close.entries()].sort((a, b) => a[1] - b[1]);
  const [best, rival] = ranked;
  if (!best || (rival && rival[1] === best[1])) return null;
  return best[0];
}
