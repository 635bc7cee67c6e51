/**
 * A thing told and then asked about by what is done with it: "should I stop taking them?" after a medicine is about
 * the medicine (the article does not cover medicines: the doctor's pointer), as "is spray as good as tablets?" after
 * magnesium oil is about the spray; "them" with no verb of taking is still the cramps. A hedged "which vitamin am I
 * probably missing?" is the deficiency question, both sections. Written for this file, not taken from the eval sets.
 */
import { createBot } from "../support/bot.js";
import { describeLabelled, type LabelledCase } from "../support/labelled.js";

const bot = createBot({ rateLimit: { messages: 1000, windowMs: 60_000 } });

const CASES: LabelledCase[] = [
  ["I'm on statins and my calves cramp most nights. Should I stop taking them?", "fallback", null],
  [
    "My doctor put me on amlodipine last year and the cramps are bad now. Can I stop taking them for a week?",
    "fallback",
    null,
  ],
  ["A friend gave me magnesium oil to rub on my legs. Is the oil as good as tablets?", "fallback", null],
  ["I bought a magnesium spray. Is the spray better than pills?", "fallback", null],
  // Without a verb of taking, "them" is the cramps; a dose in tablets is the supplements' after a spray told.
  ["I tried bananas. What can I do to stop them?", "answer", "prevention"],
  [
    "I use magnesium oil on my calves. How much magnesium should I take in tablets?",
    "answer",
    "magnesium.supplements",
  ],
  ["I take magnesium tablets. Should I keep taking them?", "answer", "magnesium.supplements"],
  ["Which vitamin am I probably missing if I get cramps?", "answer", "magnesium"],
  ["what am i possibly missing, nutrient wise?", "answer", "magnesium"],
];

describeLabelled("things taken, named again, and hedged asks", bot, CASES, []);

const SLANG_AND_PLACES: LabelledCase[] = [
  ["what's my body tryna tell me with these calf cramps every night", "answer", "causes"],
  ["how am i meant to get sun in glasgow lol", "answer", "vitamin-d.sunlight"],
  ["not tryna take tablets, what foods have magnesium?", "answer", "magnesium.food"],
  ["legs sore after leg day, its just DOMS not cramp, what helps with that?", "fallback", null],
  [
    "I get DOMS after the gym but my question is about night cramps: how long should I hold the stretch?",
    "answer",
    "stretching",
  ],
];

describeLabelled("slang asks, the sun somewhere, and soreness after a workout", bot, SLANG_AND_PLACES, []);
