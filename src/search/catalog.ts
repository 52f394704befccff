import { joinAtStrayStops } from "../model/sentences.ts";
import Fuse from "fuse.js";
import { FIELD_QUESTION_WORDS, type FieldName } from "../model/fields.ts";
import type { DatasetLookup, PolicyRef } from "../model/lookup.ts";
import {
  COUNTRY_FIELDS,
  POLICY_FIELDS,
  type Country,
  type CountryField,
  type Policy,
  type PolicyField,
} from "../dataset/schema.ts";
import {
  allowedEdits,
  editDistance,
  isCjk,
  normalizeText,
  phraseStems,
  stemToken,
} from "../model/normalize.ts";
import {
  ALL_POLICIES_WORDS,
  IDIOM_WORDS,
  CJK_FIELD_WORDS,
  COMMON_WORDS,
  EVERYDAY_WORDS,
  FILLER_WORDS,
  COMPARE_WORDS,
  COUNTRY_FIELD_WORDS,
  DURATION_WORDS,
  GENERIC_NAME_WORDS,
  GEOGRAPHIC_WORDS,
  HOW_TO_WORDS,
  NAME_NOUNS,
  ORDER_WORDS,
  QUALITY_ORDER_WORDS,
  POLICY_FIELD_WORDS,
  STOP_WORDS,
  WEAK_COMPARE_WORDS,
  OTHER_COUNTRY_NAMES,
  CAPITALISED_ABBREVIATIONS,
} from "./vocabulary.ts";
import { worldCountries } from "./world-countries.ts";
import { initialsOf } from "../text/initials.ts";
import { isEnglishWord } from "../text/english-words.ts";

/**
 * Everything the resolver and autocomplete look things up in, built once per dataset: the
 * policies' names and aliases as weighted token lists with an inverted index, the field
 * vocabulary as phrase tables, country words, and fuse.js indexes for typos and autocomplete.
 */

export type { PolicyRef } from "../model/lookup.ts";

/** One name a policy goes by, as comparable tokens with how much each token identifies it. */
export interface AliasEntry {
  policyId: string;
  text: string;
  stems: string[];
  weights: number[];
  /** Sum of weights: what a full match is worth. */
  total: number;
  /** Tokens that carry weight (generic words count for little, stop words for nothing). */
  weightedCount: number;
  generic: boolean[];
}

export interface CjkAlias {
  policyId: string;
  text: string;
}

export type { FieldName } from "../model/fields.ts";
export { FIELD_QUESTION_WORDS } from "../model/fields.ts";

export type ScopedField =
  { scope: "policy"; field: PolicyField } | { scope: "country"; field: CountryField };

export type FieldPhrase = ScopedField & { weak: boolean; length: number };

export type CountryMention =
  { kind: "known"; countryId: string } | { kind: "unknown"; name: string };

/** Phrase table keyed by space-joined stems, with the longest phrase length for scanning. */
export interface PhraseTable<T> {
  map: Map<string, T[]>;
  maxLength: number;
}

