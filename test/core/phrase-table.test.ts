// The phrase table's trie finds exactly what looking up the joined keys finds (its former form, kept here as the
// reference): longest match, every match, all matches, the exact phrase and the count, with terms that hold a space
// ("side effect") on either side.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PhraseTable } from "../../src/core/lexicon.js";

/** The table as it was: phrases joined with spaces, their proper prefixes, their first words. */
class JoinedKeyTable<V> {
  private readonly entries = new Map<string, V>();
  private readonly firstWords = new Set<string>();
  private readonly prefixes = new Set<string>();
  private longest = 1;

  set(terms: readonly string[], value: V): void {
    const first = terms[0];
    if (first === undefined) return;
    this.entries.set(terms.join(" "), value);
    this.firstWords.add(first);
    for (let length = 1; length < terms.length; length++) this.prefixes.add(terms.slice(0, length).join(" "));
    this.longest = Math.max(this.longest, terms.length);
  }

  matchExact(terms: readonly string[]): V | undefined {
    return this.entries.get(terms.join(" "));
  }

  get size(): number {
    return this.entries.size;
  }

  matchAt(terms: readonly string[], start: number): { value: V; length: number } | undefined {
    let key = terms[start] ?? "";
    if (!this.firstWords.has(key)) return undefined;
    let found: { value: V; length: number } | undefined;
    const max = Math.min(this.longest, terms.length - start);
    for (let length = 1; length <= max; length++) {
      if (length > 1) key = `${key} ${terms[start + length - 1]}`;
      const value = this.entries.get(key);
      if (value !== undefined) found = { value, length };
      if (!this.prefixes.has(key)) break;
    }
    return found;
  }

  everyMatch(terms: readonly string[]): { value: V; start: number; length: number }[] {
    const found: { value: V; start: number; length: number }[] = [];
    for (let start = 0; start < terms.length; start++) {
      if (!this.firstWords.has(terms[start] ?? "")) continue;
      let key = "";
      const max = Math.min(this.longest, terms.length - start);
      for (let length = 1; length <= max; length++) {
        key = length === 1 ? (terms[start] ?? "") : `${key} ${terms[start + length - 1]}`;
        const value = this.entries.get(key);
        if (value !== undefined) found.push({ value, start, length });
        if (!this.prefixes.has(key)) break;
      }
    }
    return found;
  }

  findAll(terms: readonly string[]): { value: V; start: number; length: number }[] {
    const found: { value: V; start: number; length: number }[] = [];
    for (let i = 0; i < terms.length; ) {
      const hit = this.matchAt(terms, i);
      if (hit) {
        found.push({ ...hit, start: i });
        i += hit.length;
      } else i++;
    }
    return found;
  }
}

// Few words, so phrases overlap, share prefixes and meet terms that are two words in one ("side effect").
const term = fc.constantFrom(
  "side",
  "effect",
  "side effect",
  "leg",
  "cramp",
  "leg cramp",
  "a",
  "",
  "of",
  "night",
);
const phrase = fc.array(term, { minLength: 0, maxLength: 4 });
const message = fc.array(term, { minLength: 0, maxLength: 12 });

