import type { Intent } from "../answers/types.ts";
import { POLICY_FIELDS, type Country, type PolicyField } from "../dataset/schema.ts";
import type { FollowUpCues } from "./cues.ts";
import { chosenPolicies, comparingWords, fieldWord, namesWhatDataLacks } from "./evidence.ts";
import type { FollowUpDeps } from "./follow-up.ts";
import type { ConversationState } from "./state.ts";

/**
 * Turns that name a policy the conversation did not expect: the reply to a question asked back
 * ("torch" after "which policy's budget?"), and a comparison with one newly named policy ("how
 * do those compare with torch's?").
 */

export const isPolicyField = (field: string | null): field is PolicyField =>
  field !== null && (POLICY_FIELDS as readonly string[]).includes(field);

/**
 * A reply to a question asked back that names policies and asks nothing of its own ("torch",
 * "I mean the Torch program") takes the one offer about them, else the field every offer shares
 * ("torch and GBA" after "which policy's budget?").
 */
export function pickOffer(own: Intent, state: ConversationState): Intent | null {
  const offers = state.offers;
  if (offers === undefined) return null;
  let named: readonly string[];
  if (own.kind === "policy" && own.field === null && own.passage === undefined) {
    named = [own.policy];
  } else if (own.kind === "compare" && own.field === null) {
    named = own.policies;
  } else {
    return null;
  }
  const country = own.country;
  const about = offers.filter((o) => named.every((id) => o.policies.includes(id)));
  const fields = new Set(offers.map((o) => o.field));
  const [chosen] = about;
  const [shared] = fields;
  const policies = about.length === 1 && chosen !== undefined ? chosen.policies : [...named].sort();
  const field = about.length === 1 ? chosen?.field : fields.size === 1 ? shared : undefined;
  if (field === undefined || field === null || !isPolicyField(field)) return null;
  const [only] = policies;
  return policies.length === 1 && only !== undefined
    ? { kind: "policy", country, policy: only, field }
    : { kind: "compare", country, policies, field };
}

/**
 * The one policy the turn names that the conversation has not talked about, when it names no
 * other and nothing the data lacks ("how do those compare with the TORCH Program's?").
 */
export function newlyNamed(
  text: string,
  state: ConversationState,
  deps: FollowUpDeps,
): string | null {
  const evidence = deps.evidence?.(text);
  if (evidence === undefined || namesWhatDataLacks(evidence, comparingWords(deps.vocabulary))) {
    return null;
  }
  const fresh = chosenPolicies(evidence).filter((id) => !state.policies.includes(id));
  return fresh.length === 1 ? (fresh[0] ?? null) : null;
}

/**
 * "how do those objectives compare with the City Clusters policy's?", "跟火炬计划比呢": what was
 * talked about, set beside the one policy the turn newly names, on the field the turn asks,
 * else — when the turn points at the fact ("those", "that", "比呢") — the field talked about.
 */
export function besideNamed(
  text: string,
  named: string,
  cues: FollowUpCues,
  context: { state: ConversationState; country: Country; deps: FollowUpDeps },
): Intent | null {
  const { state, country, deps } = context;
  const talkedAbout = state.policies.filter((id) => country.policies.some((p) => p.id === id));
  if (talkedAbout.length === 0) return null;
  const evidence = deps.evidence?.(text) ?? [];
  // A field said only by weak words ("how many years between them") gives way to the fact
  // talked about when the turn points at it.
  const own = fieldWord(evidence, true);
  const weak = fieldWord(evidence);
  // Unless the turn refers to the policy ("compare it with torch": side by side), what it
  // compares is the fact talked about ("how does torch compare?", "those", "比呢").
  const pointsAtFact =
    cues.reference === null ||
    cues.factReference ||
    cues.comparative ||
    cues.ellipsis ||
    cues.reference.kind === "several";
  const field = isPolicyField(own)
    ? own
    : pointsAtFact && isPolicyField(state.field)
      ? state.field
      : isPolicyField(weak)
        ? weak
        : null;
  const policies = [...talkedAbout, named].sort();
  return { kind: "compare", country: country.id, policies, field };
}
