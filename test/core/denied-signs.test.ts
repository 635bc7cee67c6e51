/**
 * Red-flag words the person denies before asking ("not out of breath, no chest pain") are not what they ask about:
 * the answer comes from the question, not from the section those words would name ("breath" is the stress
 * section's). A sign said without denial still counts.
 */
import { describe } from "vitest";
import { createBot } from "../support/bot.js";
import { describeLabelled, type LabelledCase } from "../support/labelled.js";

const bot = createBot();

const DENIED: LabelledCase[] = [
  [
    "not out of breath or anything, no chest pain either, just the calves. why do they keep doing this?",
    "answer",
    "causes",
  ],
  [
    "I'm not short of breath and there's no chest pain, I only want to know if acupuncture works for cramps",
    "answer",
    "acupuncture",
  ],
  ["no breathlessness, no chest tightness, nothing scary. what's behind night cramps?", "answer", "causes"],
  ["there's no swelling and no chest pain. how much magnesium is safe?", "answer", "magnesium.supplements"],
  ["Does deep breathing help with cramps?", "answer", "stress"],
  ["no chest pain, but I'm really short of breath tonight and my calf is cramping", "urgent", null],
];

const KNOWN: LabelledCase[] = [
  // Said as a plain statement, not a denial of a sign: still read as the stress section's breathing.
  [
    "no numbness or anything and I can breathe fine, so what actually causes these night cramps?",
    "answer",
    "causes",
  ],
];

describe("denied signs", () => {
  describeLabelled("signs the person denies do not steer the answer", bot, DENIED, KNOWN);
});
