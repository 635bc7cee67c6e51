/**
 * A calf told as "the back of it" after it was named, and a car shunt, get "seek medical help now". Look-alikes are
 * answered: screaming blue murder, a partner fed up of being kicked in bed, a gasp gone in under a minute with breathing
 * fine, a calf that feels bruised after a cramp. A learner's "which vitamin I am missing" is the deficiency question,
 * a late-night "u up?" a greeting. Written for this file, not taken from the eval sets.
 */
import { describe } from "vitest";
import { createBot } from "../support/bot.js";
import { describeLabelled, itRepliesEach, type LabelledCase } from "../support/labelled.js";

const bot = createBot({ rateLimit: { messages: 1000, windowMs: 60_000 } });

const RED_FLAGS = [
  "my calf cramped in the night and when I checked just now the back of it is red and hot to touch",
  "got shunted at the lights on monday, since then my legs cramp every night, just stress?",
];

const NOT_URGENT = [
  "calves go rock hard at 3am and I scream blue murder, what can I do?",
  "my wife is sick of getting kicked when my legs cramp at night, any tips?",
  "the cramp made me gasp but it was gone in under a minute and my breathing was fine after. is that common?",
  "calf feels a bit bruised and achy after last night's cramp, does massage help?",
];

const ASKS: LabelledCase[] = [
  ["Which vitamin I am missing when I have cramp in the night?", "answer", "magnesium"],
  ["u up?", "greeting", null],
];

describe("red flags with 'it' for the limb and a car shunt", () => {
  describe("get seek medical help now", () => itRepliesEach(bot, RED_FLAGS, "urgent"));
  describe("their look-alikes are answered", () => itRepliesEach(bot, NOT_URGENT, "urgent", { not: true }));
});

describeLabelled("a learner's deficiency ask and a late-night hello", bot, ASKS, []);
