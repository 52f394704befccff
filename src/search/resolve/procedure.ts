import type { Intent } from "../../model/intent.ts";
import { policyName } from "../../model/names.ts";
import { phraseStems } from "../../model/normalize.ts";
import type { Catalog } from "../catalog.ts";
import { PROCEDURE_WORDS } from "../vocabulary.ts";
import type { EvidenceLog } from "./evidence.ts";
import { readTokensOnce, type QuestionToken } from "./tokens.ts";
import { knownPoliciesText, starterSuggestions, suggestionFor } from "./replies.ts";

const phrases = (words: Iterable<string>): string[][] => [...words].map(phraseStems);
const VERBS = phrases(PROCEDURE_WORDS.verbs);
const STEPS = phrases(PROCEDURE_WORDS.steps);

/** Where a phrase of stems starts among the words, or -1. */
function phraseAt(words: readonly QuestionToken[], phrase: readonly string[]): number {
  return words.findIndex((_, i) => phrase.every((stem, n) => words[i + n]?.stem === stem));
}

/**
 * The words asking how to take part in a policy, or null: "how does a European SME apply for
 * TORCH funding?", "what's the deadline to register?", "申请流程是什么". A word of applying and
 * a word of its procedure in one clause. The factsheet says whom a policy is for and what it
 * offers, never how, where or by when to apply: its end year or budget (what "deadline" or
 * "funding" would otherwise be read as) does not answer that.
 */
export function procedureAsked(tokens: readonly QuestionToken[]): string | null {
  for (const token of tokens) {
    const cjk = token.cjk ? PROCEDURE_WORDS.cjk.find((p) => token.raw.includes(p)) : undefined;
    if (cjk !== undefined) return cjk;
  }
  // (Not read past hedges: "apply" is one to the readers of fields, a verb of taking part here.)
  const words = tokens.filter((t) => !t.cjk);
  for (const verb of VERBS) {
    const at = phraseAt(words, verb);
    const applying = words[at];
    if (applying === undefined) continue;
    const clause = words.filter((t) => t.clause === applying.clause);
    const step = STEPS.find((phrase) => phraseAt(clause, phrase) >= 0);
    if (step === undefined) continue;
    const stepAt = words.indexOf(clause[phraseAt(clause, step)] ?? applying);
    const [from, to] =
      stepAt < at ? [stepAt, at + verb.length - 1] : [at, stepAt + step.length - 1];
    return words
      .slice(from, to + 1)
      .map((t) => t.raw)
      .join(" ");
  }
  return null;
}

/**
 * Declines a question on how to apply, whatever field its words were read as, offering whom
 * the policy it names is for and what it offers.
 */
export function declineProcedure(
  catalog: Catalog,
  intent: Intent,
  question: string,
  log: EvidenceLog,
): Intent {
  if (intent.kind === "none" || intent.kind === "clarify") return intent;
  const asked = procedureAsked(readTokensOnce(catalog, question));
  if (asked === null) return intent;
  log.add("how to apply", "cue", 1, asked);
  const ref =
    intent.kind === "policy" || (intent.kind === "country" && intent.policy !== undefined)
      ? catalog.policies.get(intent.policy ?? "")
      : undefined;
  const subject = ref ? ` for ${policyName(ref.policy)}` : "";
  const offer = ref
    ? " I can tell you whom it is for (its beneficiaries) and what it offers (its instruments)."
    : ` I can say what it states about cluster policies (${knownPoliciesText(catalog)}).`;
  return log.decide(
    {
      kind: "none",
      text: `The factsheet gives no application procedure or deadline${subject} (“${asked}”).${offer}`,
      suggestions: ref
        ? [suggestionFor(ref, "beneficiaries"), suggestionFor(ref, "instruments")]
        : starterSuggestions(catalog),
    },
    "how to apply",
  );
}
