// The mechanisms of ADR 30, one by one: an unknown subject led by a gerund or a measure ("seeing a podiatrist", "a cup
// of cocoa") and asked in more frames ("whether ... helps", "can ... give you", "could ... be behind", "good for my
// ..."); a "but" question that turns from the thing told to the article; "she"/"he" never point at a thing; an amount of
// the aspect named right after it; a short message's question naming its own topic; out-of-scope words told in
// passing; the words of a scope topic told in passing giving no evidence; the therapies family; lay words for a life
// without daylight.
import { describe, expect, it } from "vitest";
import { createBot, describeReply } from "../support/bot.js";
import { asLabelled, itSaysNotCovered } from "../support/labelled.js";

const bot = createBot();
const ask = (text: string) => bot.chat().say(text);

/** Not covered: the honest reply, naming this (the subject as written, or its family). */
const NOT_COVERED: [string, string][] = [
  ["Would wearing flannel pyjamas help my cramps?", "flannel pyjamas"],
  ["does a cup of cocoa before bed stop cramps?", "cocoa"],
  ["wondering whether sauerkraut helps with cramps", "sauerkraut"],
  ["can skinny jeans give you leg cramps", "skinny jeans"],
  ["could my hormones be behind the cramps", "hormones"],
  ["is magnesium good for my migraines", "migraines"],
  ["is reflexology any good for leg cramps", "therapy"],
  ["how much does a session cost?", "prices"],
];

/** Answered from this section. */
const ANSWERED: [string, string][] = [
  // A pointer after the gerund makes a clause, not a thing named.
  ["does rubbing it afterwards help?", "massage"],
  // The "but" question turns from the hot water bottle; its "water" is the bottle's, not hydration's.
  ["my hot water bottle is lovely but what stretch should I do for cramps?", "stretching"],
  // "he" points at the dad, not at his arthritis.
  ["My dad has arthritis but he only wants to know which foods have magnesium", "magnesium.food"],
  // An amount of the aspect named after it.
  ["how much daylight do I need for vitamin D?", "vitamin-d.sunlight"],
  // The short question's own topic, not the sentence before it.
  ["I drink two litres every day. Could stress be the reason?", "stress"],
  // Out-of-scope words told in passing or set aside.
  ["Apart from caffeine, what else triggers night cramps?", "causes"],
  ["I've cut out coffee completely, so what causes leg cramps at night?", "causes"],
  // The words of a scope topic told in passing ("multivitamin" is no supplement question).
  ["I take a multivitamin every morning, but which foods have magnesium?", "magnesium.food"],
  // A life without daylight, in lay words.
  [
    "Up before dawn, home after dark, stuck indoors all day at the office. Could that be it?",
    "vitamin-d.sunlight",
  ],
];

describe("ADR 30: unknown subjects in more frames and noun phrases", () => {
  itSaysNotCovered(ask, NOT_COVERED);
});

describe("ADR 30: the article's question read past what was told", () => {
  for (const [text, section] of ANSWERED) {
    it(`"${text}" -> ${section}`, async () => {
      const reply = await ask(text);
      expect(asLabelled(reply, "answer", section), describeReply(reply)).toBe(true);
    });
  }
});
