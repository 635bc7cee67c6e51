// Fresh messages written for ADR 50, none taken from an eval set. What a person notices: a story that tells the pills
// or capsules already taken and then asks which foods to eat gets the foods, not the supplements again; a story whose
// topic has no section of the aspect asked ("a correct way to take it" of vitamin D) still gets the supplements; "I eat
// well" told beside a why or a where-to-start gets the causes or what to do, not vitamin D (the weak "start").
import { createBot } from "../support/bot.js";
import { describeLabelled, type LabelledCase } from "../support/labelled.js";

const bot = createBot();

const FRESH: LabelledCase[] = [
  // The supplement told in the story, the food asked: the food section (these two failed before).
  [
    "I was prescribed magnesium citrate tablets by my GP last year, 250 mg each evening, and I still take them. My cramps are better but not gone. Are there foods I could add to my shopping that have it?",
    "answer",
    "magnesium.food",
  ],
  [
    "Mum takes a vitamin D tablet her doctor gave her, 1000 IU, with breakfast every day. She asked me to find out which foods she could eat more of. What foods are there for it?",
    "answer",
    "vitamin-d.food",
  ],
  [
    "My dad has been on magnesium oxide tablets from the chemist since the summer, 400 mg at night, and his cramps are a bit better. He hates swallowing pills though. What could he eat to get the same?",
    "answer",
    "magnesium.food",
  ],
  // Guards: these passed before and must keep passing.
  [
    "I have been on magnesium glycinate capsules for three months for the night cramps and they make my tummy rumble. I would rather stop them. What foods are good sources?",
    "answer",
    "magnesium.food",
  ],
  // Vitamin D has no how-to section: the story's empty stomach still says which of its sections is asked.
  [
    "I have been taking vitamin D each morning with nothing but a cup of coffee and noticed no change at all. A pharmacist said I was doing it wrong. Is there a correct way to take it?",
    "answer",
    "vitamin-d.supplements",
  ],
  // "I eat well" beside a why or a where-to-start: the kind's section (these two failed before).
  [
    "My father is 80 and was a builder all his life. He still potters in the shed most days. He eats well, lots of fish and greens, and sleeps about seven hours. For the last month he has had cramps in his calves at night. Why would they start at his age?",
    "answer",
    "causes",
  ],
  [
    "I'm a keen gardener and always eat healthy, fresh veg from the plot every day. But for a few weeks now I've been woken by a tight calf in the early hours. I've no idea what to do, just tell me where to start.",
    "answer",
    "prevention",
  ],
  // Guard: a weak aspect word of an aspect the story's topic lacks ("routine") keeps the story's topic.
  [
    "My sister has always been anxious and she is seeing a counsellor. She cramps in the calves most nights. Is there a routine before bed that helps?",
    "answer",
    "stress",
  ],
];

describeLabelled("a story's aspect is the one asked, not the one told (ADR 50)", bot, FRESH, []);
