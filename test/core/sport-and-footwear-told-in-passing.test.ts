// Football told as what the person does ("I play football, how much magnesium?") leaves the question to be answered;
// footwear named in a question ("would new boots help my cramps?") is not an injury; swelling told by footwear that
// will not zip or go back on, a size gone up, or one side pinching still warns (intents/lexicon.yaml out_of_scope,
// intents/scope.yaml sport not_terms, intents/urgent.yaml garment rules).
import { beforeAll, describe, expect, it } from "vitest";
import { type Bot, createBot, describeReply } from "../support/bot.js";

let bot: Bot;
beforeAll(() => {
  bot = createBot();
});

const ANSWERED: [string, string][] = [
  ["sunday league footballer here, what dose of magnesium would you take", "magnesium.supplements"],
  ["my hamstrings seize up at night after a football match, what is going on", "causes"],
];
const NOT_URGENT = [
  "are steel toe boots to blame for my night cramps?",
  "do walking boots make cramps worse",
];
const URGENT = [
  "the zip on my left boot won't go up past my calf since the cramp last night",
  "cramp at 4am, still there, I can't put my slipper back on that foot",
  "my right ankle has gone up a size since that cramp and my trainer is pinching on that side only",
];

describe("sport told in passing", () => {
  for (const [text, section] of ANSWERED) {
    it(`"${text}" -> ${section}`, async () => {
      const reply = await bot.chat().say(text);
      expect(`${reply.intent}/${reply.section?.id}`, describeReply(reply)).toBe(`answer/${section}`);
    });
  }
});

describe("footwear in a question is no injury", () => {
  for (const text of NOT_URGENT) {
    it(`"${text}" is not urgent`, async () => {
      const reply = await bot.chat().say(text);
      expect(reply.intent, describeReply(reply)).not.toBe("urgent");
    });
  }
});

describe("swelling told by footwear warns", () => {
  for (const text of URGENT) {
    it(`"${text}" -> urgent`, async () => {
      const reply = await bot.chat().say(text);
      expect(reply.intent, describeReply(reply)).toBe("urgent");
    });
  }
});
