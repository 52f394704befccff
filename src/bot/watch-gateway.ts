import { Events, type Client } from "discord.js";
import type { GatewayHealth } from "../ops/gateway-health.ts";
import type { BotMetrics } from "../ops/metrics.ts";

/** Keeps `health` (and the reconnect counter) in step with `client`'s gateway connection. */
export function watchGateway(client: Client, health: GatewayHealth, metrics: BotMetrics): void {
  // Attached after login: the shards that are up now are ready.
  if (client.isReady()) for (const shard of client.ws.shards.keys()) health.markReady(shard);
  client.on(Events.ShardReady, (shard) => health.markReady(shard));
  client.on(Events.ShardResume, (shard) => health.markReady(shard));
  client.on(Events.ShardReconnecting, (shard) => {
    health.markDown(shard);
    metrics.gatewayReconnected();
  });
  client.on(Events.ShardDisconnect, (_event, shard) => health.markDown(shard));
}
