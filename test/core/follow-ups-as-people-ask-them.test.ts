// Follow-ups read in context, third pass (issue 10, ADR 47): follow-ups worded as people word them to a person —
// "any drawbacks?", "the D one", "anything apart from that", "the one with your foot on a step", "in one go or spread
// out?", "do they clear up by themselves?", what to do "at bedtime" after stress — and the requests and small talk
// said in passing ("sure, the stretch please /stretch", "walk me through it, I'm by the stairs", "at night" in a
// greeting, "can we start fresh").
import { beforeAll, describe, expect, it } from "vitest";
import type { Reply } from "../../src/core/types.js";
import { type Bot, createBot, expectChain } from "../support/bot.js";

let bot: Bot;
beforeAll(() => {
  bot = createBot({ rateLimit: { messages: 1000, windowMs: 60_000 } });
});

/** Says each turn in a new conversation and checks what each reply answers from (see expectChain). */
const expectTurns = (turns: [string, string][]): Promise<Reply[]> => expectChain(bot.chat(), turns);

describe("a short follow-up about the answer just given stays on it", () => {
  it("'any drawbacks?' after vitamin D's dose asks whether that dose is safe", async () => {
    await expectTurns([
      ["how much vitamin d should i take", "vitamin-d.supplements"],
      ["any drawbacks?", "vitamin-d.supplements"],
    ]);
  });

  it("'in one go or spread out through the day?' after a dose is about when to take it", async () => {
    await expectTurns([
      ["how much vitamin d", "vitamin-d.supplements"],
      ["in one go or spread out through the day?", "vitamin-d.supplements"],
    ]);
  });

  it("'do they ever stop by themselves after a while' after what the cramps are stays on them", async () => {
    await expectTurns([
      ["are leg cramps at night normal", "overview"],
      ["do they ever stop by themselves after a while", "overview"],
    ]);
  });

  it("'do they usually clear up by themselves' is a question, not a request to clear the chat", async () => {
    await expectTurns([
      ["what are night cramps", "overview"],
      ["do they usually clear up by themselves over time", "overview"],
    ]);
    await expectTurns([["clear", "reset"]]);
  });

  it("'what exactly am I supposed to do at bedtime then' after stress is about the wind-down it gives", async () => {
    await expectTurns([
      ["could stress be behind my cramps", "stress"],
      ["what exactly am I supposed to do at bedtime then", "stress"],
    ]);
  });
});

describe("a topic called by a nickname keeps the aspect asked about", () => {
  it("'what about the D one?' after magnesium's foods gives vitamin D's foods", async () => {
    await expectTurns([
      ["what foods have magnesium", "magnesium.food"],
      ["what about the D one?", "vitamin-d.food"],
    ]);
  });

  it("'and the vitamin one' after magnesium tablets gives vitamin D's supplements", async () => {
    await expectTurns([
      ["magnesium tablets how many", "magnesium.supplements"],
      ["and the vitamin one", "vitamin-d.supplements"],
    ]);
  });

  it("'do my emotions have anything to do with it' is the stress section", async () => {
    await expectTurns([["do my emotions have anything to do with it", "stress"]]);
  });
});

describe("'anything apart from that' after one remedy gives the others", () => {
  it("after acupuncture it is what to do, not acupuncture again", async () => {
    await expectTurns([
      ["does acupuncture work for cramps", "acupuncture"],
      ["anything apart from that", "prevention"],
    ]);
  });
});

describe("the stretch told by what you do in it", () => {
  it("'the one with your foot up on a step' after what helps is the calf stretch", async () => {
    await expectTurns([
      ["what helps night cramps", "prevention"],
      ["the one with your foot up on a step", "stretching"],
    ]);
  });

  it("'the stretch where you press a pedal' is the stretch, not massage's pressing", async () => {
    await expectTurns([["what's the stretch where you press a pedal", "stretching"]]);
  });

  it("'what are the steps' still asks how it is done", () => {
    const s = bot.engine.reader.read("what are the steps");
    expect(s.facets.has("how-to")).toBe(true);
  });
});

describe("a request for the coach said in passing starts it", () => {
  it("'sure, the stretch please /stretch' is the command", async () => {
    await expectTurns([["sure, the stretch please /stretch", "stretch"]]);
  });

  it("'walk me through it, I'm at the bottom of the stairs' after the stretch starts the coach", async () => {
    await expectTurns([
      ["tell me about the calf stretch", "stretching"],
      ["walk me through it, I'm at the bottom of the stairs", "stretch"],
    ]);
  });

  it("telling the coach where your foot is, then 'next', carries on with the stretch", async () => {
    await expectTurns([
      ["/stretch", "stretch"],
      ["ok my heel is down on the floor. next", "stretch"],
      ["next", "stretch"],
    ]);
  });
});

describe("small talk read in its place", () => {
  it("'at night' in a greeting with a question announced is no goodbye", async () => {
    await expectTurns([["hi, I have question about cramp in my calves at night", "greeting"]]);
    await expectTurns([["thanks, night", "goodbye"]]);
  });

  it("'can we start fresh' starts over", async () => {
    await expectTurns([
      ["what causes cramps", "causes"],
      ["can we start fresh", "reset"],
    ]);
  });
});
