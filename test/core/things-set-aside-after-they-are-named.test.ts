// A thing set aside by words said after it ("leaving the tablets aside", "diet to one side"): it is no evidence for
// what is asked, as after "apart from" (lexicon `exclude_after`); and a kind of one word that is the aspect set aside
// ("the diet" as the food kind) asks nothing (ADR 89). My own phrasings; the guards use the same words otherwise.
import { describe, expect, it } from "vitest";
import { createBot } from "../support/bot.js";

const bot = createBot();

async function replyTo(text: string): Promise<string | null> {
  const reply = await bot.chat().say(text);
  return reply.intent === "answer" ? (reply.section?.id ?? null) : reply.intent;
}

describe("a thing set aside after it is named does not count", () => {
  it.each([
    ["ok, putting the pills aside, what else causes night cramps?", "causes"],
    ["setting the diet aside for a sec, why do they happen", "causes"],
    ["Supplements to one side, is there anything else I can do?", "prevention"],
  ])("%s", async (text, want) => {
    expect(await replyTo(text)).toBe(want);
  });

  it("sets the tablets aside in a conversation after a topic next to the article", async () => {
    const chat = bot.chat();
    await chat.say("I take a water tablet every morning. Could that be why I cramp?");
    const reply = await chat.say("fair enough. tablets aside though, what else can cause cramps?");
    expect(reply.section?.id).toBe("causes");
  });
});

describe("the same words otherwise keep what they name", () => {
  it.each([
    ["aside from the stretch, what helps?", "prevention"],
    ["which foods have the most magnesium?", "magnesium.food"],
  ])("%s", async (text, want) => {
    expect(await replyTo(text)).toBe(want);
  });
});
