import type { CountryField, PolicyField } from "../dataset/schema.ts";
import type { Intent } from "../answers/types.ts";
import { isCjk, tokenize } from "./normalize.ts";
import { CAPITALISED_ABBREVIATIONS, CJK_GENERIC_WORDS, CJK_QUESTION_WORDS } from "./vocabulary.ts";
import { looksLikeCode } from "./code-like.ts";
import { policyName } from "../answers/format.ts";
import {
  correctTypo,
  FIELD_QUESTION_WORDS,
  MAX_SHORT_WORD,
  type Catalog,
  type CountryMention,
  type FieldName,
  type FieldPhrase,
  type PhraseTable,
  type PolicyRef,
} from "./catalog.ts";

/**
 * Free text → Intent. Precision first: a policy is answered about only when its name clearly
 * wins (enough of the name matched, and no close reading of the same words); otherwise the
 * question is asked back with concrete suggestions, or declined when it names something the
 * data does not hold.
 */

/** Share of a name's weight a partial mention needs (with at least two of its words). */
export const ACCEPT_COVERAGE = 0.5;
/** How far the best reading of some words must lead the next one to be taken without asking. */
export const CLEAR_GAP = 0.15;
/** Only this much of a question is read (twice Discord's message limit). */
export const MAX_QUESTION_LENGTH = 4000;
/** A word in at most this many names reaches them all; commoner words only add to those. */
const RARE_WORD_NAMES = 64;
/** Even the rarest word of a question reaches no names when it is in more than this many. */
const COMMON_WORD_NAMES = 2000;
/** More policies than this are not compared all at once; the user is asked to pick. */
export const MAX_COMPARE_ALL = 6;

interface QuestionToken {
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
}

interface Candidate {
  ref: PolicyRef;
  /** The alias matched (an index into the catalog's aliases), -1 for a Chinese name. */
  alias: number;
  score: number;
  matchedWeight: number;
  positions: Set<number>;
  accepted: boolean;
}

interface PhraseMatch<T> {
  /** Question token positions the phrase covers. */
  indices: number[];
  values: T[];
}

const ARTICLES = new Set(["a", "an", "the"]);

/**
 * Phrases of a table found in the question, longest first, never overlapping. Tokens `include`
 * rejects are taken out first, so "who is the GBA plan for" reads "who is for" once the name
 * is taken; with `skipArticles`, "a", "an" and "the" are ignored too.
 */
function scanPhrases<T>(
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
  const found: { start: number; length: number; values: T[] }[] = [];
  for (let start = 0; start < kept.length; start++) {
    const stems: string[] = [];
    for (let length = 1; length <= Math.min(table.maxLength, kept.length - start); length++) {
      stems.push(tokens[kept[start + length - 1] ?? -1]?.stem ?? "");
      const values = table.map.get(stems.join(" "));
      if (values) found.push({ start, length, values });
    }
  }
  found.sort((a, b) => b.length - a.length || a.start - b.start);
  const taken = new Set<number>();
  const matches: PhraseMatch<T>[] = [];
  for (const match of found) {
    let free = true;
    for (let k = match.start; k < match.start + match.length; k++) if (taken.has(k)) free = false;
    if (!free) continue;
    const indices: number[] = [];
    for (let k = match.start; k < match.start + match.length; k++) {
      taken.add(k);
      indices.push(kept[k] ?? -1);
    }
    matches.push({ indices, values: match.values });
  }
  return matches.sort((a, b) => (a.indices[0] ?? 0) - (b.indices[0] ?? 0));
}

const ABBREVIATION_PATTERNS = CAPITALISED_ABBREVIATIONS.map(({ abbreviation, word }) => ({
  pattern: new RegExp(
    `(?<![\\p{L}\\p{N}])${abbreviation.replace(/[.]/g, "\\.")}(?![\\p{L}\\p{N}])`,
    "gu",
  ),
  word,
}));

function expandAbbreviations(text: string): string {
  let out = text;
  for (const { pattern, word } of ABBREVIATION_PATTERNS) out = out.replace(pattern, ` ${word} `);
  return out;
}

/** "torch $?" asks for money: currency signs read as a budget word. */
const CURRENCY_SIGNS = /[$€¥£]/gu;
/** Terse prefixes ("obj", "benef") are at least this long. */
const MIN_PREFIX = 3;

/**
 * The field word a terse prefix stands for ("eval" → evaluation, "benef" → beneficiaries):
 * a word of three to five letters that begins field words of one field only (of one policy
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
 * Acronyms the data defines, typed in the data's own case, read as the name they stand for:
 * "is MoST involved" names the Ministry of Science and Technology, "most" stays a word.
 */
function expandDefinedAcronyms(catalog: Catalog, text: string): string {
  let out = text;
  for (const { pattern, expansion } of catalog.definedAcronyms) {
    out = out.replace(pattern, ` ${expansion} `);
  }
  return out;
}

/**
 * The sentence of a field's text about the part of a policy the question named by an alias
 * ("Venture Guiding Fund"), when the alias is not one of the policy's own names.
 */
function partPassage(
  catalog: Catalog,
  ref: PolicyRef,
  candidate: Candidate | undefined,
  field: PolicyField,
): { text: string; section: string; about: string } | null {
  const alias = candidate ? catalog.aliases[candidate.alias] : undefined;
  if (!alias) return null;
  const own = [ref.policy.name, ref.policy.short_name, ref.policy.id.replace(/-/g, " ")];
  const ownStems = new Set(own.flatMap((name) => tokenize(name).map((t) => t.stem)));
  const distinctive = alias.stems.filter((stem, k) => !alias.generic[k] && !ownStems.has(stem));
  if (distinctive.length === 0) return null;
  const sentences = catalog.policySentences(ref.policy.id).filter((entry) => entry.field === field);
  const index = sentences.findIndex((entry) => alias.stems.every((stem) => entry.stems.has(stem)));
  const entry = sentences[index];
  // The field's first sentence already leads the answer: only a later one is brought forward.
  if (index <= 0 || !entry) return null;
  return { text: entry.sentence, section: entry.section, about: alias.text };
}

/** The years a policy is dated by: start, end and milestones. */
function policyYears(policy: PolicyRef["policy"]): number[] {
  return [
    policy.start_year.value,
    ...(policy.end_year.value === null ? [] : [policy.end_year.value]),
    ...policy.start_year.milestones.map((m) => m.year),
  ];
}

function isYear(stem: string): boolean {
  return /^(1[89]|2[01])\d\d$/.test(stem);
}

function readTokens(catalog: Catalog, text: string): QuestionToken[] {
  const expanded = expandDefinedAcronyms(catalog, expandAbbreviations(text));
  const tokens = tokenize(expanded.replace(CURRENCY_SIGNS, " money ")).map(
    (token): QuestionToken => {
      const base = {
        ...token,
        typed: token.stem,
        used: false,
        guessed: false,
        everyday: false,
      };
      const cjk = isCjk(token.raw);
      if (cjk || /^\d+$/.test(token.stem) || catalog.knownStems.has(token.stem)) {
        return { ...base, similarity: 1, cjk, unknown: false };
      }
      if (catalog.everydayStems.has(token.stem)) {
        return { ...base, similarity: 1, cjk, unknown: true, everyday: true };
      }
      const prefixOf = fieldPrefix(catalog, token.stem);
      if (prefixOf !== null) {
        return { ...base, stem: prefixOf, similarity: 1, cjk, unknown: false, guessed: true };
      }
      const corrected = correctTypo(catalog, token.stem);
      if (corrected) {
        return {
          ...base,
          stem: corrected.stem,
          similarity: corrected.similarity,
          cjk,
          unknown: false,
          guessed: !catalog.nameTargets.has(corrected.stem),
        };
      }
      return { ...base, similarity: 1, cjk, unknown: true };
    },
  );
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
      tokens[k] = {
        ...token,
        stem: corrected.stem,
        similarity: corrected.similarity,
        unknown: false,
        guessed: true,
      };
    });
  }
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
  return tokens;
}

/**
 * The word that could qualify a name from before or after it, articles skipped ("light a
 * torch"). A word before "the" does not qualify the name but acts on it ("who signed the GBA
 * plan"); a qualifier comes after "the" ("the olympic torch").
 */
function neighbour(
  tokens: readonly QuestionToken[],
  from: number,
  step: 1 | -1,
): QuestionToken | undefined {
  let k = from + step;
  while (tokens[k] !== undefined && ARTICLES.has(tokens[k]?.stem ?? "")) {
    if (step === -1 && tokens[k]?.stem === "the") return undefined;
    k += step;
  }
  return tokens[k];
}

