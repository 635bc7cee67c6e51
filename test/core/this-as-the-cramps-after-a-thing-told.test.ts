// After a thing next to the article told in passing, "this" in a question of a general kind ("any tips to make this
// stop?") or after "for" ("a stretch that's good for this?") is the cramps, so the question is answered; after a
// complaint of its own (restless legs, a condition) "this" is that complaint, and "it" still points back at a thing
// told. A reason given ("since it's not the electrolytes") asks nothing (ADR 89). My own phrasings.
import { describe, expect, it } from "vitest";
import { createBot } from "../support/bot.js";

const bot = createBot();

async function replyTo(text: string): Promise<string | null> {
  const reply = await bot.chat().say(text);
  return reply.intent === "answer" ? (reply.section?.id ?? null) : reply.intent;
}

describe("'this' is the cramps after a thing told in passing", () => {
  it.each([
    [
      "my sister swears by a spoon of mustard, I tried it and nothing. any tips to make this stop?",
      "prevention",
    ],
    [
      "I wear compression socks on the plane. what is it that causes the calf to seize up at night?",
      "causes",
    ],
    ["my husband is on statins. is there a stretch that's good for this?", "stretching"],
    [
      "I run a lot and take electrolyte tabs after long runs. Since it's obviously not the electrolyte tabs, what else might be behind it?",
      "causes",
    ],
  ])("%s", async (text, want) => {
    expect(await replyTo(text)).toBe(want);
  });
});

describe("'this' after a complaint of its own, and 'it' after a thing told, still point back", () => {
  it.each([
    "I've got restless legs. Any tips to make this stop?",
    "I was diagnosed with diabetes last year and now cramp at night. What can I do about this?",
    "My aunt drinks tonic water every night. Is it any good for this?",
  ])("%s", async (text) => {
    expect(await replyTo(text)).toBe("fallback");
  });
});
