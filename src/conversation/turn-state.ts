import type { Answer } from "../answers/types.ts";
import { LONG_MESSAGE_WORDS } from "../search/resolve.ts";
import type { Country } from "../dataset/schema.ts";
import { findPhrases, readCues } from "./cues.ts";
import { chosenPolicies, fieldWord, NAMES_THE_DATA_LACKS, namesWhatDataLacks } from "./evidence.ts";
import type { FollowUpDeps } from "./follow-up.ts";
import {
  stateAfter,
  stateOfIntent,
  withEarlier,
  type ConversationState,
  type Offer,
} from "./state.ts";

/**
 * Where a conversation stands after a turn of free text. Beyond what the answer says
 * (`stateAfter`), the turn's own words tell what the user is still talking about:
 * - a question asked back keeps what it offered ("which policy? TORCH budget, City Clusters
 *   budget…"), so the reply "torch" answers the question that was asked;
 * - a turn that named a policy the data holds keeps it as the subject even when declined or
 *   asked back ("how many startups did torch create?" → "what's its budget?");
 * - an ordering ("which is the newest?") keeps the policy it put first, when only one did.
 */
export function stateAfterTurn(
  previous: ConversationState | null,
  text: string,
  answer: Answer,
  deps: FollowUpDeps,
): ConversationState | null {
  const next = subjectAfterTurn(previous, text, answer, deps);
  if (next === null || next === previous) return next;
  const pair = pairOrder(previous, next, text, deps);
  return withEarlier(previous, pair === undefined ? next : { ...next, pair });
}

/**
 * The order two policies came up in, for "the former" and "the latter": as the turn typed them
 * ("compare torch and gba"), the one talked about before the one brought in beside it, or one
 * asked after the other; a turn about one of a known pair keeps it.
 */
function pairOrder(
  previous: ConversationState | null,
  next: ConversationState,
  text: string,
  deps: FollowUpDeps,
): [string, string] | undefined {
  const before = previous?.policies ?? [];
  const [one, two] = next.policies;
  if (one === undefined) return undefined;
  if (two === undefined) {
    if (previous?.pair?.includes(one) === true) return previous.pair;
    const [last] = before;
    return last !== undefined && before.length === 1 && last !== one ? [last, one] : undefined;
  }
  if (next.policies.length !== 2) return undefined;
  // The names where they stand in the turn (the evidence lists them in no such order).
  const lower = text.toLowerCase();
  const at = new Map<string, number>();
  for (const e of deps.evidence?.(text) ?? []) {
    const id = e.source === "name" && e.about?.state === "chosen" ? e.about.policy : undefined;
    const where = lower.indexOf(e.span.toLowerCase());
    if (id !== undefined && next.policies.includes(id) && where >= 0 && !at.has(id)) {
      at.set(id, where);
    }
  }
  const typed = [...at.keys()].sort((a, b) => (at.get(a) ?? 0) - (at.get(b) ?? 0));
  const [first, second] = typed;
  if (first !== undefined && second !== undefined) return [first, second];
  if (before.length !== 1) return undefined;
  return before.includes(one) ? [one, two] : before.includes(two) ? [two, one] : undefined;
}

function subjectAfterTurn(
  previous: ConversationState | null,
  text: string,
  answer: Answer,
  deps: FollowUpDeps,
): ConversationState | null {
  switch (answer.kind) {
    case "answer":
      return stateAfter(previous, answer);
    case "compare": {
      const state = stateAfter(previous, answer);
      const top = state === null ? null : orderingTop(text, state, deps);
      return state !== null && top !== null ? { ...state, top } : state;
    }
    case "clarify":
      return afterQuestionBack(previous, text, answer.suggestions, deps);
    case "none":
      return (
        namedSubject(text, null, deps) ??
        keptSubject(text, previous, deps) ??
        declinedField(text, previous, deps)
      );
  }
}

