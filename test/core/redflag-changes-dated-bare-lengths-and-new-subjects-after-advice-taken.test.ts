/**
 * Red flags told in ways the tables had not generalised to (ADR 83): a foot gone pale or cold from a day on, told
 * after its usual winter chill; a cramp still held "after 25" (a bare number) or gone "into extra time"; after a red
 * flag, seeing a doctor said to be "a bit dramatic" or "overkill", and a tip asked "anyway, for later". Their
 * look-alikes are answered: a length told of a year long gone ("In 2019 ..."), somebody else's sign set apart by the writer's own denial ("i dont have diabetes or any
 * numbness"), darkness that lasts a long time in winter, an injury told with a childhood age, signs seen at work,
 * others' bumps in a busy house, "weak at maths". And after a red flag, the advice taken in a sentence of its own (help
 * said, or thanks) and a later sentence turning to something new ("anyway", "now", "by the way") gets that question
 * answered. Written for this file, not taken from the eval sets.
 */
import { describe, expect, it } from "vitest";
import { createBot, describeReply, sayAll } from "../support/bot.js";
import { itRepliesEach } from "../support/labelled.js";

const bot = createBot({ rateLimit: { messages: 1000, windowMs: 60_000 } });

const DATED_CHANGES = [
  "my feet are always cold in winter but since tuesday the left one has gone white and wont warm",
  "always had chilly toes but since yesterday my right foot is a grey colour",
  "feet normally cold in the winter, but since last night one foot looks bluish and its cold to touch",
  "usually my feet r cold in winter but since friday my foot is pale like wax",
  "my foot always a bit cold, but from two days it is very pale, since monday",
  "my toes always cold in winter but since saturday the big toe gone all white and it dont warm",
  "normally i have cold feet but since this morning my left foot has gone a purple colour",
];

const BARE_LENGTHS = [
  "cramp in my calf still going strong after 25",
  "still going after 25, calf rock hard",
  "its still locked after 40 and counting",
  "calf still cramping after 15 and counting help",
  "leg cramp still tight after twenty, what do i do",
  "this cramp is going into extra time, still solid",
  "my calf cramp has gone into extra time now",
  "this thigh cramp has gone into overtime lol still rock solid",
];

const LOOK_ALIKES = [
  "my pal had numb feet from his diabetes, i dont have any numbness, just cramps at night. what helps",
  "here in sweden it is dark a long time in winter and my legs cramp at night, is it vitamin d",
  "I broke my leg when I was ten and now I get night cramps",
  "i fractured my wrist when i was 9 and now i get leg cramps, which vitamin",
  "I'm a nurse and see swollen legs all day, but what helps my own night cramps?",
  "in my job i see a lot of swollen ankles, what about magnesium for cramps",
  "i work in a care home and we see a lot of swollen legs, for myself just cramps, how much water",
  "I'm weak at maths, how many mg of magnesium in 200g almonds",
  "the kids ran into the door frame again, anyway why do I get calf cramps at night",
  "the kids bumped into the coffee table all day, anyway how do i stop night cramps",
  "my legs still going strong after 25 years of running, just night cramps sometimes",
  "still going after 40 laps, but i cramp at night",
  "the match went into extra time and my calf cramped for a second",
  "back in 2017 i had a cramp that went on 20 minutes, all checked and fine. now they are short, what helps",
];

/** Still red flags beside these look-alikes: the writer's own bump, and a child's injury told now. */
const STILL_RED_FLAGS = [
  "i walked into the door frame last night and my calf is bruised and cramping",
  "my leg gave way when I was five minutes from home",
  "in 2018 i had a clot and now my calf is swollen like that again",
  "since 2019 i get cramps and tonight one has lasted 20 minutes",
];

describe("red flags told by a change dated, a bare length, a match's extra time", () => {
  describe("a foot gone pale or cold from a day on, after its usual chill", () =>
    itRepliesEach(bot, DATED_CHANGES, "urgent"));
  describe("a cramp still held after a bare number, or into extra time", () =>
    itRepliesEach(bot, BARE_LENGTHS, "urgent"));
  describe("still red flags beside the look-alikes", () => itRepliesEach(bot, STILL_RED_FLAGS, "urgent"));
  describe("their look-alikes are no red flag", () =>
    itRepliesEach(bot, LOOK_ALIKES, "urgent", { not: true }));
});

const SIGN = "my calf is swollen and warm since yesterday";
const CHEST = "my chest feels tight and my calves are cramping";

describe("after a red flag, help said to be too much or a tip asked anyway stays urgent", () => {
  const followUps = [
    "bit dramatic to see a doctor for this though innit",
    "seems like overkill to see a doctor over a cramp tbh",
    "a&e is a bit much for a leg cramp no?",
    "isnt going to the doctor a bit over the top",
    "a doctor feels a bit drastic for a sore leg",
    "what would the stretch be anyway, for later",
    "ok. anyway what stretch is good for it",
    "thanks. now can it wait until monday?",
    "thanks. now can i just stretch it?",
    "thanks. now my calf is even more swollen, what do I do?",
    "thanks. so should i rub it",
    "thanks. anyway is magnesium ok for the swelling?",
    "cheers. by the way does vitamin d help the numbness",
  ];
  for (const followUp of followUps) {
    it(`"${followUp}"`, async () => {
      const [first, second] = await sayAll(bot.chat(), [SIGN, followUp]);
      if (!first || !second) throw new Error("no reply");
      expect(first.intent, describeReply(first)).toBe("urgent");
      expect(second.intent, describeReply(second)).toBe("urgent");
    });
  }
});

describe("after a red flag, the advice taken and a turn to something new gets the new question answered", () => {
  const turns: [string, string][] = [
    ["ok ok ill get it checked. anyway wot nuts have magnesium in", "magnesium.food"],
    ["Thank you. Now, my son says I should eat nuts for cramps. Which ones?", "magnesium.food"],
    ["ok will do. by the way which foods have vitamin d", "vitamin-d.food"],
    ["cheers mate. now what about stretching, how many reps", "stretching"],
    ["Thank you. Also, does acupuncture work for cramps?", "acupuncture"],
    ["ok im booking the gp now. btw what nuts r good for magnesium", "magnesium.food"],
    ["will do, ringing 111 now. by the way how long should i hold the calf stretch", "stretching"],
    ["thank u. anyway wat foods got magnesium", "magnesium.food"],
  ];
  for (const [followUp, section] of turns) {
    it(`"${followUp}"`, async () => {
      const [first, second] = await sayAll(bot.chat(), [CHEST, followUp]);
      if (!first || !second) throw new Error("no reply");
      expect(first.intent, describeReply(first)).toBe("urgent");
      expect(second.intent, describeReply(second)).toBe("answer");
      expect(second.section?.id, describeReply(second)).toBe(section);
    });
  }
});
