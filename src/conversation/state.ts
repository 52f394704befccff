import { z } from "zod";
import type { Answer, Intent } from "../answers/types.ts";

/** How many policies talked about before the current subject a conversation keeps. */
const EARLIER_KEPT = 5;

/** One reading a question asked back offered: its policies (sorted) and field. */
const Offer = z
  .object({
    policies: z.array(z.string().min(1).max(100)).min(1).max(25),
    field: z.string().min(1).max(100).nullable(),
  })
  .strict();
export type Offer = z.infer<typeof Offer>;

/**
 * What a conversation is about after its last answer: the country, the policy or policies and
 * the field. Plain JSON, so any store (memory, Redis) can hold it; validated again on read.
 */
export const ConversationStateSchema = z
  .object({
    /** Bumped when the shape changes, so a store holding an older shape reads as empty. */
    version: z.literal(1),
    /**
     * Which kind of answer came last: one policy, several side by side, or a country fact; or
     * "asked": a question asked back before anything was talked about (the field is pending);
     * or "declined": a refusal that named no policy of the data, kept only for its field, so
     * "sorry, I meant torch" asks the declined question again of TORCH.
     */
    last: z.enum(["policy", "compare", "country", "asked", "declined"]),
    country: z.string().min(1).max(100),
    /** Policy ids, sorted; empty for a country-level answer. */
    policies: z.array(z.string().min(1).max(100)).max(25),
    /** The field asked last (a policy or country field); null for a policy card or key facts. */
    field: z.string().min(1).max(100).nullable(),
    /**
     * After a question asked back, the readings it offered ("TORCH Program budget", "City
     * Clusters budget"…): a reply that names only a policy picks the one offer about it, so
     * "what's the budget?" → "which policy?" → "torch" is TORCH's budget. Absent otherwise.
     */
    offers: z.array(Offer).max(10).optional(),
    /**
     * After an ordering ("which is the newest?"), the one policy it put first: "that one" then
     * means it. Absent when no single policy won.
     */
    top: z.string().min(1).max(100).optional(),
    /**
     * The policies talked about before the current subject, the latest first: "which of the
     * two started first?" after TORCH, then the GBA plan, is about those two. Absent when none.
     */
    earlier: z.array(z.string().min(1).max(100)).max(EARLIER_KEPT).optional(),
    /**
     * The last two policies talked about, in the order they came up (typed one after the
     * other, or one brought in beside the other): "the former" is the first, "the latter" the
     * second. Absent when the order is not known.
     */
    pair: z.tuple([z.string().min(1).max(100), z.string().min(1).max(100)]).optional(),
  })
  .strict();
export type ConversationState = z.infer<typeof ConversationStateSchema>;

/** A stored value read back: anything that is not a valid state is no state. */
export function parseConversationState(value: unknown): ConversationState | null {
  const parsed = ConversationStateSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** One state value; compared policies are kept sorted so states compare by value. */
function subject(
  last: ConversationState["last"],
  country: string,
  policies: readonly string[],
  field: string | null,
): ConversationState {
  return { version: 1, last, country, policies: [...policies].sort(), field };
}

/**
 * The state after an answer. A fact or a comparison becomes the subject; a refusal forgets it
 * (the user has moved to something the data does not hold, and "its" would now be about that);
 * a question asked back keeps it, since the user will usually answer it.
 */
export function stateAfter(
  previous: ConversationState | null,
  answer: Answer,
): ConversationState | null {
  const next = subjectAfter(previous, answer);
  return next === null || next === previous ? next : withEarlier(previous, next);
}

/**
 * The state moved on to a new subject, remembering the policies talked about before it (the
 * latest first, within the same country).
 */
export function withEarlier(
  previous: ConversationState | null,
  next: ConversationState,
): ConversationState {
  if (previous === null || previous.country !== next.country) return next;
  const earlier = [...previous.policies, ...(previous.earlier ?? [])].filter(
    (id, k, all) => !next.policies.includes(id) && all.indexOf(id) === k,
  );
  return earlier.length === 0 ? next : { ...next, earlier: earlier.slice(0, EARLIER_KEPT) };
}

function subjectAfter(
  previous: ConversationState | null,
  answer: Answer,
): ConversationState | null {
  switch (answer.kind) {
    case "answer":
      return answer.policy === null
        ? subject("country", answer.country, [], answer.field)
        : subject("policy", answer.country, [answer.policy], answer.field);
    case "compare":
      return subject("compare", answer.country, answer.policies, answer.field);
    case "clarify":
      return previous;
    case "none":
      return null;
  }
}

/** The state a resolved intent would leave (used for a quoted message's context). */
export function stateOfIntent(intent: Intent): ConversationState | null {
  switch (intent.kind) {
    case "policy":
      return subject("policy", intent.country, [intent.policy], intent.field);
    case "compare":
      return subject("compare", intent.country, intent.policies, intent.field);
    case "country":
      return subject("country", intent.country, [], intent.field);
    default:
      return null;
  }
}
