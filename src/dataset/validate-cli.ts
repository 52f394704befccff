import path from "node:path";
import { ConfigError, loadConfig } from "../config.ts";
import { loadConversationVocabulary, VocabularyError } from "../conversation/vocabulary.ts";
import { catalogues, CatalogueError } from "../i18n/catalog.ts";
import { DatasetError, defaultDataDir, loadDataset } from "./load.ts";

/** `npm run validate-data`: check DATA_DIR (default data/countries) and exit 1 on any problem. */
async function main(): Promise<number> {
  try {
    const { dataDir } = await loadConfig("start");
    const dir = dataDir ? path.resolve(dataDir) : defaultDataDir();
    const countries = loadDataset(dir);
    loadConversationVocabulary();
    catalogues();
    const policies = countries.reduce((sum, c) => sum + c.policies.length, 0);
    const countryWord = countries.length === 1 ? "country" : "countries";
    const policyWord = policies === 1 ? "policy" : "policies";
    console.log(`OK: ${countries.length} ${countryWord}, ${policies} ${policyWord}`);
    return 0;
  } catch (error) {
    if (
      error instanceof DatasetError ||
      error instanceof ConfigError ||
      error instanceof VocabularyError ||
      error instanceof CatalogueError
    ) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
}

process.exitCode = await main();
