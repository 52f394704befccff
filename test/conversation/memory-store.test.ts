import { describe, expect, it } from "vitest";
import { MemoryConversationStore } from "../../src/conversation/memory-store.ts";
import type { ConversationState } from "../../src/conversation/state.ts";

const torch: ConversationState = {
  version: 1,
  last: "policy",
  country: "china",
  policies: ["torch"],
  field: "budget",
};

function clock(): { now: () => number; advance(ms: number): void } {
  let time = 1_000_000;
  return { now: () => time, advance: (ms) => (time += ms) };
}

describe("the in-memory conversation store", () => {
  it("gives back what was stored, as a copy", async () => {
    const store = new MemoryConversationStore();
    const state = { ...torch, policies: ["torch"] };
    await store.set("a", state, 60);
    state.policies.push("city-clusters");
    expect(await store.get("a")).toEqual(torch);
    expect(await store.get("b")).toBeNull();
    await store.delete("a");
    expect(await store.get("a")).toBeNull();
  });

  it("copies what a question asked back offered, and the winner of an ordering", async () => {
    const store = new MemoryConversationStore();
    const offers = [{ policies: ["torch"], field: "budget" }];
    const asked: ConversationState = { ...torch, policies: [], offers, top: "torch" };
    await store.set("a", asked, 60);
    offers[0]?.policies.push("city-clusters");
    offers.push({ policies: ["greater-bay-area"], field: "budget" });
    expect((await store.get("a"))?.offers).toEqual([{ policies: ["torch"], field: "budget" }]);
    expect((await store.get("a"))?.top).toBe("torch");
  });

  it("forgets a conversation after its quiet period; a newer set restarts it", async () => {
    const time = clock();
    const store = new MemoryConversationStore({ now: time.now });
    await store.set("a", torch, 60);
    time.advance(59_000);
    expect(await store.get("a")).toEqual(torch);
    await store.set("a", torch, 60);
    time.advance(59_000);
    expect(await store.get("a")).toEqual(torch);
    time.advance(1_000);
    expect(await store.get("a")).toBeNull();
    expect(store.size).toBe(0);
  });

  it("holds at most its capacity, dropping the least recently used", async () => {
    const store = new MemoryConversationStore({ capacity: 3 });
    for (const key of ["a", "b", "c"]) await store.set(key, torch, 60);
    await store.get("a");
    await store.set("d", torch, 60);
    expect(store.size).toBe(3);
    expect(await store.get("b")).toBeNull();
    for (const key of ["a", "c", "d"]) expect(await store.get(key)).toEqual(torch);
    for (let i = 0; i < 1000; i++) await store.set(`user-${i}`, torch, 60);
    expect(store.size).toBe(3);
  });
});
