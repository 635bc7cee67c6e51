// Red flags said the way people say them, written for this file (not taken from the eval sets): a cramp still going
// from a clock time to now or from "20 minutes ago", durations with filler, weakness and a foot that will not push off,
// swelling and heat, fluid loss, a cold or pale foot, a fall or a knock, breathlessness, numbness. And the look-alikes
// that must get an ordinary answer: idioms ("falling apart", "the fells", "kicked me awake", "my one weakness"), an
// ache that is not agony, negations, a cramp that has stopped, "still no cramp", illnesses and injuries long past.
import { describe } from "vitest";
import { createBot } from "../support/bot.js";
import { itRepliesEach } from "../support/labelled.js";

const bot = createBot({ rateLimit: { messages: 1000, windowMs: 60_000 } });

describe("a red flag in plain speech gets 'seek medical help now'", () => {
  itRepliesEach(
    bot,
    [
      "my calf started cramping at 4 and it is now twenty past 4 and still rock hard",
      "cramp kicked in at 1:10, it's 1:35 now and still won't let go",
      "woke with a cramp half an hour ago and it's still going",
      "got a cramp about 25 mins ago and it still hasn't let up",
      "the cramp came on 20 minutes ago and my calf is still locked",
      "my foot cramped at quarter to 3 and it's now 3:15 and still there",
      "my wife's leg has been in a knot for a good twenty minutes now",
      "it's been going at least a quarter of an hour, my calf is solid",
      "one lasted the best part of forty minutes last night",
      "seriously been like fifteen mins and my hamstring is still seized",
      "my left leg feels much weaker than the right since last week",
      "i can't push off with my foot properly anymore",
      "my foot keeps slapping down when I walk",
      "my legs have no strength in them lately and cramp at night",
      "since the cramp my ankle just flops",
      "his calf is hot and swollen compared with the other one",
      "my calf is tender, puffy and warm since Sunday",
      "there's a red patch on my calf that feels hot",
      "the back of my leg is all swollen and shiny",
      "i've had diarrhoea for four days and now my legs keep cramping",
      "been throwing up since last night and my calves are cramping",
      "two days of the runs and now cramps in both legs",
      "I've been sweating buckets in this heatwave and my calves keep seizing",
      "my toes look white and feel cold after the cramp",
      "my foot has gone pale and icy",
      "my leg went cold and blue",
      "after I fell off a ladder yesterday my calf keeps cramping",
      "I took a tumble on the stairs and now my thigh spasms at night",
      "i'm breathless and my calf aches",
      "i get out of breath easily since the cramps started and my leg is sore",
      "my chest feels tight and my leg cramped",
      "half my foot is numb since the cramp",
      "my shin has been tingling since the cramp and it's new",
      "got booted in the calf during the match and now it cramps every night",
    ],
    "urgent",
  );
});

describe("a look-alike of a red flag gets an ordinary answer", () => {
  itRepliesEach(
    bot,
    [
      "I feel like I'm falling apart with these cramps, where do I start?",
      "we were walking the fells all week and my calves cramped at night, how much should I drink?",
      "my husband kicked me awake because I was groaning with a cramp, what causes it?",
      "my one weakness is chocolate, could that cause cramps?",
      "my calves ache by the end of the day and cramp at night, any stretch?",
      "no swelling, no redness, not hot, just cramps at night, why?",
      "it's not swollen or warm, just tight, what helps?",
      "the cramp went after a minute, what causes them?",
      "it eased after about 5 minutes, is that normal?",
      "I woke at 3 with a cramp and it's now 3:05 and it has gone",
      "i go to bed at 10 and it's now 11 and still no cramp tonight, what stops them?",
      "I had a cramp twenty minutes ago but it's gone now, why do they happen?",
      "I broke my leg years ago but it's long healed, why do I get cramps?",
      "no numbness or tingling, just the cramps, what should I do?",
      "my legs aren't weak, they just cramp at night",
      "cramps for ages, like months, what causes them?",
      "I sweat a lot in summer in general, should I drink more?",
      "I had a stomach bug years ago, could that be why I cramp?",
      "my feet get cold in winter, could that cause cramps?",
      "broken sleep from the cramps, any tips?",
      "I crash out on the sofa after work and wake with cramps, why?",
    ],
    "urgent",
    { not: true },
  );
});
