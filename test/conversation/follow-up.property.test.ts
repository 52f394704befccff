import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { POLICY_FIELDS } from "../../src/dataset/schema.ts";
import type { ConversationState } from "../../src/conversation/state.ts";
import { chinaEngine as engine } from "../china-engine.ts";

const policyIds = ["torch", "city-clusters", "greater-bay-area"];

const field = fc.option(fc.constantFrom(...POLICY_FIELDS, "maturity", "sources"));
const state: fc.Arbitrary<ConversationState | null> = fc.option(
  fc.record(
    {
      version: fc.constant(1 as const),
      last: fc.constantFrom(
        "policy" as const,
        "compare" as const,
        "country" as const,
        "asked" as const,
      ),
      country: fc.constantFrom("china", "atlantis"),
      policies: fc.subarray(policyIds),
      field,
      // What a question asked back offered, and an ordering's winner (any, even stale).
      offers: fc.array(fc.record({ policies: fc.subarray(policyIds, { minLength: 1 }), field }), {
        maxLength: 3,
      }),
      top: fc.constantFrom(...policyIds, "atlantis-plan"),
    },
    { requiredKeys: ["version", "last", "country", "policies", "field"] },
  ),
);

const words = fc.constantFrom(
  "it",
  "its",
  "and",
  "what about",
  "the other two",
  "both",
  "它的",
  "呢",
  "budget",
  "torch",
  "Germany",
  "863 program",
  "than",
  "compare",
  "?",
  "why only 0.5",
  "> quoted",
  "   ",
);

describe("follow-up questions", () => {
  it("any text in any conversation gets an answer, a question back or a refusal, never a crash", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.array(words).map((w) => w.join(" ")),
        ),
        state,
        (text, s) => {
          const turn = engine.converse(text, s);
          expect(["answer", "compare", "clarify", "none"]).toContain(turn.answer.kind);
          if (turn.answer.kind === "answer" || turn.answer.kind === "compare") {
            expect(turn.answer.title.length).toBeGreaterThan(0);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it("a question that names an unknown country or programme stays declined in any conversation", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(
          "and Germany?",
          "what about the 863 program?",
          "and japan's budget?",
          "星火计划呢？",
          "what's the budget of the Xiongan New Area?",
          "Shenzhen's budget?",
          "sorry, I meant Germany",
          "德国的预算是多少？",
          "深圳的预算是多少？",
          "雄安新区什么时候开始的？",
        ),
        state,
        (text, s) => {
          expect(engine.converse(text, s).answer.kind).toBe("none");
        },
      ),
      { numRuns: 100 },
    );
  });
});
