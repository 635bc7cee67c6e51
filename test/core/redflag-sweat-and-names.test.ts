// Red flags as people put them, and everyday phrases that only look like one: heavy sweating before cramps is fluid
// loss (the "sweating buckets in the heat"), "the best part of an hour" is a long cramp, a foot that cannot be
// lifted is weakness even with words between; while an energy drink's name, a runner's "runs" and collapsing into
// bed after a shift are not alarms. Written for issue 10 in styles the eval sets lack.
import { describe, expect, it } from "vitest";
import { createBot } from "../support/bot.js";

const bot = createBot({ rateLimit: { messages: 1000, windowMs: 60_000 } });

describe("red flags in everyday words", () => {
  it.each([
    "scaffolder, 34 degrees today, sweating like mad since 7am and now both calves keep locking",
    "I was drenched in sweat after the festival and my legs are cramping non stop tonight",
    "My husband works in a bakery in this heatwave, soaked in sweat every shift, and his legs seize up at night. Water enough?",
    "the cramp lasted the best part of an hour last night",
    "It went on for most of an hour before my calf finally let go",
    "i cant really lift the front of my left foot now and it catches, plus cramps at night",
  ])("%s gets 'seek medical help now'", async (text) => {
    expect((await bot.chat().say(text)).intent).toBe("urgent");
  });

  it.each([
    "living on red bull and toast during exams and my legs cramp every night, why?",
    "marathon block, 60k a week, the runs themselves feel fine but my calves cramp at 3am. tips?",
    "after a twelve hour shift I collapse into bed and an hour later my calf cramps. what causes that?",
    "I sweat a bit at the gym, how much water should I drink for cramps?",
  ])("%s is not treated as an emergency", async (text) => {
    expect((await bot.chat().say(text)).intent).not.toBe("urgent");
  });
});
