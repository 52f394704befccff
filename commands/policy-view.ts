import type { Answer } from "../src/answers/types.ts";
import type { ReplyView } from "../src/command-api.ts";
import type { PolicyField } from "../src/dataset/schema.ts";

/** A policy card or section with its section menu; history sections also get the timeline. */
export function policyView(answer: Answer, policy: string, section: PolicyField | null): ReplyView {
  if (answer.kind !== "answer") return { answer, ephemeral: true };
  const history = section === "start_year" || section === "end_year";
  return {
    answer,
    sectionMenu: { policy, current: section },
    ...(history && answer.periods?.length ? { image: "timeline" as const } : {}),
  };
}
