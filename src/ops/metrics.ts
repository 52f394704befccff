/**
 * The bot's counters in the Prometheus text format (version 0.0.4), written by hand: three
 * series need no client library.
 */

export const INTERACTION_OUTCOMES = ["answered", "clarify", "declined", "error"] as const;
export type InteractionOutcome = (typeof INTERACTION_OUTCOMES)[number];

/** Upper bounds in seconds: Discord's window is 3 s, an answer normally takes a few ms. */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5] as const;

export class BotMetrics {
  private readonly outcomes = new Map<InteractionOutcome, number>(
    INTERACTION_OUTCOMES.map((outcome) => [outcome, 0]),
  );
  private readonly bucketCounts = LATENCY_BUCKETS.map(() => 0);
  private latencyCount = 0;
  private latencySum = 0;
  private reconnects = 0;

  observeInteraction(outcome: InteractionOutcome, seconds: number): void {
    this.outcomes.set(outcome, (this.outcomes.get(outcome) ?? 0) + 1);
    this.latencyCount += 1;
    this.latencySum += seconds;
    const bucket = LATENCY_BUCKETS.findIndex((bound) => seconds <= bound);
    if (bucket >= 0) this.bucketCounts[bucket] = (this.bucketCounts[bucket] ?? 0) + 1;
  }

  gatewayReconnected(): void {
    this.reconnects += 1;
  }

  get gatewayReconnects(): number {
    return this.reconnects;
  }

  /** The exposition text; `ready` is the gateway's state now. */
  render(ready: boolean): string {
    const lines: string[] = [
      "# HELP policybot_interactions_total Interactions handled, by outcome.",
      "# TYPE policybot_interactions_total counter",
      ...INTERACTION_OUTCOMES.map(
        (outcome) =>
          `policybot_interactions_total{outcome="${outcome}"} ${this.outcomes.get(outcome) ?? 0}`,
      ),
      "# HELP policybot_interaction_duration_seconds Time from receiving an interaction to having answered it.",
      "# TYPE policybot_interaction_duration_seconds histogram",
    ];
    let cumulative = 0;
    LATENCY_BUCKETS.forEach((bound, index) => {
      cumulative += this.bucketCounts[index] ?? 0;
      lines.push(`policybot_interaction_duration_seconds_bucket{le="${bound}"} ${cumulative}`);
    });
    lines.push(
      `policybot_interaction_duration_seconds_bucket{le="+Inf"} ${this.latencyCount}`,
      `policybot_interaction_duration_seconds_sum ${this.latencySum}`,
      `policybot_interaction_duration_seconds_count ${this.latencyCount}`,
      "# HELP policybot_gateway_reconnects_total Times the gateway connection dropped and was re-established.",
      "# TYPE policybot_gateway_reconnects_total counter",
      `policybot_gateway_reconnects_total ${this.reconnects}`,
      "# HELP policybot_gateway_ready Whether the gateway is connected and ready (1) or not (0).",
      "# TYPE policybot_gateway_ready gauge",
      `policybot_gateway_ready ${ready ? 1 : 0}`,
      "# HELP process_resident_memory_bytes Resident memory size in bytes.",
      "# TYPE process_resident_memory_bytes gauge",
      `process_resident_memory_bytes ${process.memoryUsage.rss()}`,
      "# HELP process_cpu_seconds_total User and system CPU time spent in seconds.",
      "# TYPE process_cpu_seconds_total counter",
      `process_cpu_seconds_total ${cpuSeconds()}`,
    );
    return `${lines.join("\n")}\n`;
  }
}

function cpuSeconds(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e6;
}