function matchCountries(
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
  for (const match of scanPhrases(tokens, catalog.countryPhrases, () => true)) {
    for (const k of match.indices) {
      const token = tokens[k];
      if (token) token.used = true;
      positions.add(k);
    }
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
  }
  return { known: [...known], unknown: [...unknown], positions };
}

/** The longest run of characters two texts share ("大湾区" of "粤港澳大湾区" and "大湾区规划"). */
function commonRun(a: string, b: string): string {
  let best = "";
  for (let i = 0; i < a.length; i++) {
    for (let j = 0; j < b.length; j++) {
      let k = 0;
      while (i + k < a.length && j + k < b.length && a[i + k] === b[j + k]) k++;
      if (k > best.length) best = a.slice(i, i + k);
    }
  }
  return best;
}

const CJK_GENERIC_PATTERN = new RegExp(CJK_GENERIC_WORDS.join("|"), "gu");

/**
 * How much of a Chinese name a run of the question shares, generic words aside: "星火计划"
 * shares only "计划" (plan) with "火炬计划", which is no evidence for the TORCH Program.
 */
function longestCommonSubstring(a: string, b: string): number {
  if (a.includes(b)) return b.length;
  return commonRun(
    a.replace(CJK_GENERIC_PATTERN, "\u0001"),
    b.replace(CJK_GENERIC_PATTERN, "\u0002"),
  ).length;
}

/** Minimum length of a Chinese remainder that names another programme (two characters). */
const MIN_CJK_NAME = 2;

/**
 * A Chinese run of the question that names something the data does not hold: what is left
 * once names (whole, or the part a close match shares), country names, field words, generic
 * words and question words are taken out ("星火计划" → "星火", "中国制造" → "制造").
 */
function unknownCjkName(catalog: Catalog, tokens: readonly QuestionToken[]): string | null {
  const known = [
    ...catalog.cjkAliases.map((a) => a.text),
    ...catalog.cjkCountryAliases.map((a) => a.text),
    ...catalog.cjkFieldWords.map((w) => w.text),
  ].sort((a, b) => b.length - a.length);
  const fillers = [...CJK_GENERIC_WORDS, ...CJK_QUESTION_WORDS].sort((a, b) => b.length - a.length);
  for (const token of tokens) {
    if (!token.cjk || !/\p{Script=Han}/u.test(token.raw)) continue;
    let rest = token.raw;
    for (const text of known) rest = rest.split(text).join(" ");
    // A close match ("粤港澳湾区") keeps the part it shares with a name.
    for (const alias of catalog.cjkAliases) {
      const shared = commonRun(rest, alias.text);
      if (shared.length >= 3) rest = rest.split(shared).join(" ");
    }
    for (const word of fillers) rest = rest.split(word).join(" ");
    if (rest.split(" ").some((run) => [...run].length >= MIN_CJK_NAME)) return token.raw;
  }
  return null;
}

/** Every policy some words of the question point at, with how strongly. */
const AUXILIARIES = new Set(["do", "doe", "does", "did"]);
const CURRENCY_STEMS = new Set([
  "exchange",
  "rate",
  "currency",
  "conversion",
  "converted",
  "yuan",
  "euro",
  "eur",
  "rmb",
  "usd",
  "dollar",
]);

/** The currency words of a budget reading made only of them, quoted to the end, else null. */
function currencyQuestion(tokens: readonly QuestionToken[], fields: FieldReading): string | null {
  if (fields.policyField !== "budget" || fields.consumed.size === 0) return null;
  const positions = [...fields.consumed].sort((a, b) => a - b);
  if (!positions.every((k) => CURRENCY_STEMS.has(tokens[k]?.stem ?? ""))) return null;
  return clipAtWord(
    tokens
      .slice(positions[0])
      .map((t) => t.raw)
      .join(" "),
    MAX_QUOTE,
  );
}
const WHICH_WORDS = new Set(["which", "what"]);
const LEAD_VERBS = new Set([
  "lead",
  "led",
  "run",
  "ran",
  "head",
  "headed",
  "manage",
  "managed",
  "direct",
  "directed",
  "chair",
  "chaired",
  "coordinate",
  "coordinated",
]);

/**
 * "which university leads the GBA": a kind of beneficiary asked as the one that leads asks
 * for a particular leader the data does not name ("which sectors lead" still reads the focus;
 * "which ministry runs torch" the authorities, which the data does name).
 */
function askedLeader(
  tokens: readonly QuestionToken[],
  fields: FieldReading,
): { noun: string; verb: string } | null {
  if (fields.policyField !== "beneficiaries") return null;
  for (let k = 0; k < tokens.length; k++) {
    if (!WHICH_WORDS.has(tokens[k]?.stem ?? "")) continue;
    let end = k + 1;
    while (fields.consumed.has(end)) end++;
    const verb = tokens[end];
    if (end === k + 1 || !verb || !LEAD_VERBS.has(verb.stem)) continue;
    const noun = tokens
      .slice(k + 1, end)
      .map((t) => t.raw)
      .join(" ");
    return { noun, verb: verb.raw };
  }
  return null;
}

/**
 * "what sectors does the bay area plan combine": after "does <name>", an unknown word that
 * ends the question is its verb, not more of the name ("does torch relay start" is not).
 */
function verbAfterName(tokens: readonly QuestionToken[], first: number, last: number): boolean {
  let k = first - 1;
  while (k >= 0 && ARTICLES.has(tokens[k]?.stem ?? "")) k--;
  if (!AUXILIARIES.has(tokens[k]?.stem ?? "")) return false;
  return tokens.length === last + 2;
}

function matchPolicies(catalog: Catalog, tokens: QuestionToken[]): Candidate[] {
  // Which question word each name word could be: its best occurrence.
  const inQuestion = new Map<string, { index: number; similarity: number; inPhrase: boolean }>();
  const postingLists: { alias: number }[][] = [];
  const nameWordAt = (k: number): boolean => {
    const token = tokens[k];
    return token !== undefined && !token.used && catalog.postings.has(token.stem);
  };
  tokens.forEach((token, index) => {
    if (token.used || token.cjk) return;
    const postings = catalog.postings.get(token.stem);
    if (!postings) return;
    const seen = inQuestion.get(token.stem);
    // A word typed twice ("priority clusters of the City Clusters policy") is the name's where
    // it stands next to another word of a name.
    const inPhrase = nameWordAt(index - 1) || nameWordAt(index + 1);
    if (
      !seen ||
      seen.similarity < token.similarity ||
      (seen.similarity === token.similarity && inPhrase && !seen.inPhrase)
    ) {
      inQuestion.set(token.stem, { index, similarity: token.similarity, inPhrase });
    }
    postingLists.push(postings);
  });
  // Names are reached through their rarer words: a word in thousands of names ("cluster")
  // only adds to names already reached, so a question costs the same at any dataset size.
  postingLists.sort((a, b) => a.length - b.length);
  const reached = new Set<number>();
  for (const [i, postings] of postingLists.entries()) {
    if (postings.length > RARE_WORD_NAMES && (i > 0 || postings.length > COMMON_WORD_NAMES)) break;
    for (const { alias } of postings) reached.add(alias);
  }
  const perAlias = new Map<number, { similarity: number[]; position: number[] }>();
  for (const aliasIndex of reached) {
    const alias = catalog.aliases[aliasIndex];
    if (!alias) continue;
    const similarity = alias.stems.map((stem) => inQuestion.get(stem)?.similarity ?? 0);
    const position = alias.stems.map((stem) => inQuestion.get(stem)?.index ?? -1);
    perAlias.set(aliasIndex, { similarity, position });
  }

  const best = new Map<string, Candidate>();
  const consider = (candidate: Candidate): void => {
    const current = best.get(candidate.ref.policy.id);
    const better =
      !current ||
      (candidate.accepted && !current.accepted) ||
      (candidate.accepted === current.accepted &&
        (candidate.score > current.score ||
          (candidate.score === current.score && candidate.matchedWeight > current.matchedWeight)));
    if (better) best.set(candidate.ref.policy.id, candidate);
  };

  for (const [aliasIndex, state] of perAlias) {
    const alias = catalog.aliases[aliasIndex];
    const ref = alias ? catalog.policies.get(alias.policyId) : undefined;
    if (!alias || !ref) continue;
    let matchedWeight = 0;
    let matchedCount = 0;
    let distinctive = 0;
    const positions = new Set<number>();
    alias.stems.forEach((_, k) => {
      const similarity = state.similarity[k] ?? 0;
      const weight = alias.weights[k] ?? 0;
      if (similarity === 0 || weight === 0) return;
      matchedWeight += weight * similarity;
      matchedCount += 1;
      if (!alias.generic[k]) distinctive += 1;
      positions.add(state.position[k] ?? -1);
    });
    if (distinctive === 0) continue;
    const first = Math.min(...positions);
    const last = Math.max(...positions);
    let coverage = matchedWeight / alias.total;
    // Words of one name scattered across the question are weaker evidence than a phrase.
    if (last - first + 1 > alias.stems.length + 2) coverage *= 0.8;
    const partial = matchedCount < alias.weightedCount;
    let accepted =
      (alias.weightedCount === 1 && matchedCount === 1 && coverage >= ACCEPT_COVERAGE) ||
      (matchedCount >= 2 && coverage >= ACCEPT_COVERAGE);
    // "Yangtze River Delta" is not "Pearl River Delta", an "olympic torch" is not the TORCH
    // Program: an unknown word next to a name means the question names something else.
    if (accepted) {
      const before = neighbour(tokens, first, -1);
      const after = neighbour(tokens, last, 1);
      if (before?.unknown || (after?.unknown && !verbAfterName(tokens, first, last))) {
        accepted = false;
      }
      // "Greater Manchester plan" is not the "Greater Bay Area plan": an unknown word inside
      // the matched words replaces part of the name.
      for (let k = first + 1; k < last; k++) if (tokens[k]?.unknown) accepted = false;
    }
    // "river delta" is part of many places' names: a guess, asked back, unless a policy noun
    // ("plan") comes with it.
    if (accepted && partial) {
      const matchedStems = alias.stems.filter((_, k) => (state.similarity[k] ?? 0) > 0);
      const onlyPlaces = matchedStems.every(
        (stem) => catalog.geographicStems.has(stem) || catalog.genericStems.has(stem),
      );
      const withNoun = matchedStems.some((stem) => catalog.nameNounStems.has(stem));
      if (onlyPlaces && !withNoun) accepted = false;
    }
    consider({ ref, alias: aliasIndex, score: coverage, matchedWeight, positions, accepted });
  }

  // Chinese names: a CJK run containing a name, or most of one ("大湾区" in "粤港澳大湾区").
  tokens.forEach((token, index) => {
    if (!token.cjk) return;
    for (const alias of catalog.cjkAliases) {
      const ref = catalog.policies.get(alias.policyId);
      if (!ref) continue;
      const common = token.raw.includes(alias.text)
        ? alias.text.length
        : longestCommonSubstring(token.raw, alias.text);
      if (common < 2) continue;
      token.used = true;
      const coverage = common / alias.text.length;
      const accepted = coverage === 1 || (common >= 3 && coverage >= ACCEPT_COVERAGE);
      // Positions inside a CJK run: one per character, so two names in one run do not overlap.
      const start = Math.max(0, token.raw.indexOf(alias.text));
      const positions = new Set<number>();
      for (let c = 0; c < common; c++) positions.add(-(index * 10000 + start + c + 1));
      consider({ ref, alias: -1, score: coverage, matchedWeight: common, positions, accepted });
    }
  });
  return [...best.values()];
}