/**
 * A refusal of a question about the subject ("what about its KPIs?", "how many jobs did it
 * create?") leaves the subject where it was: "and is there a budget at all?" is still about it.
 * Only a refusal that refers to the subject keeps it; one that names another country or
 * programme ("and its budget in Germany?") or asks of nothing ("who won the world cup?") moves
 * the conversation away from it.
 */
function keptSubject(
  text: string,
  previous: ConversationState | null,
  deps: FollowUpDeps,
): ConversationState | null {
  if (previous === null || previous.policies.length === 0 || previous.last === "declined") {
    return null;
  }
  const evidence = deps.evidence?.(text) ?? [];
  if (evidence.some((e) => e.source === "decision" && NAMES_THE_DATA_LACKS.includes(e.span))) {
    return null;
  }
  const reference = readCues(text, deps.vocabulary).reference;
  const refers =
    reference !== null && (reference.kind === "one") === (previous.policies.length === 1);
  return refers ? { ...previous, field: fieldWord(evidence) ?? previous.field } : null;
}

/**
 * A refusal that named no policy of the data ("what's the budget of the Olympic torch?", "and
 * the same in Korea?") is remembered by the field it asked, else the field asked before it, and
 * by nothing else: no "it" refers to it, but a correction ("oh sorry, I meant the TORCH
 * Program") or a policy named on its own ("and city clusters?") asks that field of what it names.
 */
function declinedField(
  text: string,
  previous: ConversationState | null,
  deps: FollowUpDeps,
): ConversationState | null {
  const field = fieldWord(deps.evidence?.(text) ?? []) ?? previous?.field ?? null;
  // A declined question names no country of ours; the state needs one, and what the next turn
  // names brings its own.
  const country = previous?.country ?? deps.countries[0]?.id;
  if (field === null || country === undefined) return null;
  return { version: 1, last: "declined", country, policies: [], field };
}

function countryOf(policy: string, deps: FollowUpDeps): Country | undefined {
  return deps.countries.find((c) => c.policies.some((p) => p.id === policy));
}

/**
 * The one policy of the data a turn names, as the conversation's subject (with a field, if
 * any): none when it names several, or also names a country or programme the data lacks
 * ("olympic torch"), since "its" would then be about that.
 */
function namedSubject(
  text: string,
  field: string | null,
  deps: FollowUpDeps,
): ConversationState | null {
  const evidence = deps.evidence?.(text);
  if (evidence === undefined || namesWhatDataLacks(evidence)) return null;
  const named = chosenPolicies(evidence);
  const [policy, ...more] = named.length > 0 ? named : namedInParts(text, deps);
  if (policy === undefined || more.length > 0) return null;
  const country = countryOf(policy, deps);
  if (country === undefined) return null;
  return { version: 1, last: "policy", country: country.id, policies: [policy], field };
}

/** Sentences, then clauses (split at , ; : and a spaced dash): the parts of a message. */
function partsOf(text: string): string[] {
  return text
    .split(/(?<=[.!?？！。\n])|[,，;；:：]|\s[-—–]\s/u)
    .map((part) => part.trim())
    .filter((part) => /[\p{L}\p{N}]/u.test(part));
}

/**
 * A part too long to be read as one question is read in overlapping windows of words, so every
 * name of a few words is read whole in one of them, and the resolver of single questions reads
 * each (not the reader of long messages, which found no question in it).
 */
function windowsOf(part: string): string[] {
  const words = part.split(/\s+/u);
  if (words.length <= LONG_MESSAGE_WORDS) return [part];
  const size = Math.floor(LONG_MESSAGE_WORDS / 2);
  const windows: string[] = [];
  for (let start = 0; ; start += Math.floor(size / 2)) {
    windows.push(words.slice(start, start + size).join(" "));
    if (start + size >= words.length) break;
  }
  return windows;
}

