// "Help" inside a longer question is part of the question, not a request for the menu: people say "what do I do
// about it" or "ok what DOES help then" and expect an answer, while "help", "what can you do?" and "how do I use
// this?" still show what the bot can do.
import { describe, expect, it } from "vitest";
import { createBot } from "../support/bot.js";

const bot = createBot({ rateLimit: { messages: 1000, windowMs: 60_000 } });

describe("the word 'help' or 'about' inside a question", () => {
  it.each([
    "what do I do about it",
    "so what am i meant to do about these cramps",
    "ok what DOES help then",
    "anything that helps at all with this?",
  ])("%s is answered, not met with the menu", async (text) => {
    const reply = await bot.chat().say(text);
    expect(reply.intent).not.toBe("help");
  });

  it.each([
    "help",
    "what can you do?",
    "how do I use this?",
    "I need help please",
    "what can I ask you about",
  ])("%s still shows what the bot can do", async (text) => {
    expect((await bot.chat().say(text)).intent).toBe("help");
  });

  it("keeps a reset that is only part of the message ('start again from scratch')", async () => {
    expect((await bot.chat().say("forget all that, let's start again from scratch")).intent).toBe("reset");
  });
});
