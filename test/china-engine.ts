import { defaultDataDir, loadDataset } from "../src/dataset/load.ts";
import { createEngine } from "../src/create-engine.ts";

/**
 * The engine over the shipped dataset, for tests that ask it questions. Vitest gives each
 * test file its own module graph, so each file still builds its own engine.
 */
export const chinaEngine = createEngine(loadDataset(defaultDataDir()));
