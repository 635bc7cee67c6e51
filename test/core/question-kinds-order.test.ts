// Question kinds try only the patterns whose first part the message has (a trie of the first parts, walked from each
// term), in the file's order: the kind found is the one trying every pattern in order finds (the reference here), ties
// between equal matches included, and so are the sections asked beside it (sectionsAsked).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { QuestionKinds } from "../../src/core/question-kinds.js";
import type { KindsData } from "../../src/core/schemas/kinds.js";
import { createBot } from "../support/bot.js";

const { engine } = createBot();
const lexicon = engine.reader.lexicon;
const GAP = 4;

/** Where the parts first occur in order, each within GAP words of the last: the start and the terms covered. */
function firstHit(parts: string[][], terms: readonly string[]): { start: number; length: number } | null {
  const indexOf = (part: readonly string[], from: number) => {
    outer: for (let i = from; i + part.length <= terms.length; i++) {
      for (let j = 0; j < part.length; j++) if (terms[i + j] !== part[j]) continue outer;
      return i;
    }
    return -1;
  };
  const [first, ...rest] = parts;
  if (!first) return null;
  for (let start = indexOf(first, 0); start >= 0; start = indexOf(first, start + 1)) {
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
    if (ok) return { start, length: words };
  }
  return null;
}

/** Every kind's patterns, in the file's order. */
function patternsOf(data: KindsData): { kind: string; parts: string[][] }[] {
  const out: { kind: string; parts: string[][] }[] = [];
  for (const [name, raw] of Object.entries(data.kinds))
    for (const phrase of raw.phrases) {
      const parts = phrase.split("...").map((p) => lexicon.terms(p.trim()));
      if (parts.length > 0 && !parts.some((p) => p.length === 0)) out.push({ kind: name, parts });
    }
  return out;
}

/** Every pattern in order, the longest match winning, the earliest of equal ones, the first pattern of those. */
function reference(data: KindsData, terms: readonly string[]): { kind: string; start: number } | null {
  let best: { kind: string; start: number; length: number } | null = null;
  for (const { kind: name, parts } of patternsOf(data)) {
    {
      const hit = firstHit(parts, terms);
      if (!hit) continue;
      if (parts.length > 1) hit.length = Math.max(1, hit.length - parts.length + 1);
      if (!best || hit.length > best.length || (hit.length === best.length && hit.start < best.start))
        best = { kind: name, ...hit };
    }
  }
  return best && { kind: best.kind, start: best.start };
}

/**
 * sectionsAsked as trying every pattern in order gives it: each section's longest match (the first pattern of equal
 * ones), in the order the sections were first found; those of one word beside a longer winner, not joined by "and".
 */
function sectionsReference(
  data: KindsData,
  terms: readonly string[],
  won: { start: number; length: number },
): string[] {
  const best = new Map<string, { start: number; length: number }>();
  for (const { kind, parts } of patternsOf(data)) {
    const section = data.kinds[kind]?.section;
    if (section === undefined) continue;
    const hit = firstHit(parts, terms);
    if (hit && hit.length > (best.get(section)?.length ?? 0)) best.set(section, hit);
  }
  const end = won.start + won.length;
  const joined = (at: number) =>
    (at < won.start ? terms.slice(at, won.start) : terms.slice(end, at)).includes("and");
  return [...best]
    .filter(([, hit]) => hit.length === 1 && won.length > 1 && !joined(hit.start))
    .map(([section]) => section);
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
  "and",
);
const phrase = fc
  .array(fc.oneof(word, fc.constant("...")), { minLength: 1, maxLength: 4 })
  .map((words) => words.join(" "));

// Mostly one or two words, so that a longer winner and one-word sections beside it are common.
const shortPhrase = fc.oneof(
  fc.constantFrom("why", "do", "my", "cramp", "take", "what"),
  fc
    .tuple(fc.constantFrom("why", "do", "what"), fc.constantFrom("do", "my", "cramp"))
    .map((w) => w.join(" ")),
  phrase,
);

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

  it("find the sections asked beside the kind that trying every pattern in order finds", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(shortPhrase, { minLength: 1, maxLength: 4 }), { minLength: 2, maxLength: 6 }),
        fc.array(fc.constantFrom("s0", "s1", "s2"), { minLength: 6, maxLength: 6 }),
        fc.array(fc.oneof(word, fc.constantFrom("why", "do", "my", "cramp")), {
          minLength: 2,
          maxLength: 12,
        }),
        (phraseLists, sections, words) => {
          const data: KindsData = {
            kinds: Object.fromEntries(
              phraseLists.map((phrases, i) => [`k${i}`, { phrases, examples: [], section: sections[i] }]),
            ),
            ruled_out: { markers: [], negations: [], back: [] },
          } as unknown as KindsData;
          const terms = lexicon.terms(words.join(" "));
          const kinds = new QuestionKinds(data, lexicon);
          const won = kinds.match(terms);
          if (won === null) return;
          expect(kinds.sectionsAsked(terms, won)).toEqual(sectionsReference(data, terms, won));
        },
      ),
      { numRuns: 400 },
    );
  }, 60_000);
});