function overlaps(a: Set<number>, b: Set<number>): boolean {
  for (const value of a) if (b.has(value)) return true;
  return false;
}

function containsAll(outer: Set<number>, inner: Set<number>): boolean {
  for (const value of inner) if (!outer.has(value)) return false;
  return true;
}

/** The policies the question clearly names, and readings too close to call. */
function choosePolicies(candidates: Candidate[]): {
  chosen: Candidate[];
  ambiguous: Candidate[];
  weak: Candidate[];
} {
  const accepted = candidates
    .filter((c) => c.accepted)
    .sort((a, b) => b.score - a.score || b.matchedWeight - a.matchedWeight);
  const chosen: Candidate[] = [];
  const ambiguous: Candidate[] = [];
  for (const candidate of accepted) {
    const rival = chosen.find((other) => overlaps(other.positions, candidate.positions));
    if (!rival) {
      chosen.push(candidate);
      continue;
    }
    const rivalIsLonger =
      rival.positions.size > candidate.positions.size &&
      containsAll(rival.positions, candidate.positions);
    if (rivalIsLonger) continue;
    const candidateIsLonger =
      candidate.positions.size > rival.positions.size &&
      containsAll(candidate.positions, rival.positions);
    if (candidateIsLonger) {
      chosen.splice(chosen.indexOf(rival), 1, candidate);
      continue;
    }
    if (rival.score - candidate.score < CLEAR_GAP) {
      if (!ambiguous.includes(rival)) ambiguous.push(rival);
      ambiguous.push(candidate);
    }
  }
  const weak = candidates
    .filter((c) => !c.accepted)
    .sort((a, b) => b.score - a.score || b.matchedWeight - a.matchedWeight);
  return {
    chosen: chosen.filter((c) => !ambiguous.includes(c)),
    ambiguous,
    weak,
  };
}

interface FieldReading {
  policyField: PolicyField | null;
  countryField: CountryField | null;
  policyScore: number;
  countryScore: number;
  /** Only weak words ("when…", "cluster policy") named a field. */
  weakOnly: boolean;
  /** Country fields asked for equally, none by its own name ("rating" and "stable"). */
  countryTie: CountryField[];
  /** Question positions read as field words. */
  consumed: Set<number>;
  /** "maturity (scope, consistency)": the topic was named with its parts listed. */
  topicListed: boolean;
}

function bestField<F extends FieldName>(
  scores: Map<F, number>,
  ownNamed: ReadonlySet<FieldName>,
): { field: F | null; score: number; tied: F[] } {
  let top = 0;
  for (const value of scores.values()) top = Math.max(top, value);
  const tied = [...scores].filter(([, value]) => value === top && top > 0).map(([f]) => f);
  if (tied.length === 1) return { field: tied[0] ?? null, score: top, tied: [] };
  // "consistency rating": the field whose own name was typed wins over a shared word.
  const named = tied.filter((f) => ownNamed.has(f));
  if (named.length === 1) return { field: named[0] ?? null, score: top, tied: [] };
  // Two fields asked for equally: the card shows both rather than picking one.
  return { field: null, score: top, tied };
}

/** Words that ask where money comes from, not how much: "who actually funds", "come from". */
const ORIGIN_VERBS = new Set(["fund", "funds", "pay", "paid", "finance", "finances", "financed"]);
const AMOUNT_STEMS = new Set([
  "budget",
  "amount",
  "eur",
  "euro",
  "usd",
  "rmb",
  "million",
  "billion",
  "cost",
]);
const ORIGIN_REACH = 3;

function whoPays(tokens: readonly QuestionToken[]): boolean {
  return tokens.some(
    (token, k) =>
      token.stem === "who" &&
      tokens.slice(k + 1, k + 1 + ORIGIN_REACH).some((t) => ORIGIN_VERBS.has(t.stem)),
  );
}

function asksMoneyOrigin(tokens: readonly QuestionToken[]): boolean {
  if (whoPays(tokens)) return true;
  return tokens.some((token, k) => {
    const next = tokens[k + 1]?.stem;
    if (["come", "came", "coming"].includes(token.stem) && next === "from") return true;
    if (token.stem === "where" && tokens.slice(k + 1).some((t) => t.stem === "from")) return true;
    return token.stem === "paid" && next === "by";
  });
}

function asksMoneyAmount(tokens: readonly QuestionToken[]): boolean {
  return tokens.some(
    (token, k) =>
      AMOUNT_STEMS.has(token.stem) || (token.stem === "how" && tokens[k + 1]?.stem === "much"),
  );
}

/**
 * "where does the money for X come from", "who actually funds X": money words read as a
 * budget are its source when the question asks for an origin and no amount; "how much
 * funding" is the budget even beside a source word.
 */
function settleMoneyQuestion(
  tokens: readonly QuestionToken[],
  scores: Map<PolicyField, number>,
): void {
  const budget = scores.get("budget") ?? 0;
  const source = scores.get("funding_source") ?? 0;
  if (budget === 0 && source === 0) {
    // "who really pays for the GBA": a money verb asked of "who" is the source on its own.
    if (whoPays(tokens)) scores.set("funding_source", 1);
    return;
  }
  const origin = asksMoneyOrigin(tokens);
  const amount = asksMoneyAmount(tokens);
  if (origin && !amount && budget > 0) {
    scores.delete("budget");
    scores.set("funding_source", budget + source);
  } else if (amount && !origin && budget > 0 && source > 0) {
    scores.delete("funding_source");
    scores.set("budget", budget + source);
  }
}

/** A topic made of other fields' words: its parts listed beside it describe it. */
const LIST_TOPIC: CountryField = "maturity";
const MIN_LISTED_PARTS = 2;

/**
 * "maturity (scope, consistency, instruments)": the topic named by its own word wins over
 * two or more other field words listed with it, which name its dimensions.
 */
