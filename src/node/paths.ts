/**
 * Role: where the package lives (outer ring), so data files (knowledge/, intents/, test/eval/) are found from src/
 * and dist/ alike.
 */
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The package root: two levels above this file (src/node or dist/node). */
export const PACKAGE_ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
