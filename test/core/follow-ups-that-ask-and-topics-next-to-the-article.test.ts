// Fresh conversations written for ADR 70, none taken from an eval set. What a person notices: a follow-up that asks
// gets an answer, not thanks or "I don't know" — "anything else that might help?", "does that help?", "does that
// change it?" after telling their job, "what dose for the first one?" after two supplements, "say that again simpler";
// an apology for a slip ("sorry, cat on the keyboard.") is looked past; and a topic next to the article asked about in
// a conversation ("will it hurt?" after acupuncture, converting units, sleep aids) gets the honest "not covered".
import { beforeAll, describe, it } from "vitest";
import type { Reply } from "../../src/core/types.js";
import { type Bot, createBot, expectChain } from "../support/bot.js";

let bot: Bot;
beforeAll(() => {
  bot = createBot({ rateLimit: { messages: 1000, windowMs: 60_000 } });
});

const expectTurns = (turns: [string, string][]): Promise<Reply[]> => expectChain(bot.chat(), turns);

describe("a word the article leaves out, told inside a conversation about the cramps (ADR 70)", () => {
  it("'I live on coffee and barely touch water, is that the problem' after the causes is water", async () => {
    await expectTurns([
      ["what causes night cramps", "causes"],
      ["honestly I live on coffee and barely touch water, is that the problem", "hydration"],
    ]);
  });

  it("'and if most of what I drink is coffee, how much water then?' after water is water", async () => {
    await expectTurns([
      ["how much water should I drink", "hydration"],
      ["and if most of what I drink is coffee, how much water then?", "hydration"],
    ]);
  });

  it("'does coffee make cramps worse' after water is still not covered", async () => {
    await expectTurns([
      ["how much water should I drink", "hydration"],
      ["does coffee make cramps worse", "fallback"],
    ]);
  });
});

describe("follow-ups that ask, with a thanks or help phrase inside (ADR 70)", () => {
  it("'ok, anything else that might help?' after stress is what to do", async () => {
    await expectTurns([
      ["is stress linked to cramps", "stress"],
      ["ok, anything else that might help?", "prevention"],
    ]);
  });

  it("'would that help my legs though?' after the breathing is the breathing", async () => {
    await expectTurns([
      ["what's the breathing thing before bed", "stress"],
      ["would that help my legs though?", "stress"],
    ]);
  });

  it("'what kind of things set them off?' after what cramps are is the causes", async () => {
    await expectTurns([
      ["are night cramps common", "overview"],
      ["what kind of things set them off?", "causes"],
    ]);
  });

  it("'safe, cheers' after an answer is thanks", async () => {
    await expectTurns([
      ["how much water a day", "hydration"],
      ["safe, cheers", "thanks"],
    ]);
  });
});

describe("whether the answer just given changes for the person (ADR 70)", () => {
  it("'I'm a postman, walking all day in summer, does that change things?' after water is water", async () => {
    await expectTurns([
      ["how much water a day", "hydration"],
      ["I'm a postman, walking all day in summer, does that change things?", "hydration"],
    ]);
  });

  it("'I'm 80 and a bit wobbly, does that change it?' after the stretch is the stretch", async () => {
    await expectTurns([
      ["how long do I hold the calf stretch", "stretching"],
      ["I'm 80 and a bit wobbly, does that change it?", "stretching"],
    ]);
  });

  it("'I'm pregnant, does that change it?' is still for the midwife", async () => {
    await expectTurns([
      ["how much water a day", "hydration"],
      ["I'm pregnant, does that change it?", "fallback"],
    ]);
  });
});

describe("the first or second of two sections answered together (ADR 70)", () => {
  it("'how much of the second one?' after both supplements is vitamin D's", async () => {
    await expectTurns([
      ["which supplements are good for cramps", "magnesium.supplements"],
      ["how much of the second one?", "vitamin-d.supplements"],
    ]);
  });

  it("'and what foods have the first one' after both supplements is magnesium's foods", async () => {
    await expectTurns([
      ["which supplements are good for cramps", "magnesium.supplements"],
      ["and what foods have the first one", "magnesium.food"],
    ]);
  });
});

