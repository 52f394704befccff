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
