import { readFileSync, writeFileSync } from "node:fs";
import { z } from "zod";
import { defaultDataDir, loadDataset } from "../src/dataset/load.ts";
import { defaultVocabularyDir } from "../src/dataset/vocabulary.ts";
import { buildCatalog } from "../src/search/catalog.ts";
import { loadQuestions } from "../test/eval/evaluate.ts";
import { exampleFromQuestion } from "../test/eval/field-examples-seed.ts";

/**
 * `node --import tsx scripts/seed-field-examples.ts`: adds each labelled eval question, names
 * masked, to data/vocabulary/field-examples.json (examples already there are kept, so examples
 * written by hand stay). `npm run eval -- --cv` leaves a fold's own examples out again.
 */
const file = `${defaultVocabularyDir()}/field-examples.json`;
const current = z
  .record(z.string(), z.array(z.string()))
  .parse(JSON.parse(readFileSync(file, "utf8")));
const catalog = buildCatalog(loadDataset(defaultDataDir()));
let added = 0;
for (const question of loadQuestions()) {
  const example = exampleFromQuestion(catalog, question);
  if (example === null) continue;
  const list = current[example.label] ?? [];
  if (!list.includes(example.text)) {
    list.push(example.text);
    added += 1;
  }
  current[example.label] = list;
}
writeFileSync(file, `${JSON.stringify(current, null, 2)}\n`);
console.log(`added ${added} examples to ${file}`);
