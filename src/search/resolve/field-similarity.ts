import { tokenize } from "../../model/normalize.ts";
import type { FieldName } from "../../model/fields.ts";
import type { Catalog } from "../catalog.ts";
import { mandarinFromCantonese } from "../cantonese.ts";
import { FIELD_EXAMPLES, type ExampleLabel } from "../vocabulary.ts";

/**
 * Which field a question asks, by its likeness to short labelled phrasings of every field
 * (data/vocabulary/field-examples.json), names masked, so that a way of asking no field word
 * lists still reaches its field. It is one more piece of evidence for the decision
 * (DECISION.SIMILAR), weighed where the field words are weak, absent or tied.
 *
 * The model is tf-idf over what the resolver reads — word stems, pairs of neighbouring words,
 * character n-grams of each word (typos, inflections) and of each Chinese run (Chinese is not
 * space-separated) — and cosine similarity to every example; a field scores the summed
 * similarity of its examples among the nearest few. It is built once per catalog.
 */

export type { ExampleLabel };

/** What a policy's or a country's name is replaced by, in the examples and in a question. */
export const POLICY_SLOT = "{policy}";
export const COUNTRY_SLOT = "{country}";
/** The masks as one word each, which neither normalisation nor a field word can produce. */
const POLICY_WORD = "zzpolicy";
const COUNTRY_WORD = "zzcountry";

/** Nearest examples that vote. */
const NEIGHBOURS = 10;
/**
 * A word's character trigrams share this weight (more than the word's own: under
 * cross-validation, spelling generalises to unseen inflections and typos better than words).
 */
const CHAR_GRAM_SHARE = 1.5;
/** A pair of neighbouring words counts half a word: pairs are rarer, and overfit phrasings. */
const PAIR_WEIGHT = 0.5;

export interface FieldGuess {
  label: ExampleLabel;
  /** Summed similarity of its examples among the nearest, over all the nearest's. */
  share: number;
  /** The best field of another label, and its share. */
  runnerUp: ExampleLabel | null;
  runnerUpShare: number;
  /** The nearest example's cosine similarity: how like any known phrasing the question is. */
  nearest: number;
}

export interface FieldClassifier {
  /** The best label for these words (masked), or null when no example shares a feature. */
  classify(words: readonly string[]): FieldGuess | null;
  /** Whether the label's examples hold the word (a stem): a way of asking that label. */
  holds(label: ExampleLabel, stem: string): boolean;
  readonly size: number;
}

type Features = Map<string, number>;

/** The features of a run of words (stems, Chinese runs, mask words). */
function featuresOf(words: readonly string[]): Features {
  const features: Features = new Map();
  const add = (key: string, weight: number): void => {
    features.set(key, (features.get(key) ?? 0) + weight);
  };
  const han = /\p{Script=Han}/u;
  words.forEach((word, k) => {
    if (han.test(word)) {
      // Chinese: each character and each pair of neighbouring characters.
      const chars = [...word];
      chars.forEach((c, i) => {
        add(`h:${c}`, 1);
        const next = chars[i + 1];
        if (next !== undefined) add(`h2:${c}${next}`, 1);
      });
      return;
    }
    add(`w:${word}`, 1);
    const next = words[k + 1];
    // Pairs ("start year", "who pays"); a pair with a mask says only where a name stood.
    const masks = [POLICY_WORD, COUNTRY_WORD];
    if (next !== undefined && !han.test(next) && !masks.includes(word) && !masks.includes(next)) {
      add(`b:${word} ${next}`, PAIR_WEIGHT);
    }
    if (word === POLICY_WORD || word === COUNTRY_WORD || word.length < 4) return;
    const padded = `<${word}>`;
    const grams: string[] = [];
    for (let i = 0; i + 3 <= padded.length; i++) grams.push(padded.slice(i, i + 3));
    for (const gram of grams) add(`c:${gram}`, CHAR_GRAM_SHARE / grams.length);
  });
  return features;
}

