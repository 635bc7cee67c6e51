// Whether another drink counts towards the article's water figure ("does squash count towards the 2 litres?") is not
// something the article says: the honest reply names the drink (intents/scope.yaml subjects.frames). Water itself,
// and a food asked about as a source ("does tinned fish count for vitamin D?"), are answered.
import { beforeAll, describe, expect, it } from "vitest";
import { type Bot, createBot, describeReply } from "../support/bot.js";

let bot: Bot;
beforeAll(() => {
  bot = createBot();
});

describe("another drink counted towards the water", () => {
  for (const text of ["does squash count towards the 2 litres?", "do fizzy drinks count as fluid"]) {
    it(`"${text}" -> not covered`, async () => {
      const reply = await bot.chat().say(text);
      expect(reply.intent, describeReply(reply)).toBe("fallback");
    });
  }
  it("after the water answer, 'do mugs of coffee count towards it' is not covered either", async () => {
    const chat = bot.chat();
    await chat.say("how much water should I be drinking for cramps");
    const reply = await chat.say("do mugs of coffee count towards it");
    expect(reply.intent, describeReply(reply)).toBe("fallback");
  });
  it("a food counted as a source is answered", async () => {
    const reply = await bot.chat().say("does tinned fish count for vitamin D?");
    expect(`${reply.intent}/${reply.section?.id}`, describeReply(reply)).toBe("answer/vitamin-d.food");
  });
});
