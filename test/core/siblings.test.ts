// Answers from two sibling sections (docs/adr/0008): a question that fits both deficiencies equally gets both in one
// reply, the first (in article order) as the reply's section; a real choice, or an amount of nothing named, is still
// asked back; follow-ups after such an answer cover both again, or pick the one named.
import { Readable, Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { runBatch } from "../../src/cli/batch.js";
import { createBot, describeReply } from "../support/bot.js";

const bot = createBot({ rateLimit: { messages: 1000, windowMs: 60_000 } });

describe("a question that fits both siblings gets both in one reply", () => {
  for (const [text, first, second] of [
    ["what should I eat for cramps?", "magnesium.food", "vitamin-d.food"],
    ["foods with magnesium and vitamin d", "magnesium.food", "vitamin-d.food"],
    ["which supplements help?", "magnesium.supplements", "vitamin-d.supplements"],
    ["how much magnesium and vitamin D should I take?", "magnesium.supplements", "vitamin-d.supplements"],
    ["which vitamin am I missing?", "magnesium", "vitamin-d"],
    ["what nutrients help?", "magnesium", "vitamin-d"],
    ["what deficiency causes cramps?", "magnesium", "vitamin-d"],
  ] as const) {
    it(`"${text}" -> ${first} + ${second}`, async () => {
      const reply = await bot.chat().say(text);
      expect(reply.intent, describeReply(reply)).toBe("answer");
      expect(reply.section?.id).toBe(first);
      expect(reply.sections?.map((s) => s.id)).toEqual([first, second]);
      // Both sources are named.
      for (const ref of reply.sections ?? []) expect(reply.text).toContain(ref.heading);
    });
  }

  it("carries the dose caution when a section gives an amount, the disclaimer on the first answer otherwise", async () => {
    const m = bot.engine.intents.messages;
    const dose = await bot.chat().say("which supplements help?");
    expect(dose.text).toContain(m.dose_caution);
    const chat = bot.chat();
    const food = await chat.say("what should I eat for cramps?");
    expect(food.text).toContain(m.disclaimer);
    const second = await chat.say("which vitamin am I missing?");
    expect(second.text).not.toContain(m.disclaimer);
  });

  it("offers the two sections' follow-ups, never the sections just given", async () => {
    const reply = await bot.chat().say("what should I eat for cramps?");
    const ids = reply.suggestions.map((s) => s.id);
    expect(ids).toContain("section:magnesium.supplements");
    expect(ids).not.toContain("section:magnesium.food");
    expect(ids).not.toContain("section:vitamin-d.food");
  });
});

describe("a choice between the two deficiencies is answered from both, the article ranking neither (ADR 38)", () => {
  for (const text of [
    "magnesium or vitamin d?",
    "which is better for cramps, magnesium or vitamin D?",
    "should I start with magnesium or vitamin D?",
  ]) {
    it(`"${text}" -> both, magnesium first, with "doesn't rank"`, async () => {
      const reply = await bot.chat().say(text);
      expect(reply.intent, describeReply(reply)).toBe("answer");
      expect(reply.sections?.map((s) => s.id.split(".")[0])).toEqual(["magnesium", "vitamin-d"]);
      expect(reply.text).toContain("doesn't rank");
    });
  }
});

describe("an amount of nothing named is still asked back", () => {
  for (const text of ["how much should I take?", "what dose?"]) {
    it(`"${text}" -> clarify`, async () => {
      const reply = await bot.chat().say(text);
      expect(reply.intent, describeReply(reply)).toBe("clarify");
      expect(reply.sections).toBeUndefined();
    });
  }
});

describe("follow-ups after an answer from both", () => {
  it('"how much?" and "and the dose?" cover both again, with the dose caution', async () => {
    const chat = bot.chat();
    await chat.say("what should I eat for cramps?");
    for (const text of ["how much?", "and the dose?"]) {
      const reply = await chat.say(text);
      expect(
        reply.sections?.map((s) => s.id),
        describeReply(reply),
      ).toEqual(["magnesium.supplements", "vitamin-d.supplements"]);
      expect(reply.text).toContain(bot.engine.intents.messages.dose_caution);
    }
  });

  it("naming one of them picks its section with the same aspect", async () => {
    const chat = bot.chat();
    await chat.say("which supplements help?");
    expect((await chat.say("vitamin d")).section?.id).toBe("vitamin-d.supplements");
    const chat2 = bot.chat();
    await chat2.say("what should I eat for cramps?");
    expect((await chat2.say("magnesium")).section?.id).toBe("magnesium.food");
  });

  it("after an ordinary answer, an aspect follows that one topic only", async () => {
    const chat = bot.chat();
    await chat.say("tell me about magnesium");
    const reply = await chat.say("how much?");
    expect(reply.section?.id).toBe("magnesium.supplements");
    expect(reply.sections).toBeUndefined();
  });
});

describe("siblings come from the knowledge front matter", () => {
  it("pairs the two deficiencies in article order, and nothing else", () => {
    const { siblings } = bot.engine.index;
    expect(siblings.pair("vitamin-d", "magnesium")).toEqual(["magnesium", "vitamin-d"]);
    expect(siblings.pair("stretching", "massage")).toBeNull();
    expect(siblings.pair("magnesium", "hydration")).toBeNull();
  });
});

describe("the batch contract is unchanged for an answer from both", () => {
  it("names the first section only, with the contract's five fields", async () => {
    const chunks: string[] = [];
    const output = new Writable({
      write(chunk, _encoding, done) {
        chunks.push(chunk.toString());
        done();
      },
    });
    const input = `${JSON.stringify({ conversation: "b1", text: "what should I eat for cramps?" })}\n`;
    expect(await runBatch(bot.engine, Readable.from([input]), output)).toBe(0);
    const line = JSON.parse(chunks.join("").trim()) as Record<string, unknown>;
    expect(line).toMatchObject({ intent: "answer", section: "magnesium.food" });
    expect(Object.keys(line).sort()).toEqual(["conversation", "intent", "section", "suggestions", "text"]);
  });
});
