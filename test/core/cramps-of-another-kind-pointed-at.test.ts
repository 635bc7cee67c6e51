// After cramps of another kind are told (period, stomach, hand cramps), "does magnesium help those?" asks about those
// cramps, which the article does not cover; when the leg cramps are named after them, the pointer is the leg cramps
// and the question is answered (intents/scope.yaml `our_cramps`, src/core/scope.ts).
import { beforeAll, describe, expect, it } from "vitest";
import { type Bot, createBot, describeReply } from "../support/bot.js";

let bot: Bot;
beforeAll(() => {
  bot = createBot();
});

const NOT_COVERED: [string, string][] = [
  ["my tummy cramps every month without fail. would stretching ease those at all?", "other-cramps"],
  ["Knitting all evening gives me hand cramps - is magnesium any good for them", "other-cramps"],
  ["awful stomach cramps since tuesday, does a massage help with these", "other-cramps"],
];

const OURS: [string, string][] = [
  [
    "I get stomach cramps sometimes but the calf ones at night are worse. does magnesium help those?",
    "magnesium",
  ],
  ["period cramps I can live with, it's my legs at 3am. would stretching stop them?", "stretching"],
];

describe("a pointer at cramps of another kind asks about them", () => {
  for (const [text, topic] of NOT_COVERED) {
    it(`"${text}" -> not covered: ${topic}`, async () => {
      const reply = await bot.chat().say(text);
      expect(reply.intent, describeReply(reply)).toBe("fallback");
      expect(bot.engine.reader.read(text).scope?.subject?.id).toBe(topic);
    });
  }
});

describe("a pointer after the leg cramps are named is the leg cramps", () => {
  for (const [text, section] of OURS) {
    it(`"${text}" -> ${section}`, async () => {
      const reply = await bot.chat().say(text);
      expect(`${reply.intent}/${reply.section?.id}`, describeReply(reply)).toBe(`answer/${section}`);
    });
  }
});
