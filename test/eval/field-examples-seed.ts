import type { Catalog } from "../../src/search/catalog.ts";
import { tokenize } from "../../src/model/normalize.ts";
import { mandarinFromCantonese } from "../../src/search/cantonese.ts";
import { maskedText, maskNames } from "../../src/search/resolve/field-similarity.ts";
import type { ExampleLabel } from "../../src/search/vocabulary.ts";
import type { EvalQuestion } from "./evaluate.ts";

/**
 * An eval question as a field example: its label (the field asked, or the card) and its words
 * with the names masked. The seeding script writes these into data/vocabulary/field-examples.json,
 * and cross-validation recomputes them to leave a fold's own examples out.
 */
export function exampleFromQuestion(
  catalog: Catalog,
  question: EvalQuestion,
): { label: ExampleLabel; text: string } | null {
  const label = labelOf(question);
  if (label === null) return null;
  const words = tokenize(mandarinFromCantonese(question.q));
  const text = maskedText(maskNames(catalog, words)).trim();
  return text === "" ? null : { label, text };
}

function labelOf(q: EvalQuestion): ExampleLabel | null {
  if (q.kind === "policy") return q.field ?? "card";
  if (q.kind === "country") return q.field ?? null;
  // Policies side by side with no field asked: their key facts, the overview.
  if (q.kind === "compare") return q.field ?? "card";
  return null;
}
