import type { Intent } from "../answers/types.ts";
import type { Country, Policy, PolicyField } from "../dataset/schema.ts";
import { findPhrases } from "./cues.ts";
import { chosenPolicies, fieldWord, namesWhatDataLacks } from "./evidence.ts";
import type { FollowUpDeps } from "./follow-up.ts";
import { isPolicyField } from "./named.ts";
import type { ConversationState } from "./state.ts";
import type { ConversationVocabulary } from "./vocabulary.ts";

/**
 * "which of the four parts is China weakest in?", "what's the second one?", "第二个呢？": a turn
 * about one part of the answer just given — a maturity dimension, an item of a list (objectives,
 * beneficiaries, sectors, responsible bodies) — picked by its place in the list or, for parts
 * with a score, by being the highest or lowest. The parts are read from the data in the order the
 * answer lists them; the words that pick are vocabulary (`parts` in conversation.json).
 */

/** One part of the answer talked about, with its score when it has one. */
interface Part {
  /** Share of the part's maximum, for parts with a score (maturity dimensions). */
  share?: number;
  /** The reading that answers about this part. */
  intent: Intent;
}

/** The items of a list field, in the order its answer lists them (fields without a list: none). */
function listOf(
  policy: Policy,
  field: PolicyField,
): { items: readonly string[]; source: string } | null {
  switch (field) {
    case "objectives":
      return { items: policy.objectives.items, source: policy.objectives.source };
    case "beneficiaries":
      return { items: policy.beneficiaries.items, source: policy.beneficiaries.source };
    case "focus":
      return { items: policy.focus.sectors, source: policy.focus.source };
    case "authorities":
      return { items: policy.authorities.bodies, source: policy.authorities.source };
    default:
      return null;
  }
}

/** The parts of the last answer, or none when it was not a list or a breakdown. */
function partsOf(state: ConversationState, country: Country): Part[] {
  if (state.last === "country" && state.field === "maturity") {
    return country.maturity.dimensions.map((d) => ({
      share: d.max > 0 ? d.score / d.max : 0,
      intent: { kind: "country", country: country.id, field: "maturity", dimension: d.id },
    }));
  }
  const [id, ...more] = state.policies;
  if (state.last !== "policy" || id === undefined || more.length > 0) return [];
  const policy = country.policies.find((p) => p.id === id);
  const field = state.field;
  if (policy === undefined || !isPolicyField(field)) return [];
  const list = listOf(policy, field);
  if (list === null) return [];
  const total = list.items.length;
  return list.items.map((item, k) => ({
    intent: {
      kind: "policy",
      country: country.id,
      policy: policy.id,
      field,
      // Said first, with its place in the list the user just read.
      passage: { text: `${k + 1} of ${total}: ${item}.`, section: list.source },
    },
  }));
}

/** The words of the vocabulary that pick a part, alone and with each noun ("second one"). */
function partWords(vocabulary: ConversationVocabulary): string[] {
  const { ordinals, nouns, extremes } = vocabulary.parts;
  const words = Object.values(ordinals).flat();
  return [
    ...words,
    ...words.flatMap((word) => nouns.map((noun) => `${word} ${noun}`)),
    ...extremes.highest,
    ...extremes.lowest,
  ];
}

/** The place a turn picks by its ordinal words ("the second one", "第二个"): 1-based, -1 last. */
function pickedPlace(text: string, vocabulary: ConversationVocabulary): number | null {
  const { ordinals, nouns, measures } = vocabulary.parts;
  const bare = text.replace(/[\s?？!！.。]+$/u, "");
  let found: number | null = null;
  for (const [place, words] of Object.entries(ordinals)) {
    const phrases = words.flatMap((word) =>
      /\p{Script=Han}/u.test(word)
        ? measures.map((m) => `${word}${m}`)
        : [
            ...nouns.map((noun) => `the ${word} ${noun}`),
            ...nouns.map((noun) => `${word} ${noun}`),
          ],
    );
    // "and the second?", "the last?": the ordinal closing the turn needs no noun.
    const closing = words
      .filter((word) => !/\p{Script=Han}/u.test(word))
      .map((word) => `the ${word}`);
    const matches = [
      ...findPhrases(text, phrases),
      ...findPhrases(bare, closing).filter((m) => m.end === bare.length),
    ];
    if (matches.length === 0) continue;
    // Two places picked ("the first and the second") is no one part.
    if (found !== null) return null;
    found = Number(place);
  }
  return found;
}

/** The end a turn asks for of scored parts: "weakest" the lowest, "strongest" the highest. */
function pickedEnd(text: string, vocabulary: ConversationVocabulary): "highest" | "lowest" | null {
  const high = findPhrases(text, vocabulary.parts.extremes.highest).length > 0;
  const low = findPhrases(text, vocabulary.parts.extremes.lowest).length > 0;
  return high === low ? null : high ? "highest" : "lowest";
}

/**
 * The reading of a turn about one part of the last answer, or null when the turn picks no part,
 * or names a subject or a field of its own ("what's the budget of the second one?").
 */
export function partReading(
  text: string,
  state: ConversationState,
  country: Country,
  deps: FollowUpDeps,
): Intent | null {
  const parts = partsOf(state, country);
  if (parts.length === 0) return null;
  const place = pickedPlace(text, deps.vocabulary);
  const end = parts.some((p) => p.share !== undefined) ? pickedEnd(text, deps.vocabulary) : null;
  if (place === null && end === null) return null;
  const evidence = deps.evidence?.(text) ?? [];
  // "fourth", "second one", "lowest" are the turn's own words for the part, which a single question
  // cannot place: no name of something the data lacks.
  if (namesWhatDataLacks(evidence, partWords(deps.vocabulary))) return null;
  if (chosenPolicies(evidence).some((id) => !state.policies.includes(id))) return null;
  const asked = fieldWord(evidence, true);
  if (asked !== null && asked !== state.field) return null;
  if (place !== null) {
    const part = place === -1 ? parts[parts.length - 1] : parts[place - 1];
    return part?.intent ?? null;
  }
  // The highest or lowest score, when one part alone holds it; a tie picks no part.
  const shares = parts.map((p) => p.share ?? 0);
  const best = end === "highest" ? Math.max(...shares) : Math.min(...shares);
  const winners = parts.filter((p) => p.share === best);
  const [only] = winners;
  return winners.length === 1 && only !== undefined ? only.intent : null;
}
