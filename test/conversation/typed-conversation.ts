import type { Answer } from "../../src/answers/types.ts";
import type { ConversationState } from "../../src/conversation/state.ts";
import { chinaEngine as engine } from "../china-engine.ts";

/** The last answer of a conversation typed line by line. */
export function lastAnswer(...lines: string[]): Answer {
  let state: ConversationState | null = null;
  let answer: Answer | null = null;
  for (const line of lines) {
    const turn = engine.converse(line, state);
    state = turn.state;
    answer = turn.answer;
  }
  if (answer === null) throw new Error("a conversation needs at least one line");
  return answer;
}

/** The last answer of a conversation typed line by line, as the user sees it (kind, subject, field). */
export function last(...lines: string[]): string {
  const answer = lastAnswer(...lines);
  switch (answer.kind) {
    case "answer":
      return `${answer.policy ?? answer.country} ${answer.field ?? "card"}`;
    case "compare":
      return `compare ${answer.policies.join("+")} ${answer.field ?? "overview"}`;
    default:
      return answer.kind;
  }
}
