// Fresh conversations written for ADR 81, none taken from an eval set. What a person notices: when they turn one way
// down and ask another in the same breath ("I don't eat fish, so a supplement then?", "I'd rather get it from my
// dinner than take tablets", "the sun is not much use here, what food has it?"), the bot answers the way they asked
// for, not the one they turned down; "how many a day?" after the foods counts the foods, not a dose; "same question
// but for X" keeps the aspect; "what else could be contributing" asks another cause, as "the usual reason" asks the
// commonest; "is there anything else" after one remedy is the other remedies; "back to the cramps, are they common?"
// leaves the remedy; and everyday words ("the magnesia", "loose motions", "the main vitamin one", "rest days", "sits
// at the window") are read as what they mean.
import { beforeAll, describe, it } from "vitest";
import type { Reply } from "../../src/core/types.js";
import { type Bot, createBot, expectChain } from "../support/bot.js";

let bot: Bot;
beforeAll(() => {
  bot = createBot({ rateLimit: { messages: 1000, windowMs: 60_000 } });
});

const expectTurns = (turns: [string, string][]): Promise<Reply[]> => expectChain(bot.chat(), turns);

describe("one way turned down, another asked (ADR 81)", () => {
  it("'I don't eat fish at all, so a supplement then? how many units' after vitamin D's foods is its dose", async () => {
    await expectTurns([
      ["which foods give you vitamin d", "vitamin-d.food"],
      ["I don't eat fish at all, so a supplement then? how many units", "vitamin-d.supplements"],
    ]);
  });

  it("'what if she hates oily fish and eggs, can she take it as a tablet?' is vitamin D's dose", async () => {
    await expectTurns([
      ["which foods give you vitamin d", "vitamin-d.food"],
      ["what if she really hates oily fish and eggs, can she take it as a tablet?", "vitamin-d.supplements"],
    ]);
  });

  it("'I'd rather get it from my dinner than take tablets' after the vitamin D dose is its foods", async () => {
    await expectTurns([
      ["how much vitamin d should I take", "vitamin-d.supplements"],
      ["I'd rather get it from my dinner than take tablets", "vitamin-d.food"],
    ]);
  });

  it("'we live in Glasgow so the sun is not much use, what food has it' after the sunlight is its foods", async () => {
    await expectTurns([
      ["can a lack of sunshine give you cramps", "vitamin-d.sunlight"],
      ["we live in Glasgow so the sun is not much use, what food has it", "vitamin-d.food"],
    ]);
  });

  it("'I never see the sun on nights, could that be it?' with nothing else asked is still the sunlight", async () => {
    await expectTurns([
      ["what causes leg cramps at night", "causes"],
      ["I never see the sun on nights, could that be it?", "vitamin-d.sunlight"],
    ]);
  });

  it("'i hate mushrooms, pills?' turns down only the mushrooms, not the pills", async () => {
    await expectTurns([
      ["where do i get vitamin d from food", "vitamin-d.food"],
      ["i hate mushrooms, pills?", "vitamin-d.supplements"],
    ]);
  });
});

describe("items counted after a topic's part (ADR 81)", () => {
  it("'how many of them a day' after the magnesium foods is still the foods", async () => {
    await expectTurns([
      ["which seeds are good for magnesium", "magnesium.food"],
      ["how many of them a day", "magnesium.food"],
    ]);
  });

  it("'how many a day?' after the vitamin D dose is still the dose", async () => {
    await expectTurns([
      ["how much vitamin d should I take", "vitamin-d.supplements"],
      ["how many a day?", "vitamin-d.supplements"],
    ]);
  });

  it("'how many tablets a day' after the magnesium foods asks the dose", async () => {
    await expectTurns([
      ["what foods have magnesium", "magnesium.food"],
      ["and how many tablets a day", "magnesium.supplements"],
    ]);
  });
});

