// Fresh messages written for ADR 50, none taken from an eval set. What a person notices: a story that tells the pills
// or capsules already taken and then asks which foods to eat gets the foods, not the supplements again; a story whose
// topic has no section of the aspect asked ("a correct way to take it" of vitamin D) still gets the supplements.
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
];

describeLabelled("a story's aspect is the one asked, not the one told (ADR 50)", bot, FRESH, []);
