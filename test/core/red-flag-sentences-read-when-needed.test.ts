// A message's sentences are read for the red-flag check only when a reading needs them (ADR 86): whether a sign's
// sentence ends asking is known without reading them when the message has no question mark at all.
import { describe, expect, it, vi } from "vitest";
import { Lexicon } from "../../src/core/lexicon.js";
import { Sentences } from "../../src/core/red-flag-concepts.js";
import { createBot } from "../support/bot.js";

const lexicon = new Lexicon(createBot().engine.intents.lexicon);

function sentences(text: string): Sentences {
  return new Sentences(text, lexicon.analyze(text).stems.length, lexicon);
}

describe("a message's sentences in the red-flag check", () => {
  it("say which sign's sentence ends asking, and none in a message without a question mark", () => {
    const asking = sentences("My calf is hot. Is it swollen? No.");
    expect(asking.endsAsking(1)).toBe(false);
    expect(asking.endsAsking(5)).toBe(true);
    expect(asking.endsAsking(7)).toBe(false);
    const telling = sentences("My calf is hot. It is swollen. No pain.");
    for (let i = 0; i < 8; i++) expect(telling.endsAsking(i)).toBe(false);
  });

  it("are not read to say so when the message has no question mark", () => {
    const count = vi.spyOn(lexicon, "countStems");
    const telling = sentences("My calf is hot. It is swollen.");
    expect(telling.endsAsking(3)).toBe(false);
    expect(count).not.toHaveBeenCalled();
    expect(telling.together(0, 5)).toBe(false);
    expect(count).toHaveBeenCalled();
    count.mockRestore();
  });
});
