import { editDistance, isCjk, phraseStems, tokenize } from "../../model/normalize.ts";
import { correctTypo, MAX_SHORT_WORD, type Catalog, type PhraseTable } from "../catalog.ts";
import { glossChinese } from "./chinese.ts";
import { isEnglishWord } from "../../text/english-words.ts";
import { ARTICLE_WORDS, ASIDE_WORDS, ASKING_WORDS, STOP_WORDS } from "../vocabulary.ts";

export interface QuestionToken {
  raw: string;
  stem: string;
  similarity: number;
  cjk: boolean;
  /** Not a word of questions, a name, a field or a country: it names something unknown. */
  unknown: boolean;
  used: boolean;
  /** Read as a field word only by typo correction or as a prefix ("eval"): weak evidence. */
  guessed: boolean;
  /** The stem as typed, before any correction. */
  typed: string;
  /** An everyday English word ("lunch"): never corrected, never a name by itself. */
  everyday: boolean;
  /**
   * Which clause of the question the word is in: punctuation (":", ",", " - ", "?") and line
   * breaks separate clauses. A word only qualifies a name in its own clause.
   */
  clause: number;
  /** Which sentence the word is in (". ", "?", "!" and line breaks end one). */
  sentence: number;
  /** The word's sentence ends with a question mark. */
  questioned: boolean;
  /**
   * A hedge, an adverb or chat ("even", "typically", "tbh", "day to day"): how something is
   * asked, not what. Read past: it names nothing, asks nothing, and breaks no phrase.
   */
  filler?: boolean;
  /** The Chinese word this English token glosses ("户口" → hukou): content, never a name. */
  gloss?: string;
  /** Inside quotation marks: words the user quotes ("rates it '> 10 years with continuity'"). */
  quoted?: boolean;
  /** Part of an aside on how to answer ("in short", "one-liner"): a request for a form of answer. */
  aside?: boolean;
}

interface PhraseMatch<T> {
  /** Question token positions the phrase covers. */
  indices: number[];
  values: T[];
}

export const ARTICLES: ReadonlySet<string> = new Set(ARTICLE_WORDS);

/**
 * Phrases of a table found in the question, longest first, never overlapping. Tokens `include`
 * rejects are taken out first, so "who is the GBA plan for" reads "who is for" once the name
 * is taken; with `skipArticles`, "a", "an" and "the" are ignored too.
 */
export function scanPhrases<T>(
  tokens: readonly QuestionToken[],
  table: PhraseTable<T>,
  include: (index: number) => boolean,
  skipArticles = false,
): PhraseMatch<T>[] {
  const kept: number[] = [];
  tokens.forEach((token, index) => {
    if (token.cjk || !include(index)) return;
    if (skipArticles && ARTICLES.has(token.stem)) return;
    kept.push(index);
  });
  // Phrases are read with hedges and adverbs in them ("mainly funded") and read past ("who
  // even runs" is "who runs").
  const found: { indices: number[]; values: T[] }[] = [];
  const readPast = kept.filter((k) => tokens[k]?.filler !== true);
  for (const sequence of readPast.length < kept.length ? [kept, readPast] : [kept]) {
    for (let start = 0; start < sequence.length; start++) {
      const stems: string[] = [];
      for (let length = 1; length <= Math.min(table.maxLength, sequence.length - start); length++) {
        stems.push(tokens[sequence[start + length - 1] ?? -1]?.stem ?? "");
        const values = table.map.get(stems.join(" "));
        if (values) found.push({ indices: sequence.slice(start, start + length), values });
      }
    }
  }
  found.sort(
    (a, b) => b.indices.length - a.indices.length || (a.indices[0] ?? 0) - (b.indices[0] ?? 0),
  );
  const taken = new Set<number>();
  const matches: PhraseMatch<T>[] = [];
  for (const match of found) {
    if (match.indices.some((k) => taken.has(k))) continue;
    for (const k of match.indices) taken.add(k);
    matches.push(match);
  }
  return matches.sort((a, b) => (a.indices[0] ?? 0) - (b.indices[0] ?? 0));
}