function preferListedTopic(
  ownNamed: ReadonlySet<FieldName>,
  policy: Map<PolicyField, number>,
  country: Map<CountryField, number>,
): boolean {
  if (!ownNamed.has(LIST_TOPIC) || !country.has(LIST_TOPIC)) return false;
  const others = [...policy.keys(), ...country.keys()].filter((f) => f !== LIST_TOPIC);
  if (new Set(others).size < MIN_LISTED_PARTS) return false;
  let total = 0;
  for (const value of [...policy.values(), ...country.values()]) total += value;
  policy.clear();
  country.clear();
  country.set(LIST_TOPIC, total);
  return true;
}

function readFields(catalog: Catalog, tokens: QuestionToken[]): FieldReading {
  const strongPolicy = new Map<PolicyField, number>();
  const weakPolicy = new Map<PolicyField, number>();
  const strongCountry = new Map<CountryField, number>();
  const weakCountry = new Map<CountryField, number>();
  const add = (phrase: FieldPhrase, amount: number): void => {
    if (phrase.scope === "policy") {
      const table = phrase.weak ? weakPolicy : strongPolicy;
      table.set(phrase.field, (table.get(phrase.field) ?? 0) + amount);
    } else {
      const table = phrase.weak ? weakCountry : strongCountry;
      table.set(phrase.field, (table.get(phrase.field) ?? 0) + amount);
    }
  };
  const consumed = new Set<number>();
  const ownNamed = new Set<FieldName>();
  for (const match of scanPhrases(tokens, catalog.fieldPhrases, (k) => !tokens[k]?.used, true)) {
    for (const k of match.indices) {
      const token = tokens[k];
      if (token) token.used = true;
      consumed.add(k);
    }
    const own = catalog.fieldOwnNames.get(match.indices.map((k) => tokens[k]?.stem).join(" "));
    if (own !== undefined) ownNamed.add(own);
    for (const phrase of match.values) add(phrase, phrase.length);
  }
  for (const token of tokens) {
    if (!token.cjk) continue;
    for (const word of catalog.cjkFieldWords) {
      if (!token.raw.includes(word.text)) continue;
      token.used = true;
      add({ ...word, weak: false, length: 1 }, 1);
    }
  }
  // "policies" is the country's default topic: any other country field named beside it wins.
  if (strongCountry.size > 1) strongCountry.delete("policies");
  settleMoneyQuestion(tokens, strongPolicy);
  const topicListed = preferListedTopic(ownNamed, strongPolicy, strongCountry);
  const policy = bestField(strongPolicy, ownNamed);
  const country = bestField(strongCountry, ownNamed);
  if (policy.score > 0 || country.score > 0) {
    return {
      policyField: policy.field,
      countryField: country.field,
      policyScore: policy.score,
      countryScore: country.score,
      weakOnly: false,
      countryTie: country.tied,
      consumed,
      topicListed,
    };
  }
  const weakP = bestField(weakPolicy, ownNamed);
  const weakC = bestField(weakCountry, ownNamed);
  return {
    policyField: weakP.field,
    countryField: weakC.field,
    policyScore: weakP.score,
    countryScore: weakC.score,
    weakOnly: weakP.score > 0 || weakC.score > 0,
    countryTie: weakC.tied,
    consumed,
    topicListed,
  };
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
    if (words.length === 0 || !words.every((stem) => asked.has(stem))) continue;
    named++;
    if (!best || words.length > best.words) best = { id: dimension.id, words: words.length };
  }
  // Several dimensions listed ("scope, consistency, instruments") ask for the whole breakdown.
  return named >= MIN_LISTED_PARTS ? null : (best?.id ?? null);
}

