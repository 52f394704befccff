import type { Country, CountryField, PolicyField } from "./dataset/schema.ts";
import type { Answer, Intent } from "./answers/types.ts";
import type { ConversationState } from "./conversation/state.ts";

/** A ranked suggestion for autocomplete and tab completion. `value` is an id the engine accepts. */
export interface Choice {
  name: string;
  value: string;
}

/**
 * The one engine every front end calls (Discord commands, free text, the offline console, the
 * JSON CLI), so they always agree. Pure TypeScript: no Discord import anywhere below this.
 */
export interface Engine {
  readonly countries: readonly Country[];
  /** Free text → what it asks for. */
  resolveQuestion(text: string): Intent;
  /** Intent → renderer-free answer. */
  answerIntent(intent: Intent): Answer;
  /** resolveQuestion then answerIntent. */
  ask(text: string): Answer;
  /** Free text read as a follow-up in a conversation (null: a first question). */
  resolveInContext(text: string, state: ConversationState | null): Intent;
  /** One turn of a conversation: the answer, and the conversation's state after it. */
  converse(
    text: string,
    state: ConversationState | null,
  ): { intent: Intent; answer: Answer; state: ConversationState | null };
  /** A policy card (field null) or one section; unknown ids give a `none`/`clarify` answer with suggestions. */
  policyAnswer(policyRef: string, field: PolicyField | null): Answer;
  /** Two or more policies side by side. */
  compareAnswer(policyRefs: string[], field: PolicyField | null): Answer;
  /** A country-level fact (maturity, policies, approach, continuity, consistency, sources). */
  countryAnswer(countryRef: string, field: CountryField): Answer;
  /** Sources: the bibliography of a country, optionally narrowed to one policy. */
  sourcesAnswer(countryRef: string | null, policyRef: string | null): Answer;
  /** Autocomplete: tiers exact → prefix → alias → fuzzy, at most `limit` (default 25); empty query lists all. */
  suggestPolicies(query: string, limit?: number): Choice[];
  suggestCountries(query: string, limit?: number): Choice[];
  /** Resolve a reference typed by a user (id, name, alias, typo) to a policy id, only when one clearly wins. */
  findPolicy(ref: string): { country: string; policy: string; name: string } | null;
  findCountry(ref: string): string | null;
}
