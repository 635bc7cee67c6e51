// Issue 10, stories and what a question asks: the sentence that carries the ask outweighs the story, a vague closing
// ask takes its subject from what the person says they do not know, new question kinds (how cramps come and go,
// whether you must live with them, where they strike), two aspects joined by "or", and amounts of named pills.
// New phrasings written for these tests, not copies of eval lines.
import { describe, expect, it } from "vitest";
import { createBot } from "../support/bot.js";

const bot = createBot();

describe("a letter without a question mark is read for its request, not its sign-off", () => {
  it.each([
    [
      "To the health page. My father, 77, has been troubled for a year by cramp in both calves that wakes him in the small hours. He is otherwise in good health and takes a short walk daily. I should be glad to learn what may lie behind this. With best wishes, Joan Pritchard",
      "causes",
    ],
    [
      "Dear Doctor, I am 59 and a retired postwoman. For several months my calves have seized up most nights. I would welcome any guidance you could give me. Sincerely, Elaine",
      "prevention",
    ],
    ["cramps every night, wondering if there's a stretch I could do before bed", "stretching"],
  ])("%s", async (text, section) => {
    const reply = await bot.chat().say(text);
    expect(reply.intent).toBe("answer");
    expect(reply.section?.id).toBe(section);
  });
});

describe("a vague closing ask is about what the person said they do not know", () => {
  it("answers the dose when the story says they have no idea how much to take", async () => {
    const reply = await bot
      .chat()
      .say(
        "My sister read that vitamin D matters for cramps but we have no idea how much she ought to take or what time of day. She lives in Oslo and cramps most nights. Can you help?",
      );
    expect(reply.section?.id).toBe("vitamin-d.supplements");
  });
});

describe("question kinds the general sections answer", () => {
  it.each([
    [
      "my cramps come and go, a fortnight of bad nights then nothing, is that how they usually behave?",
      "overview",
    ],
    ["why do these cramps keep coming back every few weeks", "overview"],
    [
      "my granny says night cramps are just part of getting old and she'll have to put up with them. is she right?",
      "summary",
    ],
    ["which muscle do night cramps usually go for", "stretching"],
    // One question word beside a longer phrase names no section; two questions joined by "and" keep theirs.
    ["What causes night cramps, and how do I stop them?", "causes"],
    [
      "My partner cramps every night, he's a builder, works outdoors all day, drinks mostly energy drinks. any idea why this keeps happening to him?",
      "causes",
    ],
  ])("%s", async (text, section) => {
    const reply = await bot.chat().say(text);
    expect(reply.intent).toBe("answer");
    expect(reply.section?.id).toBe(section);
  });
});

describe("two aspects of one topic joined by 'or' are answered together", () => {
  it("answers the sun and food for vitamin D, sun first", async () => {
    const reply = await bot
      .chat()
      .say("is a bit of sunshine enough for my vitamin D or should I be eating something too?");
    expect(reply.section?.id).toBe("vitamin-d.sunlight");
    expect(reply.sections?.map((s) => s.id)).toEqual(["vitamin-d.sunlight", "vitamin-d.food"]);
  });

  it("reads 'with a meal or on an empty stomach' as how to take the supplement", async () => {
    const reply = await bot.chat().say("do I take the vitamin D capsule with a meal or on an empty stomach");
    expect(reply.section?.id).toBe("vitamin-d.supplements");
  });
});

describe("an amount of supplements named by their own word answers both deficiencies", () => {
  it("answers both for pills named with 'how many a day'", async () => {
    const reply = await bot.chat().say("which tablets do people take for night cramps, and how many a day?");
    expect(reply.sections?.map((s) => s.id)).toEqual(["magnesium.supplements", "vitamin-d.supplements"]);
  });

  it("still asks which for a bare amount", async () => {
    const reply = await bot.chat().say("how much should I take?");
    expect(reply.intent).toBe("clarify");
  });
});

describe("a shortfall found is not ruled out", () => {
  it("answers about magnesium when the test came back low", async () => {
    const reply = await bot
      .chat()
      .say("I got my magnesium tested last month and it came back low. Which foods would help?");
    expect(reply.section?.id).toBe("magnesium.food");
  });
});
