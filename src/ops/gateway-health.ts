import { Events, type Client } from "discord.js";
import type { BotMetrics } from "./metrics.ts";

/**
 * Whether every gateway shard is connected and ready, from the client's shard events: READY or
 * RESUMED make a shard ready; a drop (reconnecting) or a closed connection make it not ready.
 */
export class GatewayHealth {
  private readonly shards = new Map<number, boolean>();

  markReady(shard: number): void {
    this.shards.set(shard, true);
  }

  markDown(shard: number): void {
    this.shards.set(shard, false);
  }

  get ready(): boolean {
    return this.shards.size > 0 && [...this.shards.values()].every(Boolean);
  }
}

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
