import type { CommandRegistry } from "../../commands/index.ts";
import type { Conversations } from "../conversation/conversations.ts";
import type { Engine } from "../engine.ts";
import type { ChartRenderer } from "../render/discord.ts";
import type { Logger } from "./log.ts";

/** What the Discord handlers need, passed in so tests can run the bot with their own parts. */
export interface BotServices {
  engine: Engine;
  commands: CommandRegistry;
  renderChart?: ChartRenderer;
  log: Logger;
  /** Follow-up questions read in context, per user and channel; absent: every question stands alone. */
  conversations?: Conversations;
}
