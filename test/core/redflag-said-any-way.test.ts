// Red flags said the way people tell them, with no warning word: a cramp still going since a time of day or since
// "half an hour ago", "forty minutes into this cramp", one calf bigger than the other, breath that will not come back,
// a foot that will not rise on the toes, a heatwave or a race with too little to drink, a blow or a fall told as a
// story. And what must stay an ordinary answer: the same words in another sense (weak will, cold feet, winding down,
// cramps that got weaker) and illnesses or injuries long over.
// Written for issue 10 with new phrasings (none is an eval line).
import { describe, expect, it } from "vitest";
import { createBot, describeReply } from "../support/bot.js";
import { itRepliesEach } from "../support/labelled.js";

const bot = createBot({ rateLimit: { messages: 1000, windowMs: 60_000 } });

describe("a red flag without a warning word still gets 'seek medical help now'", () => {
  itRepliesEach(
    bot,
    [
      // Still going since a time of day, or since a start some time ago.
      "the cramp in my thigh began around 4am, it's nearly 6 and it is still hard as a rock",
      "calf has been knotted since lunch and it's still knotted now at tea time",
      "my hamstring went at 11 pm and it's still in spasm",
      "had this cramp all afternoon and it never really lets go",
      "it came on about forty minutes ago and it's still gripping my calf",
      "twenty minutes into this cramp and it's getting worse",
      "1/2 an hour of cramp in my foot, help",
      // A cramp told by the clock: from a start to now, or from one end to the other.
      "my calf locked at 3:40 and its 4:05 and it is still locked",
      "it grabbed my thigh at ten to one and it's twenty past now and still hard",
      "the cramp went from 5:10 until about 5:35 this morning, is that normal?",
      "a cramp took my foot at a quarter to four and only let go around half past four",
      // Started at one time and "now" a later one, with nothing said to have stopped.
      "the cramp in my foot started at twenty past four and now it's five",
      // One calf bigger than the other.
      "my right calf looks fatter than my left one and it aches",
      "her calf is wider than the good leg since Sunday",
      // What swelling stops: a shoe or a sock that will not fit.
      "my left boot won't do up this week and that calf cramps every night",
      // Breath.
      "I get winded going up to bed and my calves cramp at night",
      "since the weekend my breath gets short doing the hoovering, and the leg cramps are worse",
      "I sit up in bed panting with a calf cramp",
      "I have to stop for breath on the short walk to the shop now, and the night cramps are back",
      "chest heaviness with the leg cramps since yesterday",
      // Numbness and weakness, as felt.
      "my toes feel fizzy and numb-ish since the cramp last night",
      "my legs are like jelly and I nearly fall when I stand up, plus cramps",
      "when I try to go up on my toes the left foot just won't",
      // Heavy fluid loss.
      "it's 35 degrees here and I've hardly been drinking, now my calves keep cramping",
      "did a half marathon on Sunday and ran out of water at mile 8, legs cramping ever since",
      "my little boy's bug went round the family and I was up being sick the whole night, now cramp in both legs",
      "sweated through two shirts at the tournament and now my thighs keep seizing",
      // A blow or a fall.
      "took a knock to the shin at hockey and the calf has cramped every night since",
      "my dad had a fall in the garden last week and now he gets leg cramps",
      "got booted in the back of the leg playing rugby and it keeps cramping",
      // Swollen and warm told of "it", felt with a hand (the hand touches; it is not what swells).
      "after the cramp last night it's gone puffy and it feels warm when I lay my hand on it",
    ],
    "urgent",
  );
});

describe("the same words in another sense get an ordinary answer", () => {
  itRepliesEach(
    bot,
    [
      "my willpower is weak, how do I remember to stretch every night?",
      "the cramps are much weaker since I started the stretch, how many reps should I keep doing?",
      "I've got cold feet about acupuncture, does it help cramps?",
      "what can I do to wind down before bed so I cramp less?",
      "I do the deep breathing thing before bed, does it help cramps?",
      "I'm a sports physio and see a lot of sports injuries. What dose of magnesium does the article give?",
      "I had food poisoning back in June, all over now, but what causes night cramps in general?",
      "my ankle was swollen after a sprain but that's long gone, why do my calves cramp at night?",
      "I had some tingling in my feet after the op, but that cleared up fully. What's the best stretch?",
      "I take magnesium at 8 and go to bed at 10, is that a good time?",
      "my legs are like jelly after leg day, and I cramp at night too, what helps?",
      "my cramp started at 1 and eased in a minute, now it's 3 and I'm wide awake, why?",
      "my hand gets swollen and hot at night, does magnesium help cramps?",
    ],
    "urgent",
    { not: true },
  );
});

describe("after a red flag", () => {
  const RED_FLAG = "my calf cramp started at 1am, it's 4 now and it's still tight";

  it.each([
    "I don't want to make a fuss over a cramp",
    "can I just ride it out with a hot bath",
    "my mate says just rub it",
  ])("'%s' still gets 'seek medical help now'", async (text) => {
    const chat = bot.chat();
    expect((await chat.say(RED_FLAG)).intent).toBe("urgent");
    expect((await chat.say(text)).intent).toBe("urgent");
  });

  it("a totally different question is answered", async () => {
    const chat = bot.chat();
    expect((await chat.say(RED_FLAG)).intent).toBe("urgent");
    const reply = await chat.say("ok. totally different thing: which foods have magnesium?");
    expect(reply.intent, describeReply(reply)).toBe("answer");
    expect(reply.section?.id).toBe("magnesium.food");
  });

  it("a new subject opened in shorthand ('diff question') is answered", async () => {
    const chat = bot.chat();
    expect((await chat.say(RED_FLAG)).intent).toBe("urgent");
    const reply = await chat.say("ok will do. diff question - how much vitamin d should i take");
    expect(reply.intent, describeReply(reply)).toBe("answer");
    expect(reply.section?.id).toBe("vitamin-d.supplements");
  });
});
