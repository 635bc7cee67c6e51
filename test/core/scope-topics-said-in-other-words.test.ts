// ADR 46: a topic next to the article said in the words people use gets the honest scope reply (a medicine named
// again as "the pills", a medicine told in a clause that goes on to ask, a soap by its brand, periods, cramping
// fingers or tummy, "a few pints", honey water, "having more" of what was told, calcium tablets with a reason
// given); a topic only told on the way to an article question is answered as usual (a medicine's purpose, "my real
// question is", the midwife asked about the rest, a topic set aside, pints of water, other cramps set beside ours).
import { describe, expect, it } from "vitest";
import { createBot, describeReply } from "../support/bot.js";
import { asLabelled } from "../support/labelled.js";

const bot = createBot();
const ask = (text: string) => bot.chat().say(text);

const NOT_COVERED: string[] = [
  "My mum was put on a statin in the spring. Should she stop the pills?",
  "I get awful cramps with my periods every month. What can I do about them?",
  "lately my fingers keep cramping when I write, why does that happen?",
  "my tummy keeps cramping in the evenings, what is going on",
  "My dad eats a banana every night for his cramps. Should he be having more?",
  "Should I start calcium tablets, since calcium is good for muscles?",
  "a spoonful of honey in hot water before bed, does that stop cramps?",
  "he was put on simvastatin a while back and now he cramps all night is it the tablets",
  "does a few pints at the weekend make leg cramps worse",
];

const ANSWERED: [string, string][] = [
  ["I take lisinopril for my blood pressure, but which foods are rich in magnesium?", "magnesium.food"],
  ["I'm pregnant and I'll ask my midwife about supplements, but how do I do the calf stretch?", "stretching"],
  ["ok, leaving the pregnancy aside, how long should I hold the calf stretch?", "stretching"],
  ["I have bananas in for the kids, but my actual question is how much water should I drink?", "hydration"],
  ["I drink 3 pints of water a day, is that enough for cramps?", "hydration"],
  ["I get stomach cramps now and then too, but what stretch helps leg cramps?", "stretching"],
];

describe("ADR 46: a topic next to the article, in the words people use, is not covered", () => {
  for (const text of NOT_COVERED) {
    it(`"${text}"`, async () => {
      const reply = await ask(text);
      expect(reply.intent, describeReply(reply)).toBe("fallback");
    });
  }
});

describe("ADR 46: a topic told on the way to an article question leaves it answered", () => {
  for (const [text, section] of ANSWERED) {
    it(`"${text}" -> ${section}`, async () => {
      const reply = await ask(text);
      expect(asLabelled(reply, "answer", section), describeReply(reply)).toBe(true);
    });
  }
});
