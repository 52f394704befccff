import type { Country, Policy, PolicyField } from "../dataset/schema.ts";
import { findPhrases, type CueMatch } from "./cues.ts";
import type { ConversationState } from "./state.ts";
import type { ConversationVocabulary } from "./vocabulary.ts";

/**
 * "for the regional one, what monitoring is in place?", "and the national ones?", "the oldest
 * one's budget?": a reference that picks policies by what the data says of them — their type,
 * or the end of their years — among those talked about (or all of the country's, when fewer
 * than two were, or none of those fits). The phrases are built from the vocabulary, and the
 * picking reads the data, so a new policy or a new type word needs no code.
 */
export interface Selection {
  /** The words that pick ("regional one"), to be replaced by the names they pick. */
  match: CueMatch;
  /** The policies picked, in the country's order. */
  ids: string[];
  /** The words pick one ("the regional one"), not several ("the national ones"). */
  one: boolean;
  /** The field whose value picks them ("regional" → type): what "which is the regional one?" asks. */
  field: PolicyField;
}

const CJK = /\p{Script=Han}/u;

type Picker = ((candidates: readonly Policy[]) => Policy[]) & { ranks?: true; field: PolicyField };

/** The phrases of one attribute word with every noun: "the regional one", "区域性的那个". */
function phrasesOf(
  word: string,
  nouns: readonly string[],
  determiners: readonly string[],
): string[] {
  return nouns.flatMap((noun) =>
    CJK.test(word) || CJK.test(noun)
      ? [`${word}的${noun}`, `${word}${noun}`]
      : determiners.map((determiner) => `${determiner} ${word} ${noun}`),
  );
}

const pickersOf = new WeakMap<ConversationVocabulary, { word: string; pick: Picker }[]>();

/** Every attribute word of the vocabulary with the policies it picks (built once). */
function pickers(vocabulary: ConversationVocabulary): { word: string; pick: Picker }[] {
  let found = pickersOf.get(vocabulary);
  if (found === undefined) {
    found = buildPickers(vocabulary);
    pickersOf.set(vocabulary, found);
  }
  return found;
}

function buildPickers(vocabulary: ConversationVocabulary): { word: string; pick: Picker }[] {
  const { types, years } = vocabulary.selections;
  const found: { word: string; pick: Picker }[] = [];
  for (const [kind, words] of Object.entries(types)) {
    for (const word of words)
      found.push({
        word,
        pick: Object.assign((c: readonly Policy[]) => c.filter((p) => p.type.kind === kind), {
          field: "type" as const,
        }),
      });
  }
  for (const field of ["start_year", "end_year"] as const) {
    const ranks = years[field];
    if (ranks === undefined) continue;
    for (const [end, words] of [
      ["highest", ranks.highest],
      ["lowest", ranks.lowest],
    ] as const) {
      const byYear = (candidates: readonly Policy[]): Policy[] => {
        const dated = candidates.flatMap((p) => {
          const year = p[field].value;
          return year === null ? [] : [{ policy: p, year }];
        });
        // A policy without the year ("no end year") leaves the order without an end.
        if (dated.length < candidates.length || dated.length === 0) return [];
        const best = (end === "highest" ? Math.max : Math.min)(...dated.map((d) => d.year));
        return dated.filter((d) => d.year === best).map((d) => d.policy);
      };
      const pick: Picker = Object.assign(byYear, { ranks: true as const, field });
      for (const word of words) found.push({ word, pick });
    }
  }
  return found;
}

