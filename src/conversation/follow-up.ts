import type { Intent } from "../answers/types.ts";
import { CountryField, type Country, type PolicyField } from "../dataset/schema.ts";
import type { Evidence } from "../search/resolve/evidence.ts";
import { FIELD_QUESTION_WORDS } from "../model/fields.ts";
import {
  findPhrases,
  readCues,
  removeCues,
  replaceCue,
  withoutChat,
  type FollowUpCues,
  type Reference,
} from "./cues.ts";
import { chosenPolicies, comparingWords, fieldWord, namesWhatDataLacks } from "./evidence.ts";
import { partReading } from "./parts.ts";
import { lackingSelection, selectionIn } from "./select.ts";
import {
  asksOnlyOfSubject,
  policyInClauseBefore,
  namesNoPolicy,
  namesSomethingElse,
  opensTurn,
  sentenceAt,
  withoutNegatedTail,
} from "./turn-words.ts";
import { besideNamed, isPolicyField, newlyNamed, pickOffer } from "./named.ts";
import { stateOfIntent, type ConversationState } from "./state.ts";
import type { ConversationVocabulary } from "./vocabulary.ts";

/**
 * Follow-up questions, as a layer over the resolver of single questions. The context is weak
 * evidence: the question's own reading wins whenever it stands on its own, a refusal stays a
 * refusal, and a reference the context cannot settle is asked back, never guessed. Context is
 * applied by saying the subject out loud ("its budget" → "TORCH Program budget") and reading the
 * question again, so every follow-up goes through the same resolver as a first question.
 */

export interface FollowUpDeps {
  countries: readonly Country[];
  /** A question on its own → Intent (the single-question resolver). */
  resolve(text: string): Intent;
  /**
   * The evidence the resolver read a question on its own from, so a turn naming something the
   * data lacks ("Xiongan's budget?") is told from one leaving its subject unsaid ("budget?").
   * Without it, only the resolver's reading of the turn with its subject said decides.
   */
  evidence?(text: string): readonly Evidence[];
  vocabulary: ConversationVocabulary;
}

/** A follow-up this short ("torch?", "GBA plan?") asks the last field of a new policy. */
const SHORT_FOLLOW_UP_WORDS = 3;

type Subject =
  | { kind: "policies"; country: Country; ids: string[] }
  | { kind: "country"; country: Country }
  | { kind: "unsettled"; intent: Intent };

const isAnswer = (intent: Intent): boolean =>
  intent.kind === "policy" || intent.kind === "compare" || intent.kind === "country";

function policyShortName(country: Country, id: string): string {
  return country.policies.find((p) => p.id === id)?.short_name ?? id;
}

function joinNames(names: readonly string[], conjunction: "and" | "or"): string {
  if (names.length <= 1) return names[0] ?? "";
  return `${names.slice(0, -1).join(", ")} ${conjunction} ${names[names.length - 1] ?? ""}`;
}

/** The policies (or the country) a reference points at, or a question back when it is unclear. */
function subjectOf(
  reference: Reference | null,
  state: ConversationState,
  country: Country,
  text: string,
  comparing: boolean,
  pairs: readonly string[],
  named: string | null,
): Subject {
  const talkedAbout = state.policies.filter((id) => country.policies.some((p) => p.id === id));
  const all = country.policies.map((p) => p.id);
  const askBack = (question: string, options: string[][]): Subject => ({
    kind: "unsettled",
    intent: {
      kind: "clarify",
      text: question,
      suggestions: options.slice(0, 5).map((ids) =>
        reference
          ? replaceCue(
              text,
              reference.match,
              joinNames(
                ids.map((id) => policyShortName(country, id)),
                "and",
              ),
            )
          : text,
      ),
    },
  });
  const names = (ids: readonly string[], conjunction: "and" | "or"): string =>
    joinNames(
      ids.map((id) => policyShortName(country, id)),
      conjunction,
    );

  if (reference === null) {
    return talkedAbout.length > 0
      ? { kind: "policies", country, ids: talkedAbout }
      : { kind: "country", country };
  }
  switch (reference.kind) {
    case "one": {
      // "the latter" after TORCH, then the GBA plan (one by one or side by side): the one
      // brought in last; "the former" the other. Without that order, it is asked back.
      if (reference.order !== undefined) {
        const id = state.pair?.[reference.order === "former" ? 0 : 1];
        if (id !== undefined && all.includes(id)) return { kind: "policies", country, ids: [id] };
        const options = talkedAbout.length > 1 ? talkedAbout : all;
        return askBack(
          `Which one do you mean: ${names(options, "or")}?`,
          options.map((one) => [one]),
        );
      }
      if (talkedAbout.length === 1) return { kind: "policies", country, ids: talkedAbout };
      // After "which is the newest?", "that one" is the one the order put first.
      if (state.top !== undefined && talkedAbout.includes(state.top)) {
        return { kind: "policies", country, ids: [state.top] };
      }
      if (talkedAbout.length > 1) {
        return askBack(
          `Which one do you mean: ${names(talkedAbout, "or")}?`,
          talkedAbout.map((id) => [id]),
        );
      }
      return { kind: "country", country };
    }
    case "several": {
      if (talkedAbout.length > 1) return { kind: "policies", country, ids: talkedAbout };
      // "and torch? how many years apart are they": the one talked about and the one named.
      if (talkedAbout.length === 1 && named !== null && !talkedAbout.includes(named)) {
        return { kind: "policies", country, ids: [...talkedAbout, named] };
      }
      // After TORCH, then the GBA plan, "which of the two started first?" is about those two:
      // the one talked about and the one before it ("they" only when no other came before).
      const before = (state.earlier ?? []).filter((id) => all.includes(id));
      const [latest] = before;
      const pair = pairs.includes(reference.match.phrase);
      if (talkedAbout.length === 1 && latest !== undefined && (pair || before.length === 1)) {
        return { kind: "policies", country, ids: [...talkedAbout, latest] };
      }
      // After a country's answer, "they" are its policies.
      if (talkedAbout.length === 0 && state.last === "country" && all.length > 1)
        return { kind: "policies", country, ids: all };
      return askBack(
        talkedAbout.length === 1
          ? `Which policies do you mean? So far we talked about ${names(talkedAbout, "and")} only.`
          : `Which policies do you mean: ${names(all, "or")}?`,
        all.filter((id) => !talkedAbout.includes(id)).map((id) => [...talkedAbout, id]),
      );
    }
    case "all":
      return all.length > 1
        ? { kind: "policies", country, ids: all }
        : askBack(`${country.name} has only one policy in my data.`, [all]);
    case "others": {
      const rest = all.filter((id) => !talkedAbout.includes(id));
      if (
        talkedAbout.length > 0 &&
        rest.length > 0 &&
        (reference.count ?? rest.length) === rest.length
      ) {
        // "and the other two?" puts them side by side, and the one just read belongs beside
        // them: what the user is comparing is every policy. One other is asked on its own,
        // unless the turn compares ("how does that compare with the other one?").
        return { kind: "policies", country, ids: rest.length > 1 || comparing ? all : rest };
      }
      return askBack(
        talkedAbout.length === 0
          ? `Other than what? Which policy do you mean: ${names(all, "or")}?`
          : `${country.name} has ${rest.length === 1 ? "one other policy" : `${rest.length} other policies`} in my data: ${names(rest, "and")}. Which do you mean?`,
        rest.map((id) => [id]),
      );
    }
  }
}