export interface Catalog extends DatasetLookup {
  countries: readonly Country[];
  policies: Map<string, PolicyRef>;
  countryById: Map<string, Country>;
  aliases: AliasEntry[];
  /** stem → (alias index, token position) */
  postings: Map<string, { alias: number; position: number }[]>;
  cjkAliases: CjkAlias[];
  countryPhrases: PhraseTable<CountryMention>;
  cjkCountryAliases: { countryId: string; text: string }[];
  /** Chinese names of countries the data does not hold ("德国"): declined by name. */
  cjkForeignCountries: { name: string; text: string }[];
  /** Abbreviations read only as typed ("US", a country's "HK"), expanded before matching. */
  abbreviations: { pattern: RegExp; word: string }[];
  fieldPhrases: PhraseTable<FieldPhrase>;
  cjkFieldWords: (ScopedField & { text: string })[];
  comparePhrases: PhraseTable<true>;
  /** "share", "in common": a comparison only when several policies are in view. */
  weakComparePhrases: PhraseTable<true>;
  /** "how do I…", "where can I…": errands, not questions about a fact. */
  howToPhrases: PhraseTable<true>;
  /**
   * Acronyms the data defines ("Ministry of Science and Technology (MoST)") → their full name,
   * read only in the case the data writes them: "MoST" is the ministry, "most" a word.
   */
  definedAcronyms: { acronym: string; expansion: string; pattern: RegExp }[];
  /** Each policy's own texts as sentences, for words a question asks about inside them. */
  /** Read on first use (most questions never need them), then kept. */
  policySentences: (policyId: string) => readonly PolicySentence[];
  /** A country's own texts (approach, continuity, maturity, sources) as sentences. */
  countrySentences: (countryId: string) => readonly CountrySentence[];
  /** Ordinary words of questions (stop and chat words): not content. */
  commonStems: Set<string>;
  /** Everyday words that are never corrected or completed into a field word ("lunch"). */
  everydayStems: Set<string>;
  /** Hedges and chat read past ("even", "tbh"): see words.json. */
  fillerStems: Set<string>;
  orderPhrases: PhraseTable<PolicyField>;
  /** Superlatives of quality ("weakest"): an order by the field they are said of. */
  qualityPhrases: PhraseTable<true>;
  allPhrases: PhraseTable<true>;
  /** "at all", "first of all": their cue words cue nothing. */
  idiomPhrases: PhraseTable<true>;
  /** Stems that are words of the language of questions: never typos, never unknown names. */
  knownStems: Set<string>;
  /** Stems of names, fields and countries a typo may be corrected to. */
  correctionTargets: Set<string>;
  /** Each target and every one-letter deletion of it → the targets (symmetric-delete index). */
  correctionIndex: Map<string, string[]>;
  /** Targets that are words of policy or country names (short typos are corrected only to these). */
  nameTargets: Set<string>;
  /** Words of the dataset's own countries' names. */
  countryStems: Set<string>;
  /** Every year the data mentions: another year next to a name names something else. */
  dataYears: Set<number>;
  /** One-word strong field phrases → their fields, for terse prefixes ("eval", "benef"). */
  fieldWordFields: Map<string, ScopedField[]>;
  /** Each field's own name as stems ("consistency", "start year"): typed, it wins a tie. */
  fieldOwnNames: Map<string, FieldName>;
  /** Words of places ("river", "delta", "bay"): a partial name made only of them is a guess. */
  geographicStems: Set<string>;
  stopStems: Set<string>;
  genericStems: Set<string>;
  /** "plan", "program", "policy"…: typed around a name as part of it ("the GBA plan"). */
  nameNounStems: Set<string>;
  /**
   * Autocomplete and references typed to slash commands: one record per policy name or alias,
   * made on the first suggestion or reference asked for (no question needs them), then kept.
   */
  policySuggestions: () => Suggestions;
  countrySuggestions: () => Suggestions;
}

export interface Suggestions {
  records: readonly SuggestRecord[];
  /** The fuzzy index of the records, built on the first fuzzy look-up. */
  fuzzy: () => Fuse<SuggestRecord>;
}

export interface SuggestRecord {
  /** Policy or country id. */
  id: string;
  /** What the choice shows. */
  label: string;
  /** The name or alias this record stands for, normalised. */
  key: string;
  /** The record is the official or short name (not an alias). */
  primary: boolean;
}

const ARTICLE_STEMS = new Set(["a", "an", "the"]);

function addPhrase<T>(table: PhraseTable<T>, phrase: string, value: T, dropArticles = false): void {
  const stems = phraseStems(phrase).filter((stem) => !dropArticles || !ARTICLE_STEMS.has(stem));
  if (stems.length === 0) return;
  const key = stems.join(" ");
  const list = table.map.get(key);
  const same = JSON.stringify(value);
  if (list) {
    // Two spellings of one phrase ("all policies", "all the policies") count once.
    if (!list.some((existing) => JSON.stringify(existing) === same)) list.push(value);
  } else {
    table.map.set(key, [value]);
  }
  table.maxLength = Math.max(table.maxLength, stems.length);
}

function emptyTable<T>(): PhraseTable<T> {
  return { map: new Map(), maxLength: 0 };
}

function policyNames(policy: Policy): string[] {
  const names = [policy.name, policy.short_name, policy.id.replace(/-/g, " "), ...policy.aliases];
  return [...new Set(names)];
}

function stemSet(words: readonly string[]): Set<string> {
  const set = new Set<string>();
  for (const word of words) for (const stem of phraseStems(word)) set.add(stem);
  return set;
}

/** Text of printable ASCII only: no CJK to look for. */
const ASCII = /^[\x20-\x7e]*$/;

/** Names of up to this many words are also matched written as one word ("citycluster"). */
const MAX_JOINED_NAME_WORDS = 3;

