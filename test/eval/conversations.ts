import { readFileSync } from "node:fs";
import { z } from "zod";
import { ALL_COMMANDS } from "../../commands/index.ts";
import type { Answer, Intent } from "../../src/answers/types.ts";
import { createConsoleSession } from "../../src/console/session.ts";
import { COUNTRY_FIELDS, CountryField } from "../../src/dataset/schema.ts";
import type { Engine } from "../../src/engine.ts";
import { describeExpected, describeIntent, EvalQuestion, judge } from "./evaluate.ts";

/**
 * The conversation set: each conversation is typed line by line into one offline-console
 * session (slash commands and questions alike, exactly as a user would), and each judged turn's
 * answer is compared with what a user meant. The last turn is the one that needs the context.
 */

const Turn = EvalQuestion.omit({ category: true, kind: true })
  .extend({ kind: EvalQuestion.shape.kind.optional() })
  .strict();
type Turn = z.infer<typeof Turn>;

export const EvalConversation = z
  .object({
    category: z.string().min(1),
    turns: z
      .array(Turn)
      .min(2)
      .max(4)
      .refine((turns) => turns[turns.length - 1]?.kind !== undefined, "the last turn is judged"),
  })
  .strict();
export type EvalConversation = z.infer<typeof EvalConversation>;

export function loadConversations(): EvalConversation[] {
  const raw: unknown = JSON.parse(
    readFileSync(new URL("./conversations.json", import.meta.url), "utf8"),
  );
  return z.array(EvalConversation).parse(raw);
}

/** What an answer was about, in the resolver's terms, so one judge serves both sets. */
export function intentOfAnswer(answer: Answer): Intent {
  switch (answer.kind) {
    case "answer": {
      const countryField = CountryField.safeParse(answer.field);
      if (answer.policy === null || countryField.success) {
        return {
          kind: "country",
          country: answer.country,
          field: countryField.success ? countryField.data : COUNTRY_FIELDS[0],
          ...(answer.policy !== null ? { policy: answer.policy } : {}),
        };
      }
      const field = EvalQuestion.shape.field.safeParse(answer.field);
      return {
        kind: "policy",
        country: answer.country,
        policy: answer.policy,
        field:
          field.success && field.data !== undefined && field.data !== null
            ? (POLICY_FIELD_OF[field.data] ?? null)
            : null,
      };
    }
    case "compare":
      return {
        kind: "compare",
        country: answer.country,
        policies: answer.policies,
        field: answer.field === null ? null : (POLICY_FIELD_OF[answer.field] ?? null),
      };
    case "clarify":
    case "none":
      return answer;
  }
}

const POLICY_FIELD_OF: Readonly<Record<string, Extract<Intent, { kind: "policy" }>["field"]>> =
  Object.fromEntries(
    (
      [
        "type",
        "summary",
        "objectives",
        "focus",
        "authorities",
        "beneficiaries",
        "instruments",
        "start_year",
        "end_year",
        "budget",
        "funding_source",
        "evaluation",
        "eu_alignment",
      ] as const
    ).map((f) => [f, f]),
  );

export interface TurnResult {
  q: string;
  got: string;
  expected: string | null;
  correct: boolean | null;
  /** Answered as a fact where the right reply was a refusal or a question back. */
  confidentWrong: boolean;
}

export interface ConversationResult {
  conversation: EvalConversation;
  turns: TurnResult[];
  lastCorrect: boolean;
}

/** Runs one conversation in a fresh console session (the same commands the bot runs). */
export async function runConversation(
  engine: Engine,
  conversation: EvalConversation,
): Promise<ConversationResult> {
  let last: Answer | null = null;
  const session = createConsoleSession({
    engine,
    commands: ALL_COMMANDS,
    renderView: (view) => {
      last = view.answer;
      return Promise.resolve("");
    },
    logError: (error) => {
      throw error;
    },
  });
  const turns: TurnResult[] = [];
  for (const turn of conversation.turns) {
    last = null;
    const line = await session.handleLine(turn.q);
    const answer: Answer = last ?? { kind: "clarify", text: line.text, suggestions: [] };
    const intent = intentOfAnswer(answer);
    if (turn.kind === undefined) {
      turns.push({
        q: turn.q,
        got: describeIntent(intent),
        expected: null,
        correct: null,
        confidentWrong: false,
      });
      continue;
    }
    const expected: EvalQuestion = { ...turn, kind: turn.kind, category: conversation.category };
    const verdict = judge(expected, intent);
    turns.push({
      q: turn.q,
      got: describeIntent(intent),
      expected: describeExpected(expected),
      correct: verdict.correct,
      confidentWrong:
        verdict.confidentWrong && (expected.kind === "none" || expected.kind === "clarify"),
    });
  }
  return { conversation, turns, lastCorrect: turns[turns.length - 1]?.correct === true };
}

export interface ConversationReport {
  total: number;
  lastCorrect: number;
  judgedTurns: number;
  turnsCorrect: number;
  categories: { category: string; total: number; lastCorrect: number }[];
  misses: ConversationResult[];
  confidentWrong: { conversation: EvalConversation; turn: TurnResult }[];
}

export async function runConversationEval(
  engine: Engine,
  conversations: readonly EvalConversation[],
): Promise<ConversationReport> {
  const categories = new Map<string, { category: string; total: number; lastCorrect: number }>();
  const misses: ConversationResult[] = [];
  const confidentWrong: ConversationReport["confidentWrong"] = [];
  let lastCorrect = 0;
  let judgedTurns = 0;
  let turnsCorrect = 0;
  for (const conversation of conversations) {
    const result = await runConversation(engine, conversation);
    const score = categories.get(conversation.category) ?? {
      category: conversation.category,
      total: 0,
      lastCorrect: 0,
    };
    score.total += 1;
    if (result.lastCorrect) {
      score.lastCorrect += 1;
      lastCorrect += 1;
    }
    if (result.turns.some((t) => t.correct === false)) misses.push(result);
    for (const turn of result.turns) {
      if (turn.correct === null) continue;
      judgedTurns += 1;
      if (turn.correct) turnsCorrect += 1;
      if (turn.confidentWrong) confidentWrong.push({ conversation, turn });
    }
    categories.set(conversation.category, score);
  }
  return {
    total: conversations.length,
    lastCorrect,
    judgedTurns,
    turnsCorrect,
    categories: [...categories.values()],
    misses,
    confidentWrong,
  };
}
