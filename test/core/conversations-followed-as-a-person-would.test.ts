// Fresh conversations written for ADR 75, none taken from an eval set. What a person notices: the bot follows a
// conversation as a person would — "what food should I add?" after water asks for the foods; "the vit D side of it"
// switches to vitamin D and keeps the aspect; "she's housebound, does that change things?" after vitamin D is its
// sunlight; "I take them at night with a cup of tea, ok?" after a dose asks about the dose, coffee or not; "show me the
// stretch routine" starts the stretch coach while "thanks for being straight with me" is only thanks; cupping or
// medicines raised mid-conversation get the honest "not covered"; and everyday words (the mind, exam season, "is that
// standard stuff?", "where does that come from", "shd") are read as what they mean.
import { beforeAll, describe, it } from "vitest";
import type { Reply } from "../../src/core/types.js";
import { type Bot, createBot, expectChain } from "../support/bot.js";

let bot: Bot;
beforeAll(() => {
  bot = createBot({ rateLimit: { messages: 1000, windowMs: 60_000 } });
});

const expectTurns = (turns: [string, string][]): Promise<Reply[]> => expectChain(bot.chat(), turns);

describe("an aspect asked after a topic that has none of it (ADR 75)", () => {
  it("'which foods should I be adding then' after water asks for the foods", async () => {
    await expectTurns([
      ["how many litres of water a day", "hydration"],
      ["which foods should I be adding then", "magnesium.food"],
    ]);
  });

  it("'how much?' after water is still water's amount", async () => {
    await expectTurns([
      ["how much water should I drink", "hydration"],
      ["how much?", "hydration"],
    ]);
  });

  it("'even with all the fibre I eat?' after water is still water", async () => {
    await expectTurns([
      ["how much water should I drink", "hydration"],
      ["even with all the fibre I eat?", "hydration"],
    ]);
  });
});

describe("a topic named with 'side', keeping the aspect (ADR 75)", () => {
  it("'and what's the magnesium side of things?' after the vitamin D dose is the magnesium dose", async () => {
    await expectTurns([
      ["how much vitamin d should I take", "vitamin-d.supplements"],
      ["so what's the magnesium side of things?", "magnesium.supplements"],
    ]);
  });

  it("'whats the vitamin d side then' after the magnesium foods is vitamin D's foods", async () => {
    await expectTurns([
      ["what foods have magnesium", "magnesium.food"],
      ["ok whats the vitamin d side then", "vitamin-d.food"],
    ]);
  });
});

describe("what is told, and whether it changes the answer (ADR 75)", () => {
  it("'my nan is housebound these days, would that change things?' after vitamin D is its sunlight", async () => {
    await expectTurns([
      ["why does vitamin d matter for cramps", "vitamin-d"],
      ["my nan is housebound these days, would that change things?", "vitamin-d.sunlight"],
    ]);
  });

  it("'I rarely leave the house, does that make any difference?' after water stays on water", async () => {
    await expectTurns([
      ["how much water should I drink", "hydration"],
      ["I work from home and rarely leave the house, does that make any difference?", "hydration"],
    ]);
  });

  it("'I take them at night with a cup of tea, alright?' after the magnesium dose is the dose", async () => {
    await expectTurns([
      ["how much magnesium should i take", "magnesium.supplements"],
      ["I take them at night with a cup of tea, is that alright?", "magnesium.supplements"],
    ]);
  });

  it("'should I take it with a meal?' after the vitamin D dose stays on the supplements", async () => {
    await expectTurns([
      ["how much vitamin d should I take", "vitamin-d.supplements"],
      ["should I take it with a meal?", "vitamin-d.supplements"],
    ]);
  });

  it("'does coffee stop it working?' after the dose is still not covered", async () => {
    await expectTurns([
      ["how much magnesium should i take", "magnesium.supplements"],
      ["does coffee stop it working?", "fallback"],
    ]);
  });
});

describe("the stretch coach asked for, and 'with me' that asks for no coach (ADR 75)", () => {
  it("'can you show me the stretching routine' starts the coach", async () => {
    await expectTurns([["can you show me the stretching routine", "stretch"]]);
  });

  it("'show me the calf stretch' is still the stretch's answer", async () => {
    await expectTurns([["show me the calf stretch", "stretching"]]);
  });

  it("'thanks for being patient with me' after the stretch is thanks", async () => {
    await expectTurns([
      ["how do I stretch my calves", "stretching"],
      ["thanks for being patient with me", "thanks"],
    ]);
  });

  it("'be honest with me, is it worth doing' after the stretch is the stretch", async () => {
    await expectTurns([
      ["how do I stretch my calves", "stretching"],
      ["be honest with me, is it worth doing every night", "stretching"],
    ]);
  });

  it("'what is wrong with me then' after the stretch asks the causes", async () => {
    await expectTurns([
      ["how do I stretch my calves", "stretching"],
      ["what is wrong with me then", "causes"],
    ]);
  });

  it("'do the stretch with me' still starts the coach", async () => {
    await expectTurns([["do the stretch with me please", "stretch"]]);
  });
});

describe("topics next to the article raised mid-conversation (ADR 75)", () => {
  it("'is cupping any better?' after acupuncture is not covered", async () => {
    await expectTurns([
      ["does acupuncture work for cramps", "acupuncture"],
      ["is cupping any better?", "fallback"],
    ]);
  });

  it("'a cup of tea before bed' is no cupping", async () => {
    await expectTurns([["I have a cup of tea before bed and still cramp, why", "causes"]]);
  });

  it("'she's on a lot of medication, could the pills be behind it?' is not covered", async () => {
    await expectTurns([
      ["my mum is 84 and on a lot of medication. could the pills be behind her cramps?", "fallback"],
    ]);
  });

  it("'I'm not on any other medication' rules medicines out and asks the causes", async () => {
    await expectTurns([
      ["I'm 50 and not on any other medication. what else could be causing my cramps?", "causes"],
    ]);
  });
});

describe("everyday words for what the article says (ADR 75)", () => {
  it("'what does it say about the mind' after the summary is stress", async () => {
    await expectTurns([
      ["sum up the article for me", "summary"],
      ["what does it say about the mind", "stress"],
    ]);
  });

  it("'it's exam time and my calves cramp every night, connected?' is stress", async () => {
    await expectTurns([["it's exam time at school and my calves cramp every night, connected?", "stress"]]);
  });

  it("'woke with a cramp, gone in a minute. par for the course?' is the overview", async () => {
    await expectTurns([["woke with a cramp, gone in a minute. par for the course?", "overview"]]);
  });

  it("'my feet cramp up most nights, where is that coming from?' is the causes", async () => {
    await expectTurns([["my calves seize up most nights, where is that coming from?", "causes"]]);
  });

  it("'which vitamins could help him' answers both vitamins", async () => {
    await expectTurns([["my husband gets cramps at night, which vitamins could help him", "magnesium"]]);
  });

  it("'wat shd i eat' in slang is the foods", async () => {
    await expectTurns([["wat shd i eat for cramps", "magnesium.food"]]);
  });
});