export function buildCatalog(countries: readonly Country[]): Catalog {
  // Names written without spaces are matched exactly, never as typo targets: correcting toward
  // them would add a dozen index entries per name for spellings nobody mistypes.
  const joinedStems = new Set<string>();
  // Names recur (ids, short names, aliases): normalise each string once.
  const normalized = new Map<string, string>();
  const norm = (text: string): string => {
    let value = normalized.get(text);
    if (value === undefined) {
      value = normalizeText(text);
      normalized.set(text, value);
    }
    return value;
  };
  const stemsOf = (text: string): string[] => {
    const value = norm(text);
    return value === "" ? [] : value.split(" ").map(stemToken);
  };
  const policies = new Map<string, PolicyRef>();
  const countryById = new Map<string, Country>();
  for (const country of countries) {
    countryById.set(country.id, country);
    for (const policy of country.policies) policies.set(policy.id, { country, policy });
  }

  const stopStems = stemSet(STOP_WORDS);
  const genericStems = stemSet(GENERIC_NAME_WORDS);

  // Country words: the dataset's own countries, and the world list for declining the others.
  const countryPhrases = emptyTable<CountryMention>();
  const cjkCountryAliases: { countryId: string; text: string }[] = [];
  const countryStems = new Set<string>();
  const datasetCountryKeys = new Map<string, string>();
  for (const country of countries) {
    for (const name of [country.name, country.id, ...country.aliases]) {
      const text = norm(name);
      if (isCjk(text)) {
        cjkCountryAliases.push({ countryId: country.id, text: text.replace(/ /g, "") });
        continue;
      }
      addPhrase(countryPhrases, name, { kind: "known", countryId: country.id });
      datasetCountryKeys.set(stemsOf(name).join(" "), country.id);
      for (const stem of stemsOf(name)) countryStems.add(stem);
    }
  }
  const cjkForeignCountries: { name: string; text: string }[] = [];
  for (const entry of worldCountries(OTHER_COUNTRY_NAMES, countries)) {
    const known = entry.words
      .map((word) => datasetCountryKeys.get(phraseStems(word).join(" ")))
      .find((id) => id !== undefined);
    for (const word of entry.words) {
      const key = phraseStems(word).join(" ");
      if (datasetCountryKeys.has(key)) continue;
      const mention: CountryMention =
        known !== undefined
          ? { kind: "known", countryId: known }
          : { kind: "unknown", name: entry.name };
      addPhrase(countryPhrases, word, mention);
      if (known !== undefined) for (const stem of phraseStems(word)) countryStems.add(stem);
    }
    for (const text of entry.cjk) {
      if (known !== undefined) cjkCountryAliases.push({ countryId: known, text });
      else cjkForeignCountries.push({ name: entry.name, text });
    }
  }

  // Policy names and aliases, weighted: a token that several policies share identifies less.
  // Each name is read once here (normal form, stems, initials): a large dataset has tens of
  // thousands of names.
  const rawAliases: { policyId: string; text: string; stems: string[] }[] = [];
  const cjkAliases: CjkAlias[] = [];
  // How many policies' names use a word (policies are visited one after another).
  const documentFrequency = new Map<string, { last: string; count: number }>();
  // "cc", "gbap": a name's initials, typed exactly, stand for it when no other policy's names
  // share them and they are no word a question is read with.
  const initialsOwners = new Map<string, Set<string>>();
  // Initials recur across names ("gtcp"), and the word list is bisected for each: once each.
  const englishInitials = new Map<string, boolean>();
  const isWord = (initials: string): boolean => {
    let word = englishInitials.get(initials);
    if (word === undefined) {
      word = isEnglishWord(initials);
      englishInitials.set(initials, word);
    }
    return word;
  };
  // Where each policy's names start in rawAliases (they follow one another).
  const firstAlias = new Map<string, number>();
  // A policy's names that read as the same stems ("Word123", "word-123" written joined) are one
  // alias, the first.
  const addAlias = (policyId: string, text: string, stems: string[], from: number): void => {
    for (let k = from; k < rawAliases.length; k++) {
      const other = rawAliases[k]?.stems ?? [];
      if (other.length === stems.length && other.every((stem, i) => stem === stems[i])) return;
    }
    rawAliases.push({ policyId, text, stems });
  };
  for (const { policy } of policies.values()) {
    const names = policyNames(policy);
    const texts = names.map(normalizeText);
    const from = rawAliases.length;
    firstAlias.set(policy.id, from);
    for (let n = 0; n < names.length; n++) {
      const name = names[n] ?? "";
      const text = texts[n] ?? "";
      const cjk = !ASCII.test(text);
      if (cjk && isCjk(text)) {
        cjkAliases.push({ policyId: policy.id, text: text.replace(/ /g, "") });
      }
      const words = text === "" ? [] : text.split(" ").map(stemToken);
      const stems = cjk ? words.filter((stem) => !isCjk(stem)) : words;
      if (stems.length === 0) continue;
      addAlias(policy.id, name, stems, from);
      // "citycluster policy type": a short name typed without its spaces is still that name.
      if (stems.length >= 2 && stems.length <= MAX_JOINED_NAME_WORDS) {
        const joinedText = normalizeText(text.replace(/ /g, ""));
        const joined = joinedText === "" ? [] : joinedText.split(" ").map(stemToken);
        if (joined.length === 1) {
          addAlias(policy.id, name, joined, from);
          for (const stem of joined) joinedStems.add(stem);
        }
      }
      for (const stem of stems) {
        const seen = documentFrequency.get(stem);
        if (!seen) documentFrequency.set(stem, { last: policy.id, count: 1 });
        else if (seen.last !== policy.id) {
          seen.last = policy.id;
          seen.count += 1;
        }
      }
      const initials = initialsOf(text, isWord);
      if (initials !== null) {
        const owners = initialsOwners.get(initials);
        if (owners) owners.add(policy.id);
        else initialsOwners.set(initials, new Set([policy.id]));
      }
    }
  }
  const commonStems = stemSet(COMMON_WORDS);
  for (const [initials, owners] of initialsOwners) {
    const [policyId] = owners;
    if (owners.size > 1 || policyId === undefined || documentFrequency.has(initials)) continue;
    if (commonStems.has(initials) || countryStems.has(initials)) continue;
    // Only a name written joined can read as the initials already ("A B" as "ab").
    let taken = false;
    if (joinedStems.has(initials)) {
      for (let k = firstAlias.get(policyId) ?? rawAliases.length; k < rawAliases.length; k++) {
        const raw = rawAliases[k];
        if (raw?.policyId !== policyId) break;
        if (raw.stems.length === 1 && raw.stems[0] === initials) taken = true;
      }
    }
    if (!taken) rawAliases.push({ policyId, text: initials, stems: [initials] });
    joinedStems.add(initials);
  }
  // A stem's weight and genericness, once per stem (names share most of their words).
  const stemWeights = new Map<string, { weight: number; generic: boolean }>();
  const weighStem = (stem: string): { weight: number; generic: boolean } => {
    let weighed = stemWeights.get(stem);
    if (weighed === undefined) {
      const number = /^\d+$/.test(stem);
      const generic = genericStems.has(stem);
      let weight = 0;
      if (!stopStems.has(stem) && !countryStems.has(stem)) {
        const shared = documentFrequency.get(stem)?.count ?? 1;
        weight = (generic ? 0.3 : number ? 0.5 : 1) / Math.sqrt(shared);
      }
      weighed = { weight, generic: generic || number };
      stemWeights.set(stem, weighed);
    }
    return weighed;
  };
  const aliases: AliasEntry[] = [];
  const postings = new Map<string, { alias: number; position: number }[]>();
  for (const raw of rawAliases) {
    const weighed = raw.stems.map(weighStem);
    const weights = weighed.map((w) => w.weight);
    const total = weights.reduce((sum, w) => sum + w, 0);
    if (total === 0) continue;
    const index = aliases.length;
    aliases.push({
      policyId: raw.policyId,
      text: raw.text,
      stems: raw.stems,
      weights,
      total,
      weightedCount: weights.filter((w) => w > 0).length,
      generic: weighed.map((w) => w.generic),
    });
    raw.stems.forEach((stem, position) => {
      if ((weights[position] ?? 0) === 0) return;
      const list = postings.get(stem);
      if (list) list.push({ alias: index, position });
      else postings.set(stem, [{ alias: index, position }]);
    });
  }

  // Field vocabulary.
  const fieldPhrases = emptyTable<FieldPhrase>();
  const cjkFieldWords: (ScopedField & { text: string })[] = [];
  const addFieldWords = (
    scoped: ScopedField,
    words: { strong: readonly string[]; weak?: readonly string[] },
  ): void => {
    for (const [list, weak] of [
      [words.strong, false],
      [words.weak ?? [], true],
    ] as const) {
      for (const phrase of list) {
        const length = phraseStems(phrase).filter((stem) => !ARTICLE_STEMS.has(stem)).length;
        addPhrase(fieldPhrases, phrase, { ...scoped, weak, length }, true);
      }
    }
  };
  for (const field of POLICY_FIELDS) {
    addFieldWords({ scope: "policy", field }, POLICY_FIELD_WORDS[field]);
  }
  for (const field of COUNTRY_FIELDS) {
    addFieldWords({ scope: "country", field }, COUNTRY_FIELD_WORDS[field]);
  }
  // Words of interruption ("stop and start", "without breaks") name the field rating it, and
  // are read whole: their "stop" and "start" ask no end or start year.
  addFieldWords(
    { scope: "country", field: DURATION_WORDS.field },
    { strong: DURATION_WORDS.breaks },
  );
  for (const field of POLICY_FIELDS) {
    for (const text of CJK_FIELD_WORDS[field] ?? []) {
      cjkFieldWords.push({ field, scope: "policy", text });
    }
  }
  for (const field of COUNTRY_FIELDS) {
    for (const text of CJK_FIELD_WORDS[field] ?? []) {
      cjkFieldWords.push({ field, scope: "country", text });
    }
  }

  const comparePhrases = emptyTable<true>();
  for (const phrase of COMPARE_WORDS) addPhrase(comparePhrases, phrase, true);
  const weakComparePhrases = emptyTable<true>();
  for (const phrase of WEAK_COMPARE_WORDS) addPhrase(weakComparePhrases, phrase, true);
  const howToPhrases = emptyTable<true>();
  for (const phrase of HOW_TO_WORDS) addPhrase(howToPhrases, phrase, true);
  const orderPhrases = emptyTable<PolicyField>();
  for (const [phrase, field] of Object.entries(ORDER_WORDS)) addPhrase(orderPhrases, phrase, field);
  const allPhrases = emptyTable<true>();
  for (const phrase of ALL_POLICIES_WORDS) addPhrase(allPhrases, phrase, true);
  const qualityPhrases = emptyTable<true>();
  for (const phrase of QUALITY_ORDER_WORDS) addPhrase(qualityPhrases, phrase, true);
  const idiomPhrases = emptyTable<true>();
  for (const phrase of IDIOM_WORDS) addPhrase(idiomPhrases, phrase, true);

  const fieldStems = new Set<string>();
  /** Words of strong field phrases: the only field words a typo is corrected to. */
  const strongFieldStems = new Set<string>();
  for (const [key, values] of fieldPhrases.map) {
    for (const stem of key.split(" ")) {
      fieldStems.add(stem);
      if (values.some((v) => !v.weak)) strongFieldStems.add(stem);
    }
  }
  const cueStems = new Set<string>();
  for (const table of [
    comparePhrases,
    weakComparePhrases,
    orderPhrases,
    allPhrases,
    qualityPhrases,
  ]) {
    for (const key of table.map.keys()) for (const stem of key.split(" ")) cueStems.add(stem);
  }
  const worldStems = new Set<string>();
  for (const key of countryPhrases.map.keys())
    for (const stem of key.split(" ")) worldStems.add(stem);

  const knownStems = new Set<string>([
    ...stemSet(COMMON_WORDS),
    ...fieldStems,
    ...cueStems,
    ...worldStems,
    ...postings.keys(),
  ]);
  const correctionTargets = new Set<string>();
  const nameTargets = new Set<string>();
  for (const stem of [...postings.keys(), ...strongFieldStems, ...countryStems]) {
    // Words with digits ("innofund2") are codes, typed exactly or not at all.
    if (stem.length >= 4 && !/\d/.test(stem) && !joinedStems.has(stem)) correctionTargets.add(stem);
  }
  for (const stem of [...postings.keys(), ...countryStems]) {
    if (correctionTargets.has(stem)) nameTargets.add(stem);
  }
  const fieldWordFields = new Map<string, ScopedField[]>();
  for (const [key, values] of fieldPhrases.map) {
    if (key.includes(" ") || !/^[a-z]+$/.test(key)) continue;
    const strong = values.filter((v) => !v.weak);
    if (strong.length === 0) continue;
    fieldWordFields.set(
      key,
      strong.map((v): ScopedField =>
        v.scope === "policy"
          ? { scope: "policy", field: v.field }
          : { scope: "country", field: v.field },
      ),
    );
  }
  const fieldOwnNames = new Map<string, FieldName>();
  for (const field of [...POLICY_FIELDS, ...COUNTRY_FIELDS]) {
    // "approaches" (stem "approache") is the field's own name inflected.
    for (const name of [field.replace(/_/g, " "), FIELD_QUESTION_WORDS[field], `${field}es`]) {
      fieldOwnNames.set(phraseStems(name).join(" "), field);
    }
  }
  // Years the data dates things by: periods, milestones, budget spans, data years.
  const dataYears = new Set<number>();
  for (const country of countries) {
    dataYears.add(country.factsheet.data_year);
    dataYears.add(country.maturity.data_year);
    for (const policy of country.policies) {
      dataYears.add(policy.start_year.value);
      if (policy.end_year.value !== null) dataYears.add(policy.end_year.value);
      for (const milestone of policy.start_year.milestones) dataYears.add(milestone.year);
      for (const amount of policy.budget.amounts) {
        if (amount.from_year !== undefined) dataYears.add(amount.from_year);
        if (amount.to_year !== undefined) dataYears.add(amount.to_year);
      }
    }
  }
  const correctionIndex = new Map<string, string[]>();
  for (const target of correctionTargets) {
    for (let i = -1; i < target.length; i++) {
      const variant = i < 0 ? target : target.slice(0, i) + target.slice(i + 1);
      const list = correctionIndex.get(variant);
      if (!list) correctionIndex.set(variant, [target]);
      else if (list[list.length - 1] !== target) list.push(target);
    }
  }

  const stemsOfSentence = sentenceStems();

  return {
    countries,
    policies,
    countryById,
    aliases,
    postings,
    cjkAliases,
    countryPhrases,
    cjkCountryAliases,
    cjkForeignCountries,
    abbreviations: [
      ...CAPITALISED_ABBREVIATIONS,
      ...countries.flatMap((c) => c.words?.abbreviations ?? []),
    ].map(({ abbreviation, word }) => ({
      // After a number too: "10yrs" is ten years, not a code.
      pattern: new RegExp(
        `(?<![\\p{L}&.])${abbreviation.replace(/[.]/g, "\\.")}(?![\\p{L}\\p{N}&]|\\.\\p{L})`,
        "gu",
      ),
      word,
    })),
    fieldPhrases,
    // Longest first: "资金来源" (source of funding) is read before "资金" (funds) inside it.
    cjkFieldWords: cjkFieldWords.sort((a, b) => b.text.length - a.text.length),
    comparePhrases,
    weakComparePhrases,
    howToPhrases,
    definedAcronyms: definedAcronyms(countries),
    policySentences: sentenceReader(policies, stopStems, stemsOfSentence),
    countrySentences: countrySentenceReader(countryById, stopStems, stemsOfSentence),
    commonStems,
    everydayStems: stemSet(EVERYDAY_WORDS),
    fillerStems: stemSet(FILLER_WORDS),
    orderPhrases,
    qualityPhrases,
    allPhrases,
    idiomPhrases,
    knownStems,
    correctionTargets,
    correctionIndex,
    nameTargets,
    countryStems,
    dataYears,
    fieldWordFields,
    fieldOwnNames,
    geographicStems: stemSet(GEOGRAPHIC_WORDS),
    stopStems,
    genericStems,
    nameNounStems: stemSet(NAME_NOUNS),
    policySuggestions: lazySuggestions(() => policySuggestRecords(policies)),
    countrySuggestions: lazySuggestions(() => countrySuggestRecords(countries)),
  };
}

