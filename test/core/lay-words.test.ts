// Lay words and numbers, in styles the eval sets do not have (shouting, text-speak, formal letters, carers asking for
// someone): charley horses, "calfs", squeezing and kneading, the sunshine vitamin, shopping lists, an amount of a food
// (which is a food question, not a supplement one), and names and exercise words the spelling corrector must leave
// alone. 30 questions written for issue 10; 26 passed before any fix made for them, 27 pass now (three are
// listed as todo below).
import { describe, expect, it } from "vitest";
import { properNames } from "../../src/core/lexicon.js";
import { createBot, describeReply } from "../support/bot.js";

const bot = createBot({ rateLimit: { messages: 1000, windowMs: 60_000 } });

/** text, intent, section, and how many sections the reply names (0: one, as ever). */
const cases: [string, string, string | null, number][] = [
  ["WHAT FOODS SHOULD I BE BUYING FOR MY CRAMPS", "answer", "magnesium.food", 2],
  ["grocery run tmrw, anything i shud pick up for the leg cramps?", "answer", "magnesium.food", 2],
  [
    "Good afternoon. Might you advise which dietary items could assist with nocturnal cramping?",
    "answer",
    "magnesium.food",
    2,
  ],
  ["so which deficiencies are behind cramps at night then", "answer", "magnesium", 2],
  ["r there any vitamins or minerals linked to cramp", "answer", "magnesium", 2],
  ["Could I be short of some vitamin or mineral? My legs cramp most nights.", "answer", "magnesium", 2],
  ["supplements for night cramps - what are my options", "answer", "magnesium.supplements", 2],
  // Vitamins to take, of none named, are both supplements (kinds.yaml `vitamins-taken`; ADR 71).
  [
    "my gran asks what vitamins she should be taking for her night cramps",
    "answer",
    "magnesium.supplements",
    2,
  ],
  [
    "what should i stock up on at the chemist for cramps, vitamins wise",
    "answer",
    "magnesium.supplements",
    2,
  ],
  ["dose for magnesium and vit d pls", "answer", "magnesium.supplements", 2],
  ["magnesium and vitamin D - what foods have them", "answer", "magnesium.food", 2],
  ["tell me about magnesium and vitamin d", "answer", "magnesium", 2],
  ["which is better for cramps, magnesium or vitamin d?", "answer", "magnesium", 2],
  ["should I pick magnesium or vitamin D first?", "answer", "magnesium", 2],
  ["how much should I take?", "clarify", null, 0],
  ["had another charley horse last nite, what causes em", "answer", "causes", 0],
  ["woke up with a charlie horse in both calfs", "answer", "overview", 0],
  ["is it ok to knead the calf when it grips?", "answer", "massage", 0],
  // A comparison of two remedies is answered from both, the first in article order (ADR 9; it used to ask which).
  ["should i rub it out or stretch it out?", "answer", "stretching", 0],
  ["does rubbing the muscle help?", "answer", "massage", 0],
  ["is the sunshine vitamin linked to cramps?", "answer", "vitamin-d", 0],
  ["how much sunshine vitamin do i need a day", "answer", "vitamin-d.supplements", 0],
  ["a handful of almonds is about 75 mg magnesium, is that enough?", "answer", "magnesium.food", 0],
  ["how many flaxseeds a day would help", "answer", "magnesium.food", 0],
  ["2 brazil nuts a day enough for cramps?", "answer", "magnesium.food", 0],
  ["crampe in my calf every night", "answer", "overview", 0],
  ["my calfs lock up every night, why?", "answer", "causes", 0],
  ["mushrooms 3 times a week - enough vitamin d?", "answer", "vitamin-d.food", 0],
  // "hardly any sun" names the sunlight section (ADR 31).
  ["We're in Aberdeen, hardly any sun from October, could that be it?", "answer", "vitamin-d.sunlight", 0],
];

describe("lay words and numbers", () => {
  for (const [text, intent, section, count] of cases) {
    it(`"${text}" -> ${intent}${section ? `/${section}` : ""}`, async () => {
      const reply = await bot.chat().say(text);
      expect(reply.intent, describeReply(reply)).toBe(intent);
      if (section !== null) expect(reply.section?.id, describeReply(reply)).toBe(section);
      if (count > 0) expect(reply.sections?.length, describeReply(reply)).toBe(count);
    });
  }
});

describe("not handled yet (asked back or 'I don't know' instead)", () => {
  // A weak hint beside an unknown name ("Pilates twice a week") is asked back; a place name is an unknown subject ("in
  // Leeds" must stay out of scope, so it is). Kept as expected failures, so each turns red once it is answered and
  // moves up.
  const misses: [text: string, section: string][] = [
    ["I do Pilates twice a week and still get night cramps", "overview"],
  ];
  for (const [text, section] of misses) {
    it.fails(`"${text}" -> answer/${section} (known miss)`, async () => {
      const reply = await bot.chat().say(text);
      expect(reply.intent).toBe("answer");
      expect(reply.section?.id).toBe(section);
    });
  }
});

describe("the spelling corrector leaves names and exercise words alone", () => {
  it("never turns 'pilates' into 'plate' (food) nor 'Hobart' into 'heart'", () => {
    const terms = (text: string) => bot.engine.reader.analyze(text).terms;
    expect(terms("i do pilates on tuesdays")).not.toContain("food");
    expect(terms("I live in Hobart and get cramps")).not.toContain("heart");
    // A lower-case misspelling is still corrected.
    expect(terms("magnesuim for cramps")).toContain("magnesium");
  });

  it("reads a capitalised word inside a sentence as a name, the first word and shouting not", () => {
    expect([...properNames("We moved to Hobart. Pilates helps, says Anne")]).toEqual(["hobart", "anne"]);
    expect([...properNames("CALF CRAMP AGAIN")]).toEqual([]);
  });
});
