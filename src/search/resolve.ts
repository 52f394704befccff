import type { Intent } from "../answers/types.ts";
import { looksLikeCode } from "./code-like.ts";
import type { Catalog } from "./catalog.ts";
import { knownPoliciesText, starterSuggestions } from "./resolve/replies.ts";
import { markYesNo } from "./resolve/yes-no.ts";
import { LONG_MESSAGE_WORDS, resolveLongMessage } from "./resolve/long-message.ts";
import { resolveClause } from "./resolve/clause.ts";

export { ACCEPT_COVERAGE, CLEAR_GAP } from "./resolve/policy-match.ts";
export { MAX_COMPARE_ALL } from "./resolve/compare.ts";
export { LONG_MESSAGE_WORDS } from "./resolve/long-message.ts";

/** Only this much of a question is read (twice Discord's message limit). */
export const MAX_QUESTION_LENGTH = 4000;

/**
 * Free text → Intent. Precision first: a policy is answered about only when its name clearly
 * wins (enough of the name matched, and no close reading of the same words); otherwise the
 * question is asked back with concrete suggestions, or declined when it names something the
 * data does not hold.
 */
export function resolveQuestion(catalog: Catalog, text: string): Intent {
  const question = text.slice(0, MAX_QUESTION_LENGTH);
  // "policies.torch.budget", "if (torch.start_year < 2000) {…}": identifiers, not a question.
  if (looksLikeCode(question)) {
    return {
      kind: "none",
      text: `That looks like code, not a question. I answer questions about national cluster policies (${knownPoliciesText(catalog)}).`,
      suggestions: starterSuggestions(catalog),
    };
  }
  if (question.split(/\s+/u).filter((w) => /[\p{L}\p{N}]/u.test(w)).length > LONG_MESSAGE_WORDS) {
    return resolveLongMessage(catalog, question);
  }
  return markYesNo(resolveClause(catalog, question), question);
}
