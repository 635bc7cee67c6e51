// Fresh conversations written for ADR 56, none taken from an eval set. What a person notices: the last question asked
// again for someone else, with a word about them ("what about my dad, he's 79 and walks with a stick"), gets the same
// answer, not "I don't know"; "start over" said first in a longer message starts over; a bare slang ask closing a
// message ("...ruining my sleep. wat do") gets what to do; "how do I get more of it without pills" gets the topic's
// food; "just the vitamin D one" after both vitamins' supplements gets vitamin D's; a place told back ("in glasgow??")
// stays on the answer given.
import { beforeAll, describe, it } from "vitest";
import type { Reply } from "../../src/core/types.js";
import { type Bot, createBot, expectChain } from "../support/bot.js";

let bot: Bot;
beforeAll(() => {
  bot = createBot({ rateLimit: { messages: 1000, windowMs: 60_000 } });
});

const expectTurns = (turns: [string, string][]): Promise<Reply[]> => expectChain(bot.chat(), turns);

describe("the same question for someone else keeps the last answer (ADR 56)", () => {
  it("'what about my dad, he's 79 and walks with a stick' after the stretch is the stretch", async () => {
    await expectTurns([
      ["how long should I hold the calf stretch", "stretching"],
      ["what about my dad, he's 79 and walks with a stick", "stretching"],
    ]);
  });

  it("'and for my grandad, he is a retired miner' after the causes is the causes", async () => {
    await expectTurns([
      ["what causes night cramps", "causes"],
      ["and for my grandad, he is a retired miner", "causes"],
    ]);
  });

  it("'and for my nan? she's 90 and gets them every night' after the dose is the dose", async () => {
    await expectTurns([
      ["how much magnesium should i take", "magnesium.supplements"],
      ["and for my nan? she's 90 and gets them every night", "magnesium.supplements"],
    ]);
  });

  it("'what about my sister, she's a postwoman, out in all weathers' after water is water", async () => {
    await expectTurns([
      ["how much water should I drink", "hydration"],
      ["what about my sister, she's a postwoman, out in all weathers", "hydration"],
    ]);
  });
});

describe("requests said in passing (ADR 56)", () => {
  it("'ok can we start again, I am asking for my son and not for me at all' starts over", async () => {
    await expectTurns([
      ["how much water should I drink", "hydration"],
      ["ok can we start again, I am asking for my son and not for me at all", "reset"],
    ]);
  });

  it("'...ruining my sleep. wat do' closing a message is what to do", async () => {
    await expectTurns([["my calves woke me up again last night, ruining my sleep. wat do", "prevention"]]);
  });

  it("'cramps again last night, both legs. what do?' is what to do", async () => {
    await expectTurns([["cramps again last night, both legs. what do?", "prevention"]]);
  });

  it("'how can i get more of it, not from tablets' after magnesium is its food", async () => {
    await expectTurns([
      ["tell me about magnesium", "magnesium"],
      ["how can i get more of it but not from tablets", "magnesium.food"],
    ]);
  });

  it("'only the vitamin d one then' after both supplements is vitamin D's supplements", async () => {
    await expectTurns([
      ["which supplements are worth taking for cramps", "magnesium.supplements"],
      ["only the vitamin d one then", "vitamin-d.supplements"],
    ]);
  });
});

describe("a place told back to an answer stays on it (ADR 56)", () => {
  it("'in glasgow?' after how much sun is still the sunlight", async () => {
    await expectTurns([
      ["how much sun do i need for vitamin d", "vitamin-d.sunlight"],
      ["in glasgow?? so hardly ever then", "vitamin-d.sunlight"],
    ]);
  });

  it("'up in aberdeen though? it's grey all winter' after how much sun is still the sunlight", async () => {
    await expectTurns([
      ["how much sun do i need for vitamin d", "vitamin-d.sunlight"],
      ["up in aberdeen though? it's grey all winter", "vitamin-d.sunlight"],
    ]);
  });
});
