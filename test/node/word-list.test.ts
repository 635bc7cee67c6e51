// The engine data's word list (src/node/word-list.ts): it answers exactly as the Set of its lines, before and after
// the set is built, whatever the words (empty lines, words that are parts of others, newlines in a looked-up word).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { firstWords, SCAN_LOOKUPS, WordList } from "../../src/node/word-list.js";

const word = fc.string({ unit: fc.constantFrom("a", "b", "c", "\n", "'"), maxLength: 4 });

describe("a word list", () => {
  it("has exactly the words of its lines, as a Set of them does, before and after the set is built", () => {
    fc.assert(
      fc.property(
        fc.array(word, { maxLength: 12 }),
        fc.array(word, { maxLength: 3 * SCAN_LOOKUPS }),
        (lines, asked) => {
          const text = lines.join("\n");
          const list = new WordList(text);
          const set = new Set(text.split("\n"));
          for (const w of asked) expect(list.has(w)).toBe(set.has(w));
          expect(list.size).toBe(set.size);
          expect([...list]).toEqual([...set]);
        },
      ),
    );
  });

  it("finds a word only whole, at the start, the end or inside", () => {
    const list = new WordList("calf\ncalves\nhalf");
    expect(["calf", "calves", "half"].map((w) => list.has(w))).toEqual([true, true, true]);
    expect(["cal", "alf", "alves", "calf\ncalves", "", "lf\nca"].map((w) => list.has(w))).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it("cuts the first lines as slicing the split lines does", () => {
    fc.assert(
      fc.property(fc.array(word, { maxLength: 12 }), fc.nat(14), (lines, count) => {
        const text = lines.join("\n");
        expect([...firstWords(text, count)]).toEqual([...new Set(text.split("\n").slice(0, count))]);
      }),
    );
  });
});