describe("what else, instead, again (ADR 70)", () => {
  it("'what else?' right after what to do is what to do, not its first remedy", async () => {
    await expectTurns([
      ["what can I do to stop night cramps", "prevention"],
      ["what else?", "prevention"],
    ]);
  });

  it("'what else could cause them?' after water is the causes", async () => {
    await expectTurns([
      ["how much water should I drink", "hydration"],
      ["what else could cause them?", "causes"],
    ]);
  });

  it("'right, and what else should I change?' after the sun is what to do", async () => {
    await expectTurns([
      ["could it be the lack of sun", "vitamin-d.sunlight"],
      ["right, and what else should I change?", "prevention"],
    ]);
  });

  it("'so what is best to do?' after the causes is what to do", async () => {
    await expectTurns([
      ["why do I get cramps at night", "causes"],
      ["so what is best to do?", "prevention"],
    ]);
  });

  it("'ok, what could I do at home instead?' after acupuncture is the other remedies", async () => {
    await expectTurns([
      ["is acupuncture worth trying", "acupuncture"],
      ["ok, what could I do at home instead?", "prevention"],
    ]);
  });

  it("'with my thumbs or something else?' after massage offers an option: still massage", async () => {
    await expectTurns([
      ["how should I massage my calf", "massage"],
      ["with my thumbs or something else?", "massage"],
    ]);
  });

  it("'can you say that again simpler?' after more of massage is massage again, not the next section", async () => {
    await expectTurns([
      ["how do I massage a cramp", "massage"],
      ["tell me more", "massage"],
      ["can you say that again simpler?", "massage"],
    ]);
  });

  it("'where else does it come from, apart from sunshine?' after vitamin D is its foods", async () => {
    await expectTurns([
      ["does vitamin D help cramps", "vitamin-d"],
      ["where else does it come from, apart from sunshine?", "vitamin-d.food"],
    ]);
  });
});

describe("an apology for the message before is looked past (ADR 70)", () => {
  it("'oops sorry, my cat walked on the keyboard. how do I stop calf cramps?' after gibberish is what to do", async () => {
    await expectTurns([
      ["asdfjkl", "fallback"],
      ["oops sorry, my cat walked on the keyboard. how do I stop calf cramps?", "prevention"],
    ]);
  });

  it("'sorry, wrong chat! how much vitamin D a day?' is the dose", async () => {
    await expectTurns([["sorry, wrong chat! how much vitamin D a day?", "vitamin-d.supplements"]]);
  });

  it("an apology that tells of another topic is read with it: period cramps are not covered", async () => {
    await expectTurns([["Sorry, I get period cramps, not leg ones. Same reason?", "fallback"]]);
  });
});

describe("topics next to the article asked about in a conversation (ADR 70)", () => {
  it("'will it hurt?' after acupuncture is not covered", async () => {
    await expectTurns([
      ["does acupuncture help cramps", "acupuncture"],
      ["will it hurt?", "fallback"],
    ]);
  });

  it("'what about cupping' after acupuncture is not covered", async () => {
    await expectTurns([
      ["how often should I have acupuncture", "acupuncture"],
      ["what about cupping", "fallback"],
    ]);
  });

  it("'should I put heat on afterwards?' after acupuncture is not covered", async () => {
    await expectTurns([
      ["does acupuncture work for cramps", "acupuncture"],
      ["should I put heat on afterwards?", "fallback"],
    ]);
  });

  it("'is magnesium good for insomnia' is not covered", async () => {
    await expectTurns([["is magnesium good for insomnia", "fallback"]]);
  });

  it("'can you drink too much water though?' after water is not covered", async () => {
    await expectTurns([
      ["how much water should I drink", "hydration"],
      ["can you drink too much water though? I read about hyponatraemia", "fallback"],
    ]);
  });

  it("'and 1000 IU, how many micrograms is that' after the dose is not covered", async () => {
    await expectTurns([
      ["how much vitamin d should I take", "vitamin-d.supplements"],
      ["and 1000 IU, how many micrograms is that", "fallback"],
    ]);
  });

  it("'is it ok for kids too?' after the stretch is not covered", async () => {
    await expectTurns([
      ["how do I do the calf stretch", "stretching"],
      ["is it ok for kids too?", "fallback"],
    ]);
  });
});
