// A start from the engine data takes the lexicon's known words as the build recorded them (ADR 78) instead of
// reading its vocabulary texts: misspellings are corrected, and words known or not, exactly as when the texts are read.
import { describe, expect, it } from "vitest";
import { Lexicon, type PreparedTexts } from "../../src/core/lexicon.js";
import { TextLookups } from "../../src/core/text-lookups.js";
import { createBot } from "../support/bot.js";

const bot = createBot();
const { intents, knowledge } = bot.engine;
const vocabulary = knowledge.sections.map((s) => [s.title, s.answer, s.more, ...s.keywords].join(" "));

function lexicons(): { read: Lexicon; recorded: Lexicon; words: string[] } {
  const recording: PreparedTexts = {
    stems: TextLookups.recording(),
    terms: TextLookups.recording(),
    record: true,
  };
  const read = new Lexicon(intents.lexicon, new Set(), new Set(), vocabulary, recording);
  const known = recording.vocabulary;
  if (known === undefined) throw new Error("the known words were not recorded");
  const recorded = new Lexicon(intents.lexicon, new Set(), new Set(), [], {
    stems: new TextLookups(),
    terms: new TextLookups(),
    vocabulary: known,
  });
  return { read, recorded, words: known.words.split("\n") };
}

/** A private part of a lexicon (read for this comparison only), as plain arrays so that order counts too. */
function parts(lexicon: Lexicon): unknown[] {
  const field = (name: string) => (lexicon as unknown as Record<string, Iterable<unknown>>)[name] ?? [];
  return ["vocabulary", "surface", "byFirstLetter"].map((name) => [...field(name)]);
}

describe("a lexicon started from its recorded known words", () => {
  it("knows the same words and stems, with each first letter's words in the same order", () => {
    const { read, recorded, words } = lexicons();
    expect(words.length).toBeGreaterThan(1000);
    expect(parts(recorded)).toEqual(parts(read));
  });

  it("corrects a misspelling, and leaves a word it does not know, as the lexicon that read the texts does", () => {
    const { read, recorded, words } = lexicons();
    // Each known word with one letter changed, dropped or doubled: every correction path, on words of every letter.
    const typos = words
      .filter((w, i) => w.length >= 4 && i % 7 === 0)
      .flatMap((w) => [
        `${w.slice(0, 2)}x${w.slice(3)}`,
        w.slice(0, -1),
        `${w}${w.at(-1)}`,
        `q${w.slice(1)}`,
      ]);
    for (const text of ["my calff crampz at nite", "magnesum or potasium?", "is it my thyriod", ...typos])
      expect(recorded.analyze(text), text).toEqual(read.analyze(text));
  });
});
