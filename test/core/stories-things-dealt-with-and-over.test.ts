// What a story says is dealt with or over is not what it asks about (batch F's first run, 3 December): a topic said
// to be sorted ("got the magnesium side sorted", "came back normal") is ruled out of the answer; a pregnancy said to
// be in the past ("as when I was pregnant") is no pregnancy now, so the question is answered; "reps" and
// "repetitions" are the stretch's (the article's only thing done in repetitions); "wtf do i do" asks what to do.
// Written for this change; each failed before it except the guards marked so.
import { createBot } from "../support/bot.js";
import { describeLabelled, type LabelledCase } from "../support/labelled.js";

const bot = createBot();

const CASES: LabelledCase[] = [
  [
    "Water's covered, I drink loads, and my magnesium came back normal. What else causes them?",
    "answer",
    "causes",
  ],
  [
    "my cramps came back, same as when I was pregnant with my first, what can I do about them?",
    "answer",
    "prevention",
  ],
  ["how many reps per leg should I do", "answer", "stretching"],
  ["wtf do i do about these cramps every night", "answer", "prevention"],
  // Guards, passing before too: a pregnancy now still goes to the midwife or doctor; a past one said plainly answers.
  ["I'm pregnant, how much magnesium can I take?", "fallback", null],
  ["I'm no longer pregnant but the cramps stayed, why?", "answer", "causes"],
  ["how do I stop stomach cramps after eating", "fallback", null],
];

describeLabelled("stories: things dealt with and over", bot, CASES, []);