describe("PhraseTable", () => {
  it("finds what the joined keys find, for any phrases and any message", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(phrase, fc.integer({ min: 0, max: 3 })), { maxLength: 12 }),
        message,
        (phrases, terms) => {
          const table = new PhraseTable<number | false>();
          const reference = new JoinedKeyTable<number | false>();
          for (const [words, n] of phrases) {
            // `false` is a value too (ruled-out markers store one): it is found, not skipped.
            const value = n === 0 ? false : n;
            table.set(words, value);
            reference.set(words, value);
          }
          expect(table.everyMatch(terms)).toEqual(reference.everyMatch(terms));
          expect(table.findAll(terms)).toEqual(reference.findAll(terms));
          for (let start = 0; start <= terms.length; start++)
            expect(table.matchAt(terms, start)).toEqual(reference.matchAt(terms, start));
        },
      ),
      { numRuns: 500 },
    );
  }, 60_000);

  it("holds exactly the phrases a map of joined keys holds, and counts them alike", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(phrase, fc.constantFrom<number | false | null | undefined>(1, 2, false, null, undefined)),
          { maxLength: 12 },
        ),
        fc.array(phrase, { maxLength: 8 }),
        (phrases, asked) => {
          const table = new PhraseTable<number | false | null | undefined>();
          const reference = new JoinedKeyTable<number | false | null | undefined>();
          for (const [words, value] of phrases) {
            table.set(words, value);
            reference.set(words, value);
            expect(table.size).toBe(reference.size);
          }
          for (const words of [...asked, ...phrases.map(([words]) => words), []])
            expect(table.matchExact(words)).toBe(reference.matchExact(words));
        },
      ),
      { numRuns: 500 },
    );
  }, 60_000);

  it("finds every phrase of a table of many first words, whose filter of them has grown (ADR 86)", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ maxLength: 6 }), { minLength: 40, maxLength: 600 }),
        fc.array(fc.string({ maxLength: 6 }), { maxLength: 30 }),
        (words, others) => {
          const table = new PhraseTable<number>();
          const reference = new JoinedKeyTable<number>();
          words.forEach((word, i) => {
            const phrase = i % 3 === 0 ? [word, words[i + 1] ?? "x"] : [word];
            table.set(phrase, i);
            reference.set(phrase, i);
          });
          // Every first word set, in turn and beside words that start nothing, and the pairs set.
          const terms = [
            ...words.flatMap((w, i) => [w, others[i % Math.max(1, others.length)] ?? ""]),
            ...others,
          ];
          expect(table.everyMatch(terms)).toEqual(reference.everyMatch(terms));
          expect(table.findAll(terms)).toEqual(reference.findAll(terms));
          expect(table.findAll(words)).toEqual(reference.findAll(words));
          for (let start = 0; start < words.length; start++)
            expect(table.matchAt(words, start)).toEqual(reference.matchAt(words, start));
        },
      ),
      { numRuns: 60 },
    );
  }, 60_000);

  it("walks on from a word that many words lead on from, whatever marks those words share (ADR 86)", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ maxLength: 5 }), { minLength: 2, maxLength: 300 }),
        fc.array(fc.string({ maxLength: 5 }), { maxLength: 40 }),
        (seconds, probes) => {
          const table = new PhraseTable<number>();
          const reference = new JoinedKeyTable<number>();
          seconds.forEach((second, i) => {
            const phrase = i % 2 === 0 ? ["calf", second] : ["calf", second, seconds[0] ?? ""];
            table.set(phrase, i);
            reference.set(phrase, i);
          });
          const terms = [...seconds, ...probes].flatMap((w) => ["calf", w, seconds[0] ?? ""]);
          expect(table.everyMatch(terms)).toEqual(reference.everyMatch(terms));
          expect(table.findAll(terms)).toEqual(reference.findAll(terms));
          for (const w of [...seconds, ...probes]) {
            expect(table.matchAt(["calf", w], 0)).toEqual(reference.matchAt(["calf", w], 0));
            expect(table.matchExact(["calf", w])).toBe(reference.matchExact(["calf", w]));
          }
        },
      ),
      { numRuns: 60 },
    );
  }, 60_000);

  it("reads a term with a space as its words after the first, as a joined key does", () => {
    const table = new PhraseTable<string>();
    table.set(["leg", "side", "effect"], "a");
    table.set(["night cramp"], "b");
    expect(table.matchAt(["leg", "side effect"], 0)).toEqual({ value: "a", length: 2 });
    // The first term is looked up whole: "night" starts no phrase, "night cramp" does.
    expect(table.matchAt(["night", "cramp"], 0)).toBeUndefined();
    expect(table.matchAt(["night cramp"], 0)).toEqual({ value: "b", length: 1 });
  });
});
