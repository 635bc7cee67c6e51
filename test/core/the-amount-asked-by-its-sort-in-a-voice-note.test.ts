// A voice note that runs on, telling what the doctor did not say to do, then asking the amount by its sort ("what
// kind of amount", "which dose"): the ask is read from that last question, not from the earlier "what to do", so the
// dark winter told on the way is no second thing to compare (ADR 89). My own phrasings.
import { describe, expect, it } from "vitest";
import { createBot } from "../support/bot.js";

const bot = createBot();

describe("the amount asked by its sort at the end of a run-on note", () => {
  it.each([
    "the nurse rang to say my vitamin d is low but she didnt say what to do and im 80 and stuck indoors most of this winter with cramps every night what sort of amount do folk start on",
    "my results came back low for vitamin d no advice on what to do and its been a long dark winter and the calf cramps are bad so what kind of dose would you start with",
  ])("%s", async (text) => {
    const reply = await bot.chat().say(text);
    expect(reply.section?.id).toBe("vitamin-d.supplements");
  });

  it("reads 'which dose' as the dose asked", async () => {
    const reply = await bot.chat().say("which dose of magnesium is sensible?");
    expect(reply.section?.id).toBe("magnesium.supplements");
  });
});
