// A topic next to the article that the article does not cover wins over the conversation's context: asked mid-
// conversation ("what about tonic water, my dad drinks it for cramps" after a magnesium answer), named again by its
// last word ("...an Epsom salt bath. Does the salt do anything?"), or judged by a plural verdict ("compression socks...
// would they actually work?"). New topics: essential oils, forms of magnesium, too much vitamin D. A form of magnesium
// named with a dose question is still the dose question.
import { describe, expect, it } from "vitest";
import { createBot, describeReply, lastReply, sayAll } from "../support/bot.js";

const bot = createBot({ rateLimit: { messages: 1000, windowMs: 60_000 } });

const last = (texts: string[]) => lastReply(bot.chat(), texts);

describe("a scope topic asked about mid-conversation gets the honest reply", () => {
  it.each([
    [["how much magnesium should I take", "what about tonic water, my dad drinks it for cramps"], "quinine"],
    [
      ["which foods have vitamin d", "and what about bananas, my mum eats one every night for it"],
      "potassium",
    ],
    [["how do I do the calf stretch", "how about a hot water bottle, my wife swears by it"], "heat"],
  ])("%j", async (texts, word) => {
    const reply = await last(texts);
    expect(reply.intent, describeReply(reply)).toBe("fallback");
    expect(reply.text.toLowerCase()).toContain(word);
  });

  it("the conversation goes back to the article after it", async () => {
    const replies = await sayAll(bot.chat(), [
      "how much magnesium should I take",
      "what about tonic water, my dad drinks it for cramps",
      "ok, which foods have magnesium",
    ]);
    expect(replies.map((r) => r.section?.id ?? r.intent)).toEqual([
      "magnesium.supplements",
      "fallback",
      "magnesium.food",
    ]);
  });
});

describe("a topic told first and asked about after gets the honest reply", () => {
  it.each([
    ["My husband fills me an Epsom salt bath on bad nights. Does the salt really help?", "epsom"],
    [
      "My physio mentioned compression stockings for night cramps. Would they actually help me?",
      "compression",
    ],
    [
      "A friend sells essential oils and says rub lavender on the calf. Does lavender oil work for cramps?",
      "oils",
    ],
    ["glycinate or citrate, which form is better for leg cramps?", "form of magnesium"],
    ["is it dangerous to take too much vitamin d? what are the signs of overdose", "too much vitamin d"],
  ])("%s", async (text, words) => {
    const reply = await bot.chat().say(text);
    expect(reply.intent, describeReply(reply)).toBe("fallback");
    expect(reply.text.toLowerCase()).toContain(words);
  });
});

describe("a scope topic said in passing leaves the question to be answered", () => {
  it.each([
    ["I take magnesium citrate, the label says 300 mg a capsule. Is that a lot?", "magnesium.supplements"],
    ["I use a heating pad for my back, but does massage help cramps?", "massage"],
  ])("%s", async (text, section) => {
    const reply = await bot.chat().say(text);
    expect(reply.section?.id, describeReply(reply)).toBe(section);
  });
});
