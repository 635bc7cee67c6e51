// Follow-ups read in context, second pass (issue 10, ADR 41): a correction ("sorry, I meant vitamin D"), what the
// person rules out after a general answer ("so not water"), "what else" past something set aside ("apart from the
// sun", "besides nuts", "that isn't needles"), where a topic comes from ("where do I get it if there's no sun"),
// "which one is most common" after a list, another aspect named after an answer, "why" after the deeper paragraph,
// and small talk read in its place in the conversation ("alright mate" as an opening, "nice one, night").
import { beforeAll, describe, expect, it } from "vitest";
import type { Reply } from "../../src/core/types.js";
import { type Bot, createBot, expectChain } from "../support/bot.js";

let bot: Bot;
beforeAll(() => {
  bot = createBot({ rateLimit: { messages: 1000, windowMs: 60_000 } });
});

/** Says each turn in a new conversation and checks what each reply answers from (see expectChain). */
const expectTurns = (turns: [string, string][]): Promise<Reply[]> => expectChain(bot.chat(), turns);

describe("a correction switches to the topic meant and keeps the aspect asked about", () => {
  it("'no wait, I meant vitamin D' after magnesium's dose gives vitamin D's dose", async () => {
    await expectTurns([
      ["how much magnesium should I take a day", "magnesium.supplements"],
      ["no wait, I meant vitamin D", "vitamin-d.supplements"],
    ]);
  });

  it("'oops I meant vitamin d, not magnesium' after magnesium's foods gives vitamin D's foods", async () => {
    await expectTurns([
      ["what foods are high in magnesium", "magnesium.food"],
      ["oops I meant vitamin d, not magnesium", "vitamin-d.food"],
    ]);
  });

  it("a 'not' outside a correction still names its topic", () => {
    const s = bot.engine.reader.read("why not magnesium");
    expect(s.corrects).toBe(false);
    expect(s.topics.has("magnesium")).toBe(true);
  });
});

describe("ruling a topic out after a general answer narrows that answer", () => {
  it("'I do my stretches every night already so not stretching' after what to do stays on what to do", async () => {
    await expectTurns([
      ["what can I do about night cramps", "prevention"],
      ["I do my stretches every night already so not stretching", "prevention"],
    ]);
  });

  it("'I drink loads of water, so it's not that' after the causes stays on the causes", async () => {
    await expectTurns([
      ["why do I get leg cramps at night", "causes"],
      ["I drink loads of water, so it's not that", "causes"],
    ]);
  });
});

describe("'what else' past something set aside", () => {
  it("'anything else I could try that doesn't involve needles?' after acupuncture lists what to do", async () => {
    await expectTurns([
      ["does acupuncture help cramps", "acupuncture"],
      ["anything else I could try that doesn't involve needles?", "prevention"],
    ]);
  });

  it("'what else apart from nuts' after magnesium's foods gives the other foods", async () => {
    await expectTurns([
      ["which nuts have magnesium", "magnesium.food"],
      ["what else apart from nuts", "magnesium.food"],
    ]);
  });

  it("'what else apart from the sun' after vitamin D's sunlight gives its next source, food", async () => {
    await expectTurns([
      ["does sunlight give you vitamin d", "vitamin-d.sunlight"],
      ["what else apart from the sun", "vitamin-d.food"],
    ]);
  });

  it("'what else might it be?' after one cause gives the causes", async () => {
    await expectTurns([
      ["could dehydration cause my cramps", "hydration"],
      ["what else might it be?", "causes"],
    ]);
  });
});