/** The intent answers about the subject (all of its policies, or its country). */
function covers(intent: Intent, subject: Subject, cues: FollowUpCues): boolean {
  if (subject.kind === "unsettled") return false;
  if (subject.kind === "country") {
    return intent.kind === "country" && intent.country === subject.country.id;
  }
  switch (intent.kind) {
    case "policy":
      return subject.ids.length === 1 && intent.policy === subject.ids[0];
    case "compare":
      // One policy beside others only when the question compares: "compare it with torch".
      return (
        subject.ids.every((id) => intent.policies.includes(id)) &&
        (subject.ids.length > 1 || cues.comparison || cues.comparative)
      );
    case "country":
      return (
        intent.country === subject.country.id &&
        (intent.policy === undefined || subject.ids.includes(intent.policy))
      );
    default:
      return false;
  }
}

/** The question read with its subject said out loud: in place of the reference, else after it. */
function readWithSubject(
  text: string,
  cues: FollowUpCues,
  subject: Subject,
  deps: FollowUpDeps,
): Intent | null {
  if (subject.kind === "unsettled") return null;
  const said =
    subject.kind === "country"
      ? subject.country.name
      : joinNames(
          subject.ids.map((id) => policyShortName(subject.country, id)),
          "and",
        );
  const readings = cues.reference
    ? [replaceCue(text, cues.reference.match, said), `${text} ${said}`]
    : [`${text} ${said}`, `${said} ${text}`];
  // The subject said in place of the reference can break a field's words ("who's it for" →
  // "who's TORCH for"): a reading that asks something wins over one that only names the subject.
  let first: Intent | null = null;
  for (const reading of readings) {
    const intent = deps.resolve(reading);
    if (!isAnswer(intent) || !covers(intent, subject, cues)) continue;
    if (first === null) {
      const bare =
        intent.kind === "policy" && intent.field === null && intent.passage === undefined;
      if (!bare) return intent;
      first = intent;
    } else if (asksField(intent)) {
      return intent;
    }
  }
  return first;
}

/** A new policy asked in a few words ("and GBA?") is asked the field talked about. */
function withEarlierField(intent: Intent, state: ConversationState, cues: FollowUpCues): Intent {
  const elliptic =
    cues.ellipsis ||
    cues.factReference ||
    // "torch?", "GBA plan?"; "what is torch?" asks a question of its own.
    (cues.reference?.kind !== "one" &&
      cues.wordCount <= SHORT_FOLLOW_UP_WORDS &&
      !cues.questionWord) ||
    // "how does that compare with the other two?": side by side on the fact just read ("compare
    // it with GBA" puts the policies side by side, not the fact).
    (intent.kind === "compare" &&
      cues.comparison &&
      (cues.mentionsFact || cues.reference?.kind === "others")) ||
    // "which of them is more early?": a choice by degree among the policies talked about, in
    // words no field reads, is a choice on the fact talked about.
    (intent.kind === "compare" && cues.choice && cues.degree);
  if (!elliptic || cues.whole || !isPolicyField(state.field)) return intent;
  if (intent.kind === "policy" && intent.field === null && intent.passage === undefined) {
    return { ...intent, field: state.field };
  }
  if (intent.kind === "compare" && intent.field === null) return { ...intent, field: state.field };
  return intent;
}

/** Fields whose values can be more, less, earlier or later than another's. */
const ORDERED_FIELDS: readonly PolicyField[] = ["start_year", "end_year", "budget"];

/**
 * What "is that more than city clusters?" compares: a quantity the question names itself
 * ("older" → start year), or any field it asks unless it points at the last fact ("that"),
 * else the field talked about, else whatever the question asked.
 */
