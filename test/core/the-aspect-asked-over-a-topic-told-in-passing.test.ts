// A question that names an aspect by a word of its own (pills, sun, foods) after a topic told in a word or so that
// has no such aspect (a worry, a bad week): the aspect is what is asked, across the topics that have it, not the
// passing topic's section; a topic told at length stays what the story is about. And a thing the person does not
// want to hear about is set aside like "apart from" (ADR 89). My own phrasings.
import { describe, expect, it } from "vitest";
import { createBot } from "../support/bot.js";

const bot = createBot();

async function replyTo(text: string): Promise<string | null> {
  const reply = await bot.chat().say(text);
  return reply.intent === "answer" ? (reply.section?.id ?? null) : reply.intent;
}

describe("the aspect asked wins over a topic told in passing that lacks it", () => {
  it.each([
    [
      "Work has me frazzled at the moment. Which supplements would actually help my cramps?",
      "magnesium.supplements",
    ],
    ["I worry about everything, always have. Do I need more sunshine for the cramps?", "vitamin-d.sunlight"],
    ["Been so anxious lately and cramping at night. What foods should I eat?", "magnesium.food"],
  ])("%s", async (text, want) => {
    expect(await replyTo(text)).toBe(want);
  });
});

describe("a topic told at length, or a question naming no aspect, keeps the story's topic", () => {
  it.each([
    [
      "I switched to a high-fibre diet with lots of beans, lentils and oats, and only drink a litre of water a day. Could eating like this be behind my cramps?",
      "hydration",
    ],
    ["I'm stressed all the time and my calves cramp at night. What can I do?", "stress"],
    // (The how-to asked is no part of a topic: a thing taken, told, is how it is taken.)
    [
      "I take my vitamin D tablet with a black coffee first thing. My friend says that's wrong. Is there a right way to take it?",
      "vitamin-d.supplements",
    ],
  ])("%s", async (text, want) => {
    expect(await replyTo(text)).toBe(want);
  });
});

describe("what the person does not want to hear about is set aside", () => {
  it.each([
    "I don't want a lecture on pills, what else can I do?",
    "spare me the supplements talk, what else can I do for night cramps?",
  ])("%s", async (text) => {
    expect(await replyTo(text)).toBe("prevention");
  });
});
