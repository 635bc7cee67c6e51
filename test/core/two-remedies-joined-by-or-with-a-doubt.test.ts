// Two remedies joined by "or" and weighed with a doubt ("worth it", "any good", "worth the money"): the doubt's own
// evidence for what a thing is names no aspect, so the two are compared and both answered in article order, not asked
// back (ADR 89). My own phrasings.
import { describe, expect, it } from "vitest";
import { createBot } from "../support/bot.js";

const bot = createBot();

describe("two remedies joined by 'or' and doubted are both answered", () => {
  it.each([
    "is acupuncture or massage worth it for tight calves?",
    "Massage or acupuncture, is either any good for cramp?",
    "to get my blood moving, is massage or acupuncture more worth paying for?",
  ])("%s", async (text) => {
    const reply = await bot.chat().say(text);
    expect(reply.intent).toBe("answer");
    expect(reply.section?.id).toBe("acupuncture");
    expect(reply.text).toContain("Massage");
  });

  it("still answers one remedy asked alone with the same doubt", async () => {
    const reply = await bot.chat().say("is acupuncture worth the money for night cramps?");
    expect(reply.section?.id).toBe("acupuncture");
    expect(reply.text).not.toContain("**Massage**");
  });
});
