// Follow-ups resolved from the conversation's last answer and its list (src/core/follow-ups.ts): "what else" after one
// remedy is the other remedies, after a cause reached from the causes it is the causes; "the first one" and "what's
// first" are that item of the last list; "how do I get more" is the topic's first source in the article.
import { describe, expect, it } from "vitest";
import { createBot, describeReply, lastReply } from "../support/bot.js";

const bot = createBot({ rateLimit: { messages: 1000, windowMs: 60_000 } });

const last = (texts: string[]) => lastReply(bot.chat(), texts);

describe("'what else' after one item answers the list it belongs to", () => {
  it.each([
    [["how do I do the calf stretch", "how many reps", "what else"], "prevention"],
    [
      ["does acupuncture help cramps", "how many sessions", "hmm, not for me. what else is there"],
      "prevention",
    ],
    [["what causes night cramps", "could it be that I hardly drink water", "and what else"], "causes"],
  ])("%j", async (texts, section) => {
    const reply = await last(texts);
    expect(reply.section?.id, describeReply(reply)).toBe(section);
  });

  it("a topic of several sections goes on to its next section", async () => {
    const reply = await last(["is sunlight enough for vitamin d", "so what then"]);
    expect(reply.section?.id, describeReply(reply)).toBe("vitamin-d.food");
  });
});

describe("an item of the last list named by its place", () => {
  it.each([
    [["what are the causes of night cramps", "tell me more about the first one"], "magnesium"],
    [["what are the causes of night cramps", "and the second one?"], "vitamin-d"],
    [["how do I stop night cramps", "what's first"], "stretching"],
  ])("%j", async (texts, section) => {
    const reply = await last(texts);
    expect(reply.section?.id, describeReply(reply)).toBe(section);
  });

  it("'first' as an adverb names no item", async () => {
    const reply = await last(["what dose of magnesium", "should I ask a doctor first"]);
    expect(reply.section?.id, describeReply(reply)).toBe("magnesium.supplements");
  });
});

describe("'how do I get more' is the topic's first source", () => {
  it.each([
    [["what are the causes", "tell me more about the first one", "how do I get more"], "magnesium.food"],
    [["why does vitamin d matter for cramps", "how can I get more"], "vitamin-d.sunlight"],
  ])("%j", async (texts, section) => {
    const reply = await last(texts);
    expect(reply.section?.id, describeReply(reply)).toBe(section);
  });
});
