import { readFileSync } from "node:fs";
import Fuse from "fuse.js";
import { z } from "zod";
import type { Intent } from "../../src/answers/types.ts";
import { COUNTRY_FIELDS, POLICY_FIELDS, type Country } from "../../src/dataset/schema.ts";

/**
 * The evaluation set and how a reading of a question is judged against it, shared by
 * `npm run eval` and the eval test. A wrong policy, field or kind is a miss; an answer given
 * where the question should have been declined or asked back is a confident wrong answer.
 */

const FieldName = z.enum([...POLICY_FIELDS, ...COUNTRY_FIELDS]);

export const EvalQuestion = z
  .object({
    q: z.string(),
    category: z.string().min(1),
    kind: z.enum(["policy", "country", "compare", "clarify", "none"]),
    policy: z.string().optional(),
    policies: z.array(z.string()).optional(),
    field: FieldName.nullable().optional(),
    /** Other replies as good from a user's point of view: "none" or "clarify" for an off-topic question. */
    accept: z.array(z.enum(["clarify", "none"])).optional(),
  })
  .strict();
export type EvalQuestion = z.infer<typeof EvalQuestion>;

export function loadQuestions(): EvalQuestion[] {
  const raw: unknown = JSON.parse(
    readFileSync(new URL("./questions.json", import.meta.url), "utf8"),
  );
  return z.array(EvalQuestion).parse(raw);
}

export interface Verdict {
  correct: boolean;
  /** The reading answers (a fact, a comparison) but not the one expected. */
  confidentWrong: boolean;
}

function answers(intent: Intent): boolean {
  return intent.kind === "policy" || intent.kind === "country" || intent.kind === "compare";
}

export function judge(expected: EvalQuestion, intent: Intent): Verdict {
  let correct = false;
  if (intent.kind === expected.kind) {
    switch (intent.kind) {
      case "policy":
        correct = intent.policy === expected.policy && intent.field === (expected.field ?? null);
        break;
      case "compare":
        correct =
          JSON.stringify([...intent.policies].sort()) === JSON.stringify(expected.policies ?? []) &&
          intent.field === (expected.field ?? null);
        break;
      case "country":
        correct = intent.field === expected.field;
        break;
      case "clarify":
      case "none":
        correct = true;
        break;
    }
  } else if (intent.kind === "clarify" || intent.kind === "none") {
    correct = expected.accept?.includes(intent.kind) ?? false;
  }
  return { correct, confidentWrong: !correct && answers(intent) };
}

export function describeIntent(intent: Intent): string {
  switch (intent.kind) {
    case "policy":
      return `policy ${intent.policy} ${intent.field ?? "(card)"}`;
    case "compare":
      return `compare ${intent.policies.join("+")} ${intent.field ?? "(key facts)"}`;
    case "country":
      return `country ${intent.country} ${intent.field}${intent.policy ? ` (${intent.policy})` : ""}`;
    case "clarify":
    case "none":
      return intent.kind;
  }
}

export function describeExpected(q: EvalQuestion): string {
  switch (q.kind) {
    case "policy":
      return `policy ${q.policy ?? "?"} ${q.field ?? "(card)"}`;
    case "compare":
      return `compare ${(q.policies ?? []).join("+")} ${q.field ?? "(key facts)"}`;
    case "country":
      return `country ${q.field ?? "?"}`;
    default:
      return q.kind;
  }
}

/**
 * The naive baseline: one Fuse index over all the dataset's text (each policy field with the
 * policy's names, each country field), the best hit wins, nothing found → none.
 */
export function createBaseline(countries: readonly Country[]): (text: string) => Intent {
  interface Doc {
    country: string;
    policy: string | null;
    field: string;
    text: string;
  }
  const docs: Doc[] = [];
  for (const country of countries) {
    for (const policy of country.policies) {
      const names = [policy.name, policy.short_name, ...policy.aliases].join(" ");
      for (const field of POLICY_FIELDS) {
        docs.push({
          country: country.id,
          policy: policy.id,
          field,
          text: `${names} ${field.replace(/_/g, " ")} ${JSON.stringify(policy[field])}`,
        });
      }
    }
    const play = country.state_of_play;
    const countryTexts: Record<string, string> = {
      maturity: JSON.stringify(country.maturity),
      policies: country.policies.map((p) => p.name).join(" "),
      approach: play.approach.items.join(" "),
      continuity: play.continuity.text,
      consistency: `${play.consistency.rating} ${play.consistency.text}`,
      sources: JSON.stringify(country.bibliography),
    };
    for (const [field, text] of Object.entries(countryTexts)) {
      docs.push({
        country: country.id,
        policy: null,
        field,
        text: `${country.name} ${field} ${text}`,
      });
    }
  }
  const fuse = new Fuse(docs, { keys: ["text"], ignoreLocation: true, threshold: 0.6 });
  return (text: string): Intent => {
    const hit = fuse.search(text, { limit: 1 })[0]?.item;
    if (!hit) return { kind: "none", text: "", suggestions: [] };
    const policyField = POLICY_FIELDS.find((f) => f === hit.field) ?? null;
    const countryField = COUNTRY_FIELDS.find((f) => f === hit.field);
    if (hit.policy !== null) {
      return { kind: "policy", country: hit.country, policy: hit.policy, field: policyField };
    }
    return { kind: "country", country: hit.country, field: countryField ?? "policies" };
  };
}

export interface CategoryScore {
  category: string;
  total: number;
  correct: number;
  baselineCorrect: number;
}

export interface EvalReport {
  total: number;
  correct: number;
  baselineCorrect: number;
  categories: CategoryScore[];
  misses: { question: EvalQuestion; got: string }[];
  /** Out-of-scope and ambiguous questions answered as if they were in scope. */
  confidentWrong: { question: EvalQuestion; got: string }[];
  baselineConfidentWrongOutOfScope: number;
}

export function runEval(
  questions: readonly EvalQuestion[],
  resolve: (text: string) => Intent,
  baseline: (text: string) => Intent,
): EvalReport {
  const categories = new Map<string, CategoryScore>();
  const misses: EvalReport["misses"] = [];
  const confidentWrong: EvalReport["confidentWrong"] = [];
  let correct = 0;
  let baselineCorrect = 0;
  let baselineConfidentWrongOutOfScope = 0;
  for (const question of questions) {
    const intent = resolve(question.q);
    const verdict = judge(question, intent);
    const base = judge(question, baseline(question.q));
    const score = categories.get(question.category) ?? {
      category: question.category,
      total: 0,
      correct: 0,
      baselineCorrect: 0,
    };
    score.total += 1;
    if (verdict.correct) {
      score.correct += 1;
      correct += 1;
    } else {
      misses.push({ question, got: describeIntent(intent) });
    }
    if (base.correct) {
      score.baselineCorrect += 1;
      baselineCorrect += 1;
    }
    if (verdict.confidentWrong && (question.kind === "none" || question.kind === "clarify")) {
      confidentWrong.push({ question, got: describeIntent(intent) });
    }
    if (base.confidentWrong && question.kind === "none") baselineConfidentWrongOutOfScope += 1;
    categories.set(question.category, score);
  }
  return {
    total: questions.length,
    correct,
    baselineCorrect,
    categories: [...categories.values()],
    misses,
    confidentWrong,
    baselineConfidentWrongOutOfScope,
  };
}
