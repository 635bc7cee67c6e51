// The ASCII fast paths of normalisation give what the Unicode steps give (ADR 10, 16): for any printable ASCII text
// with tabs and line breaks, normalizeText equals the Unicode path, and nonLatinShare is 0.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { nonLatinShare, normalizeText } from "../../src/core/normalize.js";

/** normalizeText's Unicode path, every step, for any text. */
function unicodePath(input: string): string {
  let text = input
    .normalize("NFKC")
    .replace(/\p{Cf}/gu, "")
    .replace(/[\p{Cc}\p{Cs}\p{Co}\p{Cn}]/gu, " ");
  text = text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
  text = text.replace(/[\u2018\u2019\u02bc\u0060\u00b4]/g, "'").replace(/[^\p{L}\p{N}'.]+/gu, " ");
  text = text.replace(/(?<!\d)\.|\.(?!\d)/g, " ");
  text = text.replace(/(^|\s)'+|'+(?=\s|$)/g, " ");
  text = text.replace(/(\p{L})\1{2,}/gu, "$1$1").replace(/(\d)([a-z]+)/g, "$1 $2");
  return text.replace(/\s+/g, " ").trim();
}

/** nonLatinShare's character loop. */
function nonLatinLoop(text: string): number {
  let letters = 0;
  let nonLatin = 0;
  for (const ch of text) {
    if (/\p{L}/u.test(ch)) {
      letters++;
      if (!/\p{Script=Latin}/u.test(ch)) nonLatin++;
    }
  }
  return letters === 0 ? 0 : nonLatin / letters;
}

// Repeated letters, digits, dots, apostrophes and backticks are what the steps treat specially.
const asciiChar = fc.oneof(
  fc.constantFrom("a", "A", "o", "O", "z", "1", "5", ".", "'", "`", " ", "\t", "\n", "\r", "-", "?", "mg"),
  fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
);
const asciiText = fc.array(asciiChar, { maxLength: 40 }).map((chars) => chars.join(""));

describe("normalisation of ASCII text", () => {
  it("gives what the Unicode steps give", () => {
    fc.assert(
      fc.property(asciiText, (text) => {
        expect(normalizeText(text)).toBe(unicodePath(text));
      }),
      { numRuns: 3000 },
    );
  }, 60_000);

  it("finds no non-Latin letters, as the character loop does", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), asciiText, (any, ascii) => {
        expect(nonLatinShare(ascii)).toBe(nonLatinLoop(ascii));
        expect(nonLatinShare(any)).toBe(nonLatinLoop(any));
      }),
      { numRuns: 1000 },
    );
  }, 60_000);
});
