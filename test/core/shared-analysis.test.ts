/**
 * The engine's fourth hot-path pass (ADR 26) reuses work within one message: the lexicon gives one analysis per
 * distinct text while the reader reads a message, the red-flag check gathers each rule's mentions once for the message
 * alone and after earlier turns (and reuses the duration reading when the earlier turns add nothing), and question
 * kinds keep their last match. Each must give exactly what the work done afresh gives, and keep nothing past the
 * message.
 */
import { describe, expect, it } from "vitest";
import { loadConversations, loadQuestions } from "../../src/cli/eval.js";
import { RedFlags } from "../../src/core/redflags.js";
import { createBot } from "../support/bot.js";

const bot = createBot();
const { lexicon } = bot.engine.reader;
const { kinds } = bot.engine.reader;

// The eval sets' texts: stories, red flags said every way, short follow-ups.
const texts = [
  ...loadQuestions("test/eval/questions.jsonl").map((q) => q.text),
  ...loadQuestions("test/eval/redflags-dev4.jsonl").map((q) => q.text),
  ...loadConversations("test/eval/redflags-dev4-conversations.json").flatMap((c) =>
    c.turns.map((t) => t.text),
  ),
  "my calf has been cramping since 3am and it's now half 4 and still going",
  "it went from 6:05 to about 6:25, still sore",
  // Red flags only after earlier turns about cramps (test/core/redflag-in-conversation.test.ts).
  "I've been on the toilet with a bug since Friday",
  "it's been going for a quarter of an hour now",
  "this one has been stuck for about twenty minutes",
  "it's held on for 25 min so far",
];

describe("one analysis per text while a message is read", () => {
  const story =
    "I've had cramps for weeks. I tried bananas, and I already stretch. What else could it be? My calf is sore.";

  it("gives the same object for the same text within one reading, equal to the analysis done afresh", () => {
    const [first, again, other] = lexicon.sharing(() => [
      lexicon.analyze(story),
      lexicon.analyze(story),
      lexicon.analyze("What else could it be?"),
    ]);
    expect(again).toBe(first);
    expect(other).not.toBe(first);
    expect(first).toEqual(lexicon.analyze(story));
    expect(other).toEqual(lexicon.analyze("What else could it be?"));
  });

  it("keeps nothing once the reading is over, and a nested reading shares the outer one", () => {
    const inside = lexicon.sharing(() => {
      const outer = lexicon.analyze(story);
      const nested = lexicon.sharing(() => lexicon.analyze(story));
      expect(nested).toBe(outer);
      return outer;
    });
    // Outside a reading every analysis is new: nothing was kept.
    expect(lexicon.analyze(story)).not.toBe(inside);
    expect(lexicon.sharing(() => lexicon.analyze(story))).not.toBe(inside);
  });

  it("gives up its analyses even when the reading throws", () => {
    let kept: unknown;
    expect(() =>
      lexicon.sharing(() => {
        kept = lexicon.analyze(story);
        throw new Error("boom");
      }),
    ).toThrow("boom");
    expect(lexicon.analyze(story)).not.toBe(kept);
    expect(lexicon.analyze(story)).toEqual(kept);
  });

  it("reads every eval text as before: the signals of a shared reading equal those of each text read twice", () => {
    for (const text of texts) {
      const once = bot.engine.reader.read(text);
      expect(bot.engine.reader.read(text), text).toEqual(once);
    }
  });
});

describe("the red-flag check reuses its mentions and its duration reading", () => {
  const redFlags = new RedFlags(bot.engine.intents.urgent, lexicon);

  /** What check() reports, worked out the long way: each reading on its own (firing() shares nothing). */
  function expected(text: string): { urgent: string | null; inConversation: string | null } {
    const first = (names: string[]) =>
      names.find((n) => n !== "long-duration") ??
      (names.includes("long-duration") ? "cramp-that-will-not-ease" : null);
    const analysis = lexicon.analyze(text);
    const urgent = first(redFlags.firing(analysis, false));
    return { urgent, inConversation: urgent === null ? first(redFlags.firing(analysis, true)) : null };
  }

  it("gives for every eval text what the two readings give apart", () => {
    let urgent = 0;
    let inConversation = 0;
    for (const text of texts) {
      const { urgent: u, inConversation: c } = redFlags.check(lexicon.analyze(text));
      expect({ urgent: u, inConversation: c }, text).toEqual(expected(text));
      if (u !== null) urgent++;
      if (c !== null) inConversation++;
    }
    // The texts exercise both readings (so the comparison can fail).
    expect(urgent).toBeGreaterThan(10);
    expect(inConversation).toBeGreaterThan(0);
  });
});

describe("question kinds keep their last match", () => {
  it("answers the same terms again with an equal match of its own", () => {
    const terms = lexicon.analyze("how much magnesium should I take a day?").terms;
    const first = kinds.match(terms);
    expect(first).not.toBeNull();
    const copy = { ...first };
    if (first !== null) first.start = 99;
    // The caller's change does not reach the kept answer.
    expect(kinds.match(terms)).toEqual(copy);
    // Other terms, then an equal array that is not the same one: worked out again, the same answer.
    expect(kinds.match(lexicon.analyze("why do I get cramps").terms)?.kind.name).not.toBe(copy.kind?.name);
    expect(kinds.match([...terms])).toEqual(copy);
  });
});
