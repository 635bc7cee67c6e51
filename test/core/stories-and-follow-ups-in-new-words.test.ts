// Fresh messages and conversations written for ADR 53, none taken from an eval set. What a person notices: a story
// that asks whether something is short ("could I be lacking something?", "is there a nutrient gap?") gets the
// deficiencies, not the foods its backstory named; a vague what-to-do or why after a story gets what to do or the
// causes (or the cause the story named); a later detail of the story does not steal the aspect asked; and follow-ups
// move to the topic they mean: an aspect only vitamin D has after water, "no, the vitamin, not the mineral", "the
// other vitamin", and "what else" once the person has ruled things out.
import { beforeAll, describe, it } from "vitest";
import type { Reply } from "../../src/core/types.js";
import { type Bot, createBot, expectChain } from "../support/bot.js";
import { describeLabelled, type LabelledCase } from "../support/labelled.js";

const FRESH: LabelledCase[] = [
  // Something short, asked of nothing named, after a story that names food: the deficiencies (magnesium first).
  [
    "I went plant-based at new year and since then my calves knot up most nights. Could I be short of something?",
    "answer",
    "magnesium",
  ],
  [
    "Been on long shifts, living on toast and cereal lately, and now my legs cramp at night. Am I lacking something, do you think?",
    "answer",
    "magnesium",
  ],
  [
    "Pescatarian for ten years, walk the dog twice a day, drink plenty. Still get the night cramps in both calves. Is there a nutrient gap I should look at?",
    "answer",
    "magnesium",
  ],
  // A vague what-to-do after a story: what to do.
  [
    "I'm a chef, on my feet twelve hours, home after midnight, and my calves lock up about an hour after I get into bed. Any pointers at all?",
    "answer",
    "prevention",
  ],
  [
    "Since the baby came I get maybe five hours of broken sleep, I'm up and down the stairs all evening, and now I get these awful calf cramps in the night too. What on earth do I do?",
    "answer",
    "prevention",
  ],
  // A vague why after a story that names its cause (worry): that cause.
  [
    "My business has been going under since the spring and I have been worrying myself sick, barely sleeping, and now my legs cramp at night as well. Could all the worry be linked?",
    "answer",
    "stress",
  ],
  // A later detail does not steal the aspect asked.
  [
    "Night porter, I sleep through the day with the curtains shut and haven't seen proper daylight since the autumn. I eat plenty of veg and fruit. Cramps every night now. Could it be a vitamin thing even with a good diet?",
    "answer",
    "vitamin-d",
  ],
  [
    "Since my mum moved in with us I've been run ragged and permanently wound up, and the cramps started around then. I probably don't drink enough water either. Could the tension be part of it?",
    "answer",
    "stress",
  ],
];

describeLabelled("a story's ask in new words (ADR 53)", createBot(), FRESH, []);

let bot: Bot;
beforeAll(() => {
  bot = createBot({ rateLimit: { messages: 1000, windowMs: 60_000 } });
});

const expectTurns = (turns: [string, string][]): Promise<Reply[]> => expectChain(bot.chat(), turns);

describe("a follow-up moves to the topic it means (ADR 53)", () => {
  it("an aspect only vitamin D has, asked after water, is vitamin D's; its dose follows", async () => {
    await expectTurns([
      ["how much water should i drink a day", "hydration"],
      ["i work nights and hardly ever see the sun, is that relevant", "vitamin-d.sunlight"],
      ["so pills then, what dose", "vitamin-d.supplements"],
    ]);
  });

  it("'no, the vitamin, not the mineral' after a supplement dose is vitamin D's dose", async () => {
    await expectTurns([
      ["what supplement dose for night cramps", "magnesium.supplements"],
      ["no, the vitamin, not the mineral one", "vitamin-d.supplements"],
    ]);
  });

  it("'and the other vitamin people use?' after magnesium's dose is vitamin D's dose", async () => {
    await expectTurns([
      ["how much magnesium should i take", "magnesium.supplements"],
      ["and the other vitamin people use for it?", "vitamin-d.supplements"],
    ]);
  });

  it("'could I be low in something' after what cramps are is the deficiencies", async () => {
    await expectTurns([
      ["are night cramps common", "overview"],
      ["I eat mostly vegetarian, could I be low in something", "magnesium"],
    ]);
  });

  it("'so what else is there' after ruling out water and greens is the causes", async () => {
    await expectTurns([
      ["what causes night cramps", "causes"],
      ["I already drink loads and eat my greens, so what else is there?", "causes"],
    ]);
  });

  it("'anything else she could do?' after she refuses to stretch is what to do", async () => {
    await expectTurns([
      ["why do legs cramp at night", "causes"],
      ["my wife refuses to stretch, she hates it. anything else she could do?", "prevention"],
    ]);
  });

  it("'and apart from water, what else might be behind them' after water is the causes", async () => {
    await expectTurns([
      ["how much water should i drink a day", "hydration"],
      ["and apart from water, what else might be behind them", "causes"],
    ]);
  });
});
