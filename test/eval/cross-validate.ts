import { defaultDataDir, loadDataset } from "../../src/dataset/load.ts";
import { createEngine } from "../../src/create-engine.ts";
import { buildCatalog } from "../../src/search/catalog.ts";
import { mandarinFromCantonese } from "../../src/search/cantonese.ts";
import { tokenize } from "../../src/model/normalize.ts";
import {
  buildFieldClassifier,
  maskNames,
  type FieldGuess,
} from "../../src/search/resolve/field-similarity.ts";
import { DECISION } from "../../src/search/resolve/decide.ts";
import { FIELD_EXAMPLES, type FieldExamples } from "../../src/search/vocabulary.ts";
import { judge, loadQuestions, type EvalQuestion } from "./evaluate.ts";
import { exampleFromQuestion } from "./field-examples-seed.ts";

/**
 * `npm run eval -- --cv`: how well the similarity evidence does on phrasings it has not seen.
 * The questions are cut into FOLDS contiguous blocks (the file grows by rounds of fresh
 * questions, so a block is close to a round nobody tuned on); while a block is asked, the
 * examples derived from its questions are left out of field-examples.json. Reported: the
 * classifier alone (its field against the question's), the engine with it and without it.
 */
const FOLDS = 5;

export function runCrossValidation(): void {
  const countries = loadDataset(defaultDataDir());
  const catalog = buildCatalog(countries);
  const questions = loadQuestions();
  const foldOf = (k: number): number => Math.floor((k * FOLDS) / questions.length);
  const examplesWithout = (fold: number): Partial<FieldExamples> => {
    const left = new Set(
      questions
        .filter((_, k) => foldOf(k) === fold)
        .flatMap((q) => {
          const example = exampleFromQuestion(catalog, q);
          return example === null ? [] : [example.text];
        }),
    );
    return Object.fromEntries(
      Object.entries(FIELD_EXAMPLES).map(([label, list]) => [
        label,
        list.filter((text) => !left.has(text)),
      ]),
    );
  };

  let labelled = 0;
  let right = 0;
  let clear = 0;
  let clearRight = 0;
  const engineWith = { right: 0, confidentOnDecline: 0 };
  const without = createEngine(countries, { fieldExamples: {} });
  const engineWithout = { right: 0, confidentOnDecline: 0 };
  const tally = (
    score: typeof engineWith,
    q: EvalQuestion,
    intent: Parameters<typeof judge>[1],
  ) => {
    const verdict = judge(q, intent);
    if (verdict.correct) score.right += 1;
    if (verdict.confidentWrong && (q.kind === "none" || q.kind === "clarify")) {
      score.confidentOnDecline += 1;
    }
  };
  for (let fold = 0; fold < FOLDS; fold++) {
    const examples = examplesWithout(fold);
    const classifier = buildFieldClassifier(examples);
    const engine = createEngine(countries, { fieldExamples: examples });
    questions.forEach((q, k) => {
      if (foldOf(k) !== fold) return;
      const expected = exampleFromQuestion(catalog, q);
      if (expected !== null) {
        labelled += 1;
        const words = maskNames(catalog, tokenize(mandarinFromCantonese(q.q)));
        const guess = classifier.classify(words.map((w) => w.stem));
        if (guess?.label === expected.label) right += 1;
        if (guess !== null && isClear(guess)) {
          clear += 1;
          if (guess.label === expected.label) clearRight += 1;
        }
      }
      tally(engineWith, q, engine.resolveQuestion(q.q));
      tally(engineWithout, q, without.resolveQuestion(q.q));
    });
  }
  const pct = (n: number, d: number): string => `${((100 * n) / Math.max(1, d)).toFixed(1)}%`;
  console.log(`Cross-validation, ${FOLDS} contiguous folds of ${questions.length} questions`);
  console.log(
    `  classifier alone, field of ${labelled} labelled questions: ${pct(right, labelled)} right; clear-margin guesses ${pct(clear, labelled)} of them, ${pct(clearRight, clear)} right`,
  );
  console.log(
    `  engine with the classifier:    ${pct(engineWith.right, questions.length)} right, ${engineWith.confidentOnDecline} confident answers where a refusal or a question back was right`,
  );
  console.log(
    `  engine without the classifier: ${pct(engineWithout.right, questions.length)} right, ${engineWithout.confidentOnDecline} confident answers where a refusal or a question back was right`,
  );
}

const isClear = (guess: FieldGuess): boolean =>
  guess.share >= DECISION.SIMILAR_SHARE &&
  guess.share - guess.runnerUpShare >= DECISION.SIMILAR_LEAD &&
  guess.nearest >= DECISION.SIMILAR_NEAREST;
