import type { CountryField, PolicyField } from "../dataset/schema.ts";
import type { Intent } from "../answers/types.ts";
import { isCjk, tokenize } from "./normalize.ts";
import { CAPITALISED_ABBREVIATIONS } from "./vocabulary.ts";
import {
  correctTypo,
  FIELD_QUESTION_WORDS,
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
}

interface Candidate {
  ref: PolicyRef;
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

function readTokens(catalog: Catalog, text: string): QuestionToken[] {
  return tokenize(expandAbbreviations(text)).map((token) => {
    const cjk = isCjk(token.raw);
    if (cjk || /^\d+$/.test(token.stem) || catalog.knownStems.has(token.stem)) {
      return { ...token, similarity: 1, cjk, unknown: false, used: false };
    }
    const corrected = correctTypo(catalog, token.stem);
    if (corrected) {
      return {
        raw: token.raw,
        stem: corrected.stem,
        similarity: corrected.similarity,
        cjk,
        unknown: false,
        used: false,
      };
    }
    return { ...token, similarity: 1, cjk, unknown: true, used: false };
  });
}

function matchCountries(
  catalog: Catalog,
  tokens: QuestionToken[],
): { known: string[]; unknown: string[] } {
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
  return { known: [...known], unknown: [...unknown] };
}

function longestCommonSubstring(a: string, b: string): number {
  let best = 0;
  for (let i = 0; i < a.length; i++) {
    for (let j = 0; j < b.length; j++) {
      let k = 0;
      while (i + k < a.length && j + k < b.length && a[i + k] === b[j + k]) k++;
      if (k > best) best = k;
    }
  }
  return best;
}

/** Every policy some words of the question point at, with how strongly. */
function matchPolicies(catalog: Catalog, tokens: QuestionToken[]): Candidate[] {
  // Which question word each name word could be: its best occurrence.
  const inQuestion = new Map<string, { index: number; similarity: number }>();
  const postingLists: { alias: number }[][] = [];
  tokens.forEach((token, index) => {
    if (token.used || token.cjk) return;
    const postings = catalog.postings.get(token.stem);
    if (!postings) return;
    const seen = inQuestion.get(token.stem);
    if (!seen || seen.similarity < token.similarity) {
      inQuestion.set(token.stem, { index, similarity: token.similarity });
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
    // "Yangtze River Delta" is not "Pearl River Delta": an unknown word next to a partial
    // name means the question names something else.
    if (accepted && partial) {
      const before = tokens[first - 1];
      const after = tokens[last + 1];
      if (before?.unknown || after?.unknown) accepted = false;
    }
    consider({ ref, score: coverage, matchedWeight, positions, accepted });
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
      consider({ ref, score: coverage, matchedWeight: common, positions, accepted });
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
}

function bestField<F extends FieldName>(
  scores: Map<F, number>,
): { field: F | null; score: number } {
  let field: F | null = null;
  let score = 0;
  let tie = false;
  for (const [candidate, value] of scores) {
    if (value > score) {
      field = candidate;
      score = value;
      tie = false;
    } else if (value === score && value > 0) {
      tie = true;
    }
  }
  // Two fields asked for equally: the card shows both rather than picking one.
  return tie ? { field: null, score } : { field, score };
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
  for (const match of scanPhrases(tokens, catalog.fieldPhrases, (k) => !tokens[k]?.used, true)) {
    for (const k of match.indices) {
      const token = tokens[k];
      if (token) token.used = true;
    }
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
  const policy = bestField(strongPolicy);
  const country = bestField(strongCountry);
  if (policy.score > 0 || country.score > 0) {
    return {
      policyField: policy.field,
      countryField: country.field,
      policyScore: policy.score,
      countryScore: country.score,
      weakOnly: false,
    };
  }
  const weakP = bestField(weakPolicy);
  const weakC = bestField(weakCountry);
  return {
    policyField: weakP.field,
    countryField: weakC.field,
    policyScore: weakP.score,
    countryScore: weakC.score,
    weakOnly: weakP.score > 0 || weakC.score > 0,
  };
}

function hasPhrase<T>(tokens: QuestionToken[], table: PhraseTable<T>): T | null {
  const matches = scanPhrases(tokens, table, () => true);
  const first = matches[0]?.values[0];
  return first ?? null;
}

function listNames(names: string[]): string {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} or ${names[names.length - 1]}`;
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

function quoteWords(tokens: QuestionToken[]): string {
  return tokens
    .filter((t) => t.unknown || (t.cjk && !t.used))
    .map((t) => t.raw)
    .join(" ")
    .slice(0, 60);
}

export function resolveQuestion(catalog: Catalog, text: string): Intent {
  const tokens = readTokens(catalog, text.slice(0, MAX_QUESTION_LENGTH));
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

  const { chosen, ambiguous, weak } = choosePolicies(matchPolicies(catalog, tokens));
  for (const candidate of chosen) markNameUsed(catalog, tokens, candidate.positions);
  const fields = readFields(catalog, tokens);
  const compareCue = hasPhrase(tokens, catalog.comparePhrases) !== null;
  const orderField = hasPhrase(tokens, catalog.orderPhrases);
  const allCue = hasPhrase(tokens, catalog.allPhrases) !== null;
  const unknownWords = quoteWords(tokens);
  const mentionedCountry = countries.known.length === 1 ? (countries.known[0] ?? null) : null;
  const soleCountry = catalog.countries.length === 1 ? (catalog.countries[0]?.id ?? null) : null;
  const countryId = mentionedCountry ?? soleCountry;

  if (ambiguous.length > 0) {
    const field = fields.policyField;
    return {
      kind: "clarify",
      text: `Which one do you mean: ${listNames(ambiguous.map((c) => c.ref.policy.short_name))}?`,
      suggestions: ambiguous.slice(0, 5).map((c) => suggestionFor(c.ref, field)),
    };
  }

  const named = chosen.map((c) => c.ref);
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
        return { kind: "country", country: ref.country.id, field: fields.countryField };
      }
    }
    return {
      kind: "policy",
      country: ref.country.id,
      policy: ref.policy.id,
      field: fields.policyField,
    };
  }

  // No policy named.
  if (unknownWords !== "") {
    const nearest = weak.slice(0, 3).map((c) => suggestionFor(c.ref, fields.policyField));
    return {
      kind: "none",
      text: `I have no data on “${unknownWords}”. I know these cluster policies — ${knownPoliciesText(catalog)}.`,
      suggestions: nearest.length > 0 ? nearest : starterSuggestions(catalog),
    };
  }

  if (weak.length > 0) {
    const options = weak.slice(0, 3);
    return {
      kind: "clarify",
      text: `Did you mean ${listNames(options.map((c) => c.ref.policy.short_name))}?`,
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

  const policyFieldWins = fields.policyField !== null && fields.policyScore >= fields.countryScore;
  if (policyFieldWins && fields.policyField !== null) {
    const field = fields.policyField;
    const scope = policiesOf(catalog, countryId);
    if ((allCue || orderField !== null || compareCue) && scope.length >= 2) {
      if (countryId !== null && scope.length <= MAX_COMPARE_ALL) {
        return {
          kind: "compare",
          country: countryId,
          policies: scope.map((ref) => ref.policy.id).sort(),
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
      text: `Which policy do you mean? I can give the ${FIELD_QUESTION_WORDS[field]} of ${listNames(
        scope.slice(0, 5).map((ref) => ref.policy.short_name),
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
    if (compareCue && allCue && countryField === "policies") {
      const scope = policiesOf(catalog, countryId);
      if (scope.length >= 2 && scope.length <= MAX_COMPARE_ALL) {
        return {
          kind: "compare",
          country: countryId,
          policies: scope.map((ref) => ref.policy.id).sort(),
          field: null,
        };
      }
    }
    return { kind: "country", country: countryId, field: countryField };
  }

  // "which policy is the oldest": an order over all policies, with the field the order implies.
  if ((compareCue || orderField !== null) && allCue && countryId !== null) {
    const scope = policiesOf(catalog, countryId);
    if (scope.length >= 2 && scope.length <= MAX_COMPARE_ALL) {
      return {
        kind: "compare",
        country: countryId,
        policies: scope.map((ref) => ref.policy.id).sort(),
        field: orderField,
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
