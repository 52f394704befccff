import { readFileSync } from "node:fs";
import { loadDataset, defaultDataDir } from "/work/wt/gates9/src/dataset/load.ts";
import { buildCatalog } from "/work/wt/gates9/src/search/catalog.ts";
import { explainQuestion } from "/work/wt/gates9/src/search/resolve.ts";
import { evidenceTable } from "/work/wt/gates9/src/search/resolve/evidence.ts";
const ds = loadDataset(defaultDataDir());
const catalog = buildCatalog(ds);
const qs = readFileSync(0, "utf8").split("\n").filter(Boolean);
for (const q of qs) {
  const { intent, evidence } = explainQuestion(catalog, q);
  console.log("=== " + q);
  console.log(evidenceTable(evidence));
  console.log(JSON.stringify(intent).slice(0, 200));
}