/**
 * Short forms ("natl" → national), then acronyms the data defines typed in the data's own case
 * ("is MoST involved" names the Ministry of Science and Technology; "most" stays a word), read
 * as what they stand for.
 */
function expandShortForms(catalog: Catalog, text: string): string {
  let out = text;
  for (const { pattern, word } of catalog.abbreviations) out = out.replace(pattern, ` ${word} `);
  for (const { pattern, expansion } of catalog.definedAcronyms) {
    out = out.replace(pattern, ` ${expansion} `);
  }
  return out;
}

/** The similarity of a word one edit from the word meant (see correctTypo). */
const NEAR_TYPO = 0.88;

/** How a word the vocabulary reads past, or an everyday word, is marked. */
const FILLER = { filler: true };
const EVERYDAY = { everyday: true };

/** "torch $?" asks for money: currency signs read as a budget word. */
const CURRENCY_SIGNS = /[$€¥£]/gu;
/**
 * Terse prefixes ("eval", "benef") are at least this long: three letters are as often slang
 * ("sus" is not sustainability), so three-letter short forms are listed as data instead
 * (words.json `abbreviations`: "obj" → objectives).
 */
const MIN_PREFIX = 4;

/**
 * The field word a terse prefix stands for ("eval" → evaluation, "benef" → beneficiaries):
 * a word of four or five letters that begins field words of one field only (of one policy
 * field, when both scopes have some: "auth" is authorities before authors).
 */
function fieldPrefix(catalog: Catalog, stem: string): string | null {
  if (stem.length < MIN_PREFIX || stem.length > MAX_SHORT_WORD || !/^[a-z]+$/.test(stem)) {
    return null;
  }
  const byField = new Map<string, { word: string; scope: string }>();
  for (const [word, fields] of catalog.fieldWordFields) {
    if (word.length <= stem.length || !word.startsWith(stem)) continue;
    for (const f of fields) {
      const key = `${f.scope}:${f.field}`;
      const seen = byField.get(key);
      if (!seen || word.length < seen.word.length) byField.set(key, { word, scope: f.scope });
    }
  }
  const all = [...byField.values()];
  if (all.length === 1) return all[0]?.word ?? null;
  const policyOnly = all.filter((f) => f.scope === "policy");
  return policyOnly.length === 1 ? (policyOnly[0]?.word ?? null) : null;
}

/**
 * Punctuation between clauses: a dash between spaces, colons, commas, brackets, question
 * marks, and emoji ("finals week 😭 who are the beneficiaries").
 */
