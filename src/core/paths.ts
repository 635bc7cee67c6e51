/** Where the package lives, so data files (knowledge/, intents/, test/eval/) are found from src/ and dist/ alike. */
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The package root: two levels above this file (src/core or dist/core). */
export const PACKAGE_ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
