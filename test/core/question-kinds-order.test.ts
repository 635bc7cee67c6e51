// Question kinds try only the patterns whose first word the message has, in the file's order: the kind found is the
// one trying every pattern in order finds (the reference here), ties between equal matches included.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { QuestionKinds } from "../../src/core/question-kinds.js";
import type { KindsData } from "../../src/core/schemas/kinds.js";
import { createBot } from "../support/bot.js";

const { engine } = createBot();
const lexicon = engine.reader.lexicon;
const GAP = 4;

/** Every pattern in order, the longest match winning, the earliest of equal ones, the first pattern of those. */
function reference(data: KindsData, terms: readonly string[]): { kind: string; start: number } | null {
  const indexOf = (part: readonly string[], from: number) => {
    outer: for (let i = from; i + part.length <= terms.length; i++) {
      for (let j = 0; j < part.length; j++) if (terms[i + j] !== part[j]) continue outer;
      return i;
    }
    return -1;
  };
  let best: { kind: string; start: number; length: number } | null = null;
  for (const [name, raw] of Object.entries(data.kinds)) {
    for (const phrase of raw.phrases) {
      const parts = phrase.split("...").map((p) => lexicon.terms(p.trim()));
      const [first, ...rest] = parts;
      if (!first || parts.some((p) => p.length === 0)) continue;
      let hit: { start: number; length: number } | null = null;
      for (let start = indexOf(first, 0); start >= 0 && hit === null; start = indexOf(first, start + 1)) {
        let at = start + first.length;
        let words = first.length;
        let ok = true;
        for (const part of rest) {
          const next = indexOf(part, at);
          if (next < 0 || next - at > GAP) {
            ok = false;
            break;
          }
          at = next + part.length;
          words += part.length;
        }
        if (ok) hit = { start, length: words };
      }
      if (!hit) continue;
      if (parts.length > 1) hit.length = Math.max(1, hit.length - parts.length + 1);
      if (!best || hit.length > best.length || (hit.length === best.length && hit.start < best.start))
        best = { kind: name, ...hit };
    }
  }
  return best && { kind: best.kind, start: best.start };
}

const word = fc.constantFrom(
  "why",
  "do",
  "my",
  "legs",
  "cramp",
  "how",
  "much",
  "should",
  "i",
  "take",
  "what",
);
const phrase = fc
  .array(fc.oneof(word, fc.constant("...")), { minLength: 1, maxLength: 4 })
  .map((words) => words.join(" "));

describe("question kinds", () => {
  it("find the kind that trying every pattern in order finds", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(phrase, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 4 }),
        fc.array(word, { maxLength: 14 }),
        (phraseLists, words) => {
          const data: KindsData = {
            kinds: Object.fromEntries(phraseLists.map((phrases, i) => [`k${i}`, { phrases, examples: [] }])),
            ruled_out: { markers: [], negations: [], back: [] },
          } as unknown as KindsData;
          const terms = lexicon.terms(words.join(" "));
          const found = new QuestionKinds(data, lexicon).match(terms);
          expect(found && { kind: found.kind.name, start: found.start }).toEqual(reference(data, terms));
        },
      ),
      { numRuns: 400 },
    );
  }, 60_000);
});
