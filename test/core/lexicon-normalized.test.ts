// A start from the engine data takes the lexicon's own words past ASCII normalised as the build recorded them (ADR 87):
// it never loads Unicode normalisation for them, and reads other languages' words exactly as when it normalises them.
import { afterEach, describe, expect, it, vi } from "vitest";
import { Lexicon, type PreparedTexts } from "../../src/core/lexicon.js";
import { TextLookups } from "../../src/core/text-lookups.js";
import { createBot } from "../support/bot.js";

const { intents } = createBot().engine;

afterEach(() => {
  vi.restoreAllMocks();
});

/** A lexicon that recorded its words' normal forms (and its texts' stems), and what it recorded. */
function recording(): { lexicon: Lexicon; prepared: PreparedTexts; normalized: Map<string, string> } {
  const prepared: PreparedTexts = {
    stems: TextLookups.recording(),
    terms: TextLookups.recording(),
    record: true,
  };
  const lexicon = new Lexicon(intents.lexicon, new Set(), new Set(), [], prepared);
  if (prepared.normalized === undefined) throw new Error("no word was recorded");
  return { lexicon, prepared, normalized: prepared.normalized };
}

describe("a lexicon started from its recorded normal forms", () => {
  it("records each of its words past ASCII, and no other", () => {
    const { normalized } = recording();
    const past = intents.lexicon.foreign.filter((w) => /[\u0080-\uffff]/.test(w));
    expect(past.length).toBeGreaterThan(5);
    expect([...normalized.keys()].sort()).toEqual([...new Set(past)].sort());
  });

  it("never normalises through Unicode while it is built, and reads other languages as the one that did", () => {
    const { lexicon: normalising, prepared } = recording();
    const normalize = vi.spyOn(String.prototype, "normalize");
    const recorded = new Lexicon(intents.lexicon, new Set(), new Set(), [], { ...prepared, record: false });
    expect(normalize).not.toHaveBeenCalled();
    normalize.mockRestore();
    for (const text of [
      "¿qué hago con los calambres?",
      "Wadenkrämpfe nachts, was tun",
      "não consigo dormir",
      "hi",
    ])
      expect(recorded.analyze(text), text).toEqual(normalising.analyze(text));
  });
});
