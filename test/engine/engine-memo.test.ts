import { describe, expect, it } from "vitest";
import { POLICY_FIELDS } from "../../src/dataset/schema.ts";
import { Lru, memoKey, memoizeEngine } from "../../src/engine-memo.ts";
import { chinaEngine as engine } from "../china-engine.ts";

const QUESTIONS = [
  "When did the TORCH Program start?",
  "what is the budget of city clusters?",
  "which policies does china have?",
  "compare torch and gba",
  "torhc budget",
  "what is the capital of france?",
  "",
  "它的预算是多少？",
];

describe("the memoised engine", () => {
  it("answers exactly as the engine does, call after call", () => {
    const memo = memoizeEngine(engine);
    for (let round = 0; round < 2; round++) {
      for (const question of QUESTIONS) {
        expect(memo.ask(question)).toEqual(engine.ask(question));
        expect(memo.resolveQuestion(question)).toEqual(engine.resolveQuestion(question));
        expect(memo.suggestPolicies(question)).toEqual(engine.suggestPolicies(question));
      }
      for (const field of [null, ...POLICY_FIELDS]) {
        expect(memo.policyAnswer("torch", field)).toEqual(engine.policyAnswer("torch", field));
        expect(memo.compareAnswer(["torch", "gba"], field)).toEqual(
          engine.compareAnswer(["torch", "gba"], field),
        );
      }
      expect(memo.countryAnswer("china", "maturity")).toEqual(
        engine.countryAnswer("china", "maturity"),
      );
      expect(memo.sourcesAnswer(null, "torch")).toEqual(engine.sourcesAnswer(null, "torch"));
    }
  });

  it("reads a follow-up in its conversation: the state is part of what is remembered", () => {
    const memo = memoizeEngine(engine);
    const first = memo.converse("tell me about torch", null);
    const followUp = memo.converse("and its budget?", first.state);
    const alone = memo.converse("and its budget?", null);
    expect(followUp).toEqual(engine.converse("and its budget?", first.state));
    expect(alone).toEqual(engine.converse("and its budget?", null));
    expect(followUp.answer).not.toEqual(alone.answer);
  });

  it("shares one frozen answer between callers, so no caller can change another's", () => {
    const memo = memoizeEngine(engine);
    const a = memo.policyAnswer("torch", "budget");
    const b = memo.policyAnswer("torch", "budget");
    expect(b).toBe(a);
    expect(Object.isFrozen(a)).toBe(true);
    expect(() => {
      (a as { text?: string }).text = "changed";
    }).toThrow(TypeError);
    // An omitted limit and an explicit one are different questions.
    expect(memo.suggestPolicies("", 1)).toHaveLength(1);
    expect(memo.suggestPolicies("").length).toBeGreaterThan(1);
  });

  it("keeps at most its capacity, dropping the least recently used", () => {
    const lru = new Lru<number>(3);
    for (const [i, key] of ["a", "b", "c"].entries()) lru.set(key, i);
    expect(lru.get("a")).toBe(0);
    lru.set("d", 3);
    expect(lru.size).toBe(3);
    expect(lru.get("b")).toBeUndefined();
    expect(lru.get("a")).toBe(0);

    const memo = memoizeEngine(engine, 4);
    for (let i = 0; i < 50; i++) memo.ask(`question number ${i}`);
    expect(memo.ask("question number 49")).toEqual(engine.ask("question number 49"));
  });
});

describe("memo keys", () => {
  it("tell apart arguments JSON or plain joining would merge", () => {
    const keys = [
      memoKey(["a", undefined]),
      memoKey(["a", null]),
      memoKey(["a"]),
      memoKey(["ab", "c"]),
      memoKey(["a", "bc"]),
      memoKey(["1"]),
      memoKey([1]),
      memoKey([{ a: undefined }]),
      memoKey([{}]),
      memoKey([{ a: null }]),
      memoKey(["s1:x"]),
      memoKey(["x", "s1:x"]),
    ];
    expect(new Set(keys).size).toBe(keys.length);
    expect(memoKey(["torch", { field: "budget" }])).toBe(memoKey(["torch", { field: "budget" }]));
  });
});
