import type { Intent } from "../../model/intent.ts";
import type { Catalog, PolicyRef } from "../catalog.ts";
import { declineWith, knownPoliciesText } from "./replies.ts";
import { markYesNo } from "./yes-no.ts";
import { resolveClause } from "./clause.ts";
import { EvidenceLog } from "./evidence.ts";
import { AUXILIARY, REQUEST, WH } from "./focus.ts";
import { holds, readTokens } from "./tokens.ts";
import {
  ASKING_WORDS,
  COMPARE_WORDS,
  LIKENESS_WORDS,
  NAME_NOUNS,
  REFERENCE_WORDS,
  ROLE_WORDS,
} from "../vocabulary.ts";
import { phraseStems } from "../../model/normalize.ts";
import { PolicyField } from "../../dataset/schema.ts";

const REFERENCES = new Set(REFERENCE_WORDS);
/** "its", "their": what a name has, not something said before. */
const POSSESSIVE_REFERENCES = new Set(["its", "their"]);
/** "…, and how long will it run?": a join word opening a second question of a sentence. */
const JOINS = ROLE_WORDS.clauses.joins.map(phraseStems);
const MODAL = new Set(ASKING_WORDS.modals.flatMap(phraseStems));
const DISCOURSE = new Set(ASKING_WORDS.discourse.flatMap(phraseStems));
/** "compare…", "contrast…": a request to compare opens a part that asks. */
const COMPARE = new Set(COMPARE_WORDS.flatMap(phraseStems));

/** Longer messages are chat: a policy named in passing is not a question about it. */
export const LONG_MESSAGE_WORDS = 20;

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