/** Autocomplete records of the policies: names first, then aliases. */
function policySuggestRecords(policies: Map<string, PolicyRef>): SuggestRecord[] {
  const records: SuggestRecord[] = [];
  for (const { country, policy } of policies.values()) {
    const label = `${policy.short_name} (${country.name})`;
    const primary = new Set([policy.short_name, policy.name, policy.id]);
    for (const name of primary) {
      records.push({ id: policy.id, label, key: normalizeText(name), primary: true });
    }
    for (const alias of policy.aliases) {
      records.push({ id: policy.id, label, key: normalizeText(alias), primary: false });
    }
  }
  return records;
}

function countrySuggestRecords(countries: readonly Country[]): SuggestRecord[] {
  const records: SuggestRecord[] = [];
  for (const country of countries) {
    const record = (key: string, primary: boolean): SuggestRecord => ({
      id: country.id,
      label: country.name,
      key: normalizeText(key),
      primary,
    });
    records.push(record(country.name, true), record(country.id, true));
    for (const alias of country.aliases) records.push(record(alias, false));
  }
  return records;
}

/** Records made on first use, and their fuzzy index on the first fuzzy look-up. */
function lazySuggestions(make: () => SuggestRecord[]): () => Suggestions {
  let suggestions: Suggestions | null = null;
  return () => {
    if (suggestions === null) {
      const records = make();
      let index: Fuse<SuggestRecord> | null = null;
      const fuzzy = (): Fuse<SuggestRecord> =>
        (index ??= new Fuse(records, {
          keys: ["key"],
          includeScore: true,
          threshold: 0.4,
          ignoreLocation: true,
        }));
      suggestions = { records, fuzzy };
    }
    return suggestions;
  };
}

