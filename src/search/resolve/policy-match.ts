import type { Catalog, PolicyRef } from "../catalog.ts";
import { ARTICLES, holds, type QuestionToken } from "./tokens.ts";
import { sharedCjkRun } from "./unknown-words.ts";
import { isEnglishWord } from "../../text/english-words.ts";
import type { FieldReading } from "./fields.ts";
import { ASKING_WORDS } from "../vocabulary.ts";
import { isCjk, phraseStems, stemToken } from "../../model/normalize.ts";
import { rootHolders, rootOf } from "./passages.ts";

/** Share of a name's weight a partial mention needs (with at least two of its words). */
export const ACCEPT_COVERAGE = 0.5;
/** How far the best reading of some words must lead the next one to be taken without asking. */
export const CLEAR_GAP = 0.15;
/** A word in at most this many names reaches them all; commoner words only add to those. */
const RARE_WORD_NAMES = 64;
/** Even the rarest word of a question reaches no names when it is in more than this many. */
const COMMON_WORD_NAMES = 2000;
export interface Candidate {
  ref: PolicyRef;
  /** The alias matched (an index into the catalog's aliases), -1 for a Chinese name. */
  alias: number;
  score: number;
  matchedWeight: number;
  positions: Set<number>;
  accepted: boolean;
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
  // A hedge ("torch even") stands beside a name without qualifying it.
  while (
    tokens[k] !== undefined &&
    (ARTICLES.has(tokens[k]?.stem ?? "") || tokens[k]?.filler === true)
  ) {
    if (step === -1 && tokens[k]?.stem === "the") return undefined;
    k += step;
  }
  return tokens[k];
}

const AUXILIARIES = new Set(ASKING_WORDS.auxiliaries.map(stemToken));
const WHICH_WORDS = new Set(["which", "what"]);
const LEAD_VERBS = new Set(ASKING_WORDS.lead_verbs);

/**
 * "which university leads the GBA": a kind of beneficiary asked as the one that leads asks
 * for a particular leader the data does not name ("which sectors lead" still reads the focus;
 * "which ministry runs torch" the authorities, which the data does name).
 */
