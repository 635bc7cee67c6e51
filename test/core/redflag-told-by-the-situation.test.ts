/**
 * Red flags told by the situation rather than by a sign word: a cramp's length told by what the writer was still
 * doing to cope when something later happened (daybreak, a clock striking, the end of a round), by a start with a
 * rough clock time, by what continued all the time of something, in a learner's grammar; heavy sweat told by clothes
 * wrung out or sweated through over and over; a fall off a bike or a slip just before the cramps; swelling that
 * appears later; a limb that now feels "sort of dead". They get "seek medical help now", and the turns after them
 * that play it down or ask for a tip stay urgent. Their look-alikes (drinking little on a long shift, a cramp gone
 * before daybreak, cramps since the start of a season, a calf a bit tender the morning after) are answered.
 */
import { describe, expect, it } from "vitest";
import { createBot, describeReply, sayAll } from "../support/bot.js";
import { itRepliesEach } from "../support/labelled.js";

const bot = createBot();

const RED_FLAGS = [
  // Still coping with it when something later happened.
  "my calf seized as I started the washing up and I was still hopping about when my husband got home",
  "a cramp came on at about 4 in the night and I was still walking it off when it got light outside",
  "the cramp began as the town hall clock struck eleven and I was still stretching it out when it chimed again",
  "the cramp started as the clock chimed ten and I was still rubbing it when it chimed again",
  "my foot locked up just as the ceremony began and it was still clenched when the bride came back down the aisle",
  "my calf locked up when the kids started their film and they're on the credits now and it still won't give",
  "leg cramp kicked in as the bread went in the oven, the loaf is out and cooling and my calf is still rigid",
  "my hamstring went rigid at the start of the pub quiz and didn't calm down till after the last round",
  // Since something began, that is now nearly over, and still held.
  "I've had this cramp in my calf since I began the crossword and I've nearly finished it and it still hasn't gone away",
  // A start said with a rough clock time, and still felt held by a later moment.
  "my calf cramped at around 5am before work; I dressed, drove in, made the coffee, and by the time the meeting started it still felt tight",
  // A learner's grammar: "begin", "is not release", "now is maybe thirty minute".
  "The cramp come in my calf when I begin to wash the dishes, I finish the dishes, and still it is not release. Now is maybe thirty minute.",
  "the cramp in my calf continued all the time of the evening prayer",
  "my calf cramped all through my prayer",
  "cramp started around 4 and was still there when the sun came up",
  // A start before a clock alarm, and the time now.
  "my calf has been in a cramp since before my 5 o'clock alarm and now it's ten to six",
  // Heavy sweat told by the clothes.
  "I've been working in a hot greenhouse and had to change my shirt three times today, now cramping badly",
  "laid a roof all day in the sun, could wring my shirt out by lunch, and tonight both calves keep locking up",
  "I'm a labourer, I sweat through my overalls twice a shift and I'm cramping every night",
  // A negator with its own word ends at its clause: "no aircon," denies the aircon, not the wrung shirt.
  "twelve hours at the foundry, no aircon, wrung my tshirt out at lunch, now both legs keep seizing",
  // Swelling that came later, and a leg that now feels odd.
  "my calf cramped on my run, it eased off, but a couple of hours later it's puffy and tight",
  "the top of my foot feels sort of dead since that cramp this morning",
  "since last night's cramp the front of my shin feels like it belongs to someone else",
  "since the cramp the outside of my calf feels like cardboard when I touch it",
  "my ankle gave a crack when I jumped off the wall and since then the calf keeps cramping",
  "i stacked it on my scooter friday and now my leg cramps constantly",
  "my calf cramped halfway through my run at the park, it let go, but a bit later it's swollen and I can hardly put weight on it",
  // A slip told of somebody the writer cares for, with the cramps constant since.
  // A carer's report stays a red flag though the person says they are fine.
  "Grandad had a fall off the step yesterday and now he's cramping in that leg, he says he's fine, is magnesium ok for him?",
  "my wife slipped in the garden on Friday and her leg has cramped on and off ever since and it hurts when she walks",
  // Red and tender the next day, "it" for the calf.
  "My calf cramped at about 2 in the night and eased after a bit. By the afternoon it was tender and a bit red at the back.",
];

const NOT_URGENT = [
  "I drink hardly anything on my long shifts in the warehouse, how much water should I have?",
  "the cramp came on at about 3am and it had gone well before the birds started singing, is that normal?",
  "my cramps got bad at the start of the season and didn't settle till after Christmas, could it be training?",
  "my calf feels a bit tender the morning after a cramp but it's fine by lunch, does stretching help?",
  "I sweat a lot in summer, do I need to drink more to stop the cramps?",
  "my calf cramps just as I fall asleep most nights, what can I do?",
  // Still there at a later moment, but every time: a habit, not one long cramp.
  "my calf cramps when I run and is still tight when I get home, should I stretch first?",
  "I'm still cramping when I wake up most mornings, why?",
  "I started skateboarding last month and now I get cramps, is that the exercise?",
  // Somebody else's fall, said to be fine and not the point.
  "my son came off his scooter yesterday and scraped his shin, hes fine and its not about him anyway, do bananas help with night cramps?",
  // A negator still denies a list across a comma.
  "my calf cramped last night but there's no swelling, redness or heat, how long should I stretch?",
];

describe("red flags told by the situation", () => {
  describe("get seek medical help now", () => itRepliesEach(bot, RED_FLAGS, "urgent"));
  describe("their look-alikes are answered", () => itRepliesEach(bot, NOT_URGENT, "urgent", { not: true }));
});

describe("a fall just before the cramps, told in a conversation about them", () => {
  it("is a red flag, and playing it down or asking for a tip stays urgent", async () => {
    const replies = await sayAll(bot.chat(), [
      "why do I keep getting leg cramps at night?",
      "it only started after I came off my bike on Sunday",
      "nah it's only a bruise",
      "can't I just rub it tonight and see how it is",
    ]);
    expect(
      replies.slice(1).map((r) => r.intent),
      replies.map(describeReply).join("\n"),
    ).toEqual(["urgent", "urgent", "urgent"]);
  });
  it("heavy sweat on the job, then 'it's normal for us' and a tip asked, stays urgent", async () => {
    const replies = await sayAll(bot.chat(), [
      "how much should I drink to stop cramps?",
      "I work nights at a depot, I sweat through my overalls three times a shift and I'm cramping every night",
      "all the lads on nights get it, it's normal in this job",
      "just tell me how many glasses",
    ]);
    expect(
      replies.slice(1).map((r) => r.intent),
      replies.map(describeReply).join("\n"),
    ).toEqual(["urgent", "urgent", "urgent"]);
  });
});
