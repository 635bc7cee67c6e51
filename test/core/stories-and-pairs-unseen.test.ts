// Fresh messages written for ADR 38 before any change for it, in styles the eval sets have (letters, forum posts,
// voice notes, search fragments, non-native English), none taken from them. What a person notices: a choice between
// the article's two deficiencies, or two remedies asked about together, is answered from both instead of being asked
// back; a topic the article does not cover, told in a story's backstory, does not stop the story's own question being
// answered; the story's own words never start a dialogue; "an exercise" is a stretch; a stress story asked "could that
// be it?" is the stress section. The first run (before any change) is in the ADR; known misses are listed with why.
import { createBot } from "../support/bot.js";
import { describeLabelled, type LabelledCase } from "../support/labelled.js";

const bot = createBot();

const FRESH: LabelledCase[] = [
  // Two deficiencies set against each other: the article ranks neither, so both are answered (magnesium first).
  ["mag or vit d which one am i short of", "answer", "magnesium"],
  [
    "Would you say it's more likely a magnesium thing or a vitamin D thing in my case?",
    "answer",
    "magnesium",
  ],
  ["magnesium vs vitamin d tablets for night cramps", "answer", "magnesium.supplements"],
  [
    "Is it better to take magnesium or vitamin D for these cramps, or does it not matter?",
    "answer",
    "magnesium",
  ],
  // Two remedies asked about together ("each", "and"): both answered, in article order.
  ["how long should I stretch and how much should I drink, roughly, for each", "answer", "stretching"],
  ["What do rubbing the calf and stretching it actually do to the muscle?", "answer", "stretching"],
  ["tell me about the massage and the breathing exercises", "answer", "massage"],
  // A topic next to the article told in the story, then a question of the article's own.
  [
    "I've been through the lot: tonic water, a spoon of mustard, even pickle juice my brother swore by. None of it touched the cramps. What does the article actually recommend doing?",
    "answer",
    "prevention",
  ],
  [
    "My husband is on tablets for his blood pressure and the GP says they are fine. He will not take another pill of any kind. Which foods could he eat that might help with his cramps?",
    "answer",
    "magnesium.food",
  ],
  [
    "Everyone online says something different, potassium, salt, quinine, you name it. I just want to know what the article itself lists as the causes.",
    "answer",
    "causes",
  ],
  [
    "My dad is 79, diabetic but well controlled, and his cramps wake him most nights. Could you tell me which nuts and seeds he ought to be eating?",
    "answer",
    "magnesium.food",
  ],
  // The story's own words (a stretch, going through things) never start a dialogue.
  [
    "I already do a calf stretch against the wall most nights but I have no idea if I'm doing it right. How long should each hold be, and how many times?",
    "answer",
    "stretching",
  ],
  [
    "I've had a go at stretching and I've had a go at drinking more. I've never tried anything alternative. Would acupuncture be worth it?",
    "answer",
    "acupuncture",
  ],
  // "An exercise" is a stretch.
  [
    "My knees are bad so I cannot run any more. Is there a simple exercise I could do at home for the cramps?",
    "answer",
    "stretching",
  ],
  ["which exercises are good for leg cramps at night", "answer", "stretching"],
  // A stress story asked "could that be it?", "is it connected?".
  [
    "Work has been relentless since the spring, I lie awake running through my inbox and my mind will not switch off. The cramps started about then. Can that kind of pressure actually cause cramps?",
    "answer",
    "stress",
  ],
  [
    "Since my divorce I sleep badly and I'm wound up all the time, and now my calves cramp at night as well. I keep wondering if the two are connected?",
    "answer",
    "stress",
  ],
];

// Misses seen on the first run that this work does not mend (each with why).
const KNOWN: LabelledCase[] = [
  // The banana is now read as told in passing, but the message never names the cramps: a bare "what does work" with
  // nothing about cramps in it is not read as about them (fallback), as a short question would not be either.
  [
    "i had a banana every night for a month like my gran said and it did nothing at all so honestly what does work",
    "answer",
    "prevention",
  ],
];

describeLabelled("stories and pairs written before any fix (ADR 38)", bot, FRESH, KNOWN);
