import type { CommandRegistry } from "../../commands/index.ts";
import type { Conversations } from "../conversation/conversations.ts";
import type { Engine } from "../engine.ts";
import type { RecordInteraction } from "../ops/interaction-telemetry.ts";
import type { AsyncChartRenderer } from "./charts.ts";
import type { Logger } from "./log.ts";

/** What the Discord handlers need, passed in so tests can run the bot with their own parts. */
export interface BotServices {
  engine: Engine;
  commands: CommandRegistry;
  renderChart?: AsyncChartRenderer;
  log: Logger;
  /** Told about every interaction once it is handled (the log line and metrics). */
  recordInteraction?: RecordInteraction;
  /** Follow-up questions read in context, per user and channel; absent: every question stands alone. */
  conversations?: Conversations;
}
