// Where the ask is in a long message (ADR 25): a run-on voice note read from its last ask, a later sentence that asks
// again without "?", kinds about the story (a verdict, a link) taking the story's topic, and what the person believes
// or already does, read clause by clause.
import { describe, expect, it } from "vitest";
import { createBot } from "../support/bot.js";

const bot = createBot();

async function sectionOf(text: string): Promise<string | null> {
  const reply = await bot.chat().say(text);
  return reply.intent === "answer" ? (reply.section?.id ?? null) : reply.intent;
}

describe("a run-on sentence is read from its last ask", () => {
  it.each([
    [
      "my gran is 90 and she sits in her chair all day and only has a cup of tea in the morning and one at night and she says her legs knot up every night what can she do to stop them",
      "prevention",
    ],
    [
      "so I work nights and I sleep in the day and I hardly drink anything on shift and then I get home and my calves cramp in bed and I just want to know why they come on like that",
      "causes",
    ],
  ])("%s", async (text, section) => {
    expect(await sectionOf(text)).toBe(section);
  });

  it("a long sentence that opens with its ask is read whole", async () => {
    expect(
      await sectionOf(
        "how much water should I be drinking a day because I work outside in the heat and only have a bottle or two and my calves cramp at night",
      ),
    ).toBe("hydration");
  });
});

describe("a later sentence that asks again carries the ask", () => {
  it("after a '?' that names nothing", async () => {
    expect(
      await sectionOf(
        "Three nights running my calves have cramped after long walks. Is it the walking or something else? What is my body trying to tell me",
      ),
    ).toBe("causes");
  });

  it("a kind about the topic just named", async () => {
    expect(
      await sectionOf(
        "I eat loads of veg and still cramp at night. someone said maybe magnesium? what foods would have it",
      ),
    ).toBe("magnesium.food");
  });
});

describe("kinds about the story take the story's topic", () => {
  it("a verdict ('is there anything in that?')", async () => {
    expect(
      await sectionOf(
        "I stay indoors most of the winter and the days are short and grey here. A neighbour said it could be the sunshine vitamin. Is there anything in that?",
      ),
    ).toBe("vitamin-d.sunlight");
  });

  it("a link ('is there a link?') to a story about stress", async () => {
    expect(
      await sectionOf(
        "Work has been relentless, deadlines every day and I can't switch off at night. Then the cramps start around 2am. Is there a link?",
      ),
    ).toBe("stress");
  });
});

describe("what the person believes or already does", () => {
  it("a cause the person believes in is not ruled out ('pretty sure it's because...')", async () => {
    expect(
      await sectionOf(
        "I work on a building site in the sun all day. Pretty sure my cramps are because I'm dehydrated most of the time. How much should I be drinking per day?",
      ),
    ).toBe("hydration");
  });

  it("a good diet told alone does not rule vitamin D out; told in a list of things done, it is ruled out with them", async () => {
    expect(await sectionOf("I eat really well and I still get cramps at night. How is that possible?")).toBe(
      "vitamin-d",
    );
    expect(
      await sectionOf("I drink 3 litres a day and eat well and I still get cramps. What else could it be?"),
    ).toBe("causes");
  });

  it("a bracket is a clause of its own ('I already take magnesium (I was low)')", async () => {
    expect(
      await sectionOf(
        "I already take magnesium every night (I was low last year) and I eat nuts most days. Still cramping twice a week, and I live in Oslo. What else could I be lacking?",
      ),
    ).toBe("vitamin-d");
  });

  it("a country is not a food ('I am from Brazil')", async () => {
    expect(
      await sectionOf(
        "I am from Brazil and now I live in Norway where the winter is so dark. Since my first winter here I have cramps in the night. My friend says it is the darkness, is possible?",
      ),
    ).toBe("vitamin-d.sunlight");
  });

  it("an aspect set aside is not asked about ('apart from supplements')", async () => {
    expect(await sectionOf("Apart from supplements, what lifestyle changes help with night cramps?")).toBe(
      "prevention",
    );
  });
});
