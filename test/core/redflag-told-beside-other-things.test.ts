/**
 * A red flag told with something else beside it is still a red flag: a long cramp whose next clause names a remedy
 * that failed ("a quarter of an hour, stretching does nothing"), hours said without a number ("it's been hours and
 * it's still in a knot"), and being sick over and over before the cramps (a hangover or a bug, "puked a few times").
 * A remedy that measures the time, hours that measure something else, being fed up, and everyday words that only
 * look like a sign (crashing into bed, cold weather, a tablet's side effect, a harm the person means to avoid) are not.
 */
import { describe } from "vitest";
import { createBot } from "../support/bot.js";
import { describeLabelled, type LabelledCase } from "../support/labelled.js";

const bot = createBot();

const RED_FLAGS: LabelledCase[] = [
  ["my calf cramp has gone on for about twenty minutes, massaging it does nothing", "urgent", null],
  ["cramp in my foot for half an hour. Stretching hasn't helped at all", "urgent", null],
  ["it's been hours now and my thigh is still in a knot", "urgent", null],
  ["been hours and the cramp is still there, what do I do", "urgent", null],
  ["threw up several times last night with food poisoning and now my legs keep cramping", "urgent", null],
  ["was sick most of the day with a hangover, now my calves are cramping", "urgent", null],
  // ...but only what follows it: here "nothing" is said of the help.
  ["cramp for twenty minutes and nothing helps, my calf is swollen too", "urgent", null],
  // The time told up to the moment it ended.
  ["woke with a calf cramp, I timed it and it was 14 minutes before it let go", "urgent", null],
  // Two clock times say how long; the "still" may come a few words on.
  [
    "went to bed at 10 and the cramp came straight away, it is 10:40 by the oven clock and the muscle is still solid",
    "urgent",
    null,
  ],
  ["leg cramps at night after diarrhoea", "urgent", null],
  // Lay words for the signs: a thigh timed, heat felt coming off the skin, air that will not come, a
  // traveller's tummy, a cramp held since before a meal, ants under the skin.
  ["the back of my thigh has been like a rock for 25 minutes", "urgent", null],
  ["my shin is reddish and I can feel heat coming off it", "urgent", null],
  ["after the cramp I can not take full air, what is happening", "urgent", null],
  ["came back from Spain with traveller's tummy for three days, now my legs cramp at night", "urgent", null],
  ["his calf has been in a cramp since before lunch, can he stretch it?", "urgent", null],
  ["it feels like small ants are crawling in my foot since Monday and my calves cramp", "urgent", null],
  // "Always like that" explains away only what it follows.
  ["my foot has always been like that but today my calf is swollen and hot", "urgent", null],
];

const NOT_RED_FLAGS: LabelledCase[] = [
  ["I stretched for 20 minutes and the cramp went, how do I stop the next one?", "answer", "stretching"],
  ["spent hours reading about cramps at night, what causes them?", "answer", "causes"],
  ["my cramp took 2 minutes before it eased, is that normal?", "answer", "overview"],
  ["I am sick of these cramps all day, what can I do?", "answer", "prevention"],
  // "Nothing" denies what follows it as "no" does.
  ["my calves cramp most nights, nothing swollen or hot, why does it happen?", "answer", "causes"],
  // Everyday words that only look like a sign: tired out, the weather, a tablet's side effect, a harm to avoid.
  ["I work nights, get home and crash on the sofa, then my calf cramps at 4am. Why?", "answer", "causes"],
  ["my feet cramp mostly when it's cold out, which stretch should I do?", "answer", "stretching"],
  [
    "magnesium tablets gave me the runs for a day, how much should I take?",
    "answer",
    "magnesium.supplements",
  ],
  [
    "which stretch is right for my calf? I don't want to do it wrong and tear something",
    "answer",
    "stretching",
  ],
  // Heat as a remedy or the weather is no warm calf.
  ["is a heat pack on my calf ok after a cramp, or does it need stretching?", "answer", "stretching"],
  // Explained as ordinary right after, or a feeling.
  [
    "my feet go like ice in bed but they've always been like that. Does vitamin D help cramps?",
    "answer",
    "vitamin-d",
  ],
  [
    "my toes went cold on the walk home and warmed up straight away, do bananas help cramps?",
    "fallback",
    null,
  ],
  ["my chest gets tight with anxiety at work, can stress cause leg cramps?", "answer", "stress"],
];

describe("a red flag told beside other things", () => {
  describeLabelled("is still a red flag", bot, RED_FLAGS, []);
  describeLabelled("the same words about something else are not", bot, NOT_RED_FLAGS, []);
});
