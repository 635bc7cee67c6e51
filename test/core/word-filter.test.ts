// The word filters in front of the phrase tables' and question kinds' maps (ADR 86) may only ever save a lookup:
// every word given must pass, however many were added and in whatever order, and most others should not.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { WordFilter, wordBit } from "../../src/core/word-filter.js";

describe("a word filter", () => {
  it("passes every word it was given, through every growth", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ maxLength: 8 }), { maxLength: 5000 }), (words) => {
        const filter = new WordFilter();
        words.forEach((word, i) => {
          filter.add(word, i + 1, () => words.slice(0, i + 1));
        });
        for (const word of words) expect(filter.mayHave(word)).toBe(true);
      }),
      { numRuns: 40 },
    );
  });

  it("turns most other words away", () => {
    const words = Array.from({ length: 800 }, (_, i) => `word${i}`);
    const filter = new WordFilter();
    words.forEach((word, i) => {
      filter.add(word, i + 1, () => words);
    });
    const others = Array.from({ length: 4000 }, (_, i) => `other${i}x`);
    const passed = others.filter((w) => filter.mayHave(w)).length;
    expect(passed / others.length).toBeLessThan(0.1);
  });

  it("gives each word one bit of a trie node's marks, never the node's own flag", () => {
    fc.assert(
      fc.property(fc.string(), (word) => {
        const bit = wordBit(word);
        expect(bit).toBeGreaterThanOrEqual(2);
        expect(bit).toBeLessThanOrEqual(2 ** 29);
        expect(bit & (bit - 1)).toBe(0);
      }),
    );
  });
});
