import type { Country, CountryField, PolicyField } from "./dataset/schema.ts";
import type { Answer, Intent } from "./answers/types.ts";
import type { Engine } from "./engine.ts";
import { answerIntent } from "./answers/answer.ts";
import { compareAnswer } from "./answers/compare-answer.ts";
import { countryAnswer, sourcesAnswer } from "./answers/country-answer.ts";
import { policyAnswer } from "./answers/policy-answer.ts";
import { buildCatalog } from "./search/catalog.ts";
import { buildFieldClassifier, setFieldClassifier } from "./search/resolve/field-similarity.ts";
import { FIELD_EXAMPLES, type FieldExamples } from "./search/vocabulary.ts";
import { explainQuestion, splitLeadingQuote } from "./search/resolve.ts";
import { resolveInContext } from "./conversation/follow-up.ts";
import { mandarinFromCantonese } from "./search/cantonese.ts";
import type { ConversationState } from "./conversation/state.ts";
import { stateAfterTurn } from "./conversation/turn-state.ts";
import { conversationVocabulary } from "./conversation/vocabulary.ts";
import {
  DEFAULT_SUGGEST_LIMIT,
  findCountry,
  findPolicy,
  suggestCountries,
  suggestPolicies,
} from "./search/suggest.ts";

/** How many recent readings of questions the engine keeps (a turn reads a handful). */
const RECENT_READINGS = 32;

export interface EngineOptions {
  /**
   * The labelled phrasings the similarity evidence learns from (default: the vocabulary's):
   * cross-validation leaves a fold's own out; an empty set turns the evidence off.
   */
  fieldExamples?: Partial<FieldExamples>;
}