function comparedField(
  intent: Extract<Intent, { kind: "policy" }>,
  state: ConversationState,
  cues: FollowUpCues,
): PolicyField | null {
  // A field read from a passage's words ("more than … consume more") is not a field asked.
  const own = intent.passage === undefined ? intent.field : null;
  // The question's own field decides, unless it points at the last fact ("is that more …").
  if (own !== null && (ORDERED_FIELDS.includes(own) || !cues.factReference)) return own;
  if ((cues.comparative || cues.factReference) && isPolicyField(state.field)) return state.field;
  return own;
}

/** Words naming one maturity dimension only ("evidence", "instruments"). */
function namedDimension(text: string, country: Country): string | null {
  const words = (label: string): string[] =>
    label
      .toLowerCase()
      .split(/[^\p{L}]+/u)
      .filter((w) => w.length >= 5 && !["cluster", "clusters", "policy", "policies"].includes(w));
  const lower = text.toLowerCase();
  const hits = country.maturity.dimensions.filter((d) =>
    words(d.label).some((w) => new RegExp(`(?<!\\p{L})${w}`, "u").test(lower)),
  );
  return hits.length === 1 ? (hits[0]?.id ?? null) : null;
}

/** After a country's maturity: "why only 0.5 for evidence?", "and instruments?". */
function maturityFollowUp(
  text: string,
  cues: FollowUpCues,
  state: ConversationState,
  country: Country,
  deps: FollowUpDeps,
): Intent | null {
  if (state.last !== "country" || state.field !== "maturity") return null;
  if (!cues.score && !cues.ellipsis && cues.wordCount > SHORT_FOLLOW_UP_WORDS) return null;
  const dimension = namedDimension(text, country);
  if (dimension !== null) {
    return { kind: "country", country: country.id, field: "maturity", dimension };
  }
  if (!cues.score) return null;
  const intent = deps.resolve(`${country.name} maturity ${text}`);
  return intent.kind === "country" && intent.country === country.id && intent.field === "maturity"
    ? intent
    : null;
}

/** A reading that asks something of its policies: a field, not the card or a refusal. */
const asksField = (intent: Intent | null): boolean =>
  (intent?.kind === "policy" || intent?.kind === "compare") && intent.field !== null;

/**
 * "bay area?" asked back as "Did you mean the Greater Bay Area plan?": in a conversation, a
 * short follow-up whose only candidate is one policy of the country talked about is that
 * policy (the conversation is the evidence the name lacked).
 */
function guessedPolicy(
  text: string,
  own: Intent,
  country: Country,
  cues: FollowUpCues,
  deps: FollowUpDeps,
): Intent | null {
  if (own.kind !== "clarify" || own.suggestions.length !== 1) return null;
  const [suggestion] = own.suggestions;
  if (suggestion === undefined) return null;
  const named = deps.resolve(suggestion);
  if (named.kind !== "policy" || named.country !== country.id) return null;
  // "and the bay area one? does that really end the same year": a longer turn whose own words
  // name the policy, if only in part, is about it (with what it asks), never the subject.
  const partly = (deps.evidence?.(text) ?? []).some(
    (e) => e.source === "name" && e.about?.policy === named.policy,
  );
  if (partly) return named;
  if (!cues.ellipsis && cues.wordCount > SHORT_FOLLOW_UP_WORDS) return null;
  return named.field === null ? named : null;
}

/** The follow-up's own reading, settled against the conversation so far. */
export function resolveFollowUp(
  text: string,
  state: ConversationState | null,
  deps: FollowUpDeps,
): Intent {
  const read = readFollowUp(text, state, deps);
  return state === null ? read : withSharedWordField(read, text, state, deps);
}

/**
 * "How does that stack up against the GBA plan's funding?" after TORCH's source of funding: a
 * field read only from words two fields share (`sharedFieldWords`: "funding" is a budget word
 * and a source-of-funding word) is the one of them talked about.
 */
function withSharedWordField(
  intent: Intent,
  text: string,
  state: ConversationState,
  deps: FollowUpDeps,
): Intent {
  if (intent.kind !== "policy" && intent.kind !== "compare") return intent;
  const asked = intent.field;
  const talked = state.field;
  if (asked === null || !isPolicyField(talked) || asked === talked) return intent;
  const shared = deps.vocabulary.sharedFieldWords.filter(
    (group) => group.fields.includes(asked) && group.fields.includes(talked),
  );
  const words = shared.flatMap((group) => group.words);
  const found = findPhrases(text, words);
  if (found.length === 0) return intent;
  // Only a field the shared words read as on their own ("funding" → budget) gives way; one the
  // turn builds from them with other words ("where does that money come from?") or says by
  // any other word ("funding amount", "who provides the funding") decides.
  const alone = found.map((m) => text.slice(m.start, m.end)).join(" ");
  if (fieldWord(deps.evidence?.(alone) ?? []) !== asked) return intent;
  if (fieldWord(deps.evidence?.(removeCues(text, found)) ?? []) !== null) return intent;
  return { ...intent, field: talked };
}

function readFollowUp(text: string, state: ConversationState | null, deps: FollowUpDeps): Intent {
  const whole = resolveTurn(text, state, deps);
  // "wait go back to the bay area one — who pays for it?": the chat opening or closing a turn
  // is not read as what it asks about.
  // Only in a conversation, and only for a question asking a field: "haha torch is lit" is chat.
  const bare = withoutChat(text, deps.vocabulary.chatWords);
  if (state !== null && bare !== text) {
    const read = resolveTurn(bare, state, deps);
    if (asksField(read)) return read;
  }
  if (whole.kind !== "none") return whole;
  // "was it ever evaluated? like how many startups it created?": a turn of several questions
  // declined as a whole is answered by its first question, when that one alone is answered and
  // the turn names nothing the data lacks ("torch's budget? and Germany's?" stays declined).
  const first = firstOfSeveral(text, deps);
  if (first === null) return whole;
  const read = resolveTurn(first, state, deps);
  return isAnswer(read) ? read : whole;
}