/** "(ACR)" in a text: at least two capitals, letters only. */
const BRACKETED_ACRONYM = /\(([\p{Lu}][\p{L}]*\p{Lu}[\p{L}]*)\)/gu;
/** How far before "(ACR)" its full name may start. */
const DEFINITION_REACH = 120;
const NAME_CONNECTORS = new Set(["of", "and", "for", "the", "on"]);

/**
 * Acronyms the data defines as "Full Name (ACR)", where the capitals of the name's last words
 * spell the acronym: "Ministry of Science and Technology (MoST)". "(Torch Center)" after a
 * name is an alias, not an acronym.
 */
function definedAcronyms(
  countries: readonly Country[],
): { acronym: string; expansion: string; pattern: RegExp }[] {
  const found = new Map<string, string>();
  collectStrings(countries, (text) => {
    if (!text.includes("(")) return;
    for (const match of text.matchAll(BRACKETED_ACRONYM)) {
      const acronym = match[1] ?? "";
      if (found.has(acronym)) continue;
      const capitals = acronym.replace(/\P{Lu}/gu, "");
      const before = text.slice(Math.max(0, (match.index ?? 0) - DEFINITION_REACH), match.index);
      const words = before.trim().split(/\s+/);
      let start = words.length;
      let initials = "";
      while (start > 0 && initials.length < capitals.length) {
        const word = words[start - 1] ?? "";
        if (/^\p{Lu}/u.test(word)) initials = word[0] + initials;
        else if (!NAME_CONNECTORS.has(word)) break;
        start -= 1;
      }
      if (initials === capitals) found.set(acronym, words.slice(start).join(" "));
    }
  });
  return [...found].map(([acronym, expansion]) => ({
    acronym,
    expansion,
    pattern: new RegExp(`(?<![\\p{L}\\p{N}])${acronym}(?![\\p{L}\\p{N}])`, "gu"),
  }));
}

