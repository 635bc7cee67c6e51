// After a red flag, a person who says they will get help now is thanked, not warned again; asking whether they must
// ("should I go to the GP?") or playing it down still gets "seek medical help now"; a goodbye is a goodbye.
import { describe, expect, it } from "vitest";
import { createBot, describeReply, sayAll } from "../support/bot.js";

const bot = createBot({ rateLimit: { messages: 1000, windowMs: 60_000 } });
const RED_FLAG = "my dad's calf has gone red and hot since the weekend";

describe("after a red flag", () => {
  it.each([
    ["right, I'll take him to the GP today, thank you", "thanks"],
    ["ok I'm going to ring 111 now", "thanks"],
    ["ok, calling now. bye", "goodbye"],
    ["should I go to the GP?", "urgent"],
    ["I'll see the doctor after the weekend, it's probably nothing", "urgent"],
  ])("%s -> %s", async (text, intent) => {
    const replies = await sayAll(bot.chat(), [RED_FLAG, text]);
    expect(replies[0]?.intent).toBe("urgent");
    const reply = replies[1];
    if (!reply) throw new Error("no reply");
    expect(reply.intent, describeReply(reply)).toBe(intent);
  });

  it("without a red flag before, the same words are no thanks for a warning", async () => {
    const reply = await bot.chat().say("right, I'll take him to the GP today, thank you");
    expect(reply.intent, describeReply(reply)).not.toBe("urgent");
  });
});

describe("help asked for in other words", () => {
  it.each([
    "what sort of questions can i ask you",
    "What kind of things can you help with?",
    "How I use this bot?",
  ])("%s", async (text) => {
    const reply = await bot.chat().say(text);
    expect(reply.intent, describeReply(reply)).toBe("help");
  });
});

describe("after a red flag, help already had or a return to the cramps", () => {
  it.each([
    [
      "Update: they checked me over at the surgery this morning and found nothing wrong. Which foods have magnesium?",
      "magnesium.food",
    ],
    ["been to A&E and got the all clear. what dose of vitamin D do people take?", "vitamin-d.supplements"],
    ["anyway, back to the cramps: how long should I hold the calf stretch?", "stretching"],
  ])("%s -> answered from %s", async (text, section) => {
    const replies = await sayAll(bot.chat(), [
      "I get out of breath just walking up the stairs since Sunday",
      text,
    ]);
    expect(replies[0]?.intent).toBe("urgent");
    const reply = replies[1];
    if (!reply) throw new Error("no reply");
    expect(reply.section?.id, describeReply(reply)).toBe(section);
  });

  it("an old visit said to play a new sign down still gets the warning", async () => {
    const replies = await sayAll(bot.chat(), [
      "I get out of breath just walking up the stairs since Sunday",
      "I saw the doctor about my cramps last year and she said it was nothing, so it's fine right?",
    ]);
    expect(replies[1]?.intent).toBe("urgent");
  });
});

describe("after a red flag, help on its way told other ways", () => {
  it.each([
    ["ok my brother's driving me to A&E now. thanks", "thanks"],
    ["right. /stretch", "stretch"],
    ["ok, I'll phone the GP. /checkup", "checkup"],
  ])("%s -> %s", async (text, intent) => {
    const replies = await sayAll(bot.chat(), [RED_FLAG, text]);
    expect(replies[0]?.intent).toBe("urgent");
    expect(replies[1]?.intent, replies[1] && describeReply(replies[1])).toBe(intent);
  });

  it("a place to be seen is no injury: the new question is answered", async () => {
    const replies = await sayAll(bot.chat(), [
      RED_FLAG,
      "I'll get him seen at the minor injuries unit today. Unrelated: can stress cause cramps?",
    ]);
    expect(replies[1]?.section?.id, replies[1] && describeReply(replies[1])).toBe("stress");
  });
});

describe("after a red flag, a new subject opened before a longer question", () => {
  it("'Separate matter, for my neighbour: ... How many sessions does it usually take?' is answered, not warned again", async () => {
    const replies = await sayAll(bot.chat(), [
      RED_FLAG,
      "Separate matter, for my neighbour: she has been offered acupuncture for her night cramps. How many sessions does it usually take?",
    ]);
    expect(replies[1]?.intent, replies[1] && describeReply(replies[1])).toBe("answer");
    expect(replies[1]?.section?.id).toBe("acupuncture");
  });
});
