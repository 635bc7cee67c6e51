// Question kinds asked at a time of day and run-on asks opened by a two-word why (ADR 69): "anything I could do in the
// evenings?" is what to do, asked so that it keeps the topic a story tells; "...my calves lock up at night why does that
// keep happening" is read from its "why does".
import { describe, expect, it } from "vitest";
import { createBot } from "../support/bot.js";

const { engine } = createBot();
const { kinds, lexicon } = engine.reader;

describe("a kind asked at a time of day", () => {
  const terms = lexicon.terms("is there anything I could do in the evenings");
  const kind = kinds.kindOf(terms);

  it("is still what to do, but keeps the topic the story told", () => {
    expect(kind?.name).toBe("remedy");
    if (kind === null) return;
    const timed = kinds.timed(kind, terms);
    expect(timed.keepsTopic).toBe(true);
    expect(timed.section).toBe(kind.section);
    expect(kinds.untimed(timed)).toBe(kind);
  });

  it("is the kind itself with no time of day asked", () => {
    if (kind === null) throw new Error("no kind");
    expect(kinds.timed(kind, lexicon.terms("is there anything I could do"))).toBe(kind);
    expect(kinds.untimed(kind)).toBe(kind);
  });

  it("keeps only a topic the story names by its own words", () => {
    const told = engine.reader.read(
      "My dad is 84 and on loads of tablets for his heart, the GP says they're fine. He gets cramp in the night in his calves. Is there a simple thing he could do before bed to cut them down?",
    );
    expect(told.kind?.keepsTopic).toBe(false);
    const worry = engine.reader.read(
      "Since my wife died I lie awake going over things and now I cramp most nights. Anything I could do in the evenings?",
    );
    expect(worry.kind?.keepsTopic).toBe(true);
  });
});

describe("a run-on ask", () => {
  it("starts at a two-word why, however short", () => {
    const terms = lexicon.terms(
      "i drive a van all day and barely drink and then at night my calves lock up solid why does that keep happening",
    );
    expect(kinds.lastStart(terms, 2)).toBe(terms.indexOf("why"));
  });
});
