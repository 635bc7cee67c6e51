// Restless legs told by how they feel, not by name (an urge to move them, a crawling inside, legs that will not keep
// still): a topic next to the article, so the honest fallback names it (ADR 89). My own phrasings; the guards are
// cramps eased by moving, which stay the article's.
import { describe, expect, it } from "vitest";
import { createBot } from "../support/bot.js";

const bot = createBot();

describe("restless legs described get the fallback that names them", () => {
  it.each([
    "at night my legs just won't keep still, i have to keep moving them or it drives me mad. is that a cramp and what can i do",
    "I get jumpy legs in bed every night, what helps?",
    "There's a crawling feeling in my shins when I sit down in the evening and an urge to move that I can't fight. Is that just cramp?",
  ])("%s", async (text) => {
    const reply = await bot.chat().say(text);
    expect(reply.intent).toBe("fallback");
    expect(reply.text).toContain("restless legs");
  });
});

describe("a cramp eased by moving stays the article's", () => {
  it.each([
    ["when I get a cramp I have to move my legs to ease it, is that normal?", "overview"],
    ["my calf cramps at night and I have to get up and walk it off. how do I stop them?", "prevention"],
  ])("%s", async (text, want) => {
    const reply = await bot.chat().say(text);
    expect(reply.section?.id).toBe(want);
  });
});
