import type { Answer } from "../../answers/types.ts";
import type { Locale } from "../../i18n/catalog.ts";

/** The charts a reply can carry. */
export type ChartKind = "maturity" | "timeline";

/** One chart to draw, as the chart worker receives it (structured-cloned plain data). */
export interface ChartJob {
  id: number;
  kind: ChartKind;
  answer: Answer;
  locale?: Locale;
  localNames?: ReadonlyMap<string, string>;
}

/** The worker's answer to a job: the PNG (null when the answer has nothing to draw) or why not. */
export type ChartReply = { id: number; png: Uint8Array | null } | { id: number; error: string };
