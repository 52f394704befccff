import type { Answer } from "../answers/types.ts";
import type { Engine } from "../engine.ts";
import { stateAfter, type ConversationState } from "./state.ts";

export interface BoundConversation {
  /** The engine, with questions read in this conversation and every answer remembered. */
  engine: Engine;
  /** The state after the answers given so far. */
  state(): ConversationState | null;
}

/**
 * One turn of a conversation over an engine, for front ends that run commands: whatever the
 * command asks (a free-text question, a policy card, a comparison), the answer moves the
 * conversation on, so `/policy torch` followed by "and its budget?" works.
 */
export function bindConversation(
  engine: Engine,
  initial: ConversationState | null,
): BoundConversation {
  let state = initial;
  const remember = (answer: Answer): Answer => {
    state = stateAfter(state, answer);
    return answer;
  };
  const bound: Engine = {
    ...engine,
    resolveQuestion: (text) => engine.resolveInContext(text, state),
    ask(text) {
      const turn = engine.converse(text, state);
      state = turn.state;
      return turn.answer;
    },
    answerIntent: (intent) => remember(engine.answerIntent(intent)),
    policyAnswer: (policyRef, field) => remember(engine.policyAnswer(policyRef, field)),
    compareAnswer: (policyRefs, field) => remember(engine.compareAnswer(policyRefs, field)),
    countryAnswer: (countryRef, field) => remember(engine.countryAnswer(countryRef, field)),
    sourcesAnswer: (countryRef, policyRef) => remember(engine.sourcesAnswer(countryRef, policyRef)),
  };
  return { engine: bound, state: () => state };
}