export function askedLeader(
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
 * "what sectors does the bay area plan combine", "does TORCH subsidise offices", "how does
 * TORCH map onto the EU's priorities": after "does <name>", an unknown word that ends the
 * question, or is followed by its object (a small word, a number, a word of the policy's own
 * texts), is its verb, not more of the name ("does torch relay start", "does the torch relay
 * have a budget": a field word or an auxiliary after it is the verb, so it is the name's).
 */
function verbAfterName(
  catalog: Catalog,
  tokens: readonly QuestionToken[],
  first: number,
  last: number,
  ref: PolicyRef,
): boolean {
  let k = first - 1;
  while (k >= 0 && ARTICLES.has(tokens[k]?.stem ?? "")) k--;
  if (!AUXILIARIES.has(tokens[k]?.stem ?? "")) return false;
  if (tokens.length === last + 2) return true;
  // "when did the torch relay for…": after an article, a noun may follow the name ("the
  // torch relay"); only after a name ending in its policy noun ("the GBA plan") is it a verb.
  const article = k < first - 1;
  if (article && !catalog.nameNounStems.has(tokens[last]?.stem ?? "")) return false;
  const verb = tokens[last + 1];
  const next = tokens[last + 2];
  if (verb === undefined || next === undefined || next.clause !== verb.clause) return false;
  if (!isEnglishWord(verb.typed) || AUXILIARIES.has(next.stem)) return false;
  if (catalog.fieldWordFields.has(next.stem)) return false;
  const held = rootHolders(catalog, ref.country.id).get(rootOf(next.stem))?.has(ref.policy.id);
  return catalog.stopStems.has(next.stem) || /^\d/u.test(next.stem) || held === true;
}

/** Every policy some words of the question point at, with how strongly. */
export function matchPolicies(catalog: Catalog, tokens: QuestionToken[]): Candidate[] {
  // Which question word each name word could be: its best occurrence.
  const inQuestion = new Map<string, { index: number; similarity: number; inPhrase: boolean }>();
  const postingLists: { alias: number }[][] = [];
  const nameWordAt = (k: number): boolean => {
    const token = tokens[k];
    return token !== undefined && !token.used && catalog.postings.has(token.stem);
  };
  tokens.forEach((token, index) => {
    // A word glossed from Chinese ("香港" → hong kong) is content, not a name typed.
    if (token.used || token.cjk || token.gloss !== undefined) return;
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
    // Program: an unknown name next to a name means the question names something else. An
    // ordinary English word before it acts on it ("which ministry guides torch") unless the two
    // make one word ("blow torch"); a word after it is more of a name ("torch relay").
    if (accepted) {
      const clause = tokens[first]?.clause;
      const before = neighbour(tokens, first, -1);
      const after = neighbour(tokens, last, 1);
      const qualifies = (token: QuestionToken | undefined): token is QuestionToken =>
        token?.unknown === true && token.clause === clause;
      const firstWord = tokens[first]?.typed ?? "";
      const nameBefore =
        qualifies(before) &&
        (!isEnglishWord(before.typed) || isEnglishWord(before.typed + firstWord));
      const nameAfter =
        qualifies(after) &&
        !verbAfterName(catalog, tokens, first, last, ref) &&
        !saysOfName(catalog, tokens, ref, after);
      if (nameBefore || nameAfter) accepted = false;
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
      const run = sharedCjkRun(token.raw, alias.text);
      const common = run.length;
      if (common < 2) continue;
      token.used = true;
      const coverage = common / alias.text.length;
      const accepted = coverage === 1 || (common >= 3 && coverage >= ACCEPT_COVERAGE);
      // Positions inside a CJK run: one per character, so two names in one run do not overlap.
      const start = Math.max(0, token.raw.indexOf(run));
      const positions = new Set<number>();
      for (let c = 0; c < common; c++) positions.add(-(index * 10000 + start + c + 1));
      consider({ ref, alias: -1, score: coverage, matchedWeight: common, positions, accepted });
    }
  });
  return [...best.values()];
}

/**
 * "the GBA accounts for 12%…", "GBA covers nine cities": a word after a name that the
 * policy's own texts hold, followed in its clause by a small word or a number, is said of
 * the name (a verb with its object), so it is no more of another name ("torch relay", "gba
 * population" are).
 */
function saysOfName(
  catalog: Catalog,
  tokens: readonly QuestionToken[],
  ref: PolicyRef,
  word: QuestionToken,
): boolean {
  const held = rootHolders(catalog, ref.country.id).get(rootOf(word.stem))?.has(ref.policy.id);
  const next = tokens[tokens.indexOf(word) + 1];
  const object =
    next !== undefined &&
    next.clause === word.clause &&
    (catalog.stopStems.has(next.stem) || /^\d/u.test(next.stem));
  return held === true && object;
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
export function choosePolicies(candidates: Candidate[]): {
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

const NEGATION_PHRASES = ASKING_WORDS.negations.filter((w) => !isCjk(w)).map(phraseStems);
const CJK_NEGATIONS = ASKING_WORDS.negations.filter(isCjk);
const TALK = ASKING_WORDS.talk.filter((w) => !isCjk(w)).map(phraseStems);
const CJK_TALK = ASKING_WORDS.talk.filter(isCjk);

/**
 * The names said not to be asked about: "not the GBA one", "唔係講大灣區嗰個", "rather than
 * Torch" (a negation, words of talk aside, right before the name). They are context: what is
 * asked is something else.
 */
export function negatedNames(
  tokens: readonly QuestionToken[],
  chosen: readonly Candidate[],
): Candidate[] {
  return chosen.filter((c) => {
    const first = Math.min(...c.positions);
    if (first < 0) {
      // A Chinese name (positions -(run × 10000 + character + 1)): the characters before it.
      const at = -Math.max(...c.positions) - 1;
      const run = tokens[Math.floor(at / 10000)]?.raw ?? "";
      let before = run.slice(0, at % 10000);
      const talk = CJK_TALK.find((w) => before.endsWith(w));
      if (talk !== undefined) before = before.slice(0, -talk.length);
      return CJK_NEGATIONS.some((w) => before.endsWith(w));
    }
    const stems = tokens
      .slice(0, first)
      .filter((t) => !t.cjk && t.filler !== true)
      .map((t) => t.stem);
    const endsWith = (words: readonly string[], phrase: readonly string[]): boolean =>
      holds(words, phrase, words.length - phrase.length);
    if (NEGATION_PHRASES.some((n) => endsWith(stems, n))) return true;
    // "not talking about the GBA": words of talk between, the negation's article left out.
    let at = stems.length;
    while (ARTICLES.has(stems[at - 1] ?? "")) at -= 1;
    const said = stems.slice(0, at);
    const talk = TALK.find((phrase) => endsWith(said, phrase));
    if (talk === undefined) return false;
    const rest = said.slice(0, said.length - talk.length);
    return NEGATION_PHRASES.some(
      (n) =>
        endsWith(rest, n) ||
        endsWith(
          rest,
          n.filter((w) => !ARTICLES.has(w)),
        ),
    );
  });
}
