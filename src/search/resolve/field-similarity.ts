import { tokenize } from "../../model/normalize.ts";
import type { FieldName } from "../../model/fields.ts";
import type { Catalog } from "../catalog.ts";
import { mandarinFromCantonese } from "../cantonese.ts";
import { EXAMPLE_LABELS, FIELD_EXAMPLES, type ExampleLabel } from "../vocabulary.ts";

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

/** The numbered features, their idf, and the examples' postings packed in typed arrays. */
interface Postings {
  index: Map<string, number>;
  idf: Float64Array;
  /** Where each feature's postings start in `postedRows`/`postedWeights` (one past: the end). */
  starts: Int32Array;
  postedRows: Int32Array;
  postedWeights: Float32Array;
}

/** A feature set as (feature number, tf-idf weight) pairs, of unit length. */
function weighted(
  features: Features,
  index: ReadonlyMap<string, number>,
  idf: Float64Array,
): { keys: number[]; values: number[] } {
  const keys: number[] = [];
  const values: number[] = [];
  let norm = 0;
  for (const [key, tf] of features) {
    const at = index.get(key);
    if (at === undefined) continue;
    const value = (tf >= 1 ? 1 + Math.log(tf) : tf) * (idf[at] ?? 0);
    keys.push(at);
    values.push(value);
    norm += value * value;
  }
  const length = Math.sqrt(norm) || 1;
  return { keys, values: values.map((v) => v / length) };
}

/**
 * Each feature once, numbered: its idf, and its postings (example, weight) packed in typed
 * arrays, so the engine holds a few large arrays rather than many small objects. Built in a
 * function of its own so that the examples' feature maps (~70,000 small objects, ~3 MiB) are
 * garbage once it returns: a closure of the classifier that so much as named them would keep
 * them resident for the life of the process (V8 keeps one context per scope for all its
 * closures).
 */
function postingsOf(raw: readonly Features[]): Postings {
  const index = new Map<string, number>();
  const documents: number[] = [];
  for (const features of raw) {
    for (const key of features.keys()) {
      const at = index.get(key);
      if (at === undefined) {
        index.set(key, documents.length);
        documents.push(1);
      } else {
        documents[at] = (documents[at] ?? 0) + 1;
      }
    }
  }
  const examples = raw.length;
  const idf = Float64Array.from(documents, (n) => Math.log((1 + examples) / (1 + n)) + 1);
  const vectors = raw.map((features) => weighted(features, index, idf));
  const starts = new Int32Array(documents.length + 1);
  for (let f = 0; f < documents.length; f++) starts[f + 1] = (starts[f] ?? 0) + (documents[f] ?? 0);
  const postedRows = new Int32Array(starts[documents.length] ?? 0);
  const postedWeights = new Float32Array(postedRows.length);
  const filled = starts.slice(0, documents.length);
  vectors.forEach(({ keys, values }, row) => {
    keys.forEach((key, i) => {
      const at = filled[key] ?? 0;
      postedRows[at] = row;
      postedWeights[at] = values[i] ?? 0;
      filled[key] = at + 1;
    });
  });
  return { index, idf, starts, postedRows, postedWeights };
}

/** Builds the classifier over labelled examples (the vocabulary's, or a subset for validation). */
export function buildFieldClassifier(
  examples: Readonly<Partial<Record<ExampleLabel, readonly string[]>>>,
): FieldClassifier {
  const labels: ExampleLabel[] = [];
  const raw: Features[] = [];
  const held = new Map<ExampleLabel, Set<string>>();
  for (const label of EXAMPLE_LABELS) {
    const words = new Set<string>();
    for (const text of examples[label] ?? []) {
      const stems = exampleWords(text);
      for (const stem of stems) words.add(stem);
      labels.push(label);
      raw.push(featuresOf(stems));
    }
    held.set(label, words);
  }
  const { index, idf, starts, postedRows, postedWeights } = postingsOf(raw);
  const weigh = (features: Features): { keys: number[]; values: number[] } =>
    weighted(features, index, idf);

  const classify = (words: readonly string[]): FieldGuess | null => {
    const query = weigh(featuresOf(words));
    const scores = new Float64Array(labels.length);
    query.keys.forEach((key, i) => {
      const weight = query.values[i] ?? 0;
      for (let at = starts[key] ?? 0; at < (starts[key + 1] ?? 0); at++) {
        const row = postedRows[at] ?? 0;
        scores[row] = (scores[row] ?? 0) + weight * (postedWeights[at] ?? 0);
      }
    });
    // The nearest few, kept sorted as rows come (NEIGHBOURS is small).
    const nearest: number[] = [];
    for (let row = 0; row < labels.length; row++) {
      const score = scores[row] ?? 0;
      if (score <= 0) continue;
      if (nearest.length === NEIGHBOURS && score <= (scores[nearest[NEIGHBOURS - 1] ?? 0] ?? 0)) {
        continue;
      }
      let at = nearest.length;
      while (at > 0 && score > (scores[nearest[at - 1] ?? 0] ?? 0)) at -= 1;
      nearest.splice(at, 0, row);
      if (nearest.length > NEIGHBOURS) nearest.pop();
    }
    if (nearest.length === 0) return null;
    const votes = new Map<ExampleLabel, number>();
    let total = 0;
    for (const row of nearest) {
      const label = labels[row];
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
  return { classify, holds, size: labels.length };
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
  const policyMask = { stem: POLICY_WORD, raw: POLICY_SLOT };
  const countryMask = { stem: COUNTRY_WORD, raw: COUNTRY_SLOT };
  const masked: Word[] = [];
  for (let k = 0; k < words.length; k++) {
    const word = words[k];
    if (word === undefined) continue;
    if (/\p{Script=Han}/u.test(word.raw)) {
      let run = word.raw;
      for (const { text } of catalog.cjkAliases) {
        if (run.includes(text)) run = run.replaceAll(text, ` ${POLICY_WORD} `);
      }
      for (const { text } of catalog.cjkCountryAliases) {
        if (run.includes(text)) run = run.replaceAll(text, ` ${COUNTRY_WORD} `);
      }
      for (const part of run.split(/\s+/u)) {
        if (part === POLICY_WORD) masked.push(policyMask);
        else if (part === COUNTRY_WORD) masked.push(countryMask);
        else if (part !== "") masked.push({ stem: part, raw: part });
      }
      continue;
    }
    // The longest alias starting at this word (looked up by its first stem).
    let length = 0;
    for (const { alias, position } of catalog.postings.get(word.stem) ?? []) {
      const stems = catalog.aliases[alias]?.stems ?? [];
      if (position !== 0 || stems.length <= length) continue;
      if (stems.every((stem, i) => words[k + i]?.stem === stem)) length = stems.length;
    }
    if (length > 0) {
      masked.push(policyMask);
      k += length - 1;
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
