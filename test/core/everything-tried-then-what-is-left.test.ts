// Everything tried, said so ("done the lot", "tried everything"), with the things listed after it or pointed back at
// by a later "still": a bare "what's left?" then asks for the other remedies, as after "tried magnesium" (ADR 89). My
// own phrasings; the guards keep a plain "tried" from ruling out what the sentence goes on to tell or ask.
import { describe, expect, it } from "vitest";
import { createBot } from "../support/bot.js";

const bot = createBot();

async function replyTo(text: string): Promise<string | null> {
  const reply = await bot.chat().say(text);
  return reply.intent === "answer" ? (reply.section?.id ?? null) : reply.intent;
}

describe("after everything tried, what is left asks for the other remedies", () => {
  it.each([
    "Honestly I've tried everything: magnesium, more water, the wall stretch. What's left?",
    "been through the lot, stretching, magnesium, drinking loads. anything else?",
    "I've done it all. Nuts every day, two litres of water, calf stretches. Still they wake me. What else is there?",
  ])("%s", async (text) => {
    expect(await replyTo(text)).toBe("prevention");
  });
});

describe("a plain 'tried' rules out only what it names", () => {
  it.each([
    [
      "Tried the usual, and a friend reckons it's my stress levels. She said to breathe slowly at bedtime. How long should I do that for?",
      "stress",
    ],
    ["my dad swore by tonic water, didnt help me, so which foods have magnesium", "magnesium.food"],
    ["I've tried it all, to be fair. Why do they happen at night?", "causes"],
  ])("%s", async (text, want) => {
    expect(await replyTo(text)).toBe(want);
  });
});