/** The first of several questions in a turn ("…? …?"), or null. */
function firstOfSeveral(text: string, deps: FollowUpDeps): string | null {
  const questions = text
    .split(/(?<=[?？])/u)
    .map((q) => q.trim())
    .filter((q) => /[\p{L}\p{N}]/u.test(q));
  const [first] = questions;
  if (first === undefined || questions.length < 2) return null;
  const evidence = deps.evidence?.(text);
  if (evidence === undefined || namesWhatDataLacks(evidence) || namesSomethingElse(text, deps)) {
    return null;
  }
  return first;
}

/**
 * The turn with the aspect talked about said out loud: "how does that compare with TORCH in
 * this respect?" → "… with TORCH evaluation", "does City Clusters offer the same?" → "does City
 * Clusters offer instruments?". When the turn names a field of its own ("does it target the same
 * groups?"), the words are only dropped. Null when the turn has no such words, or nothing was
 * asked of a policy before.
 */
function withAspectSaid(text: string, state: ConversationState, deps: FollowUpDeps): string | null {
  const field = state.field;
  const { aspects, comparatives, comparisons } = deps.vocabulary;
  // A longer phrase comparing ("the same as the GBA's") is a comparison, not the aspect.
  const found = findPhrases(text, [...aspects, ...comparatives, ...comparisons]).filter((m) =>
    aspects.includes(m.phrase),
  );
  const [first] = found;
  if (first === undefined) return null;
  const dropped = removeCues(text, found);
  // A field of the turn's own is read without its words of comparing ("measure up" is no
  // measure, "stack up" no instrument).
  const plain = removeCues(dropped, findPhrases(dropped, [...comparatives, ...comparisons]));
  // After a policy's card ("tell me about the GBA"), the aspect is the policy as a whole.
  if (!isPolicyField(field) || fieldWord(deps.evidence?.(plain) ?? [], true) !== null) {
    return dropped;
  }
  // The later phrases cut from the end first, so the first one's place stays where it was.
  let kept = text;
  for (const match of found.slice(1).reverse()) {
    kept = `${kept.slice(0, match.start)} ${kept.slice(match.end)}`;
  }
  return replaceCue(kept, first, FIELD_QUESTION_WORDS[field]);
}

/**
 * "What about the national policy it comes from — was that one evaluated?" after the GBA plan:
 * words of derivation, about a subject the data says is derived from another policy, make the
 * turn about that policy; "the plan derived from it" after City Clusters (the subject right after
 * the words) is about the one policy derived from it. On the field the turn asks, else (a
 * follow-up in few words, "and its parent policy?") the field talked about; compared with the
 * subject when the turn compares.
 */
function parentReading(
  text: string,
  cues: FollowUpCues,
  state: ConversationState,
  country: Country,
  deps: FollowUpDeps,
): Intent | null {
  const [only] = state.policies;
  if (only === undefined || state.policies.length !== 1) return null;
  const { parentWords, selections } = deps.vocabulary;
  const relation = findPhrases(text, parentWords);
  if (relation.length === 0) return null;
  // "derived from it": the subject right after the words, and no words of derivation after it
  // ("the parent policy it is derived from" is the subject's parent).
  const ofSubject = relation.some((m) =>
    cues.references.some(
      (r) =>
        r.kind === "one" &&
        r.match.start >= m.end &&
        text.slice(m.end, r.match.start).trim() === "" &&
        !relation.some((after) => after.start >= r.match.end),
    ),
  );
  const children = country.policies.filter((p) => p.derived_from?.policy === only);
  const related = ofSubject
    ? children.length === 1
      ? children[0]?.id
      : undefined
    : country.policies.find((p) => p.id === only)?.derived_from?.policy;
  if (related === undefined) return null;
  // The words naming the parent ("the parent national policy it comes from") describe it; what
  // the turn asks of it is read without them ("national" alone would ask the policy type).
  const typeWords = Object.values(selections.types).flat();
  const rest = removeCues(text, findPhrases(text, [...parentWords, ...typeWords]));
  const evidence = deps.evidence?.(rest) ?? [];
  if (namesWhatDataLacks(evidence, comparingWords(deps.vocabulary))) return null;
  if (chosenPolicies(evidence).some((id) => id !== related && id !== only)) return null;
  const said = fieldWord(evidence, true);
  const field = isPolicyField(said)
    ? said
    : (cues.ellipsis || cues.factReference || cues.wordCount <= SHORT_FOLLOW_UP_WORDS) &&
        isPolicyField(state.field)
      ? state.field
      : null;
  if (cues.comparison || cues.comparative) {
    return { kind: "compare", country: country.id, policies: [only, related].sort(), field };
  }
  return { kind: "policy", country: country.id, policy: related, field };
}

/**
 * "Does that list include X? I ask because the City Clusters list seems to.": a reference in the
 * question points back, so a policy named only in sentences after the last one asking (the
 * reason for asking, an aside) is not what the question is about. The asking part, or null.
 */
function questionBeforeAside(text: string, deps: FollowUpDeps): string | null {
  const sentences = [...text.matchAll(/[^?？!！.。]+[?？!！.。]*/gu)];
  const lastAsking = sentences.findLastIndex((m) => /[?？]/u.test(m[0]));
  const last = sentences[lastAsking];
  if (last === undefined || lastAsking === sentences.length - 1) return null;
  const end = last.index + last[0].length;
  const asking = text.slice(0, end);
  const aside = text.slice(end);
  const asideNames = chosenPolicies(deps.evidence?.(aside) ?? []);
  if (asideNames.length === 0 || chosenPolicies(deps.evidence?.(asking) ?? []).length > 0) {
    return null;
  }
  return readCues(asking, deps.vocabulary).reference === null ? null : asking;
}

