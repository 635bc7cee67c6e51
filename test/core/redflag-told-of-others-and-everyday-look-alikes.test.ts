/**
 * A sign asked back and denied at once ("tingling? no, nothing like that") or explained by an everyday cause and
 * gone is no red flag. A sign told of somebody else in the past (a relative's clot, a coworker rushed to hospital) or seen on a screen (a
 * documentary, a hospital drama), in a message where the writer then sets their own apart ("mine is nothing like
 * that"), is no red flag of the writer's; nor are the hours of a day spent indoors, the dislike in "can't stand
 * fish", grey weather, coming home buzzing, acupuncture's needles, a heart check-up, being up for an hour after a
 * cramp woke you, or training for a race. The writer's own sign said after any of these, and a sign of somebody
 * else's now, stay red flags.
 */
import { describe } from "vitest";
import { createBot } from "../support/bot.js";
import { describeLabelled, itRepliesEach, type LabelledCase } from "../support/labelled.js";

const bot = createBot();

const NOT_RED_FLAGS: LabelledCase[] = [
  [
    "my aunt's calf went red and swollen after her flight and she had a clot, mine is nothing like that. how long should I hold the calf stretch?",
    "answer",
    "stretching",
  ],
  [
    "saw a documentary where a man's calf went hot and swollen, mine is fine. what foods have magnesium?",
    "answer",
    "magnesium.food",
  ],
  [
    "my grandma had a clot in her leg years back, I just get normal cramps. are they common?",
    "answer",
    "overview",
  ],
  ["I can't stand the taste of fish, where else can I get vitamin D?", "answer", "vitamin-d.food"],
  ["he comes home buzzing from work and his legs cramp later, can stress do that?", "answer", "stress"],
  [
    "my mate says my yin is out of whack and I need needles stuck in me, does acupuncture help cramps?",
    "answer",
    "acupuncture",
  ],
  [
    "since my heart check last spring I've had aching calves and cramps at night, what causes that?",
    "answer",
    "causes",
  ],
  ["the cramp wakes me up around 2 and I'm up for an hour. What's behind it?", "answer", "causes"],
  [
    "I'm training for my first half marathon and I only drink when thirsty, maybe a litre a day. how much should I be drinking for my cramps?",
    "answer",
    "hydration",
  ],
];

/** Not red flags, whatever section answers them. */
const NOT_URGENT = [
  // A sign asked back and denied at once, or explained by an everyday cause and gone.
  "swelling? nah, my calves look the same as ever. what causes night cramps?",
  "pins and needles? no, nothing like that, only the cramps",
  "sat cross-legged with my leg under me and my foot went numb, then fine. what stretch helps cramps?",
  "my toes were tingly from the cold on the walk back, gone once I was by the fire. does magnesium help cramps?",
  "I'm indoors from 8am to 10pm and I still get cramps, could it be a vitamin?",
  "always grey and raining here and my legs cramp at night, is it the weather?",
  "I get into bed and within like an hour my leg goes solid from the knee down, what can I do about it?",
];

const RED_FLAGS: LabelledCase[] = [
  // The writer speaks of themselves again: what follows is theirs.
  ["my dad had a clot last year, and now my own calf is swollen and hot", "urgent", null],
  ["I watched a documentary on clots and now my calf is swollen and red", "urgent", null],
  [
    "my brother had a clot in his leg once, mine is nothing like that but now my chest feels tight",
    "urgent",
    null,
  ],
  // "mine" alone sets nothing apart: what follows it is the writer's own sign.
  ["my friend's calf went red and hot last year, mine is red and hot today", "urgent", null],
  ["My sister told me to look out for a swollen calf, and mine is swollen now", "urgent", null],
  // Somebody else's sign now still needs help.
  ["my husband's calf is red and swollen tonight, mine is fine, what should he do?", "urgent", null],
  ["cramp started within an hour of bed and it has been going for 40 minutes", "urgent", null],
  ["my calf was locked from 2am to 3am", "urgent", null],
  ["I can't stand on my leg since the cramp", "urgent", null],
  // A denial answers the sign before it, not the next one.
  ["chest pain? no. swollen calf? yes, since this morning", "urgent", null],
  ["swollen calf? no idea, but it is hot and red", "urgent", null],
  ["my foot went numb after the cramp and it has stayed numb since yesterday", "urgent", null],
  [
    "I'm training for a marathon; yesterday in 35 degrees I barely drank and now my calves keep cramping",
    "urgent",
    null,
  ],
];

describe("signs of somebody else's and everyday look-alikes", () => {
  describeLabelled("are answered as the question they ask", bot, NOT_RED_FLAGS, []);
  describe("are no red flag", () => itRepliesEach(bot, NOT_URGENT, "urgent", { not: true }));
  describeLabelled("the writer's own sign, or somebody's now, is still a red flag", bot, RED_FLAGS, []);
});