const MIN_SENTENCE_WORDS = 6;
const MIN_STATEMENT_WORDS = 4;

export interface PolicySentence {
  sentence: string;
  /** Shared by every policy whose texts repeat the sentence: never changed. */
  stems: ReadonlySet<string>;
  /** The field the sentence belongs to and its factsheet section. */
  field: PolicyField;
  section: string;
  /** An item of a list (an instrument, a beneficiary), not a sentence. */
  item?: boolean;
}

/** A sentence or list item of a text, filed under the field it answers for. */
interface TextEntry<F extends string> {
  sentence: string;
  stems: ReadonlySet<string>;
  field: F;
  section: string;
  item?: boolean;
}

/**
 * Entries shared by every text that holds the same sentence under the same field and section:
 * a large dataset repeats its list items (objectives, instruments from the schema's lists) and
 * stock sentences ("Not indicated in the sources.") policy after policy, and a set of stems per
 * repeat was most of the memory of the texts read. Entries are never changed once made.
 */
class EntryPool<F extends string> {
  private readonly entries = new Map<string, TextEntry<F>>();
  constructor(private readonly stemsOf: (sentence: string) => Set<string>) {}

  entry(sentence: string, field: F, section: string, item: boolean): TextEntry<F> {
    const key = `${field}\u0000${section}\u0000${item ? "item" : ""}\u0000${sentence}`;
    let entry = this.entries.get(key);
    if (entry === undefined) {
      const stems = this.stemsOf(sentence);
      entry = item
        ? { sentence, stems, field, section, item: true }
        : { sentence, stems, field, section };
      this.entries.set(key, entry);
    }
    return entry;
  }
}