/** Words of an example: its masks as one word each, the rest as the resolver reads words. */
export function exampleWords(example: string): string[] {
  const text = mandarinFromCantonese(example)
    .replaceAll(POLICY_SLOT, ` ${POLICY_WORD} `)
    .replaceAll(COUNTRY_SLOT, ` ${COUNTRY_WORD} `);
  return tokenize(text).map((t) => t.stem);
}

interface Row {
  label: ExampleLabel;
  vector: Map<string, number>;
}

/** Builds the classifier over labelled examples (the vocabulary's, or a subset for validation). */
export function buildFieldClassifier(
  examples: Readonly<Partial<Record<ExampleLabel, readonly string[]>>>,
): FieldClassifier {
  const raw: { label: ExampleLabel; features: Features }[] = [];
  const held = new Map<ExampleLabel, Set<string>>();
  for (const [label, texts] of Object.entries(examples) as [ExampleLabel, readonly string[]][]) {
    const words = new Set<string>();
    for (const text of texts) {
      const stems = exampleWords(text);
      for (const stem of stems) words.add(stem);
      raw.push({ label, features: featuresOf(stems) });
    }
    held.set(label, words);
  }
  const documents = new Map<string, number>();
  for (const { features } of raw) {
    for (const key of features.keys()) documents.set(key, (documents.get(key) ?? 0) + 1);
  }
  const idf = new Map<string, number>();
  for (const [key, n] of documents) idf.set(key, Math.log((1 + raw.length) / (1 + n)) + 1);
  const weigh = (features: Features): Map<string, number> => {
    const vector = new Map<string, number>();
    let norm = 0;
    for (const [key, tf] of features) {
      const weight = idf.get(key);
      if (weight === undefined) continue;
      const value = (tf >= 1 ? 1 + Math.log(tf) : tf) * weight;
      vector.set(key, value);
      norm += value * value;
    }
    const length = Math.sqrt(norm);
    if (length > 0) for (const [key, value] of vector) vector.set(key, value / length);
    return vector;
  };
  const rows: Row[] = raw.map(({ label, features }) => ({ label, vector: weigh(features) }));
  // Inverted index: feature → (row, weight), so a question is compared only with the examples
  // that share a feature with it.
  const postings = new Map<string, { row: number; weight: number }[]>();
  rows.forEach(({ vector }, row) => {
    for (const [key, weight] of vector) {
      const list = postings.get(key);
      if (list) list.push({ row, weight });
      else postings.set(key, [{ row, weight }]);
    }
  });

  const classify = (words: readonly string[]): FieldGuess | null => {
    const query = weigh(featuresOf(words));
    const scores = new Float64Array(rows.length);
    for (const [key, weight] of query) {
      for (const { row, weight: other } of postings.get(key) ?? []) {
        scores[row] = (scores[row] ?? 0) + weight * other;
      }
    }
    const nearest: number[] = [];
    for (let row = 0; row < rows.length; row++) {
      if ((scores[row] ?? 0) <= 0) continue;
      nearest.push(row);
      nearest.sort((a, b) => (scores[b] ?? 0) - (scores[a] ?? 0));
      if (nearest.length > NEIGHBOURS) nearest.pop();
    }
    if (nearest.length === 0) return null;
    const votes = new Map<ExampleLabel, number>();
    let total = 0;
    for (const row of nearest) {
      const label = rows[row]?.label;
      const score = scores[row] ?? 0;
      if (label === undefined) continue;
      votes.set(label, (votes.get(label) ?? 0) + score);
      total += score;
    }
    const ranked = [...votes].sort((a, b) => b[1] - a[1]);
    const [best, second] = ranked;
    if (best === undefined || total <= 0) return null;
    return {
      label: best[0],
      share: best[1] / total,
      runnerUp: second?.[0] ?? null,
      runnerUpShare: (second?.[1] ?? 0) / total,
      nearest: scores[nearest[0] ?? 0] ?? 0,
    };
  };
  const holds = (label: ExampleLabel, stem: string): boolean => held.get(label)?.has(stem) ?? false;
  return { classify, holds, size: rows.length };
}

