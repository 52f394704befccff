import type { CountryField } from "../../dataset/schema.ts";
import type { Intent } from "../../model/intent.ts";
import { containsChineseWord, tokenize } from "../../model/normalize.ts";
import type { Catalog, CountryMention } from "../catalog.ts";
import { scanPhrases, type QuestionToken } from "./tokens.ts";
import { MIN_LISTED_PARTS } from "./fields.ts";
import { ASKING_WORDS, MATURITY_DIMENSION_WORDS } from "../vocabulary.ts";
import { rootOf } from "./passages.ts";
import type { CountryTextReading } from "./country-texts.ts";

export function matchCountries(
  catalog: Catalog,
  tokens: QuestionToken[],
): { known: string[]; unknown: string[]; positions: Set<number> } {
  const positions = new Set<number>();
  const known = new Set<string>();
  const unknown = new Set<string>();
  const add = (mention: CountryMention): void => {
    if (mention.kind === "known") known.add(mention.countryId);
    else unknown.add(mention.name);
  };
  // Chinese country names are read from the Chinese itself, never from a gloss.
  const typed = (k: number): boolean => tokens[k]?.gloss === undefined;
  const matches = scanPhrases(tokens, catalog.countryPhrases, typed);
  const own = askerContext(catalog, tokens, matches);
  // The asker's own context asks nothing: its words ("we use innovation vouchers") are read
  // neither as field words nor as things the data must hold, unless it names ours ("our
  // team in Canada reviews the GBA plan's objectives").
  const namesOurs = new Set(
    tokens
      .filter((t) => catalog.postings.has(t.stem) && !catalog.genericStems.has(t.stem))
      .map((t) => t.clause),
  );
  const ownClauses = new Set(
    [...own].flatMap((m) => m.indices.map((k) => tokens[k]?.clause ?? -1)),
  );
  for (const clause of namesOurs) ownClauses.delete(clause);
  for (const token of tokens) if (ownClauses.has(token.clause)) token.used = true;
  for (const match of matches) {
    for (const k of match.indices) {
      const token = tokens[k];
      if (token) token.used = true;
      if (!own.has(match)) positions.add(k);
    }
    if (own.has(match)) continue;
    // A word that is both a known and an unknown country's (none today) counts as known.
    const knownMention = match.values.find((value) => value.kind === "known");
    add(knownMention ?? match.values[0] ?? { kind: "unknown", name: "?" });
  }
  for (const token of tokens) {
    if (!token.cjk) continue;
    for (const alias of catalog.cjkCountryAliases) {
      if (token.raw.includes(alias.text)) {
        known.add(alias.countryId);
        token.used = true;
      }
    }
    for (const foreign of catalog.cjkForeignCountries) {
      if (containsChineseWord(token.raw, foreign.text)) unknown.add(foreign.name);
    }
  }
  return { known: [...known], unknown: [...unknown], positions };
}

const ASKER = new Set(ASKING_WORDS.asker);

/**
 * "in Poland's programme we use vouchers — do the Chinese policies…", "I work in Germany;
 * who runs torch?": another country in a clause where the asker speaks of themself is the
 * asker's own context, not the subject, when another clause names a policy or country of
 * ours. With no such clause ("we're curious about Germany's budget") it stays the subject.
 */
function askerContext<M extends { indices: readonly number[]; values: readonly CountryMention[] }>(
  catalog: Catalog,
  tokens: readonly QuestionToken[],
  matches: readonly M[],
): Set<M> {
  const askerClauses = new Set(tokens.filter((t) => ASKER.has(t.stem)).map((t) => t.clause));
  const knownAt = new Set(
    matches.flatMap((m) => (m.values.some((v) => v.kind === "known") ? m.indices : [])),
  );
  // Ours named in a clause of its own ("… — do the Chinese policies use vouchers?"); beside
  // the other country ("my cousin in Germany works on something like torch") ours may be only
  // the model of the subject.
  const ours = tokens.some(
    (t, k) =>
      !askerClauses.has(t.clause) &&
      (knownAt.has(k) || (catalog.postings.has(t.stem) && !catalog.genericStems.has(t.stem))),
  );
  if (!ours) return new Set();
  return new Set(
    matches.filter(
      (m) =>
        m.values.every((v) => v.kind === "unknown") &&
        m.indices.every((k) => askerClauses.has(tokens[k]?.clause ?? -1)),
    ),
  );
}

/** The maturity dimension whose label's words are all in the question ("policy scope"). */
function namedDimension(
  catalog: Catalog,
  countryId: string,
  tokens: readonly QuestionToken[],
): string | null {
  const country = catalog.countryById.get(countryId);
  if (!country) return null;
  const asked = new Set(tokens.map((t) => t.stem));
  let best: { id: string; words: number } | null = null;
  let named = 0;
  for (const dimension of country.maturity.dimensions) {
    const words = tokenize(dimension.label)
      .map((t) => t.stem)
      .filter((stem) => !catalog.stopStems.has(stem));
    const otherWords = (MATURITY_DIMENSION_WORDS[dimension.id] ?? []).flatMap((word) =>
      tokenize(word).map((t) => t.stem),
    );
    if (words.length === 0) continue;
    if (!words.every((stem) => asked.has(stem)) && !otherWords.some((stem) => asked.has(stem))) {
      continue;
    }
    named++;
    if (!best || words.length > best.words) best = { id: dimension.id, words: words.length };
  }
  // Several dimensions listed ("scope, consistency, instruments") ask for the whole breakdown.
  return named >= MIN_LISTED_PARTS ? null : (best?.id ?? null);
}

export function countryIntent(
  catalog: Catalog,
  countryId: string,
  field: CountryField,
  tokens: readonly QuestionToken[],
  topicListed = false,
): Intent {
  const dimension =
    field === "maturity" && !topicListed ? namedDimension(catalog, countryId, tokens) : null;
  return dimension === null
    ? { kind: "country", country: countryId, field }
    : { kind: "country", country: countryId, field, dimension };
}

/**
 * A country text read as asked: its field, and the one maturity dimension whose label shares a
 * word with the question ("why only 0.5 for evidence?").
 */
export function textIntent(
  catalog: Catalog,
  countryId: string,
  text: CountryTextReading,
  tokens: readonly QuestionToken[],
): Intent {
  const intent = countryIntent(catalog, countryId, text.field, tokens);
  const dimensions = catalog.countryById
    .get(countryId)
    ?.maturity.dimensions.filter((d) =>
      tokenize(d.label).some((t) => t.stem.length > 3 && text.matched.includes(rootOf(t.stem))),
    );
  const dimension = dimensions?.length === 1 ? dimensions[0] : undefined;
  return dimension && intent.kind === "country" && text.field === "maturity" && !intent.dimension
    ? { ...intent, dimension: dimension.id }
    : intent;
}