const CLAUSE_BREAK = /\s[-–—]+\s|[:;,?!()[\]{}"“”|/\n\p{Extended_Pictographic}]|\.(?:\s|$)/u;

/** Where a sentence ends: kept with the sentence before it. */
export const SENTENCE_END = /(?<=[?!\n]|\.(?=\s|$))/u;

/** A run in quotation marks, opened after a space and closed before one ("it's" is no quote). */
const QUOTED = /(?<=^|\s)['‘"“]([^'‘’"“”]+)['’"”](?=[\s.,;:?!]|$)/u;

/** For each word of a text, a value of the part of it (split at `at`) that holds the word. */
function perWord<T>(text: string, at: RegExp, value: (part: string, index: number) => T): T[] {
  return text.split(at).flatMap((part, index) => {
    const words = tokenize(part.replace(CURRENCY_SIGNS, " money ")).length;
    return Array.from({ length: words }, () => value(part, index));
  });
}

export function isYear(stem: string): boolean {
  return /^(1[89]|2[01])\d\d$/.test(stem);
}

/** The last text read for the checks after the decision, per catalog, and its words. */
const lastRead = new WeakMap<Catalog, { text: string; tokens: readonly QuestionToken[] }>();

/**
 * The words of a text for readers that only look at them (the checks run after the decision:
 * claims, measures, advice): read once per text and shared, frozen so no reader marks them.
 */
export function readTokensOnce(catalog: Catalog, text: string): readonly QuestionToken[] {
  const last = lastRead.get(catalog);
  if (last !== undefined && last.text === text) return last.tokens;
  const tokens = Object.freeze(readTokens(catalog, text).map((t) => Object.freeze(t)));
  lastRead.set(catalog, { text, tokens });
  return tokens;
}

export function readTokens(catalog: Catalog, text: string): QuestionToken[] {
  const expanded = expandShortForms(catalog, text);
  const clauses = perWord(expanded, CLAUSE_BREAK, (_, clause) => clause);
  const sentences = perWord(expanded, SENTENCE_END, (part, index) => ({
    index,
    questioned: part.trimEnd().endsWith("?"),
  }));
  // The quoted runs are the split's captured groups: every other part.
  const quoted = perWord(expanded, QUOTED, (_, index) => index % 2 === 1);
  const words = tokenize(expanded.replace(CURRENCY_SIGNS, " money ")).map((t) => ({
    ...t,
    stem: heldLetters(catalog, t.stem),
  }));
  const tokens = words.map((token, k): QuestionToken => {
    const base = {
      ...token,
      clause: clauses[k] ?? 0,
      sentence: sentences[k]?.index ?? 0,
      questioned: sentences[k]?.questioned ?? false,
      ...(quoted[k] === true ? { quoted: true } : {}),
      typed: token.stem,
      used: false,
      guessed: false,
      everyday: false,
    };
    const cjk = isCjk(token.raw);
    const read = (unknown: boolean, as: Partial<QuestionToken> = {}): QuestionToken => ({
      ...base,
      similarity: 1,
      cjk,
      unknown,
      ...as,
    });
    if (cjk || /^\d+$/.test(token.stem)) return read(false);
    // "mainly" of "mainly funded" is read in that phrase, and read past elsewhere.
    if (catalog.knownStems.has(token.stem)) return read(false, isAdverb(token.raw) ? FILLER : {});
    if (catalog.fillerStems.has(token.stem) || isAdverb(token.raw)) return read(false, FILLER);
    if (catalog.everydayStems.has(token.stem)) return read(true, EVERYDAY);
    // "stated", "applying", "planned": an English word made from a word the vocabulary knows
    // is that word inflected, an ordinary word of the question, not another programme's name.
    const from = inflectedFrom(catalog, token.raw);
    if (from !== null) return from === "known" ? read(false) : read(true, EVERYDAY);
    // An English word is a word, not a field word cut short ("class" is not "classified");
    // (a three-letter word is never read as a prefix: see MIN_PREFIX).
    const word = token.stem.length >= MIN_PREFIX && isEnglishWord(token.stem);
    const prefixOf = word ? null : fieldPrefix(catalog, token.stem);
    if (prefixOf !== null) return read(false, { stem: prefixOf, guessed: true });
    const corrected = correctTypo(catalog, token.stem);
    // An ordinary English word is what was meant, not a mistyped field word ("speed" is not
    // "spend"); it may still be a mistyped name word ("grater bay area").
    const meant = corrected && !catalog.nameTargets.has(corrected.stem) && isEnglishWord(token.raw);
    if (corrected && !meant) {
      const { stem, similarity } = corrected;
      return read(false, { stem, similarity, guessed: !catalog.nameTargets.has(stem) });
    }
    const opens = k === 0 || clauses[k - 1] !== clauses[k];
    const meantWord = functionWordTypo(token.stem, opens);
    return meantWord === null ? read(true) : read(false, { stem: meantWord, similarity: 0.88 });
  });
  // A question anchored by a specific name (not a generic word such as "area") may have
  // mistyped a short field word: correct those now ("torch budgt", "gba evl").
  const nameWord = (token: QuestionToken | undefined): boolean =>
    token !== undefined && !token.unknown && !token.guessed && catalog.postings.has(token.stem);
  const anchored = tokens.some(
    (token, k) =>
      (!token.unknown &&
        !token.guessed &&
        !catalog.genericStems.has(token.stem) &&
        // A place word alone ("city") is in many names besides ours ("New York City").
        !catalog.geographicStems.has(token.stem) &&
        (catalog.countryStems.has(token.stem) || catalog.postings.has(token.stem))) ||
      (nameWord(token) && nameWord(tokens[k + 1])),
  );
  if (anchored) {
    tokens.forEach((token, k) => {
      if (!token.unknown || token.cjk || token.everyday) return;
      const corrected = correctTypo(catalog, token.stem, { shortFieldWords: true });
      if (corrected === null || catalog.nameTargets.has(corrected.stem)) return;
      // "torch summery pls": an English word one edit from a field word, right beside the
      // name, is that field word mistyped, not more of another name ("torch relay" is no typo).
      const besideName = nameWord(tokens[k - 1]) || nameWord(tokens[k + 1]);
      if (isEnglishWord(token.raw) && !(besideName && corrected.similarity >= NEAR_TYPO)) return;
      tokens[k] = {
        ...token,
        stem: corrected.stem,
        similarity: corrected.similarity,
        unknown: false,
        guessed: true,
      };
    });
  }
  completeNameNeighbours(catalog, tokens);
  markReduplications(tokens);
  markAsides(tokens);
  // A year the data never mentions, next to a name ("Made in China 2025", "Beijing 2008"),
  // makes that name part of another name.
  tokens.forEach((token, k) => {
    if (!isYear(token.stem) || catalog.dataYears.has(Number(token.stem))) return;
    const nextToName = [tokens[k - 1], tokens[k + 1]].some(
      (other) =>
        other !== undefined &&
        (catalog.countryStems.has(other.stem) || catalog.postings.has(other.stem)),
    );
    if (nextToName) token.unknown = true;
  });
  return glossChinese(catalog, tokens);
}

/** "sooo", "ughhh", "pleeease": a letter held for emphasis; the word is the one the vocabulary knows. */
function heldLetters(catalog: Catalog, stem: string): string {
  if (!/(\p{L})\1\1/u.test(stem)) return stem;
  const known = (w: string): boolean =>
    catalog.knownStems.has(w) || catalog.everydayStems.has(w) || catalog.fillerStems.has(w);
  const forms = [stem.replace(/(\p{L})\1{2,}/gu, "$1"), stem.replace(/(\p{L})\1{2,}/gu, "$1$1")];
  return forms.find(known) ?? stem;
}

const QUESTION_WORDS = [...ASKING_WORDS.wh, ...ASKING_WORDS.auxiliaries];
/** Words of the question's frame: a typo of one ("wot", "teh") names nothing. */
const FRAME_WORDS = [...new Set([...QUESTION_WORDS, ...STOP_WORDS])];

/**
 * The question or function word a short unknown word is a typo of ("wat", "wot", "wut" →
 * what; "teh" → the), by edit distance against the vocabulary's lists: one edit that does not
 * lengthen the word, or two that shorten it and keep its first and last letters ("wot" of
 * "what"; not "wuhan" of "when"). An English word ("wat", "wen") is read so only where a
 * question word stands, opening its clause.
 */
function functionWordTypo(stem: string, opensClause: boolean): string | null {
  if (!/^[a-z]{3,5}$/.test(stem)) return null;
  const english = isEnglishWord(stem);
  if (english && !opensClause) return null;
  let best: { word: string; distance: number } | null = null;
  for (const word of english ? QUESTION_WORDS : FRAME_WORDS) {
    const distance = editDistance(stem, word, 2);
    const frame = word[0] === stem[0] && word.at(-1) === stem.at(-1);
    const close =
      (distance === 1 && stem.length <= word.length) ||
      (distance === 2 && stem.length < word.length && frame);
    if (close && (best === null || distance < best.distance)) best = { word, distance };
  }
  return best?.word ?? null;
}

/**
 * The bases an English word may be inflected from: -s, -es, -ies, -ed, -d, -ied, -ing (with
 * the silent e restored or a doubled consonant undone: "stating" of state, "planned" of plan).
 */
export function inflectionBases(word: string): string[] {
  const out: string[] = [];
  const add = (stem: string): void => {
    if (stem.length < 3) return;
    out.push(stem);
    // "planned", "running": a consonant doubled before the ending.
    const last = stem.at(-1) ?? "";
    if (/[b-df-hj-np-tv-z]/.test(last) && stem.at(-2) === last) out.push(stem.slice(0, -1));
  };
  if (word.endsWith("ies") || word.endsWith("ied")) out.push(`${word.slice(0, -3)}y`);
  if (word.endsWith("es")) add(word.slice(0, -2));
  if (word.endsWith("s") && !word.endsWith("ss")) add(word.slice(0, -1));
  if (word.endsWith("ed")) {
    add(word.slice(0, -2));
    add(word.slice(0, -1));
  }
  if (word.endsWith("ing")) {
    add(word.slice(0, -3));
    add(`${word.slice(0, -3)}e`);
  }
  return out;
}

/**
 * Whether an English word is the inflection of a word the vocabulary knows ("known"), of an
 * everyday word ("everyday"), or of neither. Adverbs in -ly are read by `isAdverb`.
 */
function inflectedFrom(catalog: Catalog, word: string): "known" | "everyday" | null {
  if (!/^[a-z]+$/.test(word) || !isEnglishWord(word)) return null;
  const bases = inflectionBases(word).flatMap((b) => tokenize(b).map((t) => t.stem));
  if (bases.some((b) => catalog.knownStems.has(b))) return "known";
  if (bases.some((b) => catalog.everydayStems.has(b))) return "everyday";
  // "the declared policy aims": a past participle of an English verb describes; it names
  // nothing. (Not "-ing": "housing prices" asks about housing.)
  const participle = word.endsWith("ed");
  if (participle && inflectionBases(word).some((b) => b.length >= 4 && isEnglishWord(b))) {
    return "known";
  }
  return null;
}

/**
 * An English adverb by its form: an ordinary word in "-ly" made from another ("typically" of
 * typical, "basically" of basic, "easily" of easy, "simply" of simple).
 */
function isAdverb(word: string): boolean {
  if (!word.endsWith("ly") || !isEnglishWord(word)) return false;
  const bases = [
    word.slice(0, -2),
    word.slice(0, -4),
    `${word.slice(0, -3)}y`,
    `${word.slice(0, -2)}e`,
  ];
  return bases.some((base) => base.length >= 3 && isEnglishWord(base));
}

/** Words linking a word to itself in a set phrase ("day to day", "step by step"). */
const REDUPLICATING = new Set(["to", "by", "after", "for", "on"]);

/** "day to day", "year after year": a word repeated around a link says how, not what. */
function markReduplications(tokens: QuestionToken[]): void {
  tokens.forEach((token, k) => {
    const link = tokens[k + 1];
    const again = tokens[k + 2];
    if (!link || !again || !REDUPLICATING.has(link.stem) || token.stem !== again.stem) return;
    if (!token.unknown || token.cjk) return;
    for (const t of [token, link, again]) Object.assign(t, { unknown: false, filler: true });
  });
}

const stems = (words: readonly string[]): Set<string> =>
  new Set(words.map((w) => phraseStems(w).join(" ")));
const ASIDES: PhraseTable<true> = {
  map: new Map([...stems(ASIDE_WORDS.phrases)].map((key) => [key, [true]])),
  maxLength: Math.max(...[...stems(ASIDE_WORDS.phrases)].map((key) => key.split(" ").length)),
};
const COUNTS = stems(ASIDE_WORDS.counts);
const UNITS = stems(ASIDE_WORDS.units);
const LIMITS = stems(ASIDE_WORDS.limits);

/**
 * Asides on how to answer ("spill the tea on", "one minute", "5 bullets max"; see words.json):
 * read past and taken, so they ask for nothing the data lacks and are no field words ("key
 * points" is no maturity score).
 */
function markAsides(tokens: QuestionToken[]): void {
  const aside = (k: number): void => {
    const token = tokens[k];
    if (token)
      Object.assign(token, {
        stem: token.typed,
        used: true,
        unknown: false,
        filler: true,
        aside: true,
      });
  };
  // As typed: "plain english" is no "plan".
  const typed = tokens.map((t) => ({ ...t, stem: t.typed }));
  for (const match of scanPhrases(typed, ASIDES, () => true)) match.indices.forEach(aside);
  tokens.forEach((token, k) => {
    // As typed: "30 sec" is no "sector".
    const count = tokens[k - 1]?.typed ?? "";
    if (!UNITS.has(token.typed) || !(/^\d+$/.test(count) || COUNTS.has(count))) return;
    [k - 1, k].forEach(aside);
    const after = tokens.slice(k + 1, k + 3).map((t) => t.stem);
    if (LIMITS.has(after.join(" ")) || LIMITS.has(after[0] ?? "")) aside(k + 1);
    if (LIMITS.has(after.join(" "))) aside(k + 2);
  });
}

/** Names sharing a word more often than this are not searched for a neighbour's spelling. */
const MAX_NEIGHBOUR_POSTINGS = 64;

/**
 * "cty clusters": a word too short for typo correction, right beside a word of a name, is
 * that name's neighbouring word when one edit away ("cty" → "city" before "clusters").
 */
function completeNameNeighbours(catalog: Catalog, tokens: QuestionToken[]): void {
  tokens.forEach((token, k) => {
    if (!token.unknown || token.cjk || token.everyday || token.stem.length < 3) return;
    for (const step of [1, -1] as const) {
      const other = tokens[k + step];
      if (!other || other.unknown || other.clause !== token.clause) continue;
      const postings = catalog.postings.get(other.stem) ?? [];
      if (postings.length > MAX_NEIGHBOUR_POSTINGS) continue;
      for (const { alias, position } of postings) {
        const word = catalog.aliases[alias]?.stems[position - step];
        if (word === undefined || word.length < 4 || !catalog.nameTargets.has(word)) continue;
        if (editDistance(token.stem, word, 1) > 1) continue;
        tokens[k] = { ...token, stem: word, similarity: 0.88, unknown: false };
        return;
      }
    }
  });
}

/** Whether a run of stems holds a phrase, starting at `k` or anywhere (k undefined). */
export function holds(stems: readonly string[], phrase: readonly string[], k?: number): boolean {
  const starts = k === undefined ? stems.map((_, i) => i) : [k];
  return starts.some((i) => i >= 0 && phrase.every((w, n) => stems[i + n] === w));
}

export function hasPhrase<T>(
  tokens: QuestionToken[],
  table: PhraseTable<T>,
  include: (index: number) => boolean = () => true,
): T | null {
  const matches = scanPhrases(tokens, table, include);
  const first = matches[0]?.values[0];
  return first ?? null;
}

/**
 * Marks a chosen name's words as used, and the generic words typed around it ("the GBA plan",
 * "City Clusters policy"), so they are not read as field words.
 */
export function markNameUsed(
  catalog: Catalog,
  tokens: QuestionToken[],
  positions: Set<number>,
): void {
  const latin = [...positions].filter((p) => p >= 0);
  for (const p of latin) markUsed(tokens, p);
  if (latin.length === 0) return;
  const isNameNoun = (token: QuestionToken | undefined): boolean =>
    token !== undefined && !token.used && catalog.nameNounStems.has(token.stem);
  for (let k = Math.max(...latin) + 1; isNameNoun(tokens[k]); k++) markUsed(tokens, k);
  for (
    let k = Math.min(...latin) - 1;
    isNameNoun(tokens[k]) || (tokens[k] !== undefined && ARTICLES.has(tokens[k]?.stem ?? ""));
    k--
  ) {
    markUsed(tokens, k);
  }
}

/** Positions of CJK characters are negative (see matchPolicies); they mark nothing here. */
function markUsed(tokens: QuestionToken[], position: number): void {
  const token = position >= 0 ? tokens[position] : undefined;
  if (token) token.used = true;
}
