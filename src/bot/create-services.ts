import { createCommandRegistry } from "../../commands/index.ts";
import type { Config } from "../config.ts";
import { Conversations } from "../conversation/conversations.ts";
import { openConversationStore } from "../conversation/open-store.ts";
import type { Engine } from "../engine.ts";
import { interactionTelemetry } from "../ops/interaction-telemetry.ts";
import type { StructuredLogger } from "../ops/logger.ts";
import type { BotMetrics } from "../ops/metrics.ts";
import { lazyChartRenderer } from "./charts.ts";
import type { Logger } from "./log.ts";
import type { BotServices } from "./services.ts";

export interface BuiltServices {
  services: BotServices;
  /** Releases what the services hold (a Redis connection). */
  close(): Promise<void>;
}

/**
 * What every Discord front end of one process answers with (the gateway bot, one shard, the
 * HTTP endpoint): the commands, charts, the conversation store REDIS_URL or memory gives, and
 * the log line and metrics of each interaction.
 */
export async function createBotServices(
  config: Pick<Config, "conversationMax" | "conversationTtlSeconds" | "redisUrl">,
  engine: Engine,
  parts: { logger: StructuredLogger; log: Logger; metrics: BotMetrics },
): Promise<BuiltServices> {
  const { log } = parts;
  const store = await openConversationStore(config, log);
  const conversations = new Conversations(store.store, config.conversationTtlSeconds, (error) =>
    store.onError(error),
  );
  return {
    services: {
      engine,
      conversations,
      commands: createCommandRegistry(),
      renderChart: lazyChartRenderer(log),
      log,
      recordInteraction: interactionTelemetry(parts.logger, parts.metrics),
    },
    close: () => store.close(),
  };
}
