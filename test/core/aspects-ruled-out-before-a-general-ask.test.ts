// An aspect the person rules out (the foods, the sun, the pills: parts both deficiencies share, no one topic) before a
// general ask is set aside as a ruled-out topic is, so why / what else / what to do gets its general section (ADR 89).
// My own phrasings; the look-alikes at the end ask about the aspect itself and must keep it.
import { describe, expect, it } from "vitest";
import { createBot } from "../support/bot.js";

const bot = createBot();

async function replyTo(text: string): Promise<string | null> {
  const reply = await bot.chat().say(text);
  return reply.intent === "answer" ? (reply.section?.id ?? null) : reply.intent;
}

describe("an aspect ruled out, then a general ask, gets the general section", () => {
  it.each([
    ["Diet's all sorted, so what else could it be?", "causes"],
    ["if it isn't the sunshine, what's causing them?", "causes"],
    ["I'm on supplements already, so what else might be behind it?", "causes"],
    ["Food isn't the problem, I'm careful with it. What is causing them then?", "causes"],
    [
      "I've eaten whole foods for years, lots of greens and pulses, I barely touch sugar. My sister swears it must be something I'm not eating. So if it's not my food, then what is it?",
      "causes",
    ],
  ])("%s", async (text, want) => {
    expect(await replyTo(text)).toBe(want);
  });
});

describe("an aspect turned down as a way, not ruled out as a cause, stays with its topic", () => {
  it("asks vitamin D's other ways after the sun turned down", async () => {
    const reply = await bot
      .chat()
      .say(
        "My son thinks I'm low in vitamin D, which you get from sunshine. If I don't want to sit out in the cold, what else is there?",
      );
    expect(reply.section?.id).toMatch(/^vitamin-d/);
  });
});

describe("an aspect asked about, or told without ruling it out, keeps it", () => {
  it.each([
    ["I never see the sun, could that be it?", "vitamin-d.sunlight"],
    ["I already take supplements, how much is safe?", "magnesium.supplements"],
    ["my diet is fine, but which foods have the most magnesium?", "magnesium.food"],
  ])("%s", async (text, want) => {
    expect(await replyTo(text)).toBe(want);
  });
});