/** A word as the resolver reads it (`stem`) and as typed (`raw`); a Chinese run is both. */
export interface Word {
  stem: string;
  raw: string;
}

/**
 * `words` with the names of the catalog's policies and countries masked: the longest alias
 * written out, stem for stem; a Chinese name inside a run (which is then split around it).
 */
export function maskNames(catalog: Catalog, words: readonly Word[]): Word[] {
  const aliases = catalog.aliases
    .filter((a) => a.stems.length > 0)
    .sort((a, b) => b.stems.length - a.stems.length);
  const policyMask = { stem: POLICY_WORD, raw: POLICY_SLOT };
  const countryMask = { stem: COUNTRY_WORD, raw: COUNTRY_SLOT };
  const masked: Word[] = [];
  for (let k = 0; k < words.length; k++) {
    const word = words[k];
    if (word === undefined) continue;
    if (/\p{Script=Han}/u.test(word.raw)) {
      let run = word.raw;
      for (const { text } of catalog.cjkAliases) run = run.replaceAll(text, ` ${POLICY_WORD} `);
      for (const { text } of catalog.cjkCountryAliases) {
        run = run.replaceAll(text, ` ${COUNTRY_WORD} `);
      }
      for (const part of run.split(/\s+/u)) {
        if (part === POLICY_WORD) masked.push(policyMask);
        else if (part === COUNTRY_WORD) masked.push(countryMask);
        else if (part !== "") masked.push({ stem: part, raw: part });
      }
      continue;
    }
    const alias = aliases.find((a) => a.stems.every((stem, i) => words[k + i]?.stem === stem));
    if (alias !== undefined) {
      masked.push(policyMask);
      k += alias.stems.length - 1;
    } else if (catalog.countryStems.has(word.stem) && !catalog.commonStems.has(word.stem)) {
      masked.push(countryMask);
    } else {
      masked.push(word);
    }
  }
  // "GBA (Greater Bay Area)": a name typed twice over is one mask.
  return masked.filter((w, k) => !(w === policyMask && masked[k - 1] === policyMask));
}

/** A masked run of words as an example is written ("what is {policy}'s budget"). */
export function maskedText(words: readonly Word[]): string {
  return words.map((w) => w.raw).join(" ");
}

const classifiers = new WeakMap<Catalog, FieldClassifier>();

/**
 * The catalog's classifier, built from the vocabulary's examples on first use (the engine
 * builds it at creation), or the one set for it (validation leaves a fold's examples out).
 */
export function fieldClassifierOf(catalog: Catalog): FieldClassifier {
  let classifier = classifiers.get(catalog);
  if (classifier === undefined) {
    classifier = buildFieldClassifier(FIELD_EXAMPLES);
    classifiers.set(catalog, classifier);
  }
  return classifier;
}

/** Replaces a catalog's classifier: cross-validation, or none at all (no examples). */
export function setFieldClassifier(catalog: Catalog, classifier: FieldClassifier): void {
  classifiers.set(catalog, classifier);
}

/** What the examples say a question asks, read from the resolver's words with names masked. */
export function similarField(
  catalog: Catalog,
  tokens: readonly { stem: string; raw: string; cjk: boolean }[],
): FieldGuess | null {
  const words = maskNames(
    catalog,
    tokens.map((t) => ({ stem: t.cjk ? t.raw : t.stem, raw: t.raw })),
  );
  // "who are you?", "for the torch programme": a likeness made of ordinary words alone ("who",
  // "the") and names is no evidence of a field; a word of content has to share in it.
  const content = words.some(
    (w) =>
      w.stem !== POLICY_WORD &&
      w.stem !== COUNTRY_WORD &&
      (/\p{Script=Han}/u.test(w.stem) ||
        (!catalog.commonStems.has(w.stem) && !catalog.nameNounStems.has(w.stem))),
  );
  return content ? fieldClassifierOf(catalog).classify(words.map((w) => w.stem)) : null;
}

export type { FieldName };
