// What a person notices when a long message ends with a vague or buried ask (ADR 32): the ask, not the backstory,
// says what is answered; what was tried as a remedy turns "what else?" into other remedies; an adult son or daughter
// is no child. Messages of this file's own, none from the eval sets.
import { createBot } from "../support/bot.js";
import { describeLabelled, type LabelledCase } from "../support/labelled.js";

const bot = createBot();

const VAGUE_WHAT_TO_DO: LabelledCase[] = [
  // Said as letters and posts say it, after a story full of one topic's words (water, sun, sitting).
  [
    "My wife is 70 and barely drinks a thing after lunch because of the bathroom. She wakes with cramp most nights. Is there anything we ought to be doing differently?",
    "answer",
    "prevention",
  ],
  [
    "Office job, I never see daylight in winter, and the cramps wake me twice a week. Thoughts on what I should change?",
    "answer",
    "prevention",
  ],
  [
    "Dear Doctor, I am 80 and cramps have plagued me all winter. My son sends me cuttings about water and vitamins. What would you have me do?",
    "answer",
    "prevention",
  ],
  [
    "I have stretched, I have drunk litres, I have eaten nuts by the handful. Honestly what is left to try at this point?",
    "answer",
    "prevention",
  ],
];

const VAGUE_WHY: LabelledCase[] = [
  [
    "Dear Doctor, I am 58, I swim twice a week and I sit at a desk the rest of the time. I would simply like to know what brings them on.",
    "answer",
    "causes",
  ],
  [
    "cramps are back since I switched to nights, drinking less water too probably. any thoughts on what might be up?",
    "answer",
    "causes",
  ],
];

const CLAUSE_ASK_IN_A_RUN_ON: LabelledCase[] = [
  // A voice note: the ask at its end is a whole clause ("what can he actually do about it"), more than the "that's
  // it" or "ruining my sleep" said before it.
  [
    "so my dad is seventy two and he sits in his armchair all afternoon and he has a cup of tea in the morning and thats it and then at night the cramps come and its ruining his sleep so what can he actually do about it",
    "answer",
    "prevention",
  ],
  // ...while a kind's own phrase still wins over a synonym of as many words ("anything to it", not "is there
  // anything"; "does ... help" of vitamin D, not "help with").
  [
    "I do yoga every day and drink plenty, and a friend swears by acupuncture for her cramps. Is there anything to it or is it just hype?",
    "answer",
    "acupuncture",
  ],
  ["does vitamin D actually help with night cramps?", "answer", "vitamin-d"],
];

const WHAT_ELSE_AFTER_TRIED: LabelledCase[] = [
  [
    "Tried stretching, tried more water, tried a new pillow. None of it made any difference. What else is there?",
    "answer",
    "prevention",
  ],
  ["Massage did nothing for me and I gave up on stretching. Anything else?", "answer", "prevention"],
  // "What else could cause them" names the causes: they stay the answer.
  [
    "I tried drinking more water but no luck, still cramping. What else could cause them?",
    "answer",
    "causes",
  ],
  // Ruled out as a cause, not tried: other causes.
  ["I drink loads of water so it is not that. What else could it be?", "answer", "causes"],
];

const ADULT_CHILDREN: LabelledCase[] = [
  [
    "My daughter is 27 and works long shifts as a nurse. She gets calf cramps most nights. What causes them?",
    "answer",
    "causes",
  ],
  [
    "my son is twenty and plays rugby, gets cramps at night after games. how much water should he drink?",
    "answer",
    "hydration",
  ],
  // A child's age is still a child.
  ["My son is 9 and wakes up crying with leg cramps. What can he take for them?", "fallback", null],
  ["my 12 year old daughter gets cramps in her calves at night, what causes it", "fallback", null],
];

describeLabelled("a vague what-to-do after a story is the what-to-do section", bot, VAGUE_WHAT_TO_DO, []);
describeLabelled("a vague why after a story is the causes", bot, VAGUE_WHY, []);
describeLabelled("the ask of a run-on note is its last whole clause", bot, CLAUSE_ASK_IN_A_RUN_ON, []);
describeLabelled("'what else' after remedies tried is the other remedies", bot, WHAT_ELSE_AFTER_TRIED, []);
describeLabelled("a son or daughter of 18 or more is an adult", bot, ADULT_CHILDREN, []);
