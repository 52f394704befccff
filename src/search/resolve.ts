import { mandarinFromCantonese } from "./cantonese.ts";
import { hanFromPinyin } from "./pinyin.ts";
import type { Intent } from "../model/intent.ts";
import { looksLikeCode } from "./code-like.ts";
import type { Catalog } from "./catalog.ts";
import { outOfScope } from "./resolve/replies.ts";
import { checkStatedFacts, markYesNo } from "./resolve/yes-no.ts";
import { readMessage } from "./resolve/long-message.ts";
import { resolveClause } from "./resolve/clause.ts";
import { EvidenceLog, type Evidence } from "./resolve/evidence.ts";
import { theRest } from "./resolve/the-rest.ts";
import { declineAdvice } from "./resolve/advice.ts";
import { declineProcedure } from "./resolve/procedure.ts";

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
  return explainQuestion(catalog, text).intent;
}

/** The Intent and the evidence it was decided from (`ask --explain`). */
export function explainQuestion(
  catalog: Catalog,
  text: string,
): { intent: Intent; evidence: Evidence[] } {
  const log = new EvidenceLog();
  const question = hanFromPinyin(
    catalog,
    mandarinFromCantonese(text.slice(0, MAX_QUESTION_LENGTH)),
  );
  const quoted = splitLeadingQuote(question);
  const intent =
    quoted !== null ? resolveAfterQuote(catalog, quoted) : resolveOwnText(catalog, question, log);
  return { intent, evidence: log.entries };
}

/** At most this many own words after a quote are a follow-up ("and torch?"). */
const FOLLOW_UP_WORDS = 3;

/** A leading "> quoted text" ends at a line break or a wide gap (three or more spaces). */
const QUOTE_END = /\n|\s{3,}/u;

/** "> quoted text   my question": the quoted context and the user's own words, else null. */
export function splitLeadingQuote(question: string): { quote: string; own: string } | null {
  const trimmed = question.trimStart();
  if (!trimmed.startsWith(">")) return null;
  const body = trimmed.replace(/^(?:>\s*)+/u, "");
  const end = QUOTE_END.exec(body);
  if (end === null) return null;
  const own = body.slice(end.index + end[0].length).trim();
  if (own === "") return null;
  return { quote: body.slice(0, end.index), own };
}

/**
 * The user's own words decide; the quote is context. It only says which policy "it" is when
 * the user's words name none, and is never compared with the policy the user asks about.
 */
function resolveAfterQuote(catalog: Catalog, quoted: { quote: string; own: string }): Intent {
  const own = resolveOwnText(catalog, quoted.own);
  const context = resolveClause(catalog, quoted.quote);
  // "> city clusters end in 2035   and torch?": a short follow-up naming only a policy asks
  // the quote's question of it.
  const followUp = quoted.own.split(/\s+/u).length <= FOLLOW_UP_WORDS;
  if (own.kind === "policy" && own.field === null && followUp) {
    return context.kind === "policy" && context.field !== null
      ? { ...own, field: context.field }
      : own;
  }
  // "> the GBA started in 2017   is that right?": a short reply that asks nothing of its own
  // checks the quote, which is then the question.
  if (own.kind === "none" && followUp) {
    const whole = resolveOwnText(catalog, `${quoted.quote} ${quoted.own}`);
    return whole.kind === "policy" || whole.kind === "country" ? whole : own;
  }
  if (own.kind !== "clarify") return own;
  if (context.kind !== "policy") return own;
  const ref = catalog.countryById
    .get(context.country)
    ?.policies.find((p) => p.id === context.policy);
  if (ref === undefined) return own;
  const resolved = resolveOwnText(catalog, `${quoted.own} ${ref.short_name}`);
  return resolved.kind === "policy" && resolved.policy === ref.id ? resolved : own;
}

function resolveOwnText(
  catalog: Catalog,
  question: string,
  log: EvidenceLog = new EvidenceLog(),
): Intent {
  const read = theRest(catalog, readOwnText(catalog, question, log), question, log);
  // Advice on method ("how should I cite this?") is declined whatever its words were read as;
  // a figure claimed or a measure asked is checked against what the texts give.
  // So is a question on how or by when to apply ("deadline" is then no end year).
  const checked = checkStatedFacts(catalog, read, question, log);
  return declineAdvice(catalog, declineProcedure(catalog, checked, question, log), question, log);
}

function readOwnText(catalog: Catalog, question: string, log: EvidenceLog): Intent {
  // "policies.torch.budget", "if (torch.start_year < 2000) {…}": identifiers, not a question.
  if (looksLikeCode(question)) {
    return outOfScope(catalog, "That looks like code, not a question. ");
  }
  return (
    readMessage(catalog, question, log) ??
    markYesNo(resolveClause(catalog, question, log), question)
  );
}
