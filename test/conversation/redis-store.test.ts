import { createClient } from "redis";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { Conversations } from "../../src/conversation/conversations.ts";
import { RedisConversationStore } from "../../src/conversation/redis-store.ts";
import type { ConversationState } from "../../src/conversation/state.ts";
import { createEngine } from "../../src/create-engine.ts";
import { defaultDataDir, loadDataset } from "../../src/dataset/load.ts";
import { startRedis, type RedisUnderTest } from "../redis-server.ts";
import { chinaEngine as engine } from "../china-engine.ts";

/** The Redis store against a real redis-server: the in-memory store's behaviour, shared. */

const torch: ConversationState = {
  version: 1,
  last: "policy",
  country: "china",
  policies: ["torch"],
  field: "budget",
};

let redis: RedisUnderTest;
const stores: RedisConversationStore[] = [];
let prefixes = 0;

/** A store on its own key prefix, so the tests do not see each other's conversations. */
async function openStore(
  options: Partial<ConstructorParameters<typeof RedisConversationStore>[0]> = {},
): Promise<RedisConversationStore> {
  prefixes += 1;
  const store = new RedisConversationStore({
    url: redis.url,
    prefix: `test${prefixes}:`,
    ...options,
  });
  stores.push(store);
  await store.ready();
  return store;
}

beforeAll(async () => {
  redis = await startRedis();
});

afterAll(async () => {
  await Promise.all(stores.map((store) => store.close()));
  await redis?.dispose();
});

describe("the Redis conversation store", () => {
  it("gives back what was stored, to any process using the same Redis", async () => {
    const first = await openStore();
    const second = await openStore({ prefix: `test${prefixes}:` });
    await first.set("a", torch, 60);
    expect(await second.get("a")).toEqual(torch);
    expect(await second.get("b")).toBeNull();
    await second.delete("a");
    expect(await first.get("a")).toBeNull();
    // What a question asked back offered, and an ordering's winner, travel too.
    const asked: ConversationState = {
      ...torch,
      policies: [],
      offers: [{ policies: ["torch"], field: "budget" }],
      top: "torch",
    };
    await first.set("c", asked, 60);
    expect(await second.get("c")).toEqual(asked);
  });

  it("lets a conversation expire after its quiet period; a newer set restarts it", async () => {
    const store = await openStore({ prefix: "quiet:" });
    const raw = createClient({ url: redis.url });
    await raw.connect();
    try {
      await store.set("a", torch, 60);
      const ttl = await raw.pTTL("quiet:conversation:a");
      expect(ttl).toBeGreaterThan(50_000);
      expect(ttl).toBeLessThanOrEqual(60_000);
      await store.set("b", torch, 1);
      await vi.waitFor(async () => expect(await store.get("b")).toBeNull(), {
        timeout: 5000,
        interval: 100,
      });
      expect(await store.get("a")).toEqual(torch);
    } finally {
      raw.destroy();
    }
  });

  it("holds at most its capacity, dropping the least recently used", async () => {
    const store = await openStore({ capacity: 3 });
    for (const key of ["a", "b", "c"]) await store.set(key, torch, 60);
    await store.get("a");
    await store.set("d", torch, 60);
    expect(await store.get("b")).toBeNull();
    for (const key of ["a", "c", "d"]) expect(await store.get(key)).toEqual(torch);
    for (let i = 0; i < 200; i++) await store.set(`user-${i}`, torch, 60);
    const kept = await Promise.all(Array.from({ length: 200 }, (_, i) => store.get(`user-${i}`)));
    expect(kept.filter((state) => state !== null)).toHaveLength(3);
  });

  it("reads a value that is not a conversation as none", async () => {
    const store = await openStore({ prefix: "odd:" });
    const raw = createClient({ url: redis.url });
    await raw.connect();
    try {
      await raw.set("odd:conversation:a", "not json");
      await raw.set("odd:conversation:b", JSON.stringify({ ...torch, version: 99 }));
    } finally {
      raw.destroy();
    }
    expect(await store.get("a")).toBeNull();
    expect(await store.get("b")).toBeNull();
  });
});

describe("when Redis goes away", () => {
  it("answers without follow-up context, says so once, and picks up again when Redis is back", async () => {
    const outages: unknown[] = [];
    let recoveries = 0;
    const store = await openStore({
      onUnavailable: (error) => outages.push(error),
      onRecovered: () => (recoveries += 1),
    });
    const conversations = new Conversations(store, 60);
    const ask = async (question: string) => {
      const turn = await conversations.open(engine, "alice");
      const answer = turn.engine.ask(question);
      await turn.save();
      return answer;
    };

    await ask("what is the torch programme?");
    const followed = await ask("and its budget?");
    expect(followed).toMatchObject({ kind: "answer", policy: "torch", field: "budget" });

    await redis.stop();
    await ask("what is the torch programme?");
    const alone = await ask("and its budget?");
    expect(alone.kind === "answer" && alone.policy === "torch").toBe(false);
    await ask("and its objectives?");
    expect(outages).toHaveLength(1);

    await redis.start();
    await vi.waitFor(
      async () => {
        await ask("when did city clusters start?");
        expect(recoveries).toBe(1);
      },
      { timeout: 15_000, interval: 200 },
    );
    const again = await ask("and its budget?");
    expect(again).toMatchObject({ kind: "answer", policy: "city-clusters", field: "budget" });
    expect(outages).toHaveLength(1);
  });

  it("never holds an answer back for an unreachable Redis at start", async () => {
    const outages: unknown[] = [];
    const store = new RedisConversationStore({
      url: "redis://127.0.0.1:1",
      onUnavailable: (error) => outages.push(error),
    });
    stores.push(store);
    const conversations = new Conversations(store, 60);
    const engine = createEngine(loadDataset(defaultDataDir()));
    const turn = await conversations.open(engine, "bob");
    expect(turn.engine.ask("what is the budget of torch?")).toMatchObject({
      kind: "answer",
      policy: "torch",
    });
    await turn.save();
    expect(outages).toHaveLength(1);
  });
});
