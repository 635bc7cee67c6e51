// Behaviour tests for the mechanisms added for issue 10 after holdout11/12 (real people's phrasing): asking whether
// both deficiencies are needed is answered from both, and "best" chooses only between two things named. The
// wording here is our own, not the evaluation sets'.
import { describe, expect, it } from "vitest";
import { createBot, describeReply } from "../support/bot.js";

const bot = createBot();

describe("asking whether both are needed answers both (siblings.ts, lexicon `both`)", () => {
  it.each([
    "magnesium or vitamin D for my cramps, or both?",
    "do I really need both vitamin D and magnesium or will just one do",
    "should i take both magnesium and vit d",
  ])("%s", async (text) => {
    const reply = await bot.chat().say(text);
    expect(reply.intent, describeReply(reply)).toBe("answer");
    expect(reply.sections?.map((x) => x.id.split(".")[0])).toEqual(["magnesium", "vitamin-d"]);
  });

  it("a choice between the two without 'both' is answered from both too, ranking neither (ADR 38)", async () => {
    const reply = await bot.chat().say("magnesium or vitamin D, which one should I start with?");
    expect(reply.text, describeReply(reply)).toContain("doesn't rank");
  });

  it("'both' about the legs is not a question about both deficiencies: a choice, ranking neither", async () => {
    const reply = await bot.chat().say("both legs cramp at night, which one first, magnesium or vitamin D?");
    expect(reply.text, describeReply(reply)).toContain("doesn't rank");
  });
});

describe("'best' with nothing named asks which help (lexicon `choice_between_named`)", () => {
  it.each(["top best supplement for calf cramps", "what are the best supplements to take for night cramps"])(
    "%s",
    async (text) => {
      const reply = await bot.chat().say(text);
      expect(reply.intent, describeReply(reply)).toBe("answer");
      expect(reply.sections?.map((x) => x.id)).toEqual(["magnesium.supplements", "vitamin-d.supplements"]);
    },
  );

  it("'best' between the two deficiencies named is still a choice: compared, ranking neither (ADR 38)", async () => {
    const reply = await bot.chat().say("which is best for cramps, magnesium or vitamin D?");
    expect(reply.text, describeReply(reply)).toContain("doesn't rank");
  });
});

describe("what the article recommends, and what DOES help, is the remedies (intents/kinds.yaml remedy)", () => {
  it.each([
    "right, so what does the article recommend",
    "none of that worked for me, so what does work?",
    "what's the very first thing to try",
  ])("%s", async (text) => {
    const reply = await bot.chat().say(text);
    expect(reply.intent, describeReply(reply)).toBe("answer");
    expect(reply.section?.id).toBe("prevention");
  });

  it("a topic named with the same words keeps its own section", async () => {
    const reply = await bot.chat().say("what does the article recommend as a magnesium dose");
    expect(reply.section?.id, describeReply(reply)).toBe("magnesium.supplements");
  });
});

describe("a question inside the stretch coach is about the stretch (Dialogue.section)", () => {
  it("'how many goes on each side?' pauses the coach and is answered from stretching", async () => {
    const chat = bot.chat();
    expect((await chat.say("/stretch")).intent).toBe("stretch");
    const reply = await chat.say("how many goes on each side?");
    expect(reply.intent, describeReply(reply)).toBe("answer");
    expect(reply.section?.id).toBe("stretching");
  });

  it("a question naming another topic is answered from that topic", async () => {
    const chat = bot.chat();
    await chat.say("/stretch");
    const reply = await chat.say("how much magnesium should I take a day?");
    expect(reply.section?.id, describeReply(reply)).toBe("magnesium.supplements");
  });

  it("a step command still moves the coach on", async () => {
    const chat = bot.chat();
    await chat.say("/stretch");
    expect((await chat.say("next")).intent).toBe("stretch");
  });
});

describe("a place the person lives in is context, not an unknown subject (lexicon `place_before`)", () => {
  it("'we live in aberystwyth, hardly any sun' after vitamin D is the sunlight bullet", async () => {
    const chat = bot.chat();
    await chat.say("can vitamin D help with cramps?");
    const reply = await chat.say("we live in aberystwyth, hardly any sun");
    expect(reply.intent, describeReply(reply)).toBe("answer");
    expect(reply.section?.id).toBe("vitamin-d.sunlight");
  });

  it("an unknown word that is the subject is still out of scope", async () => {
    expect((await bot.chat().say("does selenium help cramps?")).intent).toBe("fallback");
  });
});

describe("a verdict asked on a topic told before points back at it (scope `verdicts`)", () => {
  it.each([
    "My uncle drinks a glass of tonic water every night for his legs. Worth a try?",
    "Somebody at work said potassium tablets fixed her cramps. Myth?",
  ])("%s", async (text) => {
    const reply = await bot.chat().say(text);
    expect(reply.intent, describeReply(reply)).toBe("fallback");
  });

  it("a verdict asked about a topic of ours is still answered", async () => {
    const reply = await bot.chat().say("A friend says almonds help with cramps. True or false?");
    expect(reply.intent, describeReply(reply)).toBe("answer");
  });
});

describe("a hot climate asks about water (knowledge/hydration.md keywords)", () => {
  it("a heatwave, after the water answer, stays on hydration", async () => {
    const chat = bot.chat();
    await chat.say("how much water should I drink?");
    const reply = await chat.say("and during a heatwave?");
    expect(reply.section?.id, describeReply(reply)).toBe("hydration");
  });
});

describe("closings people type (intents/thanks.yaml)", () => {
  it.each([
    ["ok thanks, I'll give that a go", "thanks"],
    ["thank you very much for your help", "thanks"],
  ])("%s", async (text, intent) => {
    const chat = bot.chat();
    await chat.say("how much water should I drink?");
    expect((await chat.say(text)).intent).toBe(intent);
  });
});
