// A child or a pregnancy said as people say it ("my girlfriend is expecting", "my 5yo", "she have 6 years", a
// grandchild's age), and what to give the child asked in a sentence of its own, get the honest scope reply with its
// pointer; the writer's own cramps told beside a child or a pregnancy are answered. A forecast asked for is not the
// sunlight section; magnesium sprayed, soaked or rubbed on is topical magnesium. Written for this file, not taken from
// the eval sets.
import { describe, expect, it } from "vitest";
import { createBot, describeReply } from "../support/bot.js";
import { asLabelled } from "../support/labelled.js";

const bot = createBot();
const ask = (text: string) => bot.chat().say(text);

const NOT_COVERED: string[] = [
  "My girlfriend is expecting and her calves cramp every night, what can she have for it?",
  "my 5yo wakes up crying with sore calves, what helps",
  "she have 6 years and cry in the night for her legs, what I can do",
  "My grandson is 7 and keeps waking with leg cramps. Can we give him magnesium?",
  "My daughter is nine and gets cramps after netball. Should I give her vitamin D?",
  "what's the weather doing this weekend",
];

const ANSWERED: [string, string][] = [
  ["My son is 9 and I'm shattered. What can I do about my cramps?", "prevention"],
  [
    "My wife is expecting our second, but my own calves cramp most nights. How much magnesium should I take?",
    "magnesium.supplements",
  ],
];

describe("a child or a pregnancy in everyday words is not covered", () => {
  for (const text of NOT_COVERED) {
    it(`"${text}"`, async () => {
      const reply = await ask(text);
      expect(reply.intent, describeReply(reply)).toBe("fallback");
    });
  }
});

describe("the writer's own cramps told beside a child or a pregnancy are answered", () => {
  for (const [text, section] of ANSWERED) {
    it(`"${text}" -> ${section}`, async () => {
      const reply = await ask(text);
      expect(asLabelled(reply, "answer", section), describeReply(reply)).toBe(true);
    });
  }
});

describe("magnesium put on the skin, in the words people use, is not covered", () => {
  for (const text of [
    "been spraying magnesium on my calves at night, is that doing anything?",
    "would a magnesium foot soak before bed stop the cramps",
    "can magnesium really be absorbed through the skin?",
  ]) {
    it(`"${text}"`, async () => {
      const reply = await ask(text);
      expect(reply.intent, describeReply(reply)).toBe("fallback");
    });
  }
});

describe("cramps outside the legs said with 'the' or in non-native English are not covered", () => {
  for (const text of [
    "I get a cramp in the stomach every evening, why?",
    "my hands make cramp when I knit, what is reason",
  ]) {
    it(`"${text}"`, async () => {
      const reply = await ask(text);
      expect(reply.intent, describeReply(reply)).toBe("fallback");
    });
  }
});
