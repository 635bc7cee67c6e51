// A topic next to the article that was tried and set aside, told with how long it was tried before the verdict
// ("potassium tablets each morning for six weeks, did nothing"), leaves the question after it to be answered; and a
// "that" after a thing of ours ("an exercise that helps") points at that thing, not at the topic told before
// (intents/scope.yaml set_aside_after and not_pointing, src/core/scope.ts AFTER_REACH).
import { beforeAll, describe, expect, it } from "vitest";
import { type Bot, createBot, describeReply } from "../support/bot.js";

let bot: Bot;
beforeAll(() => {
  bot = createBot();
});

const ANSWERED: [string, string][] = [
  [
    "I had potassium tablets each morning for six weeks did nothing what foods give you magnesium",
    "magnesium.food",
  ],
  ["we always have bananas in the fruit bowl. is there a food that stops cramps?", "magnesium.food"],
  ["my husband swears by pickle juice. is there an exercise that helps instead?", "stretching"],
];

describe("a topic tried and set aside leaves the question after it to be answered", () => {
  for (const [text, section] of ANSWERED) {
    it(`"${text}" -> ${section}`, async () => {
      const reply = await bot.chat().say(text);
      expect(`${reply.intent}/${reply.section?.id}`, describeReply(reply)).toBe(`answer/${section}`);
    });
  }
  it("a topic asked about still gets the honest reply", async () => {
    const reply = await bot.chat().say("my dad gave me some quinine tablets, are they safe?");
    expect(reply.intent, describeReply(reply)).toBe("fallback");
  });
});

describe("a question pointing back at a drink told takes its bare verbs as that drink", () => {
  it("'does it work, and how much would you drink' after pickle juice is not the water", async () => {
    const reply = await bot
      .chat()
      .say(
        "A lad at the gym downs pickle juice when his calves go. Does it work and how much would you drink?",
      );
    expect(reply.intent, describeReply(reply)).toBe("fallback");
  });
  it("naming the water asks about the water", async () => {
    const reply = await bot
      .chat()
      .say(
        "A lad at the gym downs pickle juice when his calves go. Never mind that, how much water should I drink?",
      );
    expect(`${reply.intent}/${reply.section?.id}`, describeReply(reply)).toBe("answer/hydration");
  });
});
