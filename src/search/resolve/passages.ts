import type { PolicyField } from "../../dataset/schema.ts";
import { stemToken, tokenize } from "../../model/normalize.ts";
import type { Intent } from "../../model/intent.ts";
import {
  FIELD_QUESTION_WORDS,
  type Catalog,
  type FieldName,
  type FieldPhrase,
  type PolicyRef,
} from "../catalog.ts";
import { policyName } from "../../model/names.ts";
import { ARTICLES, type QuestionToken } from "./tokens.ts";
import { ASKING_WORDS } from "../vocabulary.ts";
import type { Candidate } from "./policy-match.ts";
import { chineseQuestionShaped, chineseYesNo } from "./chinese.ts";

/**
 * The sentence of a field's text about the part of a policy the question named by an alias
 * ("Venture Guiding Fund"), when the alias is not one of the policy's own names.
 */
export function partPassage(
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
export function policyYears(policy: PolicyRef["policy"]): number[] {
  return [
    policy.start_year.value,
    ...(policy.end_year.value === null ? [] : [policy.end_year.value]),
    ...policy.start_year.milestones.map((m) => m.year),
  ];
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
export function countedThing(
  catalog: Catalog,
  tokens: QuestionToken[],
  chosen: readonly Candidate[],
  question = "",
): { stem: string; stems: string[]; phrase: string } | null {
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
    const asField = longestFieldPhrase(catalog, tokens, first);
    if (asField.some((f) => COUNTED_FIELDS.has(f.field))) return null;
    const words: QuestionToken[] = [];
    for (let j = first; j < tokens.length; j++) {
      const token = tokens[j];
      if (!token || token.cjk || namePositions.has(j)) break;
      // "national high-tech zones": a common word hyphened to the next is part of the noun.
      const joined = (a: number): boolean => hyphened(question, tokens[a]?.raw, tokens[a + 1]?.raw);
      const common = catalog.commonStems.has(token.stem) && j > first;
      if (common && !joined(j) && !joined(j - 1)) break;
      words.push(token);
      // "zones existed under…": the counted noun ends at its first plural.
      if (plural(token)) break;
    }
    const phrase = words.map((t) => t.raw).join(" ") || thing.raw;
    return {
      stem: thing.stem,
      stems: words.length > 0 ? words.map((t) => t.stem) : [thing.stem],
      phrase,
    };
  }
  return null;
}

/** A word typed as the plural of its stem ("zones", "cities", "start-ups"). */
function plural(token: QuestionToken): boolean {
  const raw = token.raw.toLowerCase();
  return raw !== token.stem && /(?:s|es)$/u.test(raw) && !raw.endsWith("ss");
}

/** Two words typed joined by a hyphen ("high-tech"). */
function hyphened(text: string, a: string | undefined, b: string | undefined): boolean {
  if (a === undefined || b === undefined) return false;
  return text.toLowerCase().includes(`${a.toLowerCase()}-${b.toLowerCase()}`);
}

/**
 * The field phrases of the longest field phrase starting at a position: "start-ups" is a word
 * of the beneficiaries, not "start" of the start year.
 */
function longestFieldPhrase(
  catalog: Catalog,
  tokens: readonly QuestionToken[],
  at: number,
): readonly FieldPhrase[] {
  const table = catalog.fieldPhrases;
  for (let length = Math.min(table.maxLength, tokens.length - at); length >= 1; length--) {
    const key = tokens
      .slice(at, at + length)
      .map((t) => t.stem)
      .join(" ");
    const found = table.map.get(key);
    if (found !== undefined) return found;
  }
  return [];
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

export function economyStems(tokens: readonly QuestionToken[]): string[] {
  const out = new Set<string>();
  for (const token of tokens) {
    const word = ECONOMY_WORDS[token.typed];
    if (word !== undefined) out.add(word);
  }
  return [...out];
}

const NUMBER_WORDS =
  /\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|hundred|hundreds|thousand|thousands|million|billion|dozen|dozens)\b/i;

const YEARS = /(?<![\d.,])(?:1[89]|20)\d\d(?![\d.,])/gu;

/** A sentence of a policy's own text, with the field whose text holds it. */
export interface PolicyPassage {
  text: string;
  section: string;
  field: PolicyField;
}

/**
 * The first sentence of a policy's texts that has all the given words (with a number in it,
 * for a count), so the answer can say it first.
 */
export function findPassage(
  catalog: Catalog,
  ref: PolicyRef,
  stems: readonly string[],
  withNumber: boolean,
): PolicyPassage | null {
  if (stems.length === 0) return null;
  for (const entry of catalog.policySentences(ref.policy.id)) {
    if (entry.item === true || !stems.every((stem) => entry.stems.has(stem))) continue;
    // A year dates what the sentence says ("has existed since 1988"); it counts nothing.
    if (withNumber && !NUMBER_WORDS.test(entry.sentence.replace(YEARS, " "))) continue;
    return { text: entry.sentence, section: entry.section, field: entry.field };
  }
  return null;
}

/** The policy answered by its sentence that holds what was asked, filed under that sentence's field. */
export function passageIntent(ref: PolicyRef, passage: PolicyPassage): Intent {
  return {
    kind: "policy",
    country: ref.country.id,
    policy: ref.policy.id,
    field: passage.field,
    passage: { text: passage.text, section: passage.section },
  };
}

/**
 * Words are compared by their first letters, so "finance" meets "financing" and "monitor"
 * "monitoring"; an ending ("-ing", "-ed") is cut first, so a short word meets its longer forms
 * too ("cover" and "covering", "fund" and "funded").
 */
const ROOT_LENGTH = 6;
const ENDING = /(?:ing|ed)$/u;
const MIN_BASE = 4;
export const rootOf = (stem: string): string => {
  const base = stem.replace(ENDING, "");
  return (base.length >= MIN_BASE ? base : stem).slice(0, ROOT_LENGTH);
};
const root = rootOf;

const rootSets = new WeakMap<ReadonlySet<string>, ReadonlySet<string>>();

/**
 * The roots of a text entry's stems. Entries are shared between the policies whose texts repeat
 * them and never change, so each is read once, not once per question that weighs it.
 */
export function rootsOfStems(stems: ReadonlySet<string>): ReadonlySet<string> {
  let roots = rootSets.get(stems);
  if (roots === undefined) {
    roots = new Set([...stems].map(rootOf));
    rootSets.set(stems, roots);
  }
  return roots;
}

/** Words of the domain itself: in every text, so evidence for none. */
export const DOMAIN_ROOTS = new Set([
  "cluste",
  "policy",
  "polici",
  "china",
  "chines",
  "plan",
  "program",
]);

const holders = new WeakMap<Catalog, Map<string, Map<string, Set<string>>>>();

/** Each root of a country's policy texts → the policies holding it: built on first use, kept. */
export function rootHolders(catalog: Catalog, countryId: string): Map<string, Set<string>> {
  const byCountry = holders.get(catalog) ?? new Map<string, Map<string, Set<string>>>();
  holders.set(catalog, byCountry);
  let index = byCountry.get(countryId);
  if (index) return index;
  byCountry.set(countryId, (index = new Map()));
  for (const { id } of catalog.countryById.get(countryId)?.policies ?? [])
    for (const { stems } of catalog.policySentences(id))
      for (const r of rootsOfStems(stems)) index.set(r, (index.get(r) ?? new Set()).add(id));
  return index;
}

/** The content words of a question that no name, country or cue took, as roots. */
export function contentRoots(
  catalog: Catalog,
  tokens: readonly QuestionToken[],
  skip: ReadonlySet<number>,
  numbers = false,
): string[] {
  const roots = new Set<string>();
  tokens.forEach((token, k) => {
    if (skip.has(k) || token.cjk || token.filler === true) return;
    // A number ("19 regions") counts only when asked for; letters of an abbreviation ("R&D" →
    // r, d) count; short words of asking do not.
    const number = /^\d+$/.test(token.stem);
    if (
      number
        ? !numbers
        : token.stem.length < 3 && (token.stem.length > 1 || catalog.commonStems.has(token.stem))
    ) {
      return;
    }
    if (token.used && !token.guessed && catalog.postings.has(token.stem)) return;
    if (catalog.stopStems.has(token.stem) || catalog.countryStems.has(token.stem)) return;
    if (catalog.nameNounStems.has(token.stem) || QUESTION_FILLERS.has(token.stem)) return;
    const r = root(token.typed);
    if (!DOMAIN_ROOTS.has(r)) roots.add(r);
  });
  return [...roots];
}

/** Words of asking that no text answers ("tell", "what's"); adverbs are read past anyway. */
const QUESTION_FILLERS = new Set(
  [...ASKING_WORDS.requests, ...ASKING_WORDS.wh, ...ASKING_WORDS.no_content].map(stemToken),
);

/** A passage found by content words: the passage and how many of the words it holds. */
export interface ScoredPassage extends PolicyPassage {
  matched: number;
  item: boolean;
  /** The question's roots it holds. */
  roots: string[];
}

/**
 * The entry holding most of the question's content words, at least half of them; a tie between
 * entries of different fields is no evidence for either.
 */
function bestEntry<E extends { stems: ReadonlySet<string>; field: string }>(
  entries: readonly E[],
  roots: readonly string[],
  ordinary: ReadonlySet<string> = new Set(),
): { entry: E; matched: string[] } | null {
  if (roots.length === 0) return null;
  // Ordinary words of questions ("the deal with", "under", "three") only break a tie of content
  // words; they neither pick an entry alone nor count against one.
  const content = (rs: readonly string[]): number => rs.filter((r) => !ordinary.has(r)).length;
  const rank = (rs: readonly string[]): number => content(rs) * (roots.length + 1) + rs.length;
  let best: { entry: E; matched: string[] } | null = null;
  let tied = false;
  for (const entry of entries) {
    const have = rootsOfStems(entry.stems);
    const matched = roots.filter((r) => have.has(r));
    if (matched.length === 0) continue;
    if (best === null || rank(matched) > rank(best.matched)) {
      best = { entry, matched };
      tied = false;
    } else if (rank(matched) === rank(best.matched) && entry.field !== best.entry.field) {
      tied = true;
    }
  }
  if (best === null || tied) return null;
  // At least half the content words; the words it leaves out count against it in the decision.
  const held = content(best.matched);
  return held > 0 && held * 2 >= content(roots) ? best : null;
}

/** The sentence or list item of a policy's own texts that holds most of the content words. */
export function bestPassage(
  catalog: Catalog,
  ref: PolicyRef,
  roots: readonly string[],
  ordinary: ReadonlySet<string> = new Set(),
): ScoredPassage | null {
  const best = bestEntry(catalog.policySentences(ref.policy.id), roots, ordinary);
  if (best === null) return null;
  return {
    text: best.entry.sentence,
    section: best.entry.section,
    field: best.entry.field,
    matched: best.matched.length,
    item: best.entry.item === true,
    roots: best.matched,
  };
}

/** A yes/no question: opened by an auxiliary, or a Chinese one ("…吗？"). */
export const asksYesNo = (question: string): boolean =>
  YES_NO_OPENING.test(question) || chineseYesNo(question);

/** Openings of yes/no questions. */
const YES_NO_OPENING = /^\s*(?:is|are|was|were|does|do|did|has|have|had|can)\b/iu;

/**
 * A list item quoted as a sentence: "Yes — “Financing networking events” is among the Greater
 * Bay Area plan's instruments." for a yes/no question, without the "Yes" otherwise.
 */
export function itemPassage(
  ref: PolicyRef,
  passage: PolicyPassage,
  question: string,
): PolicyPassage {
  const listed = `“${passage.text}” is listed among ${policyName(ref.policy)}'s ${FIELD_QUESTION_WORDS[passage.field]}.`;
  const text = asksYesNo(question)
    ? `Yes — ${listed}`
    : listed.charAt(0).toUpperCase() + listed.slice(1);
  return { ...passage, text };
}

/** Words a question or a request opens with. */
const QUESTION_OPENING = new RegExp(
  `^\\s*(?:what's|${[...ASKING_WORDS.wh, ...ASKING_WORDS.auxiliaries, ...ASKING_WORDS.requests].join("|")})\\b`,
  "iu",
);

/** A question (a question mark, or opened as one), not a remark that mentions a policy. */
export function questionShaped(text: string): boolean {
  return text.includes("?") || QUESTION_OPENING.test(text) || chineseQuestionShaped(text);
}