function resolveTurn(
  text: string,
  state: ConversationState | null,
  deps: FollowUpDeps,
  aspectSaid = false,
): Intent {
  const own = deps.resolve(text);
  if (state === null) return own;
  const country = deps.countries.find((c) => c.id === state.country);
  if (country === undefined) return own;

  if (!aspectSaid) {
    const said = withAspectSaid(text, state, deps);
    if (said !== null) {
      const read = resolveTurn(said, state, deps, true);
      if (isAnswer(read)) return read;
    }
    const asking = questionBeforeAside(text, deps);
    if (asking !== null) {
      const read = resolveTurn(asking, state, deps, true);
      if (isAnswer(read)) return read;
    }
  }
  const cues = readCues(text, deps.vocabulary);
  if (state.last !== "declined") {
    const parent = parentReading(text, cues, state, country, deps);
    if (parent !== null) return parent;
  }

  // "sorry, I meant torch": the last question again, of what the rest of the turn names. The
  // words taking it back open or close the turn, once its chat is set aside ("oh sorry, I meant
  // torch", "ah i mean the city clusters one lol").
  const { chatWords } = deps.vocabulary;
  const whole = withoutChat(text, chatWords);
  const correction = findPhrases(whole, deps.vocabulary.corrections).find(
    (m) => m.end === whole.length || opensTurn(whole.slice(0, m.start), deps),
  );
  // "argh, I meant torch": the words before the correction opening the turn are chat.
  const body =
    correction === undefined || correction.end === whole.length
      ? whole
      : whole.slice(correction.start);
  if (correction !== undefined || cues.afterNegation !== null) {
    // "not torch, GBA": only what follows the negated part is meant.
    const said = cues.afterNegation ?? body;
    // "I mean torch, not GBA": what the correction takes back is not meant either.
    const kept = withoutNegatedTail(said, deps.vocabulary);
    const rest = withoutChat(
      removeCues(kept, readCues(kept, deps.vocabulary).corrections),
      chatWords,
    );
    if (rest !== "") {
      const corrected = settle(rest, deps.resolve(rest), readCues(rest, deps.vocabulary), {
        state,
        country,
        deps,
        correction: true,
      });
      // A correction that changes nothing ("that's not what I meant") corrects nothing.
      const after = stateOfIntent(corrected);
      const same =
        after !== null &&
        after.field === state.field &&
        after.policies.join() === state.policies.join();
      if (isAnswer(corrected) && !same) return corrected;
    }
  }
  // After a refusal, nothing was talked about: only a correction, or a policy named on its own
  // ("and city clusters?"), reads the turn in its light, asking the field asked before.
  if (state.last === "declined")
    return own.kind === "policy" ? withEarlierField(own, state, cues) : own;

  // "what's the second one?" after a list, "which part is weakest?" after a breakdown.
  const part = partReading(text, state, country, deps);
  if (part !== null) return part;

  const asWhole = wholeReading(text, cues, { state, country, deps });
  if (asWhole !== null) return asWhole;

  // "for the regional one, what monitoring is in place?": policies picked by what the data says.
  const selected = readSelection(text, cues, { state, country, deps });
  if (selected !== null) return selected;

  // "n gba?": a connective opening the turn is the conversation's cue, not what the turn asks
  // ("going back to the policies, which has no evaluation?" is no question of continuity).
  if (cues.lead !== null) {
    const rest = text.slice(cues.lead.end).trim();
    const read = rest === "" ? own : deps.resolve(rest);
    if (isAnswer(read)) return settle(text, read, cues, { state, country, deps });
  }
  return settle(text, own, cues, { state, country, deps });
}

/**
 * "overall?", "and in general, what is it?" after a field: the words asking of the subject as a
 * whole are the conversation's cue, not a field's word (the field words read "overall" as a
 * weak word of budgets), so the turn is read without them, and no field talked about carries
 * over. A turn that names a field of its own ("what's the overall budget?") is read as it is.
 */
function wholeReading(text: string, cues: FollowUpCues, context: Context): Intent | null {
  if (!cues.whole) return null;
  const { deps } = context;
  if (fieldWord(deps.evidence?.(text) ?? [], true) !== null) return null;
  const rest = removeCues(text, findPhrases(text, deps.vocabulary.wholes));
  if (rest === text) return null;
  const restCues = { ...readCues(rest, deps.vocabulary), whole: true };
  const own = deps.resolve(rest);
  // What is left may name a subject of its own ("and the GBA plan in general?").
  if (own.kind === "none" && !asksOnlyOfSubject(rest, deps)) return null;
  if (isAnswer(own)) return settle(rest, own, restCues, context);
  const subject = subjectOfCues(restCues, rest, context, null);
  if (subject.kind === "unsettled") return subject.intent;
  // After a country's fact ("how mature is China?"), the whole of it is that fact in total,
  // not one of its parts.
  const countryField = CountryField.safeParse(context.state.field);
  if (subject.kind === "country" && context.state.last === "country" && countryField.success) {
    return { kind: "country", country: subject.country.id, field: countryField.data };
  }
  return readWithSubject(rest, restCues, subject, deps);
}

/**
 * A turn that picks policies by an attribute ("the regional one", "the national ones", "the
 * oldest one") and names none itself, read with the picked policies said in place of the words
 * that pick them; asked back when "one" picks several. Null when it picks nothing, or the turn
 * read so is not about exactly the picked policies.
 */
