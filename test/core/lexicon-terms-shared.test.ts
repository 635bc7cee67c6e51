// A message's own texts read as trusted phrases (its closing clause, its content words) are worked out once a
// message and their stems once a word (ADR 85): the answer must not depend on whether a reading came first, inside
// a message or outside it, and no caller may see another's array.
import { describe, expect, it } from "vitest";
import { Lexicon } from "../../src/core/lexicon.js";
import { normalizeText, stem, tokenize } from "../../src/core/normalize.js";
import { createBot } from "../support/bot.js";

const { intents, knowledge } = createBot().engine;
const vocabulary = knowledge.sections.map((s) => [s.title, s.answer, s.more, ...s.keywords].join(" "));
const fresh = () => new Lexicon(intents.lexicon, new Set(), new Set(), vocabulary);

const TEXTS = [
  "my calves cramp most nights, what should I be eating?",
  "Couldn't sleep again, legs locked up. any ideas",
  "charlie horses every night what do",
  "stretching stretched stretches",
];

describe("the terms of a message's texts", () => {
  it("are the same inside a message as a lexicon that has read nothing else gives", () => {
    const shared = fresh();
    for (const text of TEXTS) {
      const inside = shared.sharing(() => [shared.terms(text), shared.terms(text)]);
      expect(inside[0]).toEqual(fresh().terms(text));
      expect(inside[1]).toEqual(inside[0]);
    }
  });

  it("are a new array each time, so a caller that changes one changes no other reading", () => {
    const lexicon = fresh();
    const text = TEXTS[0] as string;
    lexicon.sharing(() => {
      const first = lexicon.terms(text);
      const expected = [...first];
      first.length = 0;
      expect(lexicon.terms(text)).toEqual(expected);
    });
    const stems = lexicon.stems(text);
    stems.push("changed");
    expect(lexicon.stems(text)).not.toContain("changed");
  });

  it("give every word's stem as the stemmer does, once cached as well", () => {
    const lexicon = fresh();
    const text = TEXTS[3] as string;
    const stemmer = tokenize(normalizeText(text)).map(stem);
    expect(lexicon.stems(text)).toEqual(stemmer);
    expect(lexicon.stems(text)).toEqual(stemmer);
  });

  it("and the analysis of the same text are a fresh lexicon's, whichever of them a message asks for first (ADR 86)", () => {
    for (const text of TEXTS) {
      const expected = {
        terms: fresh().terms(text),
        analysis: fresh().analyze(text),
        count: fresh().countStems(text),
      };
      const first = fresh();
      const termsFirst = first.sharing(() => ({
        terms: first.terms(text),
        count: first.countStems(text),
        analysis: first.analyze(text),
      }));
      const second = fresh();
      const analysisFirst = second.sharing(() => ({
        analysis: second.analyze(text),
        count: second.countStems(text),
        terms: second.terms(text),
      }));
      expect(termsFirst).toEqual(expected);
      expect(analysisFirst).toEqual(expected);
    }
  });
});
