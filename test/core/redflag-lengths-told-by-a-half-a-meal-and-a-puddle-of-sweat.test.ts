/**
 * A cramp told as "one" that went on for a whole half of a game, a learner's "the rice was finish and I eat it, and
 * still the cramp is there", and sweat told by the amount or the puddle it leaves, get "seek medical help now". Their
 * look-alikes are answered: a tingle gone as soon as the person stands, knocking off work, a wife who kicks for being
 * woken. After a red flag, "moving on from that" or "forget that" changes the subject. Written for this file, not
 * taken from the eval sets.
 */
import { describe, expect, it } from "vitest";
import { createBot } from "../support/bot.js";
import { itRepliesEach } from "../support/labelled.js";

const bot = createBot({ rateLimit: { messages: 1000, windowMs: 60_000 } });

const RED_FLAGS = [
  // (Not yet "the whole second half": "second" stems as the seconds that make a cramp short.)
  "My calves cramp a lot. Last night one lasted the whole first half of the match. What should I do?",
  "Cramp start when I put the pasta on, the pasta was finish and I eat it, and still the cramp is there. What I do?",
  "bikram yoga most days, I lose a huge amount of sweat, and now my legs cramp every night. does magnesium help?",
];

const NOT_URGENT = [
  "When I kneel my foot tingles for a moment then passes as soon as I stand. Separately, what foods help cramps?",
  "couple of beers after knock off and my calves cramp at night, how much water should I drink?",
  "my husband kicks me cos I wake him up jumping out of bed with cramp, any tips?",
];

describe("lengths told by a half, a meal or a puddle of sweat", () => {
  describe("get seek medical help now", () => itRepliesEach(bot, RED_FLAGS, "urgent"));
  describe("their look-alikes are answered", () => itRepliesEach(bot, NOT_URGENT, "urgent", { not: true }));

  it("after a red flag, 'moving on from that' asks a new question", async () => {
    const chat = bot.chat();
    expect((await chat.say("my calf is swollen and hot since yesterday")).intent).toBe("urgent");
    const reply = await chat.say("moving on from that: where can I get vitamin D apart from the sun?");
    expect(reply.intent).toBe("answer");
    expect(reply.section?.id).toBe("vitamin-d.food");
  });
});