function readSelection(text: string, cues: FollowUpCues, context: Context): Intent | null {
  const { state, country, deps } = context;
  const evidence = deps.evidence?.(text) ?? [];
  // "is torch the national one?" names its policy; "the national one in Korea" is not ours.
  if (chosenPolicies(evidence).length > 0) return null;
  if (namesWhatDataLacks(evidence, comparingWords(deps.vocabulary))) return null;
  const selection =
    selectionIn(text, state, country, deps.vocabulary) ??
    lackingSelection(text, state, country, deps.vocabulary, (words) => {
      const field = fieldWord(deps.evidence?.(words) ?? []);
      return isPolicyField(field) ? field : null;
    });
  if (selection === null) return null;
  const { match, ids } = selection;
  // "ok which one's the regional one?": asked which policy it is, the picking words are the
  // question, not a reference (the turn read on its own compares on the very field they pick
  // by). The one picked is the answer, with the fact that picks it, and the subject from then
  // on ("and when does it end?").
  const [only] = ids;
  if (cues.choice && cues.reference === null && only !== undefined && ids.length === 1) {
    const own = deps.resolve(text);
    if (own.kind === "compare" && own.field === selection.field) {
      return { kind: "policy", country: country.id, policy: only, field: selection.field };
    }
  }
  // "is this the national policy?", "is it the only regional one?": after a reference to the
  // subject, the words picking are said of it, not a new subject.
  const said = cues.reference;
  const name = (id: string): string => policyShortName(country, id);
  // "how does that compare with the regional one?", "is it older than the national ones?": the
  // picked policies are the other side of a comparison with the subject, so the turn is read
  // as if it had named them.
  const other = said !== null && said.kind === "one" && said.match.end <= match.start;
  if ((other || said === null) && (cues.comparison || cues.comparative)) {
    if (selection.one && ids.length > 1) return null;
    const named = replaceCue(text, match, joinNames(ids.map(name), "and"));
    const read = settle(named, deps.resolve(named), readCues(named, deps.vocabulary), context);
    if (read.kind === "compare" && ids.every((id) => read.policies.includes(id))) {
      // "compare it with the national ones": "it" stays beside them.
      const policies = other ? [...new Set([...read.policies, ...state.policies])] : [];
      return other ? { ...read, policies: policies.sort() } : read;
    }
  }
  if (other) return null;
  if (selection.one && ids.length > 1) {
    return {
      kind: "clarify",
      text: `Which one do you mean: ${joinNames(ids.map(name), "or")}?`,
      suggestions: ids.slice(0, 5).map((id) => replaceCue(text, match, name(id))),
    };
  }
  const names = joinNames(ids.map(name), "and");
  const reference: Reference = ids.length > 1 ? { kind: "several", match } : { kind: "one", match };
  const picked: FollowUpCues = { ...cues, reference, factReference: false };
  const wanted = [...ids].sort().join();
  for (const reading of [replaceCue(text, match, names), `${text} ${names}`]) {
    const intent = deps.resolve(reading);
    if (isAnswer(intent) && stateOfIntent(intent)?.policies.join() === wanted) {
      return withEarlierField(intent, state, picked);
    }
  }
  return null;
}

const subjectOfCues = (
  cues: FollowUpCues,
  text: string,
  { state, country, deps }: Context,
  named: string | null,
): Subject =>
  subjectOf(
    cues.reference,
    state,
    country,
    text,
    cues.comparison,
    deps.vocabulary.references.pairs,
    named,
  );

/**
 * "what instruments does it use to reach them?" about one policy: a reference the conversation
 * cannot settle ("them") gives way to another in the turn that it can ("it"); "them" are then
 * the things the policy is asked about, not policies.
 */
function settledReference(
  cues: FollowUpCues,
  text: string,
  context: Context,
  named: string | null,
): FollowUpCues {
  if (cues.reference === null || subjectOfCues(cues, text, context, named).kind !== "unsettled") {
    return cues;
  }
  for (const reference of cues.references) {
    const other = { ...cues, reference };
    if (subjectOfCues(other, text, context, named).kind !== "unsettled") return other;
  }
  // "who is responsible for achieving them?" after one policy's objectives: "them" are the
  // items just read, when the turn asks another field of its own and compares nothing.
  const { state, deps } = context;
  const asked = fieldWord(deps.evidence?.(text) ?? [], true);
  const items =
    cues.reference.kind === "several" &&
    state.policies.length === 1 &&
    isPolicyField(state.field) &&
    isPolicyField(asked) &&
    asked !== state.field &&
    !cues.comparison &&
    !cues.comparative &&
    !cues.degree;
  return items ? { ...cues, reference: { kind: "one", match: cues.reference.match } } : cues;
}

/**
 * "那长三角的集群政策呢？", "and the yangtze one?": a follow-up in few words whose subject is a
 * word no reader placed — no policy, no policy field, no reference — asks about something the
 * data lacks, so neither the subject talked about nor a country text its words happen to share
 * answers it. The word, or null.
 */
function unplacedSubject(
  text: string,
  own: Intent,
  cues: FollowUpCues,
  deps: FollowUpDeps,
): string | null {
  if (!cues.ellipsis || cues.reference !== null || own.kind === "none") return null;
  const evidence = deps.evidence?.(text) ?? [];
  if (chosenPolicies(evidence).length > 0 || isPolicyField(fieldWord(evidence))) return null;
  const { chatWords, ellipsisLeads, ellipsisTails } = deps.vocabulary;
  const cue = [...chatWords, ...ellipsisLeads, ...ellipsisTails];
  const word = evidence.find(
    (e) =>
      e.source === "unknown word" &&
      !findPhrases(e.span, cue).some((m) => m.start === 0 && m.end === e.span.length),
  );
  return word?.span ?? null;
}

interface Context {
  state: ConversationState;
  country: Country;
  deps: FollowUpDeps;
  /** The turn took back the last question: what it names is asked the last field. */
  correction?: boolean;
}

