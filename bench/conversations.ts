import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { Conversations } from "../src/conversation/conversations.ts";
import { MemoryConversationStore } from "../src/conversation/memory-store.ts";
import {
  DEFAULT_CONVERSATION_CAPACITY,
  DEFAULT_CONVERSATION_TTL_SECONDS,
} from "../src/conversation/store.ts";
import { createEngine } from "../src/create-engine.ts";
import { defaultDataDir, loadDataset } from "../src/dataset/load.ts";

/**
 * Conversation memory under many users: 100,000 distinct users each run a two-turn
 * conversation (a policy card, then "and its budget?") through the same store the bot uses,
 * with its default capacity and quiet period. The heap after a full GC is sampled along the
 * way; a bounded store keeps it flat however many users have come by.
 */

export const USERS = 100_000;
const CHECKPOINTS = [1_000, 10_000, 25_000, 50_000, 75_000, 100_000];

const Sample = z.object({ users: z.number(), heap_mb: z.number(), stored: z.number() }).strict();
export const ConversationBench = z
  .object({
    capacity: z.number(),
    samples: z.array(Sample),
    follow_up_p50_ms: z.number(),
    follow_up_p99_ms: z.number(),
  })
  .strict();
export type ConversationBench = z.infer<typeof ConversationBench>;

const round = (value: number, digits = 3): number =>
  Math.round(value * 10 ** digits) / 10 ** digits;

async function measure(): Promise<ConversationBench> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) throw new Error("run with --expose-gc");
  const engine = createEngine(loadDataset(defaultDataDir()));
  const policies = engine.countries.flatMap((c) => c.policies.map((p) => p.id));
  const store = new MemoryConversationStore({ capacity: DEFAULT_CONVERSATION_CAPACITY });
  const conversations = new Conversations(store, DEFAULT_CONVERSATION_TTL_SECONDS);
  const samples: z.infer<typeof Sample>[] = [];
  const times: number[] = [];
  for (let user = 1; user <= USERS; user++) {
    const key = `discord:1300000000000000001:14${String(user).padStart(16, "0")}`;
    const first = await conversations.open(engine, key);
    first.engine.policyAnswer(policies[user % policies.length] ?? "torch", null);
    await first.save();
    const t0 = performance.now();
    const second = await conversations.open(engine, key);
    const answer = second.engine.ask("and its budget?");
    await second.save();
    times.push(performance.now() - t0);
    if (answer.kind !== "answer" || answer.field !== "budget") {
      throw new Error(`user ${user}: the follow-up was not answered from context`);
    }
    if (CHECKPOINTS.includes(user)) {
      gc();
      samples.push({
        users: user,
        heap_mb: round(process.memoryUsage().heapUsed / 2 ** 20, 1),
        stored: store.size,
      });
    }
  }
  times.sort((a, b) => a - b);
  const at = (p: number): number =>
    times[Math.min(times.length - 1, Math.ceil((p / 100) * times.length) - 1)] ?? 0;
  return {
    capacity: DEFAULT_CONVERSATION_CAPACITY,
    samples,
    follow_up_p50_ms: round(at(50)),
    follow_up_p99_ms: round(at(99)),
  };
}

/** Runs in its own process, so the heap measured is the conversations' and the engine's only. */
export function benchConversations(): ConversationBench {
  const script = fileURLToPath(import.meta.url);
  const child = spawnSync(
    process.execPath,
    [...process.execArgv, "--expose-gc", script, "--child"],
    { encoding: "utf8", maxBuffer: 1 << 20 },
  );
  if (child.status !== 0) throw new Error(`conversation benchmark failed:\n${child.stderr}`);
  return ConversationBench.parse(JSON.parse(child.stdout));
}

if (process.argv.includes("--child")) {
  process.stdout.write(JSON.stringify(await measure()));
}
