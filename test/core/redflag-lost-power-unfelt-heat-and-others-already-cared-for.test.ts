/**
 * Red flags as people tell them without the medical word (ADR 74): strength gone from what a leg did ("haven't got the
 * power", "can't get off the sofa without pushing with his arms"), heat not felt with one foot, footwear lost without
 * noticing, a foot pale as wax, a sock that leaves a deep dent on one side, a calf redder than the other and hot under
 * the hand, a breath hard to take or winded for no reason, illness at both ends, a trip over something, a cramp held
 * from a clock time said with "since" or "now gone", or held while a meal was made and eaten. Their look-alikes are
 * answered: somebody else's sign already looked after ("from his diabetes", "in plaster") when the writer sets their
 * own apart, a rule somebody says ("my mum says if ..."), a short cramp and hours lain awake after it, a numb foot
 * sorted after physio. Written for this file, not taken from the eval sets.
 */
import { describe, expect, it } from "vitest";
import { createBot, describeReply, sayAll } from "../support/bot.js";
import { describeLabelled, itRepliesEach, type LabelledCase } from "../support/labelled.js";

const bot = createBot({ rateLimit: { messages: 1000, windowMs: 60_000 } });

const RED_FLAGS = [
  "my legs haven't got the power they had, I can hardly climb a hill now and the cramps are bad",
  "my dad can't get off the sofa these days without pushing with his arms, and his calves cramp at night",
  "my sock left a deep dent round my left ankle only, and that calf cramps",
  "my right foot looks like wax today and it's cold, the calf cramped in the night",
  "in the shower I can't tell how hot the water is with my right foot now, and I get leg cramps",
  "my right slipper keeps coming off without me noticing, and my calf cramps at night",
  "since yesterday it's hard to take a deep breath and my calves cramp",
  "been getting winded for no reason lately and my legs cramp at night",
  "my calf is redder than the other and warm when I touch it after last night's cramp",
  "cramp started at 3 this morning and it's now gone 5 and it still hasn't let go",
  "my calf has been knotted since the kids left at 8 and it's nearly 9 now",
  "sick from both ends since Saturday and now my calves keep cramping",
  "I tripped over the cat on the stairs yesterday and now my calf keeps cramping",
  "it grabbed my foot while I was making the tea and I've had breakfast and done the dishes and it's still rock hard",
  "I was timing it because the baby was awake: twenty minutes before it even began to ease",
];

const LOOK_ALIKES: LabelledCase[] = [
  [
    "my friend broke his ankle playing rugby, he's in plaster. me, I only have the usual night cramps. which stretch?",
    "answer",
    "stretching",
  ],
  [
    "my husband has numb feet from his diabetes, I don't, I just get cramps. does magnesium help?",
    "answer",
    "magnesium",
  ],
  [
    "my brother had a stroke and his arm is weak, I have no symptoms like that, just short cramps. what causes them?",
    "answer",
    "causes",
  ],
  [
    "my mum always says if your calf goes hot and red you go to A&E, fair enough, mine are just normal cramps. what foods have magnesium?",
    "answer",
    "magnesium.food",
  ],
  [
    "cramp at 2am, lasted maybe 30 seconds, then I lay awake till 3 worrying. is stress a factor?",
    "answer",
    "stress",
  ],
  [
    "the tingling I had in my leg was a pinched nerve and it's all sorted after physio. what dose of vitamin D?",
    "answer",
    "vitamin-d.supplements",
  ],
];

const NOT_URGENT = [
  "my flip flops fall off when I walk fast lol, cramps at night",
  "I lost my sock somewhere in the bed, cramp again last night",
  "I try not to drink late or I'm up and down to the toilet all night, could that cause my cramps?",
  "my sock leaves a dent on both legs, normal elastic, cramps at night though",
  "my face goes redder when I run and then my legs cramp at night",
  "I tripped over my words lol, anyway my calves cramp",
  "since my run at 6 and it's 7 now I've been fine, cramps at night though",
  "I'm burning the candle at both ends and my legs cramp every night",
];

describe("red flags told without the medical word", () => {
  describe("get 'seek medical help now'", () => itRepliesEach(bot, RED_FLAGS, "urgent"));
  describeLabelled("their look-alikes are answered", bot, LOOK_ALIKES, []);
  describe("are no red flag", () => itRepliesEach(bot, NOT_URGENT, "urgent", { not: true }));
});

describe("after a red flag", () => {
  const RED_FLAG = "my calf has been swollen and red since the cramp on Sunday";
  it.each([
    "maybe I just need more vitamin D in general?",
    "i feel alright otherwise, just knackered",
    "the fall was only small, I think it is ok?",
  ])("%s -> still 'seek medical help now'", async (text) => {
    const reply = (await sayAll(bot.chat(), [RED_FLAG, text]))[1];
    if (!reply) throw new Error("no reply");
    expect(reply.intent, describeReply(reply)).toBe("urgent");
  });

  it("'in general though, how can I prevent cramps?' still changes the subject", async () => {
    const reply = (
      await sayAll(bot.chat(), [RED_FLAG, "ok. in general though, how can I prevent cramps?"])
    )[1];
    if (!reply) throw new Error("no reply");
    expect(reply.intent, describeReply(reply)).not.toBe("urgent");
  });
});