function settle(text: string, first: Intent, readCue: FollowUpCues, context: Context): Intent {
  const { state, country, deps } = context;
  const named = newlyNamed(text, state, deps);
  const cues = settledReference(
    context.correction ? { ...readCue, ellipsis: true } : readCue,
    text,
    { state, country, deps },
    named,
  );
  const compares = cues.comparative || cues.comparison;
  // "and the Torch programme - was it ever evaluated?": "it" is the policy the turn names.
  // A name in a clause of its own before the question ("going back to city clusters: who runs
  // it?", "go back to the bay area one — who pays for it?") is what "it" means, whatever the
  // question then asks, even when it was talked about already.
  const one = cues.reference?.kind === "one" ? cues.reference : null;
  const introduced = one === null ? null : policyInClauseBefore(text, one.match.start, deps);
  // A turn that compares ("and the bay area one? does that end the same year") sets a name
  // said only in part beside the subject.
  const picked =
    one === null
      ? null
      : compares
        ? introduced !== null && introduced === named
          ? named
          : null
        : (introduced ?? (cues.choice ? null : named));
  const subject: Subject =
    picked !== null
      ? { kind: "policies", country, ids: [picked] }
      : subjectOfCues(cues, text, context, named);
  const own = guessedPolicy(text, first, country, cues, deps) ?? first;
  const unknown = unplacedSubject(text, own, cues, deps);
  if (unknown !== null) {
    const known = country.policies.map((p) => p.short_name).join(", ");
    return {
      kind: "none",
      text: `I have no data on “${unknown}”. I know these cluster policies — ${country.name}: ${known}.`,
      suggestions: [],
    };
  }

  // A reply asks nothing of its own ("torch", "TORCH, sorry"); "what is torch?" is a question.
  const offered = !cues.questionWord || cues.ellipsis ? pickOffer(own, state) : null;
  if (offered !== null) return offered;
  // "nah the other one, city clusters vs gba": policies the turn names, every one in full, beat
  // any reference to what was talked about.
  if (own.kind === "compare") {
    const inFull = chosenPolicies(deps.evidence?.(text) ?? []);
    if (own.policies.every((id) => inFull.includes(id))) return withEarlierField(own, state, cues);
  }

  // A comparison the resolver could not settle alone, or read as the named policy alone: one
  // it reads as a comparison, and a reference to one policy beside a named one ("is that more
  // than torch?"), are settled below.
  const reference = cues.reference;
  const setsBeside =
    reference === null
      ? // A comparative ("is city clusters older?") measures the named policy against the
        // subject even when the turn alone reads as that policy's field (the date "older" asks).
        // Words of comparing about the field talked about ("how does the GBA measure up on
        // evaluation?" after TORCH's) set the named policy beside the subject on it.
        own.kind !== "policy" ||
        own.field === null ||
        cues.ellipsis ||
        cues.comparative ||
        (cues.comparison && own.field === state.field)
      : reference.kind === "several" || (reference.kind === "one" && own.kind !== "policy");
  if (named !== null && compares && !cues.choice && own.kind !== "compare" && setsBeside) {
    const beside = besideNamed(text, named, cues, context);
    if (beside !== null) return beside;
  }

  // A refusal stays one: context only fills in what the turn leaves unsaid — the subject of a
  // reference ("what is it?", "and the other two?"), of a field asked on its own ("budget??"),
  // or of a score question ("why only 0.5 for evidence?").
  if (own.kind === "none") {
    if (cues.reference !== null) {
      // "and France, what do they do?": a reference in the same sentence as a country or
      // programme the data lacks is to that ("what's its budget? and Germany's?" asks of ours).
      // A "name" made of the reference's own word ("the latter subject to …") is the reference.
      const { match } = cues.reference;
      const evidence = deps.evidence?.(sentenceAt(text, match.start)) ?? [];
      const word = match.phrase.toLowerCase().split(/\s+/u).at(-1) ?? "";
      const names = evidence.filter((e) => e.source === "unknown name");
      const isReference =
        names.length > 0 && names.every((e) => e.span.toLowerCase().split(/\s+/u).includes(word));
      if (namesWhatDataLacks(evidence, comparingWords(deps.vocabulary)) && !isReference) return own;
      if (subject.kind === "unsettled") return subject.intent;
      const read = readWithSubject(text, cues, subject, deps);
      // "thanks, that's all" names the subject but asks nothing of it.
      const asksNothing = read?.kind === "policy" && read.field === null && !cues.question;
      if (read && !asksNothing) return withEarlierField(read, state, cues);
    } else if (subject.kind === "policies" && asksOnlyOfSubject(text, deps)) {
      const read = readWithSubject(text, cues, subject, deps);
      if (read !== null && asksField(read)) return read;
      // "which one is bigger?" after a comparison: the same policies, on the field talked about.
      if (read?.kind === "compare" && read.field === null && cues.choice && cues.degree) {
        return isPolicyField(state.field) ? { ...read, field: state.field } : read;
      }
    }
    return maturityFollowUp(text, cues, state, country, deps) ?? own;
  }

  // Nothing named: the subject talked about is the subject asked about.
  if (own.kind === "clarify") {
    if (subject.kind === "unsettled") return subject.intent;
    const read = readWithSubject(text, cues, subject, deps);
    if (read) return withEarlierField(read, state, cues);
    return maturityFollowUp(text, cues, state, country, deps) ?? own;
  }

  if (own.kind === "policy") {
    // "is that more than city clusters?", "which is bigger, this one or GBA?", "和城市群比起来，
    // 哪个更…?": the earlier policy measured against the named one.
    if (
      ((reference?.kind === "one" && (compares || cues.choice)) ||
        (reference === null && cues.choice && compares)) &&
      subject.kind === "policies" &&
      !subject.ids.includes(own.policy)
    ) {
      const policies = [...subject.ids, own.policy].sort();
      // Said out loud ("is TORCH older than the GBA plan?"), the resolver reads the quantity
      // compared ("older" → start year); a fact referred to ("is that more…") keeps its field.
      const read = readWithSubject(text, cues, subject, deps);
      const readField =
        read?.kind === "compare" && policies.every((id) => read.policies.includes(id))
          ? read.field
          : null;
      const field =
        readField !== null && !(cues.factReference && isPolicyField(state.field))
          ? readField
          : comparedField(own, state, cues);
      return { kind: "compare", country: own.country, policies, field };
    }
    // "and torch, how many years between them?": "they" are the subject and the policy named,
    // on the field the turn says, unless only weakly ("years"), else the one talked about. Without
    // words relating them ("and city clusters, what do they offer?") "they" is the one named.
    const pair = cues.references.some((r) =>
      deps.vocabulary.references.pairs.includes(r.match.phrase),
    );
    if (
      reference?.kind === "several" &&
      (compares || pair) &&
      named === own.policy &&
      state.policies.length === 1
    ) {
      const said = fieldWord(deps.evidence?.(text) ?? [], true);
      const field = isPolicyField(said)
        ? said
        : isPolicyField(state.field)
          ? state.field
          : own.field;
      const policies = [...state.policies, named].sort();
      return { kind: "compare", country: own.country, policies, field };
    }
    return withEarlierField(own, state, cues);
  }

  if (own.kind === "compare" && reference === null && subject.kind === "policies") {
    // "compared to city clusters, which one is older?" after TORCH: given one name, the resolver
    // sets it against every policy; the conversation supplies the other side.
    // After a comparison of some, "which is older?" chooses among them, not among all.
    const everyPolicy = own.policies.length === country.policies.length;
    // After TORCH, then City Clusters, "which one came first?" chooses between those two: the
    // policy talked about and the one before it, when only those were talked about.
    const talked = [...subject.ids, ...(state.earlier ?? [])].filter(
      (id, k, all) => all.indexOf(id) === k && country.policies.some((p) => p.id === id),
    );
    const among: Subject =
      subject.ids.length === 1 && talked.length === 2 && talked.length < country.policies.length
        ? { kind: "policies", country, ids: talked }
        : subject;
    const amongSubject =
      among.kind === "policies" && among.ids.length > 1 && cues.choice && namesNoPolicy(text, deps);
    if (everyPolicy && (compares || amongSubject)) {
      const read = readWithSubject(text, cues, amongSubject ? among : subject, deps);
      if (read?.kind === "compare" && read.policies.length < own.policies.length) {
        return read.field === null ? { ...read, field: own.field } : read;
      }
    }
    // "any evaluation?": a field asked of no policy in particular is asked of the subject; a
    // choice ("which started first?") or a comparison is still asked of every policy.
    const short = cues.ellipsis || cues.wordCount <= SHORT_FOLLOW_UP_WORDS;
    if (short && !compares && !cues.choice && namesNoPolicy(text, deps)) {
      const read = readWithSubject(text, cues, subject, deps);
      if (read !== null && asksField(read)) return read;
    }
  }

  // "which of them started earlier, that one or TORCH?": the subject and the policy named, not
  // every policy.
  if (
    own.kind === "compare" &&
    reference?.kind === "one" &&
    subject.kind === "policies" &&
    named !== null &&
    cues.choice &&
    !subject.ids.includes(named)
  ) {
    const policies = [...subject.ids, named].sort();
    return { kind: "compare", country: own.country, policies, field: own.field };
  }
  // "does it have any evaluation?" read as a question about every policy: "it" is one of them.
  if (own.kind === "compare" && reference?.kind === "one" && subject.kind === "policies") {
    const read = readWithSubject(text, cues, subject, deps);
    if (read) return withEarlierField(read, state, cues);
  }

  // "which of them started first?", "what are their sources?": the reference, not every policy.
  if (reference !== null && reference.kind !== "one" && subject.kind === "unsettled") {
    return subject.intent;
  }
  if (reference !== null && (own.kind === "country" || reference.kind !== "one")) {
    // "why only 0.5 on evidence? which of the three policies have an evaluation?": read on its
    // own, the turn already asks a field of exactly the policies referred to; said out loud,
    // the names would only let its other sentence pull it elsewhere.
    const exactly =
      own.kind === "compare" &&
      subject.kind === "policies" &&
      own.policies.length === subject.ids.length;
    if (exactly && asksField(own) && covers(own, subject, cues)) return own;
    const read = readWithSubject(text, cues, subject, deps);
    if (read) return withEarlierField(read, state, cues);
  }
  return withEarlierField(own, state, cues);
}

/**
 * A question in context. A leading "> quote" is the context it replies to, so it takes the
 * place of the conversation's own.
 */
export function resolveInContext(
  text: string,
  state: ConversationState | null,
  deps: FollowUpDeps,
  splitQuote: (text: string) => { quote: string; own: string } | null,
): Intent {
  const quoted = splitQuote(text);
  if (quoted === null) return resolveFollowUp(text, state, deps);
  // The resolver reads a quote and a reply itself; the quote becomes context for the general
  // follow-up rules only when that reading does not settle the question.
  const whole = deps.resolve(text);
  if (isAnswer(whole)) return whole;
  const context = stateOfIntent(deps.resolve(quoted.quote)) ?? state;
  if (context === null) return whole;
  const read = resolveFollowUp(quoted.own, context, deps);
  return isAnswer(read) || whole.kind === "none" ? read : whole;
}