/**
 * The policies a message names part by part, when the message as a whole was declined without
 * settling on any ("…my supervisor keeps nagging me about the torch programme, honestly it's
 * been a long week…"): read alone, the part names it. None when a part names a policy beside
 * something the data lacks ("the yangtze city cluster"), or an overlong part names something
 * the data lacks anywhere; a short part naming only something else is context.
 */
function namedInParts(text: string, deps: FollowUpDeps): string[] {
  const parts = partsOf(text);
  if (parts.length < 2) return [];
  const ids: string[] = [];
  for (const part of parts) {
    const windows = windowsOf(part);
    for (const window of windows) {
      const evidence = deps.evidence?.(window) ?? [];
      const named = chosenPolicies(evidence);
      const lacks = namesWhatDataLacks(evidence);
      if (lacks && (named.length > 0 || windows.length > 1)) return [];
      for (const id of named) if (!ids.includes(id)) ids.push(id);
    }
  }
  return ids;
}

/** What a question asked back offered, read from its suggestions as the resolver reads them. */
function offersOf(suggestions: readonly string[], deps: FollowUpDeps): Offer[] {
  const offers: Offer[] = [];
  for (const suggestion of suggestions.slice(0, 10)) {
    const state = stateOfIntent(deps.resolve(suggestion));
    if (state === null || state.policies.length === 0) continue;
    offers.push({ policies: state.policies, field: state.field });
  }
  return offers;
}

/**
 * After a question asked back: the subject is the policy the turn named, else the one talked
 * about before; the field is the one every offer shares ("which policy do you mean? I can give
 * the budget of …"), else the one talked about.
 */
function afterQuestionBack(
  previous: ConversationState | null,
  text: string,
  suggestions: readonly string[],
  deps: FollowUpDeps,
): ConversationState | null {
  const offers = offersOf(suggestions, deps);
  const fields = new Set(offers.map((o) => o.field));
  const [onlyField] = fields;
  const shared = fields.size === 1 && onlyField !== undefined ? onlyField : null;
  const withOffers = (state: ConversationState): ConversationState =>
    offers.length > 0 ? { ...state, offers } : state;

  const named = namedSubject(text, shared, deps);
  if (named !== null) return withOffers(named);
  if (previous !== null) {
    const { last, country, policies } = previous;
    return withOffers({ version: 1, last, country, policies, field: shared ?? previous.field });
  }
  const [first] = offers;
  const country = first === undefined ? undefined : countryOf(first.policies[0] ?? "", deps);
  if (country === undefined) return null;
  // Nothing talked about yet: the country is the subject, and the field asked is pending.
  return withOffers({
    version: 1,
    last: "asked",
    country: country.id,
    policies: [],
    field: shared,
  });
}

/** Fields whose values the data gives as years, so an order over them has a first. */
const YEAR_FIELDS = ["start_year", "end_year"] as const;

/**
 * The policy an ordering put first: the turn asks for the highest or the lowest ("newest",
 * "ends first") of a year field, and exactly one policy holds it. Any policy without a year
 * ("no end year") leaves the order without a first.
 */
function orderingTop(text: string, state: ConversationState, deps: FollowUpDeps): string | null {
  const field = YEAR_FIELDS.find((f) => f === state.field);
  if (field === undefined || state.policies.length < 2) return null;
  const { highest, lowest } = deps.vocabulary.ranks;
  const high = findPhrases(text, highest).length > 0;
  const low = findPhrases(text, lowest).length > 0;
  if (high === low) return null;
  const country = deps.countries.find((c) => c.id === state.country);
  const years: { id: string; year: number }[] = [];
  for (const id of state.policies) {
    const year = country?.policies.find((p) => p.id === id)?.[field].value;
    if (year === undefined || year === null) return null;
    years.push({ id, year });
  }
  const best = (high ? Math.max : Math.min)(...years.map((y) => y.year));
  const winners = years.filter((y) => y.year === best);
  return winners.length === 1 ? (winners[0]?.id ?? null) : null;
}