describe("where a topic comes from: its first source the message does not set aside", () => {
  it("'and magnesium, where do I get that?' after the causes gives magnesium's foods", async () => {
    await expectTurns([
      ["what causes night cramps", "causes"],
      ["and magnesium, where do I get that?", "magnesium.food"],
    ]);
  });

  it("'where can I get it if there's no sun' after vitamin D gives its foods", async () => {
    await expectTurns([
      ["does vitamin d help with cramps", "vitamin-d"],
      ["where can I get it if there's no sun", "vitamin-d.food"],
    ]);
  });

  it("'where do I get it apart from tablets?' after vitamin D gives the sunlight", async () => {
    await expectTurns([
      ["does vitamin d help with cramps", "vitamin-d"],
      ["where do I get it apart from tablets?", "vitamin-d.sunlight"],
    ]);
  });

  it("'where do I get vitamin d from food if I don't eat seafood' still asks about food", async () => {
    await expectTurns([["where do I get vitamin d from food if I don't eat seafood", "vitamin-d.food"]]);
  });
});

describe("'which one is most common' after a list is about that list", () => {
  it.each([["which of those is the most common?"], ["which one is most common"]])(
    "%s after the causes gives the causes",
    async (text) => {
      await expectTurns([
        ["what causes night cramps", "causes"],
        [text, "causes"],
      ]);
    },
  );

  it("'which deficiency is most common?' still asks about the deficiencies", async () => {
    const [, reply] = await expectTurns([
      ["what causes night cramps", "causes"],
      ["which deficiency is most common?", "magnesium"],
    ]);
    expect(reply?.intent).toBe("answer");
  });

  it("'why are calves the most common place to cramp' is about the calf", async () => {
    await expectTurns([["why are calves the most common place to cramp", "stretching"]]);
  });
});

describe("after an answer, another aspect named is asked about, and 'why' stays on the answer", () => {
  it("'should I take it with a meal?' after vitamin D's dose stays on the supplements", async () => {
    await expectTurns([
      ["vitamin d dose for cramps", "vitamin-d.supplements"],
      ["should I take it with a meal?", "vitamin-d.supplements"],
      ["does it need to be with a fatty meal", "vitamin-d.supplements"],
    ]);
  });

  it("'and is there anything I can eat instead' after vitamin D's dose gives its foods", async () => {
    await expectTurns([
      ["how much vitamin d should I take", "vitamin-d.supplements"],
      ["and is there anything I can eat instead", "vitamin-d.food"],
    ]);
  });

  it("'what do I actually do' after stress stays on stress", async () => {
    await expectTurns([
      ["can stress give you cramps", "stress"],
      ["what do I actually do", "stress"],
    ]);
  });

  it("'hmm why' after the deeper paragraph stays on the answer", async () => {
    await expectTurns([
      ["i've been super stressed, could that cause cramps", "stress"],
      ["tell me more", "stress"],
      ["hmm why", "stress"],
    ]);
  });
});

describe("small talk read in its place in the conversation", () => {
  it("'alright mate' opens a conversation as a greeting; after an answer it is thanks", async () => {
    await expectTurns([
      ["alright mate", "greeting"],
      ["what causes night cramps", "causes"],
      ["alright", "thanks"],
    ]);
  });

  it("'thanks' alone is still thanks", async () => {
    await expectTurns([["thanks", "thanks"]]);
  });

  it("'cheers, night' ends the conversation; 'is sitting all night a problem too' does not", async () => {
    await expectTurns([
      ["what helps with cramps at night", "prevention"],
      ["cheers, night", "goodbye"],
    ]);
    expect(bot.engine.reader.read("and is sitting all night a problem too").smallTalk).toBeNull();
    expect(bot.engine.reader.read("who won the footy last night").smallTalk).toBeNull();
  });

  it("'hi, I've got a question about leg cramps' is a greeting; 'I have a question about magnesium' is not", async () => {
    await expectTurns([
      ["hi, I've got a question about leg cramps", "greeting"],
      ["why do they happen", "causes"],
    ]);
    expect(bot.engine.reader.read("I have a question about magnesium").smallTalk).toBeNull();
  });

  it("'fine, so what does the article say works?' after an out-of-scope reply is a question", async () => {
    await expectTurns([
      ["does pickle juice work for cramps", "fallback"],
      ["fine, so what does the article say works?", "prevention"],
    ]);
  });
});
