import { defaultDataDir, loadDataset } from "../../src/dataset/load.ts";
import { createEngine } from "../../src/create-engine.ts";
import { createBaseline, describeExpected, loadQuestions, runEval } from "./evaluate.ts";
import { loadConversations, runConversationEval } from "./conversations.ts";

/**
 * `npm run eval`: single questions (accuracy per category, engine beside the naive baseline),
 * then conversations (last turns, every judged turn), each followed by its misses. With `--cv`,
 * the cross-validation of the similarity evidence instead (cross-validate.ts).
 */

if (process.argv.includes("--cv")) {
  const { runCrossValidation } = await import("./cross-validate.ts");
  runCrossValidation();
  process.exit(0);
}

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
console.log("Single questions");
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

const conversations = await runConversationEval(engine, loadConversations());
const convRows = conversations.categories.map((c) => [
  c.category,
  String(c.total),
  pct(c.lastCorrect, c.total),
]);
convRows.push([
  "overall",
  String(conversations.total),
  pct(conversations.lastCorrect, conversations.total),
]);
const convHeader = ["category", "conversations", "last turn"];
const convWidths = convHeader.map((h, i) =>
  Math.max(h.length, ...convRows.map((r) => (r[i] ?? "").length)),
);
console.log("\nConversations");
for (const row of [convHeader, ...convRows]) {
  console.log(
    row
      .map((cell, i) =>
        i === 0 ? cell.padEnd(convWidths[i] ?? 0) : cell.padStart(convWidths[i] ?? 0),
      )
      .join("  "),
  );
}
console.log(
  `\nLast turns right: ${conversations.lastCorrect} of ${conversations.total} (${pct(conversations.lastCorrect, conversations.total)}); every judged turn: ${conversations.turnsCorrect} of ${conversations.judgedTurns} (${pct(conversations.turnsCorrect, conversations.judgedTurns)})`,
);
console.log(
  `Confident answers where a refusal or a question back was right: ${conversations.confidentWrong.length}`,
);
if (conversations.misses.length > 0) {
  console.log(`\nConversation misses (${conversations.misses.length}):`);
  for (const miss of conversations.misses) {
    console.log(`  [${miss.conversation.category}]`);
    for (const turn of miss.turns) {
      const mark = turn.correct === false ? "✗" : " ";
      const expected = turn.expected ? `, expected ${turn.expected}` : "";
      console.log(`    ${mark} ${JSON.stringify(turn.q)} → ${turn.got}${expected}`);
    }
  }
}
