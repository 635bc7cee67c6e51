// Names are looked for word by word only in a text with a capital and two small letters after a space (ADR 86): for
// any text the names found must be those of the word-by-word reading alone (kept here as the reference).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { properNames } from "../../src/core/lexicon.js";
import { normalizeText } from "../../src/core/normalize.js";

function wordByWord(text: string): Set<string> {
  const names = new Set<string>();
  if (!/\p{Lu}/u.test(text)) return names;
  for (const sentence of text.split(/[.!?\n]+/)) {
    const words = sentence.trim().split(/\s+/);
    for (let i = 1; i < words.length; i++) {
      const word = (words[i] ?? "").replace(/^[^\p{L}]+|[^\p{L}]+$/gu, "");
      if (/^\p{Lu}\p{Ll}{2,}$/u.test(word)) names.add(normalizeText(word));
    }
  }
  return names;
}

const part = fc.oneof(
  fc.constantFrom(
    " ",
    "\n",
    "\t",
    ".",
    "!",
    "?",
    "(",
    "'",
    "-",
    "I",
    "Hobart",
    "hobart",
    "HOBART",
    "Ab",
    "Éire",
    "ça",
  ),
  fc.constantFrom("Anne", "my", "calf", "Pilates", "x", "1", "’", "\u00a0"),
);
const text = fc.array(part, { maxLength: 14 }).map((parts) => parts.join(""));

describe("the names of a text", () => {
  it("are those a reading of it word by word finds, for any text", () => {
    fc.assert(
      fc.property(fc.oneof(text, fc.string({ maxLength: 30 })), (t) => {
        expect([...properNames(t)]).toEqual([...wordByWord(t)]);
      }),
      { numRuns: 4000 },
    );
  });
});
