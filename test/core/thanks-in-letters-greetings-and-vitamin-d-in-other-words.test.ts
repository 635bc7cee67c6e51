// Fresh phrasings written for ADR 63, none from an eval set: a thanks written as a letter (salutation, sign-off and
// name), help said as what it did, a greeting that announces its questions about the cramp, a medicine's verdict
// asked as a choice, "now the X one" after an answer, and vitamin D said in other words (units, its letter, the sun
// as its most natural source, mushrooms by their kinds, how to take it). Each failed on main 447e115.
import { describe, expect, it } from "vitest";
import { createBot } from "../support/bot.js";
import { describeLabelled, type LabelledCase } from "../support/labelled.js";

const bot = createBot();

const FRESH: LabelledCase[] = [
  [
    "Dear Dr Patel, just a quick note to say thank you for the help. Best wishes, Margaret Hill",
    "thanks",
    null,
  ],
  ["To whom it may concern, thank you for the helpful replies. Regards, A. Smith", "thanks", null],
  ["Thank you so much, it helped me a lot", "thanks", null],
  ["sound mate", "thanks", null],
  ["hello! a few questions about my calf cramps please", "greeting", null],
  ["is this the leg cramp helper", "greeting", null],
  ["began ramipril in the spring and the cramps came soon after, is there a link?", "fallback", null],
  ["Since starting metformin my calves cramp at night. Coincidence or not?", "fallback", null],
  ["I take 800 units of D a day, enough?", "answer", "vitamin-d.supplements"],
  ["is 5000 IUs of D daily safe", "answer", "vitamin-d.supplements"],
  ["should I take my D3 before or after a meal", "answer", "vitamin-d.supplements"],
  ["what is the most natural way of getting vit d", "answer", "vitamin-d.sunlight"],
  ["do chanterelles have vitamin d", "answer", "vitamin-d.food"],
  ["any vitamins etc that help cramps", "answer", "magnesium"],
];

describeLabelled("thanks in letters, greetings that announce, vitamin D in other words", bot, FRESH, []);

describe("a follow-up that switches topic keeps the aspect", () => {
  it("'ok now the vitamin d one' after the magnesium foods is vitamin D's foods", async () => {
    const chat = bot.chat();
    await chat.say("which foods have magnesium");
    const reply = await chat.say("ok now the vitamin d one");
    expect(reply.section?.id).toBe("vitamin-d.food");
  });
});
