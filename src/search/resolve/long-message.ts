import type { Intent } from "../../model/intent.ts";
import type { Catalog, PolicyRef } from "../catalog.ts";
import { knownPoliciesText, starterSuggestions } from "./replies.ts";
import { markYesNo } from "./yes-no.ts";
import { resolveClause } from "./clause.ts";
import { EvidenceLog } from "./evidence.ts";
import { AUXILIARY, REQUEST, WH } from "./focus.ts";
import { readTokens } from "./tokens.ts";
import { ASKING_WORDS, COMPARE_WORDS, LIKENESS_WORDS, REFERENCE_WORDS } from "../vocabulary.ts";
import { phraseStems } from "../../model/normalize.ts";

const REFERENCES = new Set(REFERENCE_WORDS);
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

/**
 * A message is a small conversation: the one policy of ours its other sentences name ("my
 * uncle keeps talking about the GBA plan.") is what "it" means in the sentence that asks.
 * Null when they name none, or several, or name a policy beside something the data lacks
 * ("the Yangtze city cluster"): then "it" is not ours to guess. A sentence naming only
 * something else (the user's own region or programme) is context and does not count.
 */
function namedSubject(catalog: Catalog, sentences: readonly string[]): PolicyRef | null {
  const named = new Set<string>();
  for (const sentence of sentences) {
    const evidence = new EvidenceLog();
    resolveClause(catalog, sentence, evidence);
    // A name typed in full counts even where the chat around it kept it from being chosen
    // ("…know about City Clusters except me and I am too shy to ask them.").
    const ids = evidence.entries.flatMap((e) => {
      const { policy: id, state } = e.about ?? {};
      const counts = state === "chosen" || (state === "too weak" && e.weight >= 1);
      return id !== undefined && e.source === "name" && counts ? [id] : [];
    });
    if (ids.length > 0 && evidence.namesUnknown()) return null;
    for (const id of ids) named.add(id);
  }
  const [only] = named;
  return named.size === 1 && only !== undefined ? (catalog.policies.get(only) ?? null) : null;
}

/**
 * The asking sentence read with the subject the message named: a field or passage of it, or
 * its card when the sentence points at it ("what is it exactly?"). Null otherwise.
 */
function askedOfSubject(
  catalog: Catalog,
  sentence: string,
  subject: PolicyRef,
  evidence: EvidenceLog,
): Intent | null {
  const intent = resolveClause(catalog, `${sentence} ${subject.policy.short_name}`, evidence);
  if (intent.kind !== "policy" || intent.policy !== subject.policy.id) return null;
  const asked = intent.field !== null || intent.passage !== undefined;
  return asked || POINTING_WORDS.test(sentence) ? intent : null;
}

/** Whether a sentence names a policy of ours itself (then it is not asked about another). */
function named(evidence: EvidenceLog): boolean {
  return evidence.entries.some((e) => e.source === "name" && e.about?.state === "chosen");
}

