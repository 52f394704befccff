import type { Answer } from "../answers/types.ts";
import { knownFieldsLogger, type StructuredLogger } from "./logger.ts";
import type { BotMetrics, InteractionOutcome } from "./metrics.ts";

/** One handled interaction (or question in a channel), as logged and counted. */
export interface InteractionRecord {
  id: string;
  kind: "command" | "autocomplete" | "button" | "select" | "modal" | "message" | "other";
  /** The slash command's name, or null (buttons, menus, messages). */
  command: string | null;
  latencyMs: number;
  outcome: InteractionOutcome;
}

export type RecordInteraction = (record: InteractionRecord) => void;

/** What an answer shown to the user amounts to. */
export function answerOutcome(answer: Answer): InteractionOutcome {
  if (answer.kind === "clarify") return "clarify";
  if (answer.kind === "none") return "declined";
  return "answered";
}

/** Each interaction: one log line (id, kind, command, latency, outcome) and the metrics. */
export function interactionTelemetry(
  logger: StructuredLogger,
  metrics: BotMetrics,
): RecordInteraction {
  const lines = knownFieldsLogger(logger);
  return (record) => {
    metrics.observeInteraction(record.outcome, record.latencyMs / 1000);
    lines.info(
      {
        interaction: record.id,
        kind: record.kind,
        command: record.command,
        latency_ms: Math.round(record.latencyMs * 10) / 10,
        outcome: record.outcome,
      },
      "interaction",
    );
  };
}
