/**
 * A cramp that holds on is a red flag however the person puts it: verbs beyond "ease" and "stop" ("would not
 * relent", "won't shift"), and a span told by clock times with a word between the opener and the time ("since about
 * midnight", "till like 1am", "since the 6 o'clock news"). The same words about something else, or a short span,
 * are not.
 */
import { describe } from "vitest";
import { createBot } from "../support/bot.js";
import { describeLabelled, type LabelledCase } from "../support/labelled.js";

const bot = createBot();

const HOLDS_ON: LabelledCase[] = [
  ["my calf cramp just would not relent last night, what should I do", "urgent", null],
  ["this cramp in my thigh won't shift no matter how I stand", "urgent", null],
  ["hamstring cramp not budging, been like this a while", "urgent", null],
  ["the knot in my calf won't loosen, I've stretched and rubbed it", "urgent", null],
  ["cramp woke me at 2, it's been going since about 2 and it's 3 now", "urgent", null],
  ["had a cramp from 4am till like 5am, is that normal?", "urgent", null],
  ["my foot cramped since the 6 o'clock news and it's 7 now, still tight", "urgent", null],
];

const NOT_RED_FLAGS: LabelledCase[] = [
  ["how do I quit getting cramps at night", "answer", "prevention"],
  ["my cramp came at about 3am and was gone by 3.05, why do they happen?", "answer", "causes"],
];

describe("a cramp that holds on", () => {
  describeLabelled("is a red flag said any way", bot, HOLDS_ON, []);
  describeLabelled("the same words about something else are not", bot, NOT_RED_FLAGS, []);
});
