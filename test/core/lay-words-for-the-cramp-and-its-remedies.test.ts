/**
 * Lay words for the cramp and what helps it: the muscle that "ties itself in knots" or "makes a ball", "what stops"
 * asking what to do, squishing the muscle as massage; brazils, the sun vitamin, summing up, magnesium creams.
 */
import { describe } from "vitest";
import { createBot } from "../support/bot.js";
import { describeLabelled, type LabelledCase } from "../support/labelled.js";

const bot = createBot();

const CASES: LabelledCase[] = [
  ["what stops my calf seizing up at night?", "answer", "prevention"],
  ["the back of my thigh bunches up most nights, what would stop that happening?", "answer", "prevention"],
  ["should I squish the muscle when it cramps", "answer", "massage"],
  ["my calf makes a ball in the night and it hurts a lot, why is this coming?", "answer", "causes"],
  // Foods, vitamins and the article itself in everyday words.
  ["is eating two brazils a day enough for the magnesium", "answer", "magnesium.food"],
  ["what's a safe amount of the sun vitamin to take", "answer", "vitamin-d.supplements"],
  ["can you sum everything up", "answer", "summary"],
  ["do magnesium creams actually do anything", "fallback", null],
  ["what can this bot do for me", "help", null],
  ["laters", "goodbye", null],
];

describe("lay words for the cramp and its remedies", () => {
  describeLabelled("are read as the article's words", bot, CASES, []);
});
