/**
 * Red flags told by clock readings and by what went on meanwhile (a start time and a later look at the clock, a
 * cramp that began with a journey and held through it, time enough for errands while it held), weakness told by what
 * a leg can no longer do (press a pedal, lift the body on tiptoe, rise without the arms of the chair), numbness told by
 * not feeling a knock, fluid loss told by days of being sick or clothes wet from sweat, breath that will not come in
 * full, and one boot that will not close: they get "seek medical help now". Their look-alikes (a sign explained by a
 * harmless cause and gone, a rule known rather than a report, sleep lost for hours, a fall that did not happen, a
 * short time on the clock) are answered.
 */
import { describe } from "vitest";
import { createBot } from "../support/bot.js";
import { itRepliesEach } from "../support/labelled.js";

const bot = createBot();

const RED_FLAGS = [
  // A start and a later reading of the clock, the cramp still held.
  "cramp in my thigh woke me at 4, my phone says 4 40 and it's still solid",
  "my calf seized around 1 and I was still pacing the hall when the kitchen clock hit 1:30",
  "the cramp started just after midnight and it's twenty past one now and still locked",
  // Held through something that takes a while.
  "the cramp began when the train pulled out and it still hadn't gone when we got in, the trip is 25 minutes",
  "my calf locked up and I had time to make a coffee, drink it and feed the cat and it was still rock hard",
  // Lost function.
  "I can't press the brake pedal down properly with my right foot any more and my legs cramp at night",
  "my left calf cramps at night and I can't push myself up out of the armchair without levering on the armrests",
  "going up on my toes on the right side just isn't happening lately and the cramps are getting worse",
  "I stubbed my toe hard on the bed frame and didn't even feel it with my left foot, the one that cramps",
  // Fluid loss and breath.
  "had a bug, was sick from friday until monday, and now my calves cramp every night",
  "I work in a hot bakery, my shirt is wet from sweat the whole shift and my legs seize up at night",
  "did a hike in 30 degrees, came back soaked head to toe and my thighs are cramping",
  "my calf cramped badly and since then I couldn't get a full breath in, any breathing exercises for that?",
  // One boot that will not close.
  "I can't get my right boot zipped over my calf but the left one is fine, and that leg cramps",
  // An explaining phrase that does not explain the sign before it leaves the sign standing.
  "my left calf is swollen and hot and the pain is exactly the same as yesterday",
  "my calf is swollen and red, I'm writing only because my wife made me",
  "my calf has been swollen for two days, no different today",
  "the swelling in my calf went down but it came back within a day",
  // Numb after sitting, and it has not come back: how one sat does not make it harmless.
  "my leg went numb after sitting and it still hasn't come back",
  "my foot went numb after I sat cross-legged at the concert and it's still numb the next morning",
];

const NOT_URGENT = [
  // Explained by a harmless cause, and gone.
  "my shin went a bit red, only because I kept rubbing it during the cramp, what's the best way to massage",
  "my legs went numb last night but only because the dog was lying across them, once she moved the feeling came back",
  "my wife swears my left calf is swollen but we measured both and they're exactly the same, do bananas help cramps?",
  "I sprained my ankle two years ago but that healed, now I just get short cramps in both calves",
  // A rule known, sleep lost, a fall that did not happen, a short time on the clock.
  "I know that if a cramp goes past ten minutes I should see a doctor, mine are short, how much salt is ok?",
  "I lie awake for hours most nights and now cramps have joined in, what helps at bedtime?",
  "the cramp was so bad I nearly fell over getting up but I didn't and it passed in a minute, how do I stretch",
  "woke at 3 with a cramp, the clock said 3 02 when it let go, are bananas worth it?",
  "my nights are broken by cramps in my calves, could stress be the reason?",
  "I'd like to tackle my night cramps through food, what should I buy?",
  "I don't like to go to the toilet many times at work so I drink little, how much water do I need?",
];

describe("red flags told by clock readings, lost function and what was lost", () => {
  describe("get seek medical help now", () => itRepliesEach(bot, RED_FLAGS, "urgent"));
  describe("their look-alikes are answered", () => itRepliesEach(bot, NOT_URGENT, "urgent", { not: true }));
});