/** The stems of a sentence, each sentence read once (policy and country texts share them). */
function sentenceStems(): (sentence: string) => Set<string> {
  const stems = new Map<string, Set<string>>();
  return (sentence) => {
    let set = stems.get(sentence);
    if (set === undefined) {
      set = new Set(phraseStems(sentence));
      stems.set(sentence, set);
    }
    return set;
  };
}

/** Sentences and list items of a text value, each filed under a field. */
function textEntries<F extends string>(
  value: unknown,
  field: F,
  section: string,
  stopStems: ReadonlySet<string>,
  pool: EntryPool<F>,
  strays: readonly string[] = [],
): TextEntry<F>[] {
  const list: TextEntry<F>[] = [];
  collectStrings(value, (text, inList) => {
    // A list item ("Financing networking events") is a passage of its own.
    if (inList) {
      list.push(pool.entry(text, field, section, true));
      return;
    }
    const pieces = text.split(/(?<=[.!?])\s+(?=\p{Lu})/u);
    for (const sentence of joinAtStrayStops(pieces, strays)) {
      const words = sentence.split(/\s+/);
      // A short statement ending in a full stop counts ("Venture guiding fund: budget not
      // indicated."); a run of labels does not.
      const statement =
        (words.length >= MIN_SENTENCE_WORDS && words.some((w) => stopStems.has(w))) ||
        (words.length >= MIN_STATEMENT_WORDS && /[.!?]$/.test(sentence));
      // A label ("Limited period", "State government") is a passage as an item.
      if (statement) list.push(pool.entry(sentence, field, section, false));
      else if (pieces.length === 1) list.push(pool.entry(sentence, field, section, true));
    }
  });
  return list;
}

export interface CountrySentence {
  sentence: string;
  stems: ReadonlySet<string>;
  field: CountryField;
  section: string;
  item?: boolean;
}

/** Sentences of a policy's texts (strings anywhere in its record), with their field and section. */
function sentenceReader(
  policies: Map<string, PolicyRef>,
  stopStems: ReadonlySet<string>,
  stemsOf: (sentence: string) => Set<string>,
): (policyId: string) => readonly PolicySentence[] {
  const cache = new Map<string, PolicySentence[]>();
  const pool = new EntryPool<PolicyField>(stemsOf);
  return (policyId) => {
    const cached = cache.get(policyId);
    if (cached) return cached;
    const policy = policies.get(policyId)?.policy;
    const list: PolicySentence[] = [];
    for (const field of policy ? POLICY_FIELDS : []) {
      const value: unknown = policy?.[field];
      const section =
        typeof value === "object" && value !== null && "source" in value
          ? String(value.source)
          : "";
      list.push(
        ...textEntries(value, field, section, stopStems, pool, policy?.summary.stray_full_stops),
      );
    }
    cache.set(policyId, list);
    return list;
  };
}

/**
 * A country's own texts by the country field that answers from them. (Not the bibliography:
 * its titles name other works, "European Cluster Collaboration Platform", not what it says.)
 */
function countryTexts(country: Country): [CountryField, unknown][] {
  const play = country.state_of_play;
  return [
    ["maturity", [country.maturity, play.evaluation_terminated]],
    ["approach", play.approach],
    ["continuity", play.continuity],
    ["consistency", play.consistency],
  ];
}

