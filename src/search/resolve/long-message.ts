import type { Intent } from "../../model/intent.ts";
import type { Catalog } from "../catalog.ts";
import { knownPoliciesText, starterSuggestions } from "./replies.ts";
import { markYesNo } from "./yes-no.ts";
import { resolveClause } from "./clause.ts";

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

/**
 * A long message is answered only from a clause that itself asks something of a policy or the
 * country — the policy and the field or compare cue in the same clause, clauses of questions
 * ("…?") first. A policy mentioned in passing ("my thesis on city clusters in Asia…") or a
 * compare cue beside one name is not a question.
 */
export function resolveLongMessage(catalog: Catalog, question: string): Intent {
  const sentences = question
    .split(/(?<=[.!?\n])/u)
    .map((sentence) => ({ sentence, asks: sentence.includes("?") }));
  const ordered = [...sentences.filter((s) => s.asks), ...sentences.filter((s) => !s.asks)];
  const asksSomething = (intent: Intent, asks: boolean): boolean =>
    (intent.kind === "policy" && (intent.field !== null || intent.passage !== undefined)) ||
    (intent.kind === "compare" && intent.policies.length === 2) ||
    (intent.kind === "country" && asks);
  for (const { sentence, asks } of ordered) {
    // The whole sentence first ("which started earlier, TORCH or City Clusters?"), then each
    // of its clauses, so a cue and a name split by a comma still meet.
    const whole = resolveClause(catalog, sentence);
    if (asksSomething(whole, asks)) return markYesNo(whole, sentence);
    for (const clause of splitClauses(sentence)) {
      if (clause.trim() === "") continue;
      const intent = resolveClause(catalog, clause);
      if (asksSomething(intent, asks)) return markYesNo(intent, clause);
    }
  }
  return {
    kind: "none",
    text: `I couldn't find a question about a cluster policy in that message. I know these cluster policies — ${knownPoliciesText(catalog)}.`,
    suggestions: starterSuggestions(catalog),
  };
}
