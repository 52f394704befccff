import path from "node:path";
import { DatasetError, defaultDataDir, loadDataset } from "./load.ts";

/** `npm run validate-data`: check DATA_DIR (default data/countries) and exit 1 on any problem. */
function main(): number {
  // This file is a CLI entry point, so it reads its one setting directly.
  const configured = process.env["DATA_DIR"];
  const dir = configured ? path.resolve(configured) : defaultDataDir();
  try {
    const countries = loadDataset(dir);
    const policies = countries.reduce((sum, c) => sum + c.policies.length, 0);
    const countryWord = countries.length === 1 ? "country" : "countries";
    const policyWord = policies === 1 ? "policy" : "policies";
    console.log(`OK: ${countries.length} ${countryWord}, ${policies} ${policyWord}`);
    return 0;
  } catch (error) {
    if (error instanceof DatasetError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
}

process.exitCode = main();