function countrySentenceReader(
  countryById: Map<string, Country>,
  stopStems: ReadonlySet<string>,
  stemsOf: (sentence: string) => Set<string>,
): (countryId: string) => readonly CountrySentence[] {
  const cache = new Map<string, CountrySentence[]>();
  const pool = new EntryPool<CountryField>(stemsOf);
  return (countryId) => {
    const cached = cache.get(countryId);
    if (cached) return cached;
    const country = countryById.get(countryId);
    const list = (country ? countryTexts(country) : []).flatMap(([field, value]) =>
      textEntries(value, field, "", stopStems, pool),
    );
    cache.set(countryId, list);
    return list;
  };
}

function collectStrings(
  value: unknown,
  visit: (text: string, inList: boolean) => void,
  inList = false,
): void {
  if (typeof value === "string") {
    if (value.includes(" ")) visit(value, inList);
  } else if (Array.isArray(value)) {
    for (const item of value) collectStrings(item, visit, true);
  } else if (typeof value === "object" && value !== null) {
    // Keys, not entries: no pair is made per property of a whole dataset walked.
    for (const key of Object.keys(value)) {
      // Sections and notes on how the data was read are not the policy's own text.
      const skip = key === "source" || key === "note" || key === "raw";
      if (!skip && key !== "stray_full_stops") collectStrings(Reflect.get(value, key), visit);
    }
  }
}

/** Words this short are corrected only to names ("torhc" → "torch"), never to field words. */
export const MAX_SHORT_WORD = 5;

/** Longer "words" are not typos of a name (a pasted address, a run of letters). */
const MAX_CORRECTED_LENGTH = 24;

/** Endings that make another form of a word: "create" + "d" is a form, not a typo. */
const INFLECTIONS = ["d", "ed", "s", "es", "ing", "ion", "ions", "r", "er", "ers"];

function isInflectionOf(target: string, word: string): boolean {
  return target.startsWith(word) && INFLECTIONS.includes(target.slice(word.length));
}

/** The word itself and the word with each one letter deleted. */
function deletionVariants(word: string): Set<string> {
  const variants = new Set<string>([word]);
  for (let i = 0; i < word.length; i++) variants.add(word.slice(0, i) + word.slice(i + 1));
  return variants;
}

/**
 * The vocabulary word a typo stands for, or null. Only unknown words of four letters or more
 * are corrected, within one edit (two from eight letters): "torhc" → "torch", "greatr" →
 * "greater", "budgte" → "budget"; field words only from six letters. Candidates share a one-deletion variant with the typo (which
 * finds every word one edit away, and most two away) and the edit distance decides; this
 * costs a few map look-ups per word, whatever the size of the vocabulary.
 */
/**
 * Of two words as far from a typo, the one typed more likely: with the same first letter, then
 * the one the typo leaves a letter out of ("sorce" → source, not force), then the first by
 * alphabet.
 */
function likelier(typed: string, a: string, b: string): boolean {
  const key = (w: string): [boolean, boolean] => [w[0] !== typed[0], !isSubsequence(typed, w)];
  const [ka, kb] = [key(a), key(b)];
  if (ka[0] !== kb[0]) return !ka[0];
  if (ka[1] !== kb[1]) return !ka[1];
  return a < b;
}

function isSubsequence(short: string, long: string): boolean {
  let i = 0;
  for (const ch of long) if (ch === short[i]) i++;
  return i === short.length;
}

export function correctTypo(
  catalog: Catalog,
  stem: string,
  options: { shortFieldWords?: boolean } = {},
): { stem: string; similarity: number } | null {
  const maxEdits = allowedEdits(stem.length);
  if (maxEdits === 0 || stem.length > MAX_CORRECTED_LENGTH) return null;
  let best: { stem: string; distance: number } | null = null;
  const seen = new Set<string>();
  for (const variant of deletionVariants(stem)) {
    for (const candidate of catalog.correctionIndex.get(variant) ?? []) {
      if (seen.has(candidate)) continue;
      seen.add(candidate);
      if (!catalog.nameTargets.has(candidate)) {
        // Short words are too often other words ("lunch" is not "launch"), and a word that
        // begins a field word is another form of it, not a typo ("create" is not "created").
        // Once a question names a policy or country, a short word next to it is much more
        // likely a mistyped field word ("torch budgt") than chatter.
        const shortRuledOut = stem.length <= MAX_SHORT_WORD && !options.shortFieldWords;
        if (shortRuledOut || isInflectionOf(candidate, stem)) continue;
      }
      const distance = editDistance(stem, candidate, maxEdits);
      if (distance > maxEdits) continue;
      if (
        best === null ||
        distance < best.distance ||
        (distance === best.distance && likelier(stem, candidate, best.stem))
      ) {
        best = { stem: candidate, distance };
      }
    }
  }
  if (best === null) return null;
  return { stem: best.stem, similarity: 1 - 0.12 * best.distance };
}