function countryIntent(
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

/** What the question may ask about a policy, for a clarifying question. */
const ASKABLE_FIELDS: readonly PolicyField[] = [
  "budget",
  "start_year",
  "evaluation",
  "objectives",
  "instruments",
];

function hasPhrase<T>(tokens: QuestionToken[], table: PhraseTable<T>): T | null {
  const matches = scanPhrases(tokens, table, () => true);
  const first = matches[0]?.values[0];
  return first ?? null;
}

function listNames(names: string[], conjunction = "or"): string {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} ${conjunction} ${names[names.length - 1]}`;
}

/** Policy names as a sentence reads them: "the TORCH Program or City Clusters". */
function policyNames(refs: readonly PolicyRef[], conjunction = "or"): string {
  return listNames(
    refs.map((ref) => policyName(ref.policy)),
    conjunction,
  );
}

function suggestionFor(ref: PolicyRef, field: FieldName | null): string {
  return field === null
    ? ref.policy.short_name
    : `${ref.policy.short_name} ${FIELD_QUESTION_WORDS[field]}`;
}

function policiesOf(catalog: Catalog, countryId: string | null): PolicyRef[] {
  return [...catalog.policies.values()].filter(
    (ref) => countryId === null || ref.country.id === countryId,
  );
}

function knownPoliciesText(catalog: Catalog): string {
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

function starterSuggestions(catalog: Catalog): string[] {
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
 * The unknown things a question names, each as the whole phrase around its unknown words
 * ("made in china 2025", not "2025"): runs of words no name, field or cue took, trimmed of
 * stop words at their ends.
 */
function quotePhrase(
  catalog: Catalog,
  tokens: QuestionToken[],
  cues: ReadonlySet<number>,
  fieldWords: ReadonlySet<number>,
  startsName: (index: number) => boolean = () => true,
): string {
  const free = (k: number): boolean => {
    const token = tokens[k];
    if (!token || cues.has(k) || token.cjk) return false;
    return !token.used || catalog.countryStems.has(token.stem);
  };
  const phrases: string[] = [];
  const taken = new Set<number>();
  tokens.forEach((token, k) => {
    if (taken.has(k)) return;
    if (token.cjk && !token.used) {
      phrases.push(token.raw);
      return;
    }
    if (!token.unknown || !startsName(k)) return;
    let start = k;
    let end = k;
    while (free(start - 1)) start -= 1;
    for (;;) {
      if (free(end + 1)) end += 1;
      // "14th five year plan": a field word inside a programme's name belongs to the name.
      else if (
        fieldWords.has(end + 1) &&
        catalog.nameNounStems.has(tokens[end + 2]?.stem ?? "") &&
        free(end + 2)
      ) {
        end += 2;
      } else break;
    }
    while (start < k && catalog.stopStems.has(tokens[start]?.stem ?? "")) start += 1;
    while (end > k && catalog.stopStems.has(tokens[end]?.stem ?? "")) end -= 1;
    const words: string[] = [];
    for (let j = start; j <= end; j++) {
      taken.add(j);
      words.push(tokens[j]?.raw ?? "");
    }
    phrases.push(words.join(" "));
  });
  return clipAtWord(phrases.join(", "), MAX_QUOTE);
}

/**
 * Words typed as names: capitalised other than at the start of a sentence ("like Europe"), or
 * in capitals anywhere ("MIC"), in their normalised form.
 */
function nameLikeWords(text: string): Set<string> {
  const out = new Set<string>();
  for (const sentence of text.split(/[.!?\n]+/u)) {
    const words = sentence.split(/[^\p{L}\p{N}'’-]+/u).filter((w) => w !== "");
    words.forEach((word, k) => {
      const capitals = /^\p{Lu}{2,}/u.test(word) || (k > 0 && /^\p{Lu}/u.test(word));
      if (capitals) for (const token of tokenize(word)) out.add(token.raw);
    });
  }
  return out;
}

/**
 * A quote as the user typed it: words that came from expanding an acronym ("science and
 * technology" of "MoST") are quoted as the acronym.
 */
function typedForm(catalog: Catalog, question: string, quote: string): string {
  if (quote === "") return quote;
  let out = quote;
  for (const { acronym, expansion, pattern } of catalog.definedAcronyms) {
    pattern.lastIndex = 0;
    if (!pattern.test(question)) continue;
    pattern.lastIndex = 0;
    const expanded = tokenize(expansion)
      .map((t) => t.raw)
      .join(" ");
    const parts = out.split(", ").map((part) => (expanded.includes(part) ? acronym : part));
    out = [...new Set(parts)].join(", ");
  }
  return out;
}

/** Longest quote of the user's words in a reply. */
const MAX_QUOTE = 60;

/** At most `max` characters, cut at a word boundary, never inside a word ("guangzho"). */
function clipAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max + 1);
  const space = cut.lastIndexOf(" ");
  return (space > 0 ? cut.slice(0, space) : text.slice(0, max)).replace(/[,\s]+$/u, "");
}

/** Words that may stand between a name and the word it sits next to ("budget of Horizon"). */
const SLOT_LINKS = new Set(["of", "for", "the", "a", "an", "in", "with", "and", "or", "to"]);

/**
 * An unknown word that reads as a name: typed like one (capitalised, an acronym, letters with
 * digits), or in a name's slot — next to a policy noun, a name word or another unknown word
 * ("horizon europe", "olympic torch", "the spark program").
 */
function looksLikeName(
  catalog: Catalog,
  tokens: readonly QuestionToken[],
  k: number,
  typedAsName: ReadonlySet<string>,
): boolean {
  const token = tokens[k];
  if (!token) return false;
  if (token.cjk || typedAsName.has(token.raw)) return true;
  if (/\d/.test(token.raw) && /\p{L}/u.test(token.raw) && !/^\d+s$/.test(token.raw)) return true;
  if (token.everyday) return false;
  const slot = (j: number): boolean => {
    const other = tokens[j];
    if (!other) return false;
    return (
      catalog.nameNounStems.has(other.stem) ||
      catalog.postings.has(other.stem) ||
      (other.unknown && !other.everyday && j !== k)
    );
  };
  for (const step of [-1, 1]) {
    let j = k + step;
    // Only one linking word: "budget of Horizon", not "based on … budget" far away.
    if (tokens[j] !== undefined && SLOT_LINKS.has(tokens[j]?.stem ?? "")) j += step;
    if (slot(j)) return true;
  }
  return false;
}

/** Words that are about the domain in general, not a thing asked about ("cluster"). */
const DOMAIN_STEMS = new Set(["cluster"]);
/** "eu alignment china policy": the domain's own noun after a field word names no programme. */
const GENERIC_NOUNS = new Set(["policy"]);

/** Content words nothing read: not a name, field, cue, country or ordinary word of questions. */
function leftoverContent(
  catalog: Catalog,
  tokens: QuestionToken[],
  cues: ReadonlySet<number>,
): QuestionToken[] {
  return tokens.filter(
    (token, k) =>
      !token.used &&
      !token.cjk &&
      !cues.has(k) &&
      !/^\d+$/.test(token.stem) &&
      token.stem.length > 2 &&
      !catalog.commonStems.has(token.stem) &&
      !catalog.stopStems.has(token.stem) &&
      !catalog.nameNounStems.has(token.stem) &&
      !DOMAIN_STEMS.has(token.stem),
  );
}

/**
 * "the 863 program", "the Belt and Road Initiative": a policy noun no chosen name took, right
 * after words the data does not know (or a number it does not use) — another programme's name.
 */
function unknownProgrammeName(
  catalog: Catalog,
  tokens: QuestionToken[],
  countryPositions: ReadonlySet<number>,
  fieldPositions: ReadonlySet<number>,
): string | null {
  const unknownish = (token: QuestionToken | undefined): boolean =>
    token !== undefined &&
    !token.used &&
    (token.unknown ||
      token.guessed ||
      (/^\d+$/.test(token.stem) && !catalog.dataYears.has(Number(token.stem))));
  for (let k = 1; k < tokens.length; k++) {
    const noun = tokens[k];
    // The noun may have been read as a field word ("programs"); the words before it decide.
    if (!noun || !catalog.nameNounStems.has(noun.stem)) continue;
    let start = k - 1;
    // "belt and road": connectors inside the name are part of it.
    const nameWord = (token: QuestionToken | undefined): boolean =>
      token !== undefined && !token.used && !catalog.commonStems.has(token.stem);
    // "digital china strategy": a country's name inside another programme's name, after a
    // word of its own (even one read as a field word, "digital").
    const before = tokens[start - 1];
    const countryInside =
      countryPositions.has(start) &&
      before !== undefined &&
      (unknownish(before) ||
        nameWord(before) ||
        (fieldPositions.has(start - 1) &&
          !DOMAIN_STEMS.has(before.stem) &&
          !GENERIC_NOUNS.has(noun.stem)));
    if (countryInside) start -= 1;
    else if (!unknownish(tokens[start])) continue;
    while (
      start > 0 &&
      (unknownish(tokens[start - 1]) ||
        nameWord(tokens[start - 1]) ||
        (catalog.stopStems.has(tokens[start - 1]?.stem ?? "") &&
          !ARTICLES.has(tokens[start - 1]?.stem ?? "") &&
          unknownish(tokens[start - 2])))
    ) {
      start -= 1;
    }
    return clipAtWord(
      tokens
        .slice(start, k + 1)
        .map((t) => t.raw)
        .join(" "),
      MAX_QUOTE,
    );
  }
  return null;
}

const COUNT_CUES: readonly (readonly string[])[] = [
  ["how", "many"],
  ["number", "of"],
  ["count", "of"],
];
/** Fields whose own words count things the answer gives (money, years, the list of policies). */
const COUNTED_FIELDS = new Set<FieldName>(["budget", "start_year", "end_year", "policies"]);

/**
 * What a count question counts ("how many incubators…" → incubators), unless it is something
 * a field answers with its own list or figure ("how many instruments", "how many euros").
 */
function countedThing(
  catalog: Catalog,
  tokens: QuestionToken[],
  chosen: readonly Candidate[],
): { stem: string; phrase: string } | null {
  const namePositions = new Set<number>();
  for (const c of chosen) for (const p of c.positions) namePositions.add(p);
  for (let k = 0; k < tokens.length; k++) {
    const cue = COUNT_CUES.find((words) => words.every((word, j) => tokens[k + j]?.stem === word));
    if (!cue) continue;
    let first = k + cue.length;
    while (ARTICLES.has(tokens[first]?.stem ?? "")) first += 1;
    const thing = tokens[first];
    if (!thing || namePositions.has(first) || thing.cjk) return null;
    if (catalog.stopStems.has(thing.stem) || catalog.nameNounStems.has(thing.stem)) return null;
    if (catalog.fieldOwnNames.has(thing.stem)) return null;
    const asField = catalog.fieldPhrases.map.get(thing.stem) ?? [];
    if (asField.some((f) => COUNTED_FIELDS.has(f.field))) return null;
    const words: string[] = [];
    for (let j = first; j < tokens.length; j++) {
      const token = tokens[j];
      if (!token || namePositions.has(j) || catalog.commonStems.has(token.stem)) break;
      words.push(token.raw);
    }
    return { stem: thing.stem, phrase: words.join(" ") || thing.raw };
  }
  return null;
}

/** Words for the size of an economy, read as the word the data uses ("GDP" → economy). */
const ECONOMY_WORDS: Readonly<Record<string, string>> = {
  economy: "economy",
  economie: "economy",
  economic: "economy",
  gdp: "economy",
  output: "economy",
  population: "population",
  people: "population",
  inhabitant: "population",
};

function economyStems(tokens: readonly QuestionToken[]): string[] {
  const out = new Set<string>();
  for (const token of tokens) {
    const word = ECONOMY_WORDS[token.typed];
    if (word !== undefined) out.add(word);
  }
  return [...out];
}

const NUMBER_WORDS =
  /\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|hundred|hundreds|thousand|thousands|million|billion|dozen|dozens)\b/i;

/**
 * The first sentence of a policy's texts that has all the given words (with a number in it,
 * for a count), so the answer can say it first.
 */
function findPassage(
  catalog: Catalog,
  ref: PolicyRef,
  stems: readonly string[],
  withNumber: boolean,
): { text: string; section: string; field: PolicyField } | null {
  if (stems.length === 0) return null;
  for (const entry of catalog.policySentences(ref.policy.id)) {
    if (!stems.every((stem) => entry.stems.has(stem))) continue;
    if (withNumber && !NUMBER_WORDS.test(entry.sentence)) continue;
    return { text: entry.sentence, section: entry.section, field: entry.field };
  }
  return null;
}

export function resolveQuestion(catalog: Catalog, text: string): Intent {
  const question = text.slice(0, MAX_QUESTION_LENGTH);
  // "policies.torch.budget", "if (torch.start_year < 2000) {…}": identifiers, not a question.
  if (looksLikeCode(question)) {
    return {
      kind: "none",
      text: `That looks like code, not a question. I answer questions about national cluster policies (${knownPoliciesText(catalog)}).`,
      suggestions: starterSuggestions(catalog),
    };
  }
  if (question.split(/\s+/u).filter((w) => /[\p{L}\p{N}]/u.test(w)).length > LONG_MESSAGE_WORDS) {
    return resolveLongMessage(catalog, question);
  }
  return markYesNo(resolveClause(catalog, question), question);
}

/** Openings of yes/no questions. */
const YES_NO_OPENERS = /^\s*(?:is|are|was|were|does|do|did|has|have|had)\b/i;

/**
 * What a yes/no question must ask for its field's data to answer it with a plain yes or no:
 * "is TORCH evaluated", "does the GBA have an end year", "does City Clusters have a budget".
 * Narrower questions ("is it evaluated ex post?", "has it ended?") are answered without one.
 */
const YES_NO_SHAPES: Partial<Record<PolicyField, { asks: RegExp; not?: RegExp }>> = {
  evaluation: {
    asks: /\b(?:evaluat\w*|assess\w*|monitor\w*|reviewed)\b/i,
    not: /\b(?:ex[- ]?(?:post|ante)|in[- ]?itinere|after|before|results?|outcomes?|findings?|who|how|when)\b/i,
  },
  end_year: {
    asks: /\b(?:have|has)\b.*\b(?:end|ending|end year|end date|deadline|expiry)\b/i,
    not: /\b(?:ended|finished|expired|when|which)\b/i,
  },
  budget: {
    asks: /\b(?:have|has|get|gets|receive|receives)\b.*\b(?:budget|funding|money)\b/i,
    not: /\b(?:how|annual|yearly|per year|more|less)\b/i,
  },
};

function markYesNo(intent: Intent, question: string): Intent {
  if (intent.kind !== "policy" || intent.field === null || intent.passage !== undefined) {
    return intent;
  }
  const shape = YES_NO_SHAPES[intent.field];
  if (!shape || !YES_NO_OPENERS.test(question) || !shape.asks.test(question)) return intent;
  if (shape.not?.test(question)) return intent;
  return { ...intent, yesNo: true };
}

/** Longer messages are chat: a policy named in passing is not a question about it. */
export const LONG_MESSAGE_WORDS = 20;

/**
 * A long message is answered only from a clause that itself asks something of a policy or the
 * country — the policy and the field or compare cue in the same clause, clauses of questions
 * ("…?") first. A policy mentioned in passing ("my thesis on city clusters in Asia…") or a
 * compare cue beside one name is not a question.
 */
function spacedDash(text: string, k: number): boolean {
  return "-–—".includes(text[k] ?? "x") && text[k - 1] === " " && text[k + 1] === " ";
}

/** Clauses split at , ; : and " - ", not inside brackets: their list belongs to the word before. */
function splitClauses(sentence: string): string[] {
  const clauses: string[] = [];
  let depth = 0;
  let start = 0;
  for (let k = 0; k < sentence.length; k++) {
    const char = sentence[k] ?? "";
    if ("([{".includes(char)) depth++;
    else if (")]}".includes(char)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && (",;:".includes(char) || spacedDash(sentence, k))) {
      clauses.push(sentence.slice(start, k));
      start = k + 1;
    }
  }
  clauses.push(sentence.slice(start));
  return clauses;
}

function resolveLongMessage(catalog: Catalog, question: string): Intent {
  const sentences = question
    .split(/(?<=[.!?\n])/u)
    .map((sentence) => ({ sentence, asks: sentence.includes("?") }));
  const ordered = [...sentences.filter((s) => s.asks), ...sentences.filter((s) => !s.asks)];
  const asksSomething = (intent: Intent, asks: boolean): boolean =>
    (intent.kind === "policy" && (intent.field !== null || intent.passage !== undefined)) ||
    (intent.kind === "compare" && intent.policies.length === 2) ||
    (intent.kind === "country" && asks);
  for (const { sentence, asks } of ordered) {
    // The whole sentence first ("which started earlier, TORCH or City Clusters?"), then each
    // of its clauses, so a cue and a name split by a comma still meet.
    const whole = resolveClause(catalog, sentence);
    if (asksSomething(whole, asks)) return markYesNo(whole, sentence);
    for (const clause of splitClauses(sentence)) {
      if (clause.trim() === "") continue;
      const intent = resolveClause(catalog, clause);
      if (asksSomething(intent, asks)) return markYesNo(intent, clause);
    }
  }
  return {
    kind: "none",
    text: `I couldn't find a question about a cluster policy in that message. I know these cluster policies — ${knownPoliciesText(catalog)}.`,
    suggestions: starterSuggestions(catalog),
  };
}