/** The reading of the part of a long message that asks, with the evidence it came from. */
function answer(log: EvidenceLog, evidence: EvidenceLog, intent: Intent, part: string): Intent {
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
  // An auxiliary after a subject ("we are benchmarking…") says something, it does not ask.
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

/** A part without the spaces and end marks around it. */
const bare = (text: string): string => text.replace(/^\s+|[\s.!?;]+$/gu, "");

/** Sentences, then clauses, of a message: its parts that may ask. */
function messageParts(question: string): string[] {
  return question
    .split(/(?<=[.!?\n])/u)
    .flatMap(splitClauses)
    .filter((part) => /[\p{L}\p{N}]/u.test(part));
}

/**
 * The part that asks decides; the others are context ("my trip cost so much money lol. what's
 * the gist of torch?": the story's "money" asks for no budget). The last part that opens as a
 * question or request, when it names a policy of ours itself and no other part names one.
 */
export function askingPart(catalog: Catalog, question: string, log: EvidenceLog): Intent | null {
  const parts = messageParts(question);
  if (parts.length < 2) return null;
  const k = parts.findLastIndex((part) => opensAsking(catalog, part));
  const part = parts[k];
  // "…rated '> 10 years' on consistency; is that justified when…": a part pointing back asks
  // about the others.
  const partTokens = readTokens(catalog, part ?? "");
  const pointsBack = partTokens.some((t) => REFERENCES.has(t.stem));
  if (part === undefined) return null;
  const evidence = new EvidenceLog();
  const intent = resolveClause(catalog, part, evidence);
  // "which policies does China have? I only know about Torch": a country's field asked of the
  // country it names; what the other parts say is what the user knows.
  const ofCountry = evidence.entries.some((e) => e.source === "country");
  if (intent.kind === "country" && ofCountry && !pointsBack) {
    return answer(log, evidence, intent, part);
  }
  // "Is TORCH even a cluster policy? … What type does the factsheet label it as?": of several
  // parts that ask, the one asking a field decides, of the one policy the others name.
  // Only when no other part asks a field itself: "has the GBA plan been evaluated, and if so
  // by which body?" asks the evaluation, the second part only narrows it.
  const othersAsk = parts.some((other, j) => {
    if (j === k) return false;
    const read = resolveClause(catalog, other, new EvidenceLog());
    return read.kind === "policy" && (read.field !== null || read.passage !== undefined);
  });
  if (intent.kind === "clarify" && !othersAsk && !named(evidence) && !evidence.namesUnknown()) {
    const subject = namedSubject(
      catalog,
      parts.filter((_, j) => j !== k),
    );
    const carried = new EvidenceLog();
    const asked = subject && askedOfSubject(catalog, part, subject, carried);
    if (asked) return answer(log, carried, asked, part);
  }
  // A comparison is read on its own only when asked in a sentence (or ";" part) of its own: a
  // clause of it ("compare X with Y on start year, budget…") is not the whole of what is asked.
  const compared =
    intent.kind === "compare" &&
    question.split(/(?<=[.!?;\n])/u).some((s) => bare(s) === bare(part));
  if (!compared && (pointsBack || intent.kind !== "policy" || !named(evidence))) return null;
  const declined: boolean[] = [];
  const others = parts.flatMap((other, j) => {
    const read = new EvidenceLog();
    if (j !== k) declined.push(resolveClause(catalog, other, read).kind === "none");
    return j !== k ? [{ read, after: j > k }] : [];
  });
  // "compare the funding of all three; we're benchmarking here in Porto": a comparison asked
  // in full is not vetoed by where the asker is, only by another programme the rest names.
  if (compared) {
    const programme = others.some(({ read }) =>
      read.entries.some((e) => e.source === "decision" && e.span.startsWith("unknown programme")),
    );
    // Another country ("how does Thailand's plan compare…? which one is more successful?") is
    // the subject of the comparison; a city where the asker works is not.
    const elsewhere = others.some(
      ({ read }) =>
        named(read) ||
        read.entries.some((e) => e.source === "decision" && e.span === "unknown country"),
    );
    return programme || elsewhere ? null : answer(log, evidence, intent, part);
  }
  if (intent.kind !== "policy") return null;
  // "budget question: what about torch?": a part asking a field in words all known (no story)
  // says what the part that asks only names is asked for; so do parts after the ask that
  // give examples of it ("what does X give, like incubators, office space?"). The whole
  // message is read then.
  const cardOnly = intent.field === null && intent.passage === undefined;
  const label = ({ entries }: EvidenceLog): boolean =>
    entries.some((e) => e.source === "field word") &&
    !entries.some((e) => e.source === "unknown word");
  if (others.some(({ read, after }) => named(read) || ((cardOnly || after) && label(read)))) {
    return null;
  }
  // "what does Singapore do for clusters? anything like torch?": our policy only as the model
  // of what another part asks about, which declines, leaves that part the subject.
  const words = ` ${partTokens.map((t) => t.raw.toLowerCase()).join(" ")} `;
  const model = LIKENESS_WORDS.some((w) => words.includes(` ${w} `));
  if (cardOnly && model && declined.some(Boolean)) return null;
  return answer(log, evidence, intent, part);
}

/**
 * A long message goes through the same evidence and decision as a short one, sentence by
 * sentence (questions, "…?", first), so the sentence that asks is found among the small talk
 * (the clause that asks, by `askingPart`, before). A reading counts only when something is asked in it: a policy's
 * field or passage; a comparison, or a country field, or a field of which policy (asked
 * back), only in a sentence that asks. A policy mentioned in passing ("my thesis on city
 * clusters in Asia…") or a compare cue beside one name is not a question.
 */
export function resolveLongMessage(catalog: Catalog, question: string, log: EvidenceLog): Intent {
  const sentences = question.split(/(?<=[.!?\n])/u);
  const ordered = [
    ...sentences.filter((s) => s.includes("?")),
    ...sentences.filter((s) => !s.includes("?")),
  ];
  const asksSomething = (intent: Intent, part: string, evidence: EvidenceLog): boolean => {
    const asks = part.includes("?");
    return (
      (intent.kind === "policy" &&
        (intent.field !== null ||
          intent.passage !== undefined ||
          asks ||
          opensAsking(catalog, part))) ||
      (intent.kind === "compare" && (asks || intent.policies.length === 2)) ||
      (intent.kind === "country" && asks) ||
      (intent.kind === "clarify" &&
        asks &&
        evidence.entries.some((e) => e.source === "field word" && !e.reading.includes("(weak)")))
    );
  };
  let subject: PolicyRef | null | undefined;
  for (const sentence of ordered) {
    // The whole sentence, so a cue and a name split by a comma still meet ("which started
    // earlier, TORCH or City Clusters?").
    const whole = new EvidenceLog();
    const intent = resolveClause(catalog, sentence, whole);
    // "…the TORCH thing keeps coming up. what sectors does it cover?": a sentence that asks
    // but names nothing (it would be asked back "which policy?") asks about the one policy
    // the message named.
    const unnamed = intent.kind === "clarify" || intent.kind === "none";
    if (unnamed && sentence.includes("?") && !whole.namesUnknown() && !named(whole)) {
      subject ??= namedSubject(catalog, sentences);
      const carried = new EvidenceLog();
      const asked = subject && askedOfSubject(catalog, sentence, subject, carried);
      if (asked) return answer(log, carried, asked, sentence);
    }
    if (asksSomething(intent, sentence, whole)) return answer(log, whole, intent, sentence);
  }
  return log.decide(
    {
      kind: "none",
      text: `I couldn't find a question about a cluster policy in that message. I know these cluster policies — ${knownPoliciesText(catalog)}.`,
      suggestions: starterSuggestions(catalog),
    },
    "no clause asks",
  );
}
