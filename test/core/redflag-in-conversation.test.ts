// A red flag told inside a conversation about cramps needs no cramp word of its own: after "why do my calves cramp?",
// "I've been on the toilet since Friday" or "it's been like that for a quarter of an hour now" is said of the cramps.
// The same message as a first message is not a red flag, and a habit told with a rate ("20 minutes a day") or a
// comparison ("warm as a hot water bottle") is read as such. Written for issue 10 with new phrasings (none is an
// eval line).
import { describe, expect, it } from "vitest";
import { createBot, describeReply } from "../support/bot.js";
import { itRepliesEach } from "../support/labelled.js";

const bot = createBot({ rateLimit: { messages: 1000, windowMs: 60_000 } });

const OPENING = "why do I keep getting cramp in my calves at night?";

describe("after a turn about cramps, a red flag with no cramp word is urgent", () => {
  for (const text of [
    "I've been on the toilet with a bug since Friday",
    "been chucking up since yesterday morning and can't keep much down",
    "it's been going for a quarter of an hour now",
    "this one has been stuck for about twenty minutes",
    "it's held on for 25 min so far",
  ]) {
    it(`"${text}"`, async () => {
      const chat = bot.chat();
      const first = await chat.say(OPENING);
      expect(first.intent).toBe("answer");
      const reply = await chat.say(text);
      expect(reply.intent, describeReply(reply)).toBe("urgent");
    });
  }
});

describe("said as a first message, with nothing about cramps before, the same words are not a red flag", () => {
  itRepliesEach(
    bot,
    ["it's been going for a quarter of an hour now", "it's held on for 25 min so far"],
    "urgent",
    {
      not: true,
    },
  );
});

describe("in a conversation, what is no red flag stays an ordinary answer", () => {
  for (const text of [
    "I read for 20 minutes and then it usually starts",
    "I've been doing the stretch for 15 minutes before bed",
    "I took 400mg yesterday and had the runs this morning, is that the tablets?",
  ]) {
    it(`"${text}"`, async () => {
      const chat = bot.chat();
      await chat.say(OPENING);
      const reply = await chat.say(text);
      expect(reply.intent, describeReply(reply)).not.toBe("urgent");
    });
  }
});

describe("a rate is a habit, a comparison says how it is", () => {
  it("a duration with a rate and no cramp word before it is a habit", async () => {
    const reply = await bot
      .chat()
      .say("I'm on my bike like 2 hours a day and my calves cramp at night, why?");
    expect(reply.intent, describeReply(reply)).not.toBe("urgent");
  });
  it("a cramp that lasts that long each night is still a red flag", async () => {
    const reply = await bot.chat().say("my calf cramps for 40 minutes a night lately");
    expect(reply.intent, describeReply(reply)).toBe("urgent");
  });
  it("a calf 'warm as a hot water bottle' is hot, though a hot water bottle as a remedy is no red flag", async () => {
    const hot = await bot.chat().say("the back of my calf feels like a hot water bottle and it cramps");
    expect(hot.intent, describeReply(hot)).toBe("urgent");
    const remedy = await bot.chat().say("does a hot water bottle on my calf help the cramps?");
    expect(remedy.intent, describeReply(remedy)).not.toBe("urgent");
  });
  it("a cramp still going from 'since' a clock time to now needs no 'still'", async () => {
    const reply = await bot.chat().say("calf has been locked since twenty past one and now it's ten to two");
    expect(reply.intent, describeReply(reply)).toBe("urgent");
  });
});