/** The engine over a validated dataset: indexes are built once, here. */
export function createEngine(countries: Country[], options: EngineOptions = {}): Engine {
  const catalog = buildCatalog(countries);
  setFieldClassifier(catalog, buildFieldClassifier(options.fieldExamples ?? FIELD_EXAMPLES));

  const unknownPolicy = (ref: string): Answer => {
    const near = suggestPolicies(catalog, ref, 3);
    const shown = ref.trim().slice(0, 60);
    if (near.length > 0) {
      return {
        kind: "clarify",
        text: `I don't know the policy “${shown}”. Did you mean ${near.map((c) => c.name).join(", ")}?`,
        suggestions: near.map((c) => catalog.policies.get(c.value)?.policy.short_name ?? c.value),
      };
    }
    return {
      kind: "none",
      text: `I don't know the policy “${shown}”. Known policies: ${[...catalog.policies.values()]
        .slice(0, 10)
        .map((r) => r.policy.short_name)
        .join(", ")}.`,
      suggestions: [],
    };
  };

  const unknownCountry = (ref: string): Answer => ({
    kind: "none",
    text: `I have no data on “${ref.trim().slice(0, 60)}”. Countries: ${countries
      .map((c) => c.name)
      .join(", ")}.`,
    suggestions: countries.slice(0, 3).map((c) => `${c.name} maturity`),
  });

  // A follow-up reads a turn, then the turn with its subject said, then asks for the evidence
  // behind the turn (and the state after it, for its offers): the last few readings are kept
  // so the same text is not resolved twice within a turn.
  const readings = new Map<string, ReturnType<typeof explainQuestion>>();
  const readQuestion = (text: string): ReturnType<typeof explainQuestion> => {
    let reading = readings.get(text);
    if (reading === undefined) {
      reading = explainQuestion(catalog, text);
      if (readings.size >= RECENT_READINGS) {
        const [oldest] = readings.keys();
        if (oldest !== undefined) readings.delete(oldest);
      }
      readings.set(text, reading);
    }
    return reading;
  };
  const followUps = {
    countries,
    resolve: (text: string): Intent => readQuestion(text).intent,
    evidence: (text: string) => readQuestion(text).evidence,
    vocabulary: conversationVocabulary(),
  };
  // Cantonese is read as Mandarin before the conversation's cues ("佢" is "it") are looked for.
  const inMandarin = (mandarin: string, state: ConversationState | null): Intent =>
    resolveInContext(mandarin, state, followUps, splitLeadingQuote);
  const inContext = (text: string, state: ConversationState | null): Intent =>
    inMandarin(mandarinFromCantonese(text), state);

  const engine: Engine = {
    countries,
    resolveQuestion: (text: string): Intent => inContext(text, null),
    answerIntent: (intent: Intent): Answer => answerIntent(catalog, intent),
    ask: (text: string): Answer => answerIntent(catalog, inContext(text, null)),
    resolveInContext: inContext,
    converse(text: string, state: ConversationState | null) {
      const mandarin = mandarinFromCantonese(text);
      const intent = inMandarin(mandarin, state);
      const answer = answerIntent(catalog, intent);
      return { intent, answer, state: stateAfterTurn(state, mandarin, answer, followUps) };
    },
    policyAnswer(policyRef: string, field: PolicyField | null): Answer {
      const found = findPolicy(catalog, policyRef);
      const ref = found ? catalog.policies.get(found.policy) : undefined;
      return ref ? policyAnswer(ref.country, ref.policy, field) : unknownPolicy(policyRef);
    },
    compareAnswer(policyRefs: string[], field: PolicyField | null): Answer {
      const refs = [];
      for (const text of policyRefs) {
        const found = findPolicy(catalog, text);
        const ref = found ? catalog.policies.get(found.policy) : undefined;
        if (!ref) return unknownPolicy(text);
        refs.push(ref);
      }
      const unique = [...new Map(refs.map((r) => [r.policy.id, r])).values()];
      const first = unique[0];
      if (!first || unique.length < 2) {
        return {
          kind: "clarify",
          text: "Pick two different policies to compare.",
          suggestions: suggestPolicies(catalog, "", 3).map(
            (c) => catalog.policies.get(c.value)?.policy.short_name ?? c.value,
          ),
        };
      }
      return compareAnswer(
        first.country,
        unique.map((r) => r.policy),
        field,
      );
    },
    countryAnswer(countryRef: string, field: CountryField): Answer {
      const id = findCountry(catalog, countryRef);
      const country = id ? catalog.countryById.get(id) : undefined;
      return country ? countryAnswer(country, field) : unknownCountry(countryRef);
    },
    sourcesAnswer(countryRef: string | null, policyRef: string | null): Answer {
      const policy = policyRef ? findPolicy(catalog, policyRef) : null;
      if (policyRef && !policy) return unknownPolicy(policyRef);
      const countryId = countryRef
        ? findCountry(catalog, countryRef)
        : (policy?.country ?? (countries.length === 1 ? (countries[0]?.id ?? null) : null));
      if (countryRef && countryId === null) return unknownCountry(countryRef);
      const country = countryId ? catalog.countryById.get(countryId) : undefined;
      if (!country) {
        return {
          kind: "clarify",
          text: "Sources of which country?",
          suggestions: countries.slice(0, 5).map((c) => `${c.name} sources`),
        };
      }
      const ref = policy ? catalog.policies.get(policy.policy) : undefined;
      if (ref && ref.country.id !== country.id) {
        return {
          kind: "none",
          text: `${ref.policy.short_name} is a policy of ${ref.country.name}, not of ${country.name}.`,
          suggestions: [`${ref.policy.short_name} sources`],
        };
      }
      return sourcesAnswer(country, ref?.policy ?? null);
    },
    suggestPolicies: (query: string, limit = DEFAULT_SUGGEST_LIMIT) =>
      suggestPolicies(catalog, query, limit),
    suggestCountries: (query: string, limit = DEFAULT_SUGGEST_LIMIT) =>
      suggestCountries(catalog, query, limit),
    findPolicy: (ref: string) => findPolicy(catalog, ref),
    findCountry: (ref: string) => findCountry(catalog, ref),
  };
  return engine;
}
