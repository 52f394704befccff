import type { Intent } from "../../model/intent.ts";
import { phraseStems } from "../../model/normalize.ts";
import type { Catalog } from "../catalog.ts";
import { ADVICE_WORDS } from "../vocabulary.ts";
import { readTokensOnce, type QuestionToken } from "./tokens.ts";
import type { EvidenceLog } from "./evidence.ts";
import { knownPoliciesText, starterSuggestions, suggestionFor } from "./replies.ts";

const stems = (words: ReadonlySet<string>): Set<string> =>
  new Set([...words].flatMap((w) => phraseStems(w)));
const MODALS = stems(ADVICE_WORDS.modals);
const ASKERS = stems(ADVICE_WORDS.askers);
const INFO_VERBS = stems(ADVICE_WORDS.info_verbs);
const OPINION_VERBS = stems(ADVICE_WORDS.opinion_verbs);
const PROPOSED_VERBS = stems(ADVICE_WORDS.proposed_verbs);
const PHRASES = ADVICE_WORDS.phrases.map(phraseStems);
const INDEFINITE = new Set(["a", "an"]);
const FACT_WH = stems(ADVICE_WORDS.fact_wh);

/**
 * The words that ask for advice on method, or null: "how should I cite this?", "what method
 * should we use…", "how would you evaluate the GBA plan?", "would a difference-in-differences
 * design work to evaluate TORCH?", "the best way to measure torch's impact". The subject of
 * such a question is what the asker (or the bot) should do, which no factsheet says; a field
 * word in it ("evaluate", "cite") is the object of that doing, not a question about the
 * policy's evaluation or sources. Asking the bot for a fact ("can you tell me…", "where can I
 * read more…") is no advice.
 */
export function adviceAsked(tokens: readonly QuestionToken[]): string | null {
  // Hedges and adverbs are read past ("should I even use…").
  const words = tokens.filter((t) => t.filler !== true && !t.cjk);
  // The quote is the question's own run of words, hedges included.
  const at = (k: number): number => {
    const word = words[k];
    return word === undefined ? -1 : tokens.indexOf(word);
  };
  const span = (from: number, to: number): string =>
    tokens
      .slice(at(from), at(to) + 1)
      .map((t) => t.raw)
      .join(" ");
  for (const [k, modal] of words.entries()) {
    if (!MODALS.has(modal.stem)) continue;
    // "who do I talk to about TORCH?", "which agency should we contact?": a wh-word asking for
    // a person, a thing, a time or a place asks a fact, not a method.
    const fact = words.slice(0, k).some((t) => t.clause === modal.clause && FACT_WH.has(t.stem));
    if (fact) continue;
    const subject = words[k + 1];
    const verb = words[k + 2];
    if (subject === undefined || subject.clause !== modal.clause) continue;
    if (verb !== undefined && verb.clause === modal.clause) {
      if (ASKERS.has(subject.stem) && !INFO_VERBS.has(verb.stem)) return span(k, k + 2);
      // ("which sources do you use?" asks what the bot draws on: "do" is no modal of advice.)
      const judging = subject.stem === "you" && modal.stem !== "do";
      if (judging && OPINION_VERBS.has(verb.stem)) return span(k, k + 2);
    }
    // "would a … design work": a thing proposed, then what it should do, in one clause.
    if (INDEFINITE.has(subject.stem)) {
      const end = words.findIndex(
        (t, j) => j > k + 1 && t.clause === modal.clause && PROPOSED_VERBS.has(t.stem),
      );
      if (end > 0) return span(k, end);
    }
  }
  for (const token of tokens) {
    const cjk = token.cjk
      ? ADVICE_WORDS.cjk.find((phrase) => token.raw.includes(phrase))
      : undefined;
    if (cjk !== undefined) return cjk;
  }
  const stemsAt = words.map((t) => t.stem);
  for (const phrase of PHRASES) {
    const at = stemsAt.findIndex((_, i) => phrase.every((w, n) => stemsAt[i + n] === w));
    if (at >= 0) return span(at, at + phrase.length - 1);
  }
  return null;
}

/**
 * Declines a request for advice on method, whatever the readers made of its words, offering
 * what the factsheet does say about the policy it names.
 */
export function declineAdvice(
  catalog: Catalog,
  intent: Intent,
  question: string,
  log: EvidenceLog,
): Intent {
  const asked = adviceAsked(readTokensOnce(catalog, question));
  if (asked === null) return intent;
  log.add("advice on method", "cue", 1, asked);
  const ref =
    intent.kind === "policy" || (intent.kind === "country" && intent.policy !== undefined)
      ? catalog.policies.get(intent.policy ?? "")
      : undefined;
  const suggestions = ref
    ? [
        suggestionFor(ref, "evaluation"),
        suggestionFor(ref, "summary"),
        `${ref.country.name} sources`,
      ]
    : starterSuggestions(catalog);
  return log.decide(
    {
      kind: "none",
      text: `That asks for advice on method (“${asked}”), which the factsheet doesn't give: I can only say what it states about cluster policies (${knownPoliciesText(catalog)}), with its sources.`,
      suggestions,
    },
    "advice on method",
  );
}