function resolveClause(catalog: Catalog, question: string): Intent {
  const tokens = readTokens(catalog, question);
  if (tokens.length === 0) {
    return {
      kind: "none",
      text: `Ask me about a cluster policy, e.g. “${starterSuggestions(catalog)[0] ?? "budget"}”.`,
      suggestions: starterSuggestions(catalog),
    };
  }

  const countries = matchCountries(catalog, tokens);
  if (countries.unknown.length > 0) {
    const have = catalog.countries.map((c) => c.name).join(", ");
    return {
      kind: "none",
      text: `I have no data on ${countries.unknown.join(" or ")}; I only cover ${have}.`,
      suggestions: catalog.countries.slice(0, 3).map((c) => `${c.name} policies`),
    };
  }

  let candidates = matchPolicies(catalog, tokens);
  // A word corrected to a name word that then names nothing ("song" → "hong", of Hong Kong)
  // was not that typo: it stays an unknown word.
  const acceptedIds = new Set(candidates.filter((c) => c.accepted).map((c) => c.ref.policy.id));
  const namesAccepted = (stem: string): boolean =>
    (catalog.postings.get(stem) ?? []).some(({ alias }) =>
      acceptedIds.has(catalog.aliases[alias]?.policyId ?? ""),
    );
  let uncorrected = false;
  tokens.forEach((token) => {
    if (token.similarity < 1 && !token.guessed && !token.used && !namesAccepted(token.stem)) {
      token.stem = token.typed;
      token.similarity = 1;
      token.unknown = true;
      uncorrected = true;
    }
  });
  if (uncorrected) candidates = matchPolicies(catalog, tokens);
  const { chosen, ambiguous, weak: weakReadings } = choosePolicies(candidates);
  for (const candidate of chosen) markNameUsed(catalog, tokens, candidate.positions);
  let fields = readFields(catalog, tokens);
  // "who funds it": words read as field words are not also a guess at a name ("Venture Fund").
  const weak = weakReadings.filter((c) => [...c.positions].some((p) => !fields.consumed.has(p)));
  // A field word found only by correcting a typo or completing a prefix ("lunch" → "launch")
  // does not bring a question about nothing named into scope.
  const anchored =
    chosen.length > 0 || ambiguous.length > 0 || weak.length > 0 || countries.known.length > 0;
  if (!anchored && tokens.some((t) => t.guessed)) {
    for (const k of fields.consumed) {
      const token = tokens[k];
      if (token) token.used = false;
    }
    for (const token of tokens) {
      if (!token.guessed) continue;
      token.stem = token.typed;
      token.unknown = !catalog.knownStems.has(token.typed);
      token.guessed = false;
    }
    fields = readFields(catalog, tokens);
  }
  const orderField = hasPhrase(tokens, catalog.orderPhrases);
  const allCue = hasPhrase(tokens, catalog.allPhrases) !== null;
  // "share" or "in common" compares only when several policies are in view.
  const compareCue =
    hasPhrase(tokens, catalog.comparePhrases) !== null ||
    (allCue && hasPhrase(tokens, catalog.weakComparePhrases) !== null);
  const cuePositions = new Set<number>();
  for (const table of [
    catalog.comparePhrases,
    catalog.weakComparePhrases,
    catalog.allPhrases,
    catalog.howToPhrases,
  ]) {
    for (const match of scanPhrases(tokens, table, () => true)) {
      for (const k of match.indices) cuePositions.add(k);
    }
  }
  for (const match of scanPhrases(tokens, catalog.orderPhrases, () => true)) {
    for (const k of match.indices) cuePositions.add(k);
  }
  // A country-level field firmly asked is not blocked by ordinary words: "what sources is
  // this based on" asks for the sources; only a name-like unknown word ("like Europe's
  // Horizon", "MIC") names something else. (A policy field keeps every unknown word as
  // evidence: "xiongan new area end year" names another plan.)
  const countryAsked =
    !fields.weakOnly &&
    fields.countryField !== null &&
    fields.countryScore >= fields.policyScore &&
    [...fields.consumed].some((k) => tokens[k]?.guessed === false);
  const nameLike = nameLikeWords(question);
  const unknownWords = typedForm(
    catalog,
    question,
    quotePhrase(
      catalog,
      tokens,
      cuePositions,
      fields.consumed,
      (k) => !countryAsked || looksLikeName(catalog, tokens, k, nameLike),
    ),
  );
  const leftovers = leftoverContent(catalog, tokens, cuePositions);
  const howTo = hasPhrase(tokens, catalog.howToPhrases) !== null;
  const unknownProgramme = unknownProgrammeName(
    catalog,
    tokens,
    countries.positions,
    fields.consumed,
  );
  const mentionedCountry = countries.known.length === 1 ? (countries.known[0] ?? null) : null;
  const soleCountry = catalog.countries.length === 1 ? (catalog.countries[0]?.id ?? null) : null;
  const countryId = mentionedCountry ?? soleCountry;

  if (ambiguous.length > 0) {
    const field = fields.policyField;
    return {
      kind: "clarify",
      text: `Which one do you mean: ${policyNames(ambiguous.map((c) => c.ref))}?`,
      suggestions: ambiguous.slice(0, 5).map((c) => suggestionFor(c.ref, field)),
    };
  }

  const named = chosen.map((c) => c.ref);

  // "how do I get to Macao from Hong Kong", "how do I torch.save a model": an errand, not a
  // question about a fact, when no field is asked.
  const anyField = fields.policyScore > 0 || fields.countryScore > 0;
  if (howTo && !anyField && orderField === null) {
    return {
      kind: "none",
      text: `I answer questions about national cluster policies (${knownPoliciesText(catalog)}).`,
      suggestions: starterSuggestions(catalog),
    };
  }

  // "星火计划 start year": a Chinese name the data does not hold is declined by that name.
  const unknownCjk = unknownCjkName(catalog, tokens);
  if (unknownCjk !== null) {
    return {
      kind: "none",
      text: `I have no data on “${unknownCjk}”. I know these cluster policies — ${knownPoliciesText(catalog)}.`,
      suggestions:
        named.length > 0
          ? named.slice(0, 3).map((ref) => suggestionFor(ref, fields.policyField))
          : starterSuggestions(catalog),
    };
  }

  // "863 program budget", "compare TORCH with the Belt and Road Initiative": a programme the
  // data does not hold is declined by its name, not answered or asked back as another.
  if (unknownProgramme !== null) {
    return {
      kind: "none",
      text: `I have no data on “${unknownProgramme}”. I know these cluster policies — ${knownPoliciesText(catalog)}.`,
      suggestions:
        named.length > 0
          ? named.slice(0, 3).map((ref) => suggestionFor(ref, fields.policyField))
          : starterSuggestions(catalog),
    };
  }
  if (named.length === 1 && compareCue && !allCue && unknownWords !== "") {
    const ref = named[0];
    return {
      kind: "none",
      text: `I have no data on “${unknownWords}”, so I can't compare it with ${ref ? policyName(ref.policy) : "that policy"}.`,
      suggestions: ref
        ? ref.country.policies
            .filter((p) => p.id !== ref.policy.id)
            .slice(0, 3)
            .map((p) => `compare ${ref.policy.short_name} and ${p.short_name}`)
        : [],
    };
  }

  // "how many incubators does TORCH have": a count the data does not give is said to be
  // missing, never answered with another field.
  const counted = countedThing(catalog, tokens, chosen);
  if (counted !== null && named.length === 1 && named[0]) {
    const ref = named[0];
    const passage = findPassage(catalog, ref, [counted.stem], true);
    if (passage !== null) {
      return {
        kind: "policy",
        country: ref.country.id,
        policy: ref.policy.id,
        field: passage.field,
        passage: { text: passage.text, section: passage.section },
      };
    }
    const field = fields.policyField;
    return {
      kind: "none",
      text: `The factsheet doesn't state the number of ${counted.phrase} for ${policyName(ref.policy)}.${
        field !== null ? ` I can tell you its ${FIELD_QUESTION_WORDS[field]}.` : ""
      }`,
      suggestions: [suggestionFor(ref, field ?? "summary")],
    };
  }

  // "which university leads the GBA": the data lists kinds of beneficiaries, not who leads.
  const leader = askedLeader(tokens, fields);
  if (leader !== null) {
    const ref = named[0];
    const subject = ref ? ` ${policyName(ref.policy)}` : " these policies";
    return {
      kind: "none",
      text: `I have no data on which ${leader.noun} ${leader.verb}${subject}. I can tell you ${
        ref ? "its" : "their"
      } authorities or beneficiaries.`,
      suggestions: ref
        ? [suggestionFor(ref, "authorities"), suggestionFor(ref, "beneficiaries")]
        : [],
    };
  }

  // A weak field word ("big", "total") does not carry a question about other things
  // ("how big is the GBA economy"): those things decide.
  const weakDropped = fields.weakOnly && leftovers.length > 0;
  if (weakDropped) {
    fields = { ...fields, policyField: null, countryField: null, policyScore: 0, countryScore: 0 };
  }
  const wrongCountry = mentionedCountry
    ? named.find((ref) => ref.country.id !== mentionedCountry)
    : undefined;
  if (wrongCountry && mentionedCountry) {
    const asked = catalog.countryById.get(mentionedCountry)?.name ?? mentionedCountry;
    return {
      kind: "none",
      text: `${wrongCountry.policy.short_name} is a policy of ${wrongCountry.country.name}, not of ${asked}.`,
      suggestions: [suggestionFor(wrongCountry, fields.policyField)],
    };
  }

  const impliedField: PolicyField | null = fields.policyField ?? orderField;

  // "how much of China's economy is the GBA": a size of the economy, not a budget. With a
  // money word or nothing else asked, the policy's own sentence about its economy answers.
  const economy = economyStems(tokens);
  if (
    economy.length > 0 &&
    named.length === 1 &&
    named[0] &&
    (fields.policyField === "budget" || fields.policyField === null) &&
    fields.countryScore <= fields.policyScore
  ) {
    const ref = named[0];
    const passage = findPassage(catalog, ref, economy, false);
    if (passage !== null && passage.field !== "budget") {
      return {
        kind: "policy",
        country: ref.country.id,
        policy: ref.policy.id,
        field: passage.field,
        passage: { text: passage.text, section: passage.section },
      };
    }
  }

  // A name with words the data does not know and nothing asked of it ("torch battery life",
  // "gba population"): not answered with the policy's card, asked back.
  const askedSomething =
    fields.policyScore > 0 || fields.countryScore > 0 || compareCue || orderField !== null;
  if (named.length === 1 && named[0] && leftovers.length > 0 && !askedSomething) {
    // "what's the hukou thing in City Clusters": words of the policy's own text are answered
    // with the sentence that has them.
    const ref = named[0];
    const passage = findPassage(
      catalog,
      ref,
      leftovers.map((t) => t.stem),
      false,
    );
    if (passage !== null) {
      return {
        kind: "policy",
        country: ref.country.id,
        policy: ref.policy.id,
        field: passage.field,
        passage: { text: passage.text, section: passage.section },
      };
    }
  }
  const unaskedWords =
    unknownWords !== "" || !weakDropped ? unknownWords : leftovers.map((t) => t.raw).join(" ");
  // "we joked about city clusters during lunch": a name among everyday words, nothing asked,
  // is chat about the day, not a question (and its words are not quoted back as names).
  const unknownTokens = tokens.filter((t) => t.unknown && !t.used && !t.cjk);
  if (
    named.length >= 1 &&
    !askedSomething &&
    unknownTokens.length > 0 &&
    unknownTokens.every((t) => t.everyday)
  ) {
    return {
      kind: "none",
      text: `I answer questions about national cluster policies (${knownPoliciesText(catalog)}).`,
      suggestions: named
        .slice(0, 1)
        .flatMap((ref) => ASKABLE_FIELDS.slice(0, 3).map((f) => suggestionFor(ref, f))),
    };
  }
  if (named.length >= 1 && unaskedWords !== "" && !askedSomething) {
    const first = named[0];
    // "best torch for camping": one common word that is also a name, among other things, is
    // chatter about something else.
    const oneWordNames = chosen.every((c) => [...c.positions].filter((p) => p >= 0).length === 1);
    if (oneWordNames) {
      return {
        kind: "none",
        text: `I have no data on “${unaskedWords}”. I know these cluster policies — ${knownPoliciesText(catalog)}.`,
        suggestions: first ? ASKABLE_FIELDS.slice(0, 3).map((f) => suggestionFor(first, f)) : [],
      };
    }
    return {
      kind: "clarify",
      text: `I have no data on “${unaskedWords}”. Did you mean ${policyNames(named, "and")}? I can tell you ${
        named.length === 1 ? "its" : "their"
      } ${listNames(
        ASKABLE_FIELDS.map((f) => FIELD_QUESTION_WORDS[f]),
        "and",
      )}.`,
      suggestions: first ? ASKABLE_FIELDS.slice(0, 3).map((f) => suggestionFor(first, f)) : [],
    };
  }

  if (named.length >= 2) {
    const first = named[0];
    return {
      kind: "compare",
      country: first?.country.id ?? "",
      policies: named.map((ref) => ref.policy.id).sort(),
      field: impliedField,
    };
  }

  if (named.length === 1 && named[0]) {
    const ref = named[0];
    if ((compareCue || orderField !== null) && allCue) {
      const others = ref.country.policies;
      if (others.length >= 2 && others.length <= MAX_COMPARE_ALL) {
        return {
          kind: "compare",
          country: ref.country.id,
          policies: others.map((p) => p.id).sort(),
          field: impliedField,
        };
      }
    }
    if (compareCue && fields.countryField === null) {
      const others = ref.country.policies.filter((p) => p.id !== ref.policy.id).slice(0, 5);
      return {
        kind: "clarify",
        text: `Compare ${ref.policy.short_name} with which policy?`,
        suggestions: others.map(
          (p) =>
            `compare ${ref.policy.short_name} and ${p.short_name}${
              impliedField ? ` ${FIELD_QUESTION_WORDS[impliedField]}` : ""
            }`,
        ),
      };
    }
    if (fields.countryField !== null && fields.countryScore > fields.policyScore) {
      if (fields.countryField === "sources") {
        return {
          kind: "country",
          country: ref.country.id,
          field: "sources",
          policy: ref.policy.id,
        };
      }
      if (fields.countryField !== "policies") {
        return countryIntent(
          catalog,
          ref.country.id,
          fields.countryField,
          tokens,
          fields.topicListed,
        );
      }
    }
    const field = fields.policyField;
    // "venture guiding fund budget": a name that is a part of the policy (one of its funds)
    // leads the answer with what the field's own text says about that part.
    const part = field === null ? null : partPassage(catalog, ref, chosen[0], field);
    return {
      kind: "policy",
      country: ref.country.id,
      policy: ref.policy.id,
      field,
      ...(part ? { passage: part } : {}),
    };
  }

  // No policy named.
  // "exchange rate yuan to euro today": money words that only name currencies, with no
  // policy, ask about the currencies themselves, not a policy's budget.
  const currencyAsked = currencyQuestion(tokens, fields);
  if (currencyAsked !== null) {
    return {
      kind: "none",
      text: `I have no data on “${currencyAsked}”. I can give the budgets of ${knownPoliciesText(catalog)}.`,
      suggestions: starterSuggestions(catalog),
    };
  }
  if (unknownWords !== "") {
    const nearest = weak.slice(0, 3).map((c) => suggestionFor(c.ref, fields.policyField));
    // Chatter ("haha", "gm") is not quoted back; a question about something unknown is.
    // A field read only from a guessed word ("lit" → literature) is not a question asked.
    const firmField = [...fields.consumed].some((k) => tokens[k]?.guessed === false);
    const aboutSomething =
      firmField || compareCue || orderField !== null || countries.known.length > 0;
    return {
      kind: "none",
      text: aboutSomething
        ? `I have no data on “${unknownWords}”. I know these cluster policies — ${knownPoliciesText(catalog)}.`
        : `I answer questions about national cluster policies (${knownPoliciesText(catalog)}).`,
      suggestions: nearest.length > 0 ? nearest : starterSuggestions(catalog),
    };
  }

  if (weak.length > 0) {
    const options = weak.slice(0, 3);
    // "hong kong government budget 2024": a year the data has nothing for, with only a partial
    // name, is about something else (this data has no figures for that year).
    const strayYear = tokens.find((t) => isYear(t.stem) && !catalog.dataYears.has(Number(t.stem)));
    if (strayYear) {
      return {
        kind: "none",
        text: `I have no data for ${strayYear.raw}. I know these cluster policies — ${knownPoliciesText(catalog)}.`,
        suggestions: options.map((c) => suggestionFor(c.ref, fields.policyField)),
      };
    }
    return {
      kind: "clarify",
      text: `Did you mean ${policyNames(options.map((c) => c.ref))}?`,
      suggestions: options.map((c) => suggestionFor(c.ref, fields.policyField)),
    };
  }

  // "how does China compare to the EU?": a country compared with something else, not its
  // policies with each other.
  if (compareCue && !allCue && orderField === null && countries.known.length > 0) {
    return {
      kind: "none",
      text: "I can compare policies with each other (e.g. their budgets or start years), not countries with other things.",
      suggestions: starterSuggestions(catalog).slice(1, 2),
    };
  }

  // "EU cluster policy maturity": the EU as the subject of a country-level question is a
  // place the data does not cover, not the policies' EU priorities.
  if (
    fields.policyField === "eu_alignment" &&
    fields.countryField !== null &&
    fields.countryField !== "policies" &&
    countries.known.length === 0
  ) {
    return {
      kind: "none",
      text: `I have no data on the EU's own cluster policy; I only cover ${catalog.countries
        .map((c) => c.name)
        .join(", ")}.`,
      suggestions: starterSuggestions(catalog),
    };
  }

  // "how long has China been doing cluster policy": a duration asked of a country is its
  // continuity, not one policy's start.
  const howLong = tokens.some((t, k) => t.stem === "how" && tokens[k + 1]?.stem === "long");
  if (
    howLong &&
    countries.known.length > 0 &&
    countryId !== null &&
    orderField === null &&
    (fields.policyField === "start_year" || fields.policyField === "end_year") &&
    (fields.countryField === null || fields.countryField === "policies")
  ) {
    return countryIntent(catalog, countryId, "continuity", tokens);
  }

  const policyFieldWins = fields.policyField !== null && fields.policyScore >= fields.countryScore;
  if (policyFieldWins && fields.policyField !== null) {
    const field = fields.policyField;
    // "the one ending in 2035": a year of the data narrows the policies offered to those it dates.
    const years = new Set(tokens.filter((t) => isYear(t.stem)).map((t) => Number(t.stem)));
    const allScope = policiesOf(catalog, countryId);
    const dated = allScope.filter((ref) => policyYears(ref.policy).some((y) => years.has(y)));
    const scope = dated.length > 0 ? dated : allScope;
    if ((allCue || orderField !== null || compareCue) && allScope.length >= 2) {
      if (countryId !== null && allScope.length <= MAX_COMPARE_ALL) {
        return {
          kind: "compare",
          country: countryId,
          policies: allScope.map((ref) => ref.policy.id).sort(),
          field,
        };
      }
    }
    if (scope.length === 1 && scope[0]) {
      return {
        kind: "policy",
        country: scope[0].country.id,
        policy: scope[0].policy.id,
        field,
      };
    }
    return {
      kind: "clarify",
      text: `Which policy do you mean? I can give the ${FIELD_QUESTION_WORDS[field]} of ${policyNames(
        scope.slice(0, 5),
      )}${scope.length > 5 ? " and others" : ""}.`,
      suggestions: scope.slice(0, 5).map((ref) => suggestionFor(ref, field)),
    };
  }

  // "cluster policy" alone, no country named: which country's? (Not China's by default.)
  if (fields.weakOnly && fields.countryField === "policies" && countries.known.length === 0) {
    return {
      kind: "clarify",
      text: `Which country's cluster policies? I have data on ${catalog.countries
        .slice(0, 5)
        .map((c) => c.name)
        .join(", ")}.`,
      suggestions: catalog.countries.slice(0, 5).map((c) => `${c.name} policies`),
    };
  }
  if (fields.countryTie.length > 1) {
    const where = catalog.countryById.get(countryId ?? "")?.name ?? "the country";
    const tied = fields.countryTie.map((f) => FIELD_QUESTION_WORDS[f]);
    return {
      kind: "clarify",
      text: `Do you mean ${where}'s ${listNames(tied)}?`,
      suggestions: fields.countryTie.map((f) => `${where} ${FIELD_QUESTION_WORDS[f]}`),
    };
  }
  const countryField = fields.countryField ?? (countries.known.length > 0 ? "policies" : null);
  if (countryField !== null) {
    if (countryId === null) {
      return {
        kind: "clarify",
        text: "Which country do you mean?",
        suggestions: catalog.countries
          .slice(0, 5)
          .map((c) => `${c.name} ${FIELD_QUESTION_WORDS[countryField]}`),
      };
    }
    // "which of China's policies is the oldest": an order over them all, not their list.
    if (((compareCue && allCue) || orderField !== null) && countryField === "policies") {
      const scope = policiesOf(catalog, countryId);
      if (scope.length >= 2 && scope.length <= MAX_COMPARE_ALL) {
        return {
          kind: "compare",
          country: countryId,
          policies: scope.map((ref) => ref.policy.id).sort(),
          field: orderField ?? fields.policyField,
        };
      }
    }
    return countryIntent(catalog, countryId, countryField, tokens, fields.topicListed);
  }

  // "which policy is the oldest": an order over all policies, with the field the order implies.
  if ((compareCue || orderField !== null) && allCue && countryId !== null) {
    const scope = policiesOf(catalog, countryId);
    if (scope.length >= 2 && scope.length <= MAX_COMPARE_ALL) {
      return {
        kind: "compare",
        country: countryId,
        policies: scope.map((ref) => ref.policy.id).sort(),
        field: orderField ?? fields.policyField,
      };
    }
  }

  return {
    kind: "none",
    text: `I answer questions about national cluster policies (${knownPoliciesText(catalog)}).`,
    suggestions: starterSuggestions(catalog),
  };
}

/**
 * Marks a chosen name's words as used, and the generic words typed around it ("the GBA plan",
 * "City Clusters policy"), so they are not read as field words.
 */
function markNameUsed(catalog: Catalog, tokens: QuestionToken[], positions: Set<number>): void {
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
