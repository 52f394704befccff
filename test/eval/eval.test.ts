import { describe, expect, it } from "vitest";
import { POLICY_FIELDS } from "../../src/dataset/schema.ts";
import { defaultDataDir, loadDataset } from "../../src/dataset/load.ts";
import { createEngine } from "../../src/create-engine.ts";
import { createBaseline, loadQuestions, runEval } from "./evaluate.ts";
import { loadConversations, runConversationEval } from "./conversations.ts";

const countries = loadDataset(defaultDataDir());
const engine = createEngine(countries);
const questions = loadQuestions();
const report = runEval(questions, (q) => engine.resolveQuestion(q), createBaseline(countries));

describe("the evaluation set", () => {
  it("has at least 250 questions, 40 of them out of scope, covering every policy × field", () => {
    expect(questions.length).toBeGreaterThanOrEqual(250);
    expect(questions.filter((q) => q.kind === "none").length).toBeGreaterThanOrEqual(40);
    for (const country of countries) {
      for (const policy of country.policies) {
        for (const field of POLICY_FIELDS) {
          const covered = questions.some(
            (q) => q.kind === "policy" && q.policy === policy.id && q.field === field,
          );
          expect(covered, `${policy.id} × ${field}`).toBe(true);
        }
      }
    }
  });

  it("the engine gets at least 97% right", () => {
    const misses = report.misses.map((m) => `${m.question.q} → ${m.got}`);
    expect(report.correct / report.total, misses.join("\n")).toBeGreaterThanOrEqual(0.97);
  });

  it("no confident answer to an out-of-scope or ambiguous question", () => {
    expect(report.confidentWrong.map((m) => `${m.question.q} → ${m.got}`)).toEqual([]);
  });

  it("beats the naive one-index baseline", () => {
    expect(report.correct).toBeGreaterThan(report.baselineCorrect);
  });
});

const conversations = loadConversations();
const conversationReport = await runConversationEval(engine, conversations);

describe("the conversation set", () => {
  it("has at least 150 conversations of 2–4 turns, in every pattern", () => {
    expect(conversations.length).toBeGreaterThanOrEqual(150);
    const categories = new Set(conversations.map((c) => c.category));
    for (const category of [
      "pronoun",
      "ellipsis-field",
      "ellipsis-policy",
      "others",
      "comparison",
      "country",
      "switch",
      "decline",
      "unsettled",
      "chinese",
      "command",
    ]) {
      expect(categories, category).toContain(category);
    }
    const lastKinds = conversations.map((c) => c.turns[c.turns.length - 1]?.kind);
    expect(lastKinds.filter((k) => k === "none").length).toBeGreaterThanOrEqual(20);
    expect(lastKinds.filter((k) => k === "clarify").length).toBeGreaterThanOrEqual(10);
  });

  it("gets at least 95% of last turns right", () => {
    const misses = conversationReport.misses.map((m) =>
      m.turns
        .map((t) => `${t.q} → ${t.got}${t.expected ? ` (expected ${t.expected})` : ""}`)
        .join(" | "),
    );
    expect(
      conversationReport.lastCorrect / conversationReport.total,
      misses.join("\n"),
    ).toBeGreaterThanOrEqual(0.95);
  });

  it("never answers confidently where the right reply is a refusal or a question back", () => {
    expect(
      conversationReport.confidentWrong.map(
        ({ conversation, turn }) =>
          `${conversation.turns.map((t) => t.q).join(" / ")}: ${turn.q} → ${turn.got}`,
      ),
    ).toEqual([]);
  });
});
