import { loadDefaultCatalog } from "./src/engine.ts";