/** The selection a turn makes, if its words pick policies by an attribute; else null. */
export function selectionIn(
  text: string,
  state: ConversationState,
  country: Country,
  vocabulary: ConversationVocabulary,
): Selection | null {
  const { nouns, determiners } = vocabulary.selections;
  const { one, several } = nouns;
  let best: { match: CueMatch; pick: Picker; one: boolean } | null = null;
  const all = pickers(vocabulary);
  // Most turns hold no attribute word at all: one scan rules them out.
  if (
    findPhrases(
      text,
      all.map((p) => p.word),
    ).length === 0
  )
    return null;
  for (const { word, pick } of all) {
    for (const [kinds, single] of [
      [one, true],
      [several, false],
    ] as const) {
      for (const match of findPhrases(text, phrasesOf(word, kinds, determiners))) {
        const longer = best === null || match.end - match.start > best.match.end - best.match.start;
        if (longer) best = { match, pick, one: single };
      }
    }
  }
  if (best === null) return null;
  const talkedAbout = country.policies.filter((p) => state.policies.includes(p.id));
  // "the older one" after one policy alone has nothing to be older than.
  if (best.pick.ranks === true && talkedAbout.length === 1) return null;
  const among = talkedAbout.length > 1 ? talkedAbout : country.policies;
  let picked = best.pick(among);
  if (picked.length === 0 && among !== country.policies) picked = best.pick(country.policies);
  if (picked.length === 0) return null;
  return {
    match: best.match,
    ids: picked.map((p) => p.id),
    one: best.one,
    field: best.pick.field,
  };
}

/** Whether the data holds nothing for a policy's field: no end year, no evaluation, no amount. */
function lacks(policy: Policy, field: string): boolean | null {
  switch (field) {
    case "end_year":
    case "start_year":
      return policy[field].value === null;
    case "evaluation":
      return policy.evaluation.status === "none";
    case "budget":
      return policy.budget.amounts.length === 0;
    default:
      return null;
  }
}

type Selections = ConversationVocabulary["selections"];
const headsOfSelections = new WeakMap<Selections, [readonly string[], boolean][]>();

/**
 * The words opening a lacking selection ("the one with no", "the ones without", "没有…的"), for
 * one policy and for several: every determiner, noun and word of lacking together, hundreds of
 * phrases, so they are put together once per vocabulary rather than on every turn read.
 */
function lackingHeads(selections: Selections): [readonly string[], boolean][] {
  let heads = headsOfSelections.get(selections);
  if (heads === undefined) {
    const { nouns, determiners, without } = selections;
    const of = (kinds: readonly string[]): string[] =>
      kinds.flatMap((noun) =>
        CJK.test(noun)
          ? without.map((w) => `${w}${noun}`)
          : determiners.flatMap((d) => without.map((w) => `${d} ${noun} ${w}`)),
      );
    heads = [
      [of(nouns.one), true],
      [of(nouns.several), false],
    ];
    headsOfSelections.set(selections, heads);
  }
  return heads;
}

/**
 * "the one with no end date, what's its budget?", "the one without any evaluation": the
 * policies whose data lacks the field named after the words of lacking (read by `fieldOf`, the
 * resolver's field words), among those talked about or else all.
 */
export function lackingSelection(
  text: string,
  state: ConversationState,
  country: Country,
  vocabulary: ConversationVocabulary,
  fieldOf: (words: string) => PolicyField | null,
): Selection | null {
  for (const [heads, single] of lackingHeads(vocabulary.selections)) {
    for (const match of findPhrases(text, heads)) {
      const rest = text.slice(match.end);
      const clause = /^[^,，:：;；?？—–]*/u.exec(rest)?.[0] ?? "";
      const field = fieldOf(clause);
      if (field === null) continue;
      const talkedAbout = country.policies.filter((p) => state.policies.includes(p.id));
      const among = talkedAbout.length > 1 ? talkedAbout : country.policies;
      if (among.some((p) => lacks(p, field) === null)) continue;
      const picked = among.filter((p) => lacks(p, field) === true);
      if (picked.length === 0) continue;
      const end = match.end + clause.length;
      return {
        match: { phrase: text.slice(match.start, end), start: match.start, end },
        ids: picked.map((p) => p.id),
        one: single,
        field,
      };
    }
  }
  return null;
}
