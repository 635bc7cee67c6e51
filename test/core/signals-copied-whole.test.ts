// The reader copies a message's signals by one literal of every field when a reading changes some (ADR 86): whatever
// path a message takes (a story's ask, a topic next to the article, thanks told at length, topics ruled out, the same
// question for someone else), its signals have every field, and the fields a reading did not change are the whole
// message's.
import { describe, expect, it } from "vitest";
import { createBot } from "../support/bot.js";

const bot = createBot();
const fields = Object.keys(bot.engine.reader.read("magnesium")).sort();

const MESSAGES = [
  "My legs seize up most nights and the last one woke me twice. What foods would help with that?",
  "would a warm bath before bed help?",
  "Morning! My grandson set this up for me. Thank you so much for the tips yesterday, they really helped.",
  "I already stretch every night, so not that. What else is there?",
  "and for my mum? she's 82 and hers are worse than mine",
  "no chest pain, not out of breath, just the calf thing at night. why does it keep happening?",
  "can you check my habits? I drink about a litre, no nuts, lots of stress.",
];

describe("a message's signals", () => {
  it("have every field, whichever readings changed some of them", () => {
    for (const text of MESSAGES) {
      const signals = bot.engine.reader.read(text);
      expect(Object.keys(signals).sort(), text).toEqual(fields);
      expect(signals.text).toBe(text);
    }
  });
});
