/**
 * A cramp's length told after "last night" ("I had a cramp last night. It lasted 17 minutes"), "before it even started
 * to ease", a hold from the start of a programme to its end with the limb named between, and a knee into the calf get
 * "seek medical help now"; a shift told in hours ("12 hour nights") stays a shift. Look-alikes are answered: a cold foot
 * from a kicked-off duvet, redness from rubbing, numbness from lying on an arm or fingers from typing, gone once moved,
 * hot milk, a jar, and a partner "buzzing" with delight. Written for this file, not taken from the eval sets.
 */
import { describe } from "vitest";
import { createBot } from "../support/bot.js";
import { itRepliesEach } from "../support/labelled.js";

const bot = createBot({ rateLimit: { messages: 1000, windowMs: 60_000 } });

const RED_FLAGS = [
  "I had a bad cramp last night. It lasted 17 minutes. Is that normal?",
  "cramp in my calf last night, it was twenty minutes before it even started to ease, what should I take",
  "a cramp got hold of my right calf just as the match kicked off and was still gripping when it finished",
  "took a knee into the thigh at football on sunday and it's cramped every night since",
];

const NOT_URGENT = [
  "I do 12 hour nights and get cramps in my calves after. Which stretch is best?",
  "her foot was cold because she'd kicked the covers off, warm again straight away. what helps her cramps?",
  "the skin went red from rubbing it too hard, fine a minute later. is massage a good idea?",
  "numb hand from lying on my arm, gone once I moved. anyway, how much magnesium for cramps?",
  "my fingers tingle from typing all day, legs are fine. what foods have magnesium?",
  "my nan makes me hot milk for my cramps, does that help?",
  "my wife is buzzing because the stretch worked for her cramps, thanks!",
];

describe("cramp lengths after last night, and causes told beside signs", () => {
  describe("get seek medical help now", () => itRepliesEach(bot, RED_FLAGS, "urgent"));
  describe("their look-alikes are answered", () => itRepliesEach(bot, NOT_URGENT, "urgent", { not: true }));
});