/** Words that point back at something named before: "does it really have an end year?". */
const POINTING_WORDS = /\b(?:it|its|it's|itself|they|them|their)\b/iu;
/** "what is that plan all about?", "this policy": a policy noun after a demonstrative points back too. */
const POINTING_NOUN = new RegExp(`\\b(?:that|this)\\s+(?:${NAME_NOUNS.join("|")})s?\\b`, "iu");
const pointsAtSubject = (part: string): boolean =>
  POINTING_WORDS.test(part) || POINTING_NOUN.test(part);

/** A part of a message read as a question of its own, with the evidence it came from. */
interface PartReading {
  intent: Intent;
  evidence: EvidenceLog;
}

/** The texts of one message, each read once however many of the rules below look at it. */
class MessageReader {
  private readonly readings = new Map<string, PartReading>();
  constructor(readonly catalog: Catalog) {}

  read(text: string): PartReading {
    const evidence = new EvidenceLog();
    const reading = this.readings.get(text) ?? {
      intent: resolveClause(this.catalog, text, evidence),
      evidence,
    };
    this.readings.set(text, reading);
    return reading;
  }
}

/** Whether a part names a policy of ours itself (then it is not asked about another). */
function named(evidence: EvidenceLog): boolean {
  return evidence.entries.some((e) => e.source === "name" && e.about?.state === "chosen");
}

/** A policy field is named outright (not only by "when", "big"). */
/** The policy fields a part names outright (not only by "when", "big"). */
const namedFields = ({ entries }: EvidenceLog): (string | undefined)[] =>
  entries.flatMap((e) =>
    e.source === "field word" && e.about?.weak !== true ? [e.about?.field] : [],
  );

/** A policy's field or passage is asked, not only its card. */
const asksField = (intent: Intent): boolean =>
  intent.kind === "policy" && (intent.field !== null || intent.passage !== undefined);

/**
 * A message is a small conversation: the one policy of ours its other parts name ("my
 * uncle keeps talking about the GBA plan.") is what "it" means in the part that asks.
 * Null when they name none, or several, or name a policy beside something the data lacks
 * ("the Yangtze city cluster"): then "it" is not ours to guess. A part naming only
 * something else (the user's own region or programme) is context and does not count.
 */
function namedSubject(message: MessageReader, context: readonly string[]): PolicyRef | null {
  const ids = new Set<string>();
  for (const text of context) {
    const { evidence } = message.read(text);
    // A name typed in full counts even where the chat around it kept it from being chosen
    // ("…know about City Clusters except me and I am too shy to ask them.").
    const found = evidence.entries.flatMap((e) => {
      const { policy: id, state } = e.about ?? {};
      const counts = state === "chosen" || (state === "too weak" && e.weight >= 1);
      return id !== undefined && e.source === "name" && counts ? [id] : [];
    });
    if (found.length > 0 && evidence.namesUnknown()) return null;
    for (const id of found) ids.add(id);
  }
  const [only] = ids;
  return ids.size === 1 && only !== undefined ? (message.catalog.policies.get(only) ?? null) : null;
}

/**
 * "…the TORCH thing keeps coming up. what sectors does it cover?": a part that names nothing
 * (nor anything the data lacks) read with the subject its `context` names: a field or passage
 * of it, or its card when the part points at it ("what is it exactly?"). Null otherwise.
 */
function askedOfSubject(
  message: MessageReader,
  part: string,
  context: readonly string[],
): PartReading | null {
  const { evidence } = message.read(part);
  if (named(evidence) || evidence.namesUnknown()) return null;
  const subject = namedSubject(message, context);
  if (subject === null) return null;
  const carried = message.read(`${part} ${subject.policy.short_name}`);
  const { intent } = carried;
  if (intent.kind !== "policy" || intent.policy !== subject.policy.id) return null;
  return asksField(intent) || pointsAtSubject(part) ? carried : null;
}

/** The reading of the part of a message that asks, with the evidence it came from. */
function answer(log: EvidenceLog, { intent, evidence }: PartReading, part: string): Intent {
  log.entries.push(...evidence.entries);
  return markYesNo(intent, part);
}

/**
 * Whether a part of a message opens as a question or a request once its greeting or chat
 * words are read past ("anyway, tell me…", "so what's the gist…", "ok does torch…").
 */
function opensAsking(catalog: Catalog, part: string): boolean {
  const tokens = readTokens(catalog, part);
  const first = tokens.find((t) => !t.filler && !catalog.commonStems.has(t.typed));
  const opener = tokens.find(
    (t, k) =>
      WH.has(t.stem) ||
      REQUEST.has(t.stem) ||
      COMPARE.has(t.stem) ||
      // An auxiliary after a subject ("we are benchmarking…") says something, it does not ask;
      // a modal still requests ("I would be grateful for…").
      (AUXILIARY.has(t.stem) &&
        (MODAL.has(t.stem) ||
          tokens.slice(0, k).every((b) => b.filler === true || DISCOURSE.has(b.stem)))),
  );
  return (
    opener !== undefined && (first === undefined || tokens.indexOf(first) >= tokens.indexOf(opener))
  );
}

/** Where a sentence of a message ends: kept with it. */
const SENTENCES = /(?<=[.!?\n。？！])/u;

/** A part without the spaces and end marks around it. */
const bare = (text: string): string => text.replace(/^\s+|[\s.!?;。？！；]+$/gu, "");

/**
 * Sentences, then clauses, of a message: its parts that may ask. A clause that asks right
 * after one that asks, in the same sentence, opening with a join word ("and"), stays with it: "When did it start, and how long
 * will it run?" is one question with a second one after it, which the reading of fields ranks
 * (the first decides), not a last question replacing the first.
 */
function messageParts(catalog: Catalog, question: string): string[] {
  return question.split(SENTENCES).flatMap((sentence) => {
    const parts: string[] = [];
    let asking = false;
    for (const clause of splitClauses(sentence)) {
      if (!/[\p{L}\p{N}]/u.test(clause)) continue;
      const opens = opensAsking(catalog, clause);
      const last = parts.length - 1;
      const joined = JOINS.some((j) => holds(phraseStems(clause), j, 0));
      if (asking && opens && joined && last >= 0) parts[last] = `${parts[last] ?? ""},${clause}`;
      else parts.push(clause);
      asking = opens;
    }
    return parts;
  });
}

/**
 * A message of several parts goes through the same evidence and decision as a short one,
 * part by part, so the part that asks is found among the small talk: first the clause that
 * opens as a question or request (`askingPart`), then, in a long message, the sentence
 * that asks something (`askingSentence`). Null when neither decides: the message is read whole.
 */
export function readMessage(catalog: Catalog, question: string, log: EvidenceLog): Intent | null {
  const message = new MessageReader(catalog);
  const asked = askingPart(message, question, log);
  if (asked !== null) return asked;
  const words = question.split(/\s+/u).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
  if (words > LONG_MESSAGE_WORDS) return askingSentence(message, question, log);
  // A short claim and its check ("someone on the train says nobody evaluated City Clusters.
  // is he right?"): the claim decides only where the whole message, read as one, declines.
  const checked = checkedClaim(message, question.split(SENTENCES));
  if (checked === null) return null;
  const whole = message.read(question);
  if (whole.intent.kind !== "none" || whole.evidence.namesUnknown()) return null;
  return log.decide(checked, "a claim the question checks");
}

/**
 * The part that asks decides; the others are context ("my trip cost so much money lol. what's
 * the gist of torch?": the story's "money" asks for no budget). The last part that opens as a
 * question or request, when it names a policy of ours itself and no other part names one.
 */
function askingPart(message: MessageReader, question: string, log: EvidenceLog): Intent | null {
  const { catalog } = message;
  const parts = messageParts(catalog, question);
  if (parts.length < 2) return null;
  const k = parts.findLastIndex((part) => opensAsking(catalog, part));
  const part = parts[k];
  if (part === undefined) return null;
  // "…rated '> 10 years' on consistency; is that justified when…": a part pointing back asks
  // about the others.
  const partTokens = readTokens(catalog, part);
  const pointsBack = partTokens.some((t) => REFERENCES.has(t.stem));
  const reading = message.read(part);
  const { intent, evidence } = reading;
  // "which policies does China have? I only know about Torch": a country's field asked of the
  // country it names; what the other parts say is what the user knows.
  const ofCountry = evidence.entries.some((e) => e.source === "country");
  if (intent.kind === "country" && ofCountry && !pointsBack) return answer(log, reading, part);
  const context = parts.filter((_, j) => j !== k);
  const others = context.map((text, j) => ({ ...message.read(text), after: j >= k }));
  // "Is TORCH even a cluster policy? … What type does the factsheet label it as?": of several
  // parts that ask, the one asking a field decides, of the one policy the others name.
  // Only when no other part asks a field itself: "has the GBA plan been evaluated, and if so
  // by which body?" asks the evaluation, the second part only narrows it.
  if (intent.kind === "clarify" && !others.some((o) => asksField(o.intent))) {
    const carried = askedOfSubject(message, part, context);
    // "what instruments does it use? list them", "could you indicate whether it is evaluated,
    // which institutions monitor it…": beside another part asking a field of the same subject,
    // the whole message is read, where the question that decides is ranked (readFields).
    const own = carried?.intent.kind === "policy" ? carried.intent.field : null;
    const fieldElsewhere = context.some(
      (text) =>
        opensAsking(catalog, text) &&
        namedFields(message.read(text).evidence).some((f) => f !== own),
    );
    if (carried && fieldElsewhere) return null;
    if (carried) return answer(log, carried, part);
  }
  // A comparison is read on its own only when asked in a sentence (or ";" part) of its own: a
  // clause of it ("compare X with Y on start year, budget…") is not the whole of what is asked.
  if (intent.kind === "compare") {
    if (!question.split(/(?<=[.!?;\n。？！；])/u).some((s) => bare(s) === bare(part))) return null;
    // "compare the funding of all three; we're benchmarking here in Porto": a comparison asked
    // in full is not vetoed by where the asker is, only by another programme the rest names,
    // or by another country ("how does Thailand's plan compare…? which one is more
    // successful?"), the subject of the comparison; a city where the asker works is not.
    const vetoed = others.some(
      (o) => named(o.evidence) || o.evidence.namesUnknown("programme", "country"),
    );
    if (vetoed) return null;
    // "Which one discloses a budget? Put them side by side.": a request to compare that names
    // no field compares by the one field the message's other parts ask.
    const asked = new Set(others.flatMap((o) => fieldAsked(o.intent)));
    const [field] = asked;
    if (intent.field === null && asked.size === 1 && field !== undefined) {
      return answer(log, { ...reading, intent: { ...intent, field } }, part);
    }
    return answer(log, reading, part);
  }
  // "How does City Clusters split its instruments?": "its" beside the name the part itself
  // names points nowhere else ("is that justified…" still points at the other parts).
  const possessiveOnly = partTokens
    .filter((t) => REFERENCES.has(t.stem))
    .every((t) => POSSESSIVE_REFERENCES.has(t.raw.toLowerCase()));
  const pointsElsewhere =
    pointsBack && !(possessiveOnly && intent.kind === "policy" && asksField(intent));
  if (pointsElsewhere || intent.kind !== "policy" || !named(evidence)) return null;
  // "budget question: what about torch?": a part asking a field in words all known (no story)
  // says what the part that asks only names is asked for; so do parts after the ask that
  // give examples of it ("what does X give, like incubators, office space?"). The whole
  // message is read then.
  const cardOnly = !asksField(intent);
  const label = ({ entries }: EvidenceLog): boolean =>
    entries.some((e) => e.source === "field word") &&
    !entries.some((e) => e.source === "unknown word");
  if (others.some((o) => named(o.evidence) || ((cardOnly || o.after) && label(o.evidence)))) {
    return null;
  }
  // "what does Singapore do for clusters? anything like torch?": our policy only as the model
  // of what another part asks about, which declines, leaves that part the subject.
  const words = ` ${partTokens.map((t) => t.raw.toLowerCase()).join(" ")} `;
  const model = LIKENESS_WORDS.some((w) => words.includes(` ${w} `));
  if (cardOnly && model && others.some((o) => o.intent.kind === "none")) return null;
  return answer(log, reading, part);
}

/**
 * "The report states that China's ambition … 'developed early'. What evidence is offered for
 * that assertion?": a question naming nothing that points back ("that", "this") asks about what
 * the sentence before it says, so the two are read together; kept only when they ask a
 * country's text or field (a policy named there is carried by askedOfSubject).
 */
function withPointedTo(
  message: MessageReader,
  sentences: readonly string[],
  sentence: string,
): PartReading | null {
  const at = sentences.indexOf(sentence);
  const before = sentences[at - 1];
  if (at < 1 || before === undefined) return null;
  const pointsBack = readTokens(message.catalog, sentence).some((t) => REFERENCES.has(t.stem));
  if (!pointsBack) return null;
  const together = message.read(`${before}${sentence}`);
  return together.intent.kind === "country" ? together : null;
}

/**
 * A long message, sentence by sentence (questions, "…?", first). A reading counts only when
 * something is asked in it: a policy's field or passage; a comparison, or a country field, or
 * a field of which policy (asked back), only in a sentence that asks. A policy mentioned in
 * passing ("my thesis on city clusters in Asia…") or a compare cue beside one name is not a
 * question.
 */
function askingSentence(message: MessageReader, question: string, log: EvidenceLog): Intent {
  const sentences = question.split(SENTENCES);
  const ordered = [
    ...sentences.filter((s) => s.includes("?")),
    ...sentences.filter((s) => !s.includes("?")),
  ];
  const asksSomething = ({ intent, evidence }: PartReading, sentence: string): boolean => {
    const asks = sentence.includes("?");
    return (
      (intent.kind === "policy" &&
        (asksField(intent) || asks || opensAsking(message.catalog, sentence))) ||
      (intent.kind === "compare" && (asks || intent.policies.length === 2)) ||
      // "what is this programme about?" asks about one programme, not the country's list.
      (intent.kind === "country" && asks && !POINTING_NOUN.test(sentence)) ||
      (intent.kind === "clarify" &&
        asks &&
        evidence.entries.some((e) => e.source === "field word" && e.about?.weak !== true))
    );
  };
  for (const sentence of ordered) {
    // The whole sentence, so a cue and a name split by a comma still meet ("which started
    // earlier, TORCH or City Clusters?").
    const reading = message.read(sentence);
    // A sentence that asks but names nothing (it would be asked back "which policy?") asks
    // about the one policy the message named.
    // So does one that points back with a policy noun ("what is this programme about?"),
    // which is not the country's list of programmes.
    const unnamed =
      reading.intent.kind === "clarify" ||
      reading.intent.kind === "none" ||
      (POINTING_NOUN.test(sentence) && !named(reading.evidence));
    if (unnamed && sentence.includes("?")) {
      const carried = askedOfSubject(message, sentence, sentences);
      if (carried) return answer(log, carried, sentence);
      const together = withPointedTo(message, sentences, sentence);
      if (together) return answer(log, together, sentence);
    }
    if (asksSomething(reading, sentence)) return answer(log, reading, sentence);
  }
  const checked = checkedClaim(message, sentences);
  if (checked !== null) return log.decide(checked, "a claim the question checks");
  const known = knownPoliciesText(message.catalog);
  const text = `I couldn't find a question about a cluster policy in that message. I know these cluster policies — ${known}.`;
  return log.decide(declineWith(message.catalog, text), "no clause asks");
}

/** A part with no evidence of its own: no name, field, cue, passage or unknown word. */
const asksNothing = ({ evidence }: PartReading): boolean =>
  evidence.entries.every((e) => e.source === "decision");

/**
 * "…my neighbour keeps saying nobody has ever evaluated the city clusters policy. Is he
 * right??": a question that asks nothing of its own ("is he right?", "is that so?") checks the
 * claim the message made before it. The story around the claim (who said it, what they are
 * like) is context, not something the data must hold: the claim's policy, the one policy the
 * message names (none beside a name the data lacks), and the field its word names firmly
 * answer. Null when there is no such question, or no such claim.
 */
function checkedClaim(message: MessageReader, sentences: readonly string[]): Intent | null {
  const k = sentences.findIndex((s) => s.includes("?") && asksNothing(message.read(s)));
  if (k <= 0) return null;
  const subject = namedSubject(message, sentences);
  if (subject === null) return null;
  for (const claim of sentences.slice(0, k).reverse()) {
    const { evidence } = message.read(claim);
    if (!named(evidence) || evidence.namesUnknown()) continue;
    const fields = evidence.entries.flatMap((e) => {
      const field = PolicyField.safeParse(e.about?.field);
      return e.source === "field word" && e.about?.weak !== true && field.success
        ? [field.data]
        : [];
    });
    const [field] = fields;
    if (field === undefined || fields.length > 1) return null;
    return { kind: "policy", country: subject.country.id, policy: subject.policy.id, field };
  }
  return null;
}

/** The policy field a part asks, of one policy or of several. */
const fieldAsked = (intent: Intent): PolicyField[] =>
  (intent.kind === "policy" || intent.kind === "compare") && intent.field !== null
    ? [intent.field]
    : [];
