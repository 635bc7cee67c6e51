// Fresh messages written for ADR 45, none taken from an eval set. What a person notices: "which ones?" of nothing
// named is answered from both deficiencies; a story's why said as a clause ("what would cause that", "can't work out
// why") gets the causes, and its "this" means the cramps, not the thing told just before; lay words for a restless
// mind, worn nerves and hands on the calf reach stress and massage; "with food, not pills" asks what to eat.
import { createBot } from "../support/bot.js";
import { describeLabelled, type LabelledCase } from "../support/labelled.js";

const bot = createBot();

const FRESH: LabelledCase[] = [
  // "which ones?" of nothing named: both siblings, magnesium first.
  ["thinking of getting some tablets for the cramps, which ones though", "answer", "magnesium.supplements"],
  ["foods for night cramps, which ones", "answer", "magnesium.food"],
  // Why, said as a clause at the end of a voice note or a letter.
  [
    "i do twelve hour shifts on a building site and half the time i forget my water bottle in the van and then i get in bed and my thighs go rock hard so what could cause that",
    "answer",
    "causes",
  ],
  [
    "I'm 61, I walk the dog twice a day, I eat plenty of fruit and I sleep well enough, but my calves still knot up most nights and I honestly cannot figure out why",
    "answer",
    "causes",
  ],
  // A why-question's "this" after a sentence naming a habit: the cramps, not the habit.
  [
    "My husband is 70 and has always been a keen gardener, out with his roses most days. He eats well and has a good appetite. Why would this happen now?",
    "answer",
    "causes",
  ],
  // A restless mind, worn nerves, hands on the calf.
  [
    "Since the new manager arrived I come home and my brain just won't switch off, then the cramps start. Could that be playing a part?",
    "answer",
    "stress",
  ],
  [
    "My son sits with me in the evenings when my legs seize. He wants to do something for me with his hands when it starts. Is there a right way to go about it?",
    "answer",
    "massage",
  ],
  // Food as the means, not how a pill is taken.
  ["I want to sort these cramps with food alone, no tablets. What should I buy?", "answer", "magnesium.food"],
  // The weak "start" no longer sends a why-question to the story's "eats well" (vitamin D): it passes since ADR 50.
  [
    "My husband is 70 and has always been a keen gardener. He eats well and has a good appetite. Why would this suddenly start at his age?",
    "answer",
    "causes",
  ],
];

// Misses this work does not mend (each with why).
const KNOWN: LabelledCase[] = [
  // "instead" both declines the pills and would end the food phrase: "with food" stays vitamin D's take-with-meals
  // keyword.
  [
    "I'd like to sort these cramps out with food instead of pills, what should I buy?",
    "answer",
    "magnesium.food",
  ],
];

describeLabelled("stories told in lay words, and asks of nothing named (ADR 45)", bot, FRESH, KNOWN);