describe("switches, causes and everyday words (ADR 81)", () => {
  it("'same question but for vitamin D' after the magnesium foods is vitamin D's foods", async () => {
    await expectTurns([
      ["what should I eat to get more magnesium", "magnesium.food"],
      ["same question but for vitamin D", "vitamin-d.food"],
    ]);
  });

  it("'ok what else might be contributing' after water asks another cause", async () => {
    await expectTurns([
      ["does not drinking enough water cause cramps", "hydration"],
      ["ok what else might be contributing", "causes"],
    ]);
  });

  it("'would the magnesia help' after the causes is magnesium", async () => {
    await expectTurns([
      ["why do my legs cramp in bed", "causes"],
      ["would the magnesia help", "magnesium"],
    ]);
  });

  it("'can it give loose motions' after the magnesium dose is still the dose", async () => {
    await expectTurns([
      ["magnesium how much daily", "magnesium.supplements"],
      ["can it give loose motions", "magnesium.supplements"],
    ]);
  });

  it("'and the main vitamin one?' after the causes is vitamin D", async () => {
    await expectTurns([
      ["what are the causes", "causes"],
      ["and the main vitamin one?", "vitamin-d"],
    ]);
  });
});

describe("what else, the usual cause and a return to the cramps (ADR 81)", () => {
  it("'is there anything else apart from the massage?' after massage is the other remedies", async () => {
    await expectTurns([
      ["would massaging my calves help", "massage"],
      ["is there anything else apart from the massage?", "prevention"],
    ]);
  });

  it("'so what's the usual reason people get them' after the gist is the causes", async () => {
    await expectTurns([
      ["can you sum up the article for me", "summary"],
      ["so what's the usual reason people get them", "causes"],
    ]);
  });

  it("'anyway, back to the cramps, are they common at my age?' after massage is the overview", async () => {
    await expectTurns([
      ["how do I massage a cramp out", "massage"],
      ["anyway, back to the cramps, are they common at my age?", "overview"],
    ]);
  });

  it("'ok and how often do I do it' after massage still stays on massage", async () => {
    await expectTurns([
      ["how do I massage a cramp out", "massage"],
      ["ok and how often do I do it", "massage"],
    ]);
  });

  it("'and on rest days?' after how much to drink is still water", async () => {
    await expectTurns([
      ["how much should I drink in a day", "hydration"],
      ["and on rest days?", "hydration"],
    ]);
  });

  it("'he sits at the window reading all morning, does that count?' after vitamin D is its sunlight", async () => {
    await expectTurns([
      ["could my grandad be low in vitamin d", "vitamin-d"],
      ["he sits at the window reading all morning, does that count?", "vitamin-d.sunlight"],
    ]);
  });
});

describe("a pronoun turned down and slang (ADR 81)", () => {
  it("'how else can I stop them without those?' after tablets are named is what to do, not the dose", async () => {
    await expectTurns([
      ["what are night cramps exactly", "overview"],
      ["I'm not keen on swallowing tablets, how else can I stop them without those?", "prevention"],
    ]);
  });

  it("'can I do it meself before I kip' after massage is still massage", async () => {
    await expectTurns([
      ["how do I massage my calf", "massage"],
      ["can I do it meself before I kip", "massage"],
    ]);
  });
});

describe("what might help, asked with a modal (ADR 81)", () => {
  it("'so what would help?' after the overview is what to do", async () => {
    await expectTurns([
      ["are night cramps common", "overview"],
      ["so what would help?", "prevention"],
    ]);
  });
});

describe("saving an answer says nothing of its subject (ADR 81)", () => {
  it("'got a short summary I could screenshot for my mum?' after the causes is the summary", async () => {
    await expectTurns([
      ["what causes cramps", "causes"],
      ["got a short summary I could screenshot for my mum?", "summary"],
    ]);
  });
});

describe("a question with no mark that opens with its verb (ADR 81)", () => {
  it("'does that actually help the calves' after the breathing is asked, not thanks", async () => {
    await expectTurns([
      ["tell me about the breathing exercise for stress", "stress"],
      ["does that actually help the calves", "stress"],
    ]);
  });
});
