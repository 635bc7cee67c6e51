// An ASCII text whose only clause with a letter or digit is one piece (cut at . ! ? , ;) normalises to that piece's
// words, contractions expanded alike (ADR 86): a reading of the clause may take the whole text's terms.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Lexicon } from "../../src/core/lexicon.js";
import { isAscii, normalizeText } from "../../src/core/normalize.js";
import { createBot } from "../support/bot.js";

const lexicon = new Lexicon(createBot().engine.intents.lexicon);

// Marks, apostrophes, backticks, dots, digits, doubled letters and contractions: what normalisation treats specially.
const part = fc.oneof(
  fc.constantFrom(
    ".",
    "!",
    "?",
    ",",
    ";",
    "'",
    "`",
    " ",
    "\t",
    "\n",
    "-",
    ":)",
    "...",
    "1",
    "5",
    "mg",
    "aaa",
    "lets",
    "dont",
  ),
  fc.constantFrom("what", "do", "I", "Cramp", "night", "ok"),
  fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
);
const text = fc.array(part, { maxLength: 16 }).map((parts) => parts.join(""));
const clausesOf = (t: string) => t.split(/[.!?,;]+/).filter((x) => /[\p{L}\p{N}]/u.test(x));

describe("an ASCII text of one clause", () => {
  it("normalises to its clause's words, and reads as the same terms", () => {
    fc.assert(
      fc.property(text, (t) => {
        const clauses = clausesOf(t);
        if (clauses.length !== 1 || !isAscii(t)) return;
        const clause = clauses[0] as string;
        expect(normalizeText(t)).toBe(normalizeText(clause));
        expect(lexicon.terms(t)).toEqual(lexicon.terms(clause));
      }),
      { numRuns: 3000 },
    );
  });

  it("is told from one with other characters, which normalisation may turn into words", () => {
    expect(isAscii("charlie horse every night what do?")).toBe(true);
    expect(isAscii("what do? ™")).toBe(false);
  });
});
