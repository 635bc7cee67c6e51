// ADR 46: small talk as people say it: the menu asked for in other words ("what subjects do you cover"), thanks for
// "your kind help" (not the menu), starting fresh, a greeting that announces a question, and keyboard mashing with a
// "kkk" in it (no "ok").
import { describe } from "vitest";
import { createBot } from "../support/bot.js";
import { itRepliesEach } from "../support/labelled.js";

const bot = createBot();

describe("ADR 46: the menu asked for in other words", () => {
  itRepliesEach(
    bot,
    ["what subjects do you cover", "what kind of questions are you able to answer?"],
    "help",
  );
});

describe("ADR 46: thanks for the help is thanks, not the menu", () => {
  itRepliesEach(
    bot,
    ["thank you very much for your kind help", "thanks so much for your kind help"],
    "thanks",
  );
});

describe("ADR 46: starting fresh", () => {
  itRepliesEach(bot, ["can we start fresh please", "new topic"], "reset");
});

describe("ADR 46: a greeting that announces a question", () => {
  itRepliesEach(bot, ["hi, got a question about night cramps"], "greeting");
});

describe("ADR 46: keyboard mashing is not an ok", () => {
  itRepliesEach(bot, ["fghj kkk"], "thanks", { not: true });
  itRepliesEach(bot, ["kk"], "thanks");
});

describe("thanks told as what the answer was, or as slang", () => {
  itRepliesEach(
    bot,
    [
      "perfect, just what i was after, cheers",
      "Thank you for your time, you've been a great help.",
      "safe mate, appreciate it",
    ],
    "thanks",
  );
  // "safe" alone asks whether something is safe.
  itRepliesEach(bot, ["is it safe"], "thanks", { not: true });
});

describe("a goodbye that says it is bedtime", () => {
  itRepliesEach(bot, ["right, heading to bed now. night", "ok time for bed, bye"], "goodbye");
});

describe("a greeting that asks after the bot's day", () => {
  itRepliesEach(bot, ["hey, how has your day been?", "hello! how are things"], "greeting");
});
