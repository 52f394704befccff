import type { DatasetLookup as Catalog } from "../model/lookup.ts";
import { compareAnswer } from "./compare-answer.ts";
import { countryAnswer } from "./country-answer.ts";
import { sourceLine } from "./format.ts";
import { FIELD_TITLES, claimHolds, policyAnswer, withYesNo, yesNoOf } from "./policy-answer.ts";
import type { PolicyField } from "../dataset/schema.ts";
import type { Answer, Intent } from "./types.ts";

/**
 * Intent → Answer. Ids in an intent come from the resolver or a command's autocomplete; an id
 * the data does not hold is declined rather than guessed.
 */
export function answerIntent(catalog: Catalog, intent: Intent): Answer {
  switch (intent.kind) {
    case "clarify":
    case "none":
      return { kind: intent.kind, text: intent.text, suggestions: intent.suggestions };
    case "policy": {
      const ref = catalog.policies.get(intent.policy);
      if (!ref) return unknownId("policy", intent.policy);
      const also = intent.also === intent.field ? undefined : intent.also;
      const answer = withSecondField(
        policyAnswer(ref.country, ref.policy, intent.field),
        also === undefined
          ? null
          : { field: also, answer: policyAnswer(ref.country, ref.policy, also) },
      );
      const passage = intent.passage;
      if (
        intent.claimedYear !== undefined &&
        (intent.field === "start_year" || intent.field === "end_year")
      ) {
        const yes = claimHolds(ref.policy, intent.field, intent.claimedYear);
        return yes === null ? answer : withYesNo(answer, yes);
      }
      if (intent.yesNo === true && !passage && intent.field !== null) {
        const yes = yesNoOf(ref.policy, intent.field);
        return yes === null ? answer : withYesNo(answer, yes);
      }
      if (!passage || answer.kind !== "answer") return answer;
      if (passage.about !== undefined) {
        // A part the answer already leads with is not said twice.
        if (answer.text.toLowerCase().includes(passage.about.toLowerCase())) return answer;
        return { ...answer, text: `${passage.text} ${answer.text}` };
      }
      // The sentence the question asked about comes first; the field's answer supports it.
      return {
        ...answer,
        text: passage.text,
        sources: [...new Set([sourceLine(ref.country, passage.section), ...answer.sources])],
      };
    }
    case "compare": {
      const refs = [...new Set(intent.policies)].map((id) => catalog.policies.get(id));
      const missing = intent.policies.find((id) => !catalog.policies.has(id));
      if (missing !== undefined) return unknownId("policy", missing);
      const policies = refs.flatMap((ref) => (ref ? [ref.policy] : []));
      const first = refs[0];
      if (!first || policies.length < 2) {
        return {
          kind: "clarify",
          text: "Name two different policies to compare.",
          suggestions: [],
        };
      }
      const country = catalog.countryById.get(intent.country) ?? first.country;
      return compareAnswer(country, policies, intent.field);
    }
    case "country": {
      const country = catalog.countryById.get(intent.country);
      if (!country) return unknownId("country", intent.country);
      const policy = intent.policy ? (catalog.policies.get(intent.policy)?.policy ?? null) : null;
      return countryAnswer(country, intent.field, policy, intent.dimension ?? null);
    }
  }
}

/**
 * "Where does the money come from, and how much?": the second question's answer follows the
 * first's, as one more detail with its own sources; the headline stays the first's.
 */
function withSecondField(
  answer: Answer,
  second: { field: PolicyField; answer: Answer } | null,
): Answer {
  if (answer.kind !== "answer" || second?.answer.kind !== "answer") return answer;
  const detail = { name: `Also asked: ${FIELD_TITLES[second.field]}`, value: second.answer.text };
  return {
    ...answer,
    details: [...answer.details, detail],
    sources: [...new Set([...answer.sources, ...second.answer.sources])],
  };
}

function unknownId(what: "policy" | "country", id: string): Answer {
  return {
    kind: "none",
    text: `I have no ${what} with the id “${id.slice(0, 60)}”.`,
    suggestions: [],
  };
}
