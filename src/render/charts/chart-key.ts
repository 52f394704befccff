import type { Answer } from "../../answers/types.ts";

/**
 * Everything a reply's chart is drawn from (see `chartSvg` in ./index.ts: the title and the score
 * or period rows), as a string: equal keys give the same picture. Far smaller than the whole
 * answer, which carries every section's text. Kept apart from ./index.ts so that computing a key
 * does not load the rasteriser.
 */
export function chartKey(kind: "maturity" | "timeline", answer: Answer): string {
  if (answer.kind !== "answer" && answer.kind !== "compare") return `${kind}\nnothing`;
  const drawn = kind === "maturity" ? answer.scores : answer.periods;
  return `${kind}\n${answer.title}\n${JSON.stringify(drawn ?? null)}`;
}
