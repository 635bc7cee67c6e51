// A topic next to the article told, then asked of in other words: whether it is sound ("Legit?"), does as well as what
// it is likened to ("do the same job", "do the trick"), one of it taken ("should I be having one"), a salt bath as "a
// bath", the pickle by another name (gherkin, brine). Each gets the fallback that names the topic (ADR 89). My own
// phrasings; the guards ask the article something of its own after such a topic told.
import { describe, expect, it } from "vitest";
import { createBot } from "../support/bot.js";

const bot = createBot();

describe("a topic told and asked of again gets the fallback naming it", () => {
  it.each([
    ["My brother reckons a swig of pickle brine sorts a cramp out in seconds. Legit?", "pickle"],
    ["A friend swears by tonic water for night cramps. Would a small glass do the trick?", "quinine"],
    [
      "The physio gave me a tub of electrolyte tablets for after long runs. Should I be taking one every night for the cramps?",
      "electrolytes",
    ],
    ["I put Epsom salts in a bath on Fridays for my calves. Would a bath every night be better?", "Epsom"],
    ["My uncle drinks the juice from the gherkin jar before bed. Does it actually work?", "pickle"],
  ])("%s", async (text, named) => {
    const reply = await bot.chat().say(text);
    expect(reply.intent).toBe("fallback");
    expect(reply.text).toContain(named);
  });
});

describe("an article question after such a topic told is answered", () => {
  it.each([
    ["I tried tonic water, it did nothing. Would stretching do the trick instead?", "stretching"],
    ["Pickle juice was useless for me. How much water should I drink a day?", "hydration"],
  ])("%s", async (text, want) => {
    const reply = await bot.chat().say(text);
    expect(reply.section?.id).toBe(want);
  });
});
