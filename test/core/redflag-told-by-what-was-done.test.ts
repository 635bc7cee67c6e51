// Red flags told by what was done or seen rather than named (ADR 44). Written for this file, not taken from the eval
// sets: how long a cramp held told by chores, a timer, games played, a later look at the clock or a count said aloud;
// weakness told by what the person cannot do; a cold, pale or bigger limb, a chest clutched, clothes soaked with
// sweat, sickness over and over, all said in everyday words. And the look-alikes these words must leave alone.
// On main 6733892 all 30 red flags here were missed; the 7 look-alikes passed there and pass here.
import { describe } from "vitest";
import { createBot } from "../support/bot.js";
import { describeLabelled, itRepliesEach, type LabelledCase } from "../support/labelled.js";

const bot = createBot({ rateLimit: { messages: 1000, windowMs: 60_000 } });
const urgent = (texts: readonly string[]): LabelledCase[] => texts.map((t) => [t, "urgent", null]);

describeLabelled(
  "a cramp still held after chores, a timer or games played gets 'seek medical help now'",
  bot,
  urgent([
    "my calf seized up before I started cooking, we have eaten now and it's still knotted",
    "foot cramped right before my wife left for work, she's back home now and it's still clenched",
    "a cramp in my foot woke me, I've since fed the dog and had a shower and my toes are still curled",
    "my hamstring has been knotted since I started the first game, three full games now, and it won't let go",
    "got a cramp in my shin since the beginning of the meeting, the meeting is finished and it's still there",
    "my calf cramped as I put the bread in, the timer has gone off and it's still rock hard",
    "it grabbed me as I sat down to eat, I have washed the dishes and cleaned the kitchen and it's still locked solid",
  ]),
  [],
);

describeLabelled(
  "a cramp told by the clock or by counting gets 'seek medical help now'",
  bot,
  urgent([
    "my calf locked at twenty past one. when I checked my phone it was nearly two and it still had not let go",
    "my calf cramped during the 9 oclock film and was still tight for the 10 oclock news",
    "it started at 10 when I switched off the telly and it was still clamped at half past",
    "I counted to 800 while it held and the cramp in my calf is still there",
    "counting slowly to 700 now and my calf is still cramping",
    "the cramp is start at 2 in the night, now is 3 and the leg is still hard",
    "every time I think it's easing it grabs again, been like this for nearly an hour, it never properly lets go",
  ]),
  [],
);

describeLabelled(
  "weakness told by what the person cannot do gets 'seek medical help now'",
  bot,
  urgent([
    "lately I can't get up off the toilet without shoving on the arms of the frame, and my thighs cramp at night",
    "my dad can't get out of his chair unless I pull him up, and his calves cramp every night",
    "I have to shove on the arms to get out of my armchair now, and my calves cramp at night",
    "my legs have felt feeble for a fortnight and I get cramps at night",
    "since last week I can't get back up once I kneel down, and my calves cramp",
    "since the weekend my legs feel like they belong to somebody else, and the cramps are worse",
  ]),
  [],
);

describeLabelled(
  "a sign said in everyday words gets 'seek medical help now'",
  bot,
  urgent([
    "my toes feel like they've been in the fridge all evening and they look a pasty colour",
    "since the cramp my foot has gone waxy",
    "my ankle looks thicker than yesterday after last night's cramp",
    "after his cramp my dad was clutching his chest and sweating",
    "my wife woke with a cramp and said it felt like someone was kneeling on her chest",
    "ran a half marathon in the heat, my shirt was dripping, and now my calves keep cramping",
    "had a stomach thing, sick three times since lunch and now my legs keep cramping",
    "my nan has had sickness and an upset tummy for two days and now cramps in her legs",
    "my leg feel like sleeping since one week, and cramp also",
    "I don't want to bother anyone, but since the cramp my calf has gone purple",
  ]),
  [],
);

describe("the look-alikes of these words get no urgent reply", () => {
  itRepliesEach(
    bot,
    [
      "I count to 10 when a cramp comes and it goes, is that normal?",
      "ok lets try the stretch, how long should I hold it?",
      "I ate a Cornish pasty before bed, could salty food cause my calf cramps?",
      "I don't want to end up with a swollen leg on the flight, how do I prevent cramps?",
      "my calves look bigger than before since I took up cycling, could that cause cramps?",
      "my thighs are thicker than they used to be since I started squats, do bigger muscles cramp more?",
      "I was sick of the cramps so I started magnesium, how long until it works?",
    ],
    "urgent",
    { not: true },
  );
});
