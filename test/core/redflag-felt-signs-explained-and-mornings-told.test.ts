/**
 * A tingle that a spray, rub or balm gives as it goes on, and the creepy crawly feeling of restless legs, are no red
 * flag: the question about the product or the scope topic is answered. Numbness, weakness or a tingle that is new and
 * the writer's own stays a red flag, after the same words too. A cramp that woke the writer, or was there before they
 * got up, and is still held after a morning's worth of things done is a red flag however long the morning takes to tell.
 * What somebody said to look for is no sign of the writer's when the writer then sets their own apart.
 */
import { describe, expect, it } from "vitest";
import { createBot, describeReply } from "../support/bot.js";
import { itRepliesEach } from "../support/labelled.js";

const bot = createBot();

const NOT_URGENT = [
  "I spray magnesium oil on my legs at night and it tingles a lot, is that normal?",
  "the magnesium spray tingles like crazy when I spray it on, should I dilute it?",
  "put some deep heat on my calf after the cramp, it was tingling for a while, is that ok?",
  "every evening I get a creepy crawly tingling in my calves and can't keep them still, is that cramp?",
  // What somebody said to look for, with the writer's own set apart.
  "the pharmacist said to watch for a red, swollen calf; mine are both normal, so what else causes cramps?",
  "my brother told me to look out for a hot calf and swelling, I've looked and mine are fine. Is magnesium worth it?",
];

const RED_FLAGS = [
  "I put magnesium spray on my calf last night and since this morning my whole foot is numb",
  "used the magnesium cream as usual, but now my left leg is weak and keeps giving way",
  "since yesterday my right foot has been tingling and numb and it won't go away",
  "my left leg has been buzzing and numb since this morning",
  // Told what to look for, and it is there.
  "the doctor told me to check for swelling, and now my calf is swollen and hot",
  "the nurse said to look for a red hot calf and my left one is exactly that",
  // A morning's worth told at length after being woken.
  "woken by a cramp in my left calf. I got up, hobbled to the kitchen, had a shower, made a cup of tea and read the paper in the garden, and the calf was still knotted",
  "the cramp was there when I woke up, I've had my breakfast and a bath since and it's still clenched",
];

describe("felt signs explained by what gives them", () => {
  describe("are no red flag", () => itRepliesEach(bot, NOT_URGENT, "urgent", { not: true }));
  describe("numbness, weakness or the writer's own new tingle still are", () =>
    itRepliesEach(bot, RED_FLAGS, "urgent"));
  it("the creepy crawly feeling is answered as restless legs", async () => {
    const reply = await bot
      .chat()
      .say("at night there's a creepy crawly fizzing in my legs and I have to get up and move, what is it?");
    expect(reply.intent, describeReply(reply)).toBe("fallback");
    expect(reply.text, describeReply(reply)).toContain("restless legs");
  });
});
