import { defaultDataDir, loadDataset } from "../../src/dataset/load.ts";
import { createEngine } from "../../src/create-engine.ts";
import { createBaseline, describeExpected, loadQuestions, runEval } from "./evaluate.ts";

/** `npm run eval`: accuracy per category, engine beside the naive baseline, then every miss. */

const countries = loadDataset(defaultDataDir());
const engine = createEngine(countries);
const report = runEval(
  loadQuestions(),
  (q) => engine.resolveQuestion(q),
  createBaseline(countries),
);

const pct = (n: number, d: number): string => `${((100 * n) / Math.max(1, d)).toFixed(1)}%`;
const rows = report.categories.map((c) => [
  c.category,
  String(c.total),
  pct(c.correct, c.total),
  pct(c.baselineCorrect, c.total),
]);
rows.push([
  "overall",
  String(report.total),
  pct(report.correct, report.total),
  pct(report.baselineCorrect, report.total),
]);
const header = ["category", "questions", "engine", "baseline"];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
const line = (cells: string[]): string =>
  cells
    .map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
    .join("  ");
console.log(line(header));
for (const row of rows) console.log(line(row));
console.log(
  `\nConfident wrong answers to out-of-scope or ambiguous questions: engine ${report.confidentWrong.length}, baseline (out-of-scope only) ${report.baselineConfidentWrongOutOfScope}`,
);
if (report.misses.length > 0) {
  console.log(`\nMisses (${report.misses.length}):`);
  for (const miss of report.misses) {
    console.log(
      `  [${miss.question.category}] ${JSON.stringify(miss.question.q)}\n      expected ${describeExpected(miss.question)}, got ${miss.got}`,
    );
  }
}
