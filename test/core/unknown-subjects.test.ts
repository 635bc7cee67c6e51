// Unknown subjects and scope families (src/core/unknown-subject.ts, intents/scope.yaml `subjects` and the family
// topics; docs/adr/0024): a question whose subject is a thing the article never names gets the honest "the article
// doesn't cover ..." naming it, while a question about the article's own things that only mentions another thing, or
// misspells one of ours, is answered. These were written for this file, in styles the eval sets do not have (shouting,
// "yay or nay", "legit?", "thoughts on", run-on voice notes), before anything was tuned for them.
import { beforeAll, describe, expect, it } from "vitest";
import { type Bot, createBot, describeReply } from "../support/bot.js";
import { itSaysNotCovered } from "../support/labelled.js";

let bot: Bot;
beforeAll(() => {
  bot = createBot();
});

const ask = (text: string) => bot.chat().say(text);

/**
 * Not covered: the reply must say so and name this word (the subject as written, or its family's name; the therapies
 * family of ADR 30 names tape, chiropractors, cold plunges and hydrotherapy).
 */
const NOT_COVERED: [string, string][] = [
  ["tart cherry juice - legit for night cramps or hype?", "cherry"],
  ["thoughts on creatine for leg cramps", "creatine"],
  ["would kinesiology tape on my calf stop it cramping", "therapy"],
  ["CAN A CHIROPRACTOR FIX MY LEG CRAMPS", "therapy"],
  ["does cycling make calf cramps worse", "cycling"],
  ["heard apple juice works for cramps?", "apple juice"],
  ["pls is ginger tea good for the cramps", "ginger"],
  ["does smoking cause leg cramps", "smoking"],
  ["does the contraceptive implant cause leg cramps", "implant"],
  ["is a cold plunge good for cramps after running", "therapy"],
  ["would losing weight help my cramps", "weight"],
  ["varicose vein surgery and cramps, connected?", "condition"],
  ["Is it okay to give my dog magnesium for his leg cramps", "animals"],
  ["Heard beetroot juice stops cramps, any truth in that?", "beetroot"],
  ["what about acupressure mats", "acupressure mats"],
  ["hydrotherapy pool sessions good for cramps?", "therapy"],
  ["is gabapentin ok for night cramps", "medicines"],
  ["i was prescribed orphenadrine for cramps is this right", "medicines"],
  ["my calves cramp when I wear high heels, should I stop wearing them?", "shoes"],
  ["are compression leggings worth it for cramps", "leggings"],
  ["pineapple for cramps yay or nay", "pineapple"],
  ["vitamin b1 thiamine for leg cramps", "thiamine"],
  ["could my new running shoes be causing the cramps", "shoes"],
  // "electric" here names a device, not a numb leg (urgent.yaml idioms).
  ["Would an electric foot massager help?", "gadgets"],
];

/**
 * Known misses, each for a reason outside this mechanism; `it.fails` turns red once one is fixed, so it moves up.
 * "saunas" is spelling-corrected to "sun" (it is too rare a word for the English list); "cupping" stems to "cup", a
 * word the article uses.
 */
const KNOWN_MISSES: [string, string][] = [
  ["what's your take on infrared saunas for cramping muscles", "sauna"],
  ["acupuncture helped me a bit, now what about cupping?", "cupping"],
];

/** Answered from this section: the other thing is context, or the subject is ours (misspelt or in lay words). */
const ANSWERED: [string, string][] = [
  ["my wife uses a foam roller but I just want to know how to do the calf stretch", "stretching"],
  ["I drink a glass of wine with dinner, how much water should I drink a day?", "hydration"],
  ["my doctor did blood tests and all normal, so what causes cramps then?", "causes"],
  ["Besides my inhaler, what helps leg cramps at night?", "prevention"],
  ["does massage help? i have a massage chair at home but never use it", "massage"],
  ["magnesium for leg cramps?", "magnesium"],
  ["does vitmain d help with cramps", "vitamin-d"],
  ["is stretchng good for cramps", "stretching"],
  ["what about massage for my calves", "massage"],
  ["would acupunture help my leg cramps", "acupuncture"],
  ["my grandson plays rugby and I watch every weekend; does drinking more water help cramps?", "hydration"],
  ["should i try the calf stretch against the wall", "stretching"],
  ["i work night shifts - does sunlight help with the vitamin d cramp thing?", "vitamin-d.sunlight"],
  ["How about eating more almonds for the cramps?", "magnesium.food"],
  // A verb is no thing named: "something I could add to my meals" asks which foods.
  ["is there something I could add to my meals that might help the cramps?", "magnesium.food"],
  // "the actual ..." leads the name: the article's own thing, not "actual stretches".
  ["what about the actual almonds then", "magnesium.food"],
];

describe("a question about a thing the article never names gets the honest reply naming it", () => {
  itSaysNotCovered(ask, NOT_COVERED);
});

describe("known misses stay visible", () => {
  for (const [text, named] of KNOWN_MISSES) {
    it.fails(`"${text}" -> not covered: ${named} (known miss)`, async () => {
      const reply = await ask(text);
      expect(reply.intent).toBe("fallback");
      expect(reply.text.toLowerCase()).toContain(named);
    });
  }
});

describe("a question about the article's things that mentions another thing is answered", () => {
  for (const [text, section] of ANSWERED) {
    it(`"${text}" -> ${section}`, async () => {
      const reply = await ask(text);
      expect(reply.intent, describeReply(reply)).toBe("answer");
      expect(reply.section?.id).toBe(section);
    });
  }
});
