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
    "Been on twelve hour shifts, living on toast and crisps, and now my legs cramp every night. Reckon I'm missing something?",
    "answer",
    "magnesium",
  ],
  [
    "Vegan since the summer, I walk a lot and drink plenty, and the cramps started last month. Could I be short on something?",
    "answer",
    "magnesium",
  ],
  [
    "I moved in with my partner, we eat vegetarian, and now my calves seize up at night. Could it be a nutrient gap? Which one?",
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
  [
    "Carer for my dad, up three times a night, never a moment to myself, and my legs have started cramping. Is there something I could try?",
    "answer",
    "prevention",
  ],
  [
    "I'm a retired postman and my calves have been cramping at night for a month. Could you point me in the right direction?",
    "answer",
    "prevention",
  ],
  // A vague why after a story: the causes, not "is there anything" of what to do.
  [
    "Two jobs, a long commute and a toddler who still wakes at four. My calves have started cramping most nights. Is there anything that could explain it?",
    "answer",
    "causes",
  ],
  // The time of year asked after a story of winters: the sunlight.
  [
    "I'm a gardener, outside all day from April, and my night cramps only ever show up from November on. Why would the time of year matter?",
    "answer",
    "vitamin-d.sunlight",
  ],
  // A later detail does not steal the aspect asked: the vitamin asked after no daylight, past the good diet conceded;
  // the strain asked after "constantly on edge", past the water told last.
  [
    "Night porter, I sleep through the day with the curtains shut and haven't seen proper daylight since the autumn. I eat plenty of veg and fruit. Cramps every night now. Could it be a vitamin thing even with a good diet?",
    "answer",
    "vitamin-d",
  ],
  [
    "My son is sitting his finals and is constantly on edge, revising till two. He has started getting cramps in his calves at night. He probably doesn't drink enough either. Could all the strain be connected?",
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

  it("'nope, the vitamin one, not the mineral' after a supplement dose is vitamin D's dose", async () => {
    await expectTurns([
      ["what supplement dose for night cramps", "magnesium.supplements"],
      ["nope, the vitamin one, not the mineral", "vitamin-d.supplements"],
    ]);
  });

  it("'and the other vitamin people use?' after magnesium's dose is vitamin D's dose", async () => {
    await expectTurns([
      ["how much magnesium should i take", "magnesium.supplements"],
      ["and the other vitamin people use for it?", "vitamin-d.supplements"],
    ]);
  });

  it("'how many should I be taking' is asked back; 'the vitamin D ones' then is its dose", async () => {
    await expectTurns([
      ["how many should i be taking", "clarify"],
      ["the vitamin D ones", "vitamin-d.supplements"],
    ]);
  });

  it("'ok and nutritionally?' after what cramps are is the deficiencies", async () => {
    await expectTurns([
      ["what are night cramps", "overview"],
      ["ok and nutritionally?", "magnesium"],
    ]);
  });

  it("'could I be low in something' after what cramps are is the deficiencies", async () => {
    await expectTurns([
      ["are night cramps common", "overview"],
      ["I'm mostly vegetarian these days, could I be low in something", "magnesium"],
    ]);
  });

  it("'so what's left?' after ruling out water and greens is the causes", async () => {
    await expectTurns([
      ["why do i get cramps at night", "causes"],
      ["I drink plenty and my diet is full of greens, so what's left?", "causes"],
    ]);
  });

  it("'anything else she could do?' after she refuses to stretch is what to do", async () => {
    await expectTurns([
      ["why do legs cramp at night", "causes"],
      ["my wife refuses to stretch, she hates it. anything else she could do?", "prevention"],
    ]);
  });

  it("'besides water what else could be causing it' after water is the causes", async () => {
    await expectTurns([
      ["how much water should i drink a day", "hydration"],
      ["right, and besides water what else could be causing it", "causes"],
    ]);
  });
});
