// Classes of misses found in batch P (holdout37, redflags26, stories22; ADR 84): time spent "at a stretch", a bad
// week at work or a row at home and the state of mind as stress, the nutrients "that matter", calcium taken as such,
// cramps as inevitable or getting worse over the years, when a supplement is taken, doing as someone told of did,
// and a told sentence opened by a connective beside a check-up asked. My own phrasings, not the sets'; the
// look-alikes at the end were right before and must stay so.
import { describe, expect, it } from "vitest";
import { createBot } from "../support/bot.js";

const bot = createBot();

async function replyTo(text: string): Promise<string | null> {
  const reply = await bot.chat().say(text);
  return reply.intent === "answer" ? (reply.section?.id ?? null) : reply.intent;
}

describe("everyday words read as what they mean", () => {
  it.each([
    [
      "I drive a bus, often six hours at a stretch without a break. What foods would help my cramps?",
      "magnesium.food",
    ],
    ["My cramps flare whenever my frame of mind is bad. Is there a link?", "stress"],
    ["I've had a rotten week at work and the calf cramps are back every night. Could that be it?", "stress"],
    ["Every time there are rows at home my legs cramp at night. Coincidence?", "stress"],
    ["Work has been brutal since March and I keep waking with cramps. Is there a connection?", "stress"],
    ["what should I eat to get the minerals that matter", "magnesium.food"],
  ])("%s", async (text, want) => {
    expect(await replyTo(text)).toBe(want);
  });
});

describe("calcium taken as such is a topic next to the article", () => {
  it.each([
    "would taking calcium help my night cramps?",
    "My friend says extra calcium stops leg cramps. Should I try it?",
  ])("%s", async (text) => {
    expect(await replyTo(text)).toBe("fallback");
  });

  it("keeps the calcium that vitamin D lets the body absorb", async () => {
    expect(await replyTo("why does vitamin D matter for calcium?")).toBe("vitamin-d");
  });
});

describe("whether cramps are for life or worsen with the years", () => {
  it.each([
    ["my gran reckons cramps are just inevitable when you get old, is she right?", "summary"],
    ["are they unavoidable?", "summary"],
    ["will they get worse as I age", "overview"],
    ["I'm 50 and get the odd night cramp. Are they likely to get worse?", "overview"],
  ])("%s", async (text, want) => {
    expect(await replyTo(text)).toBe(want);
  });

  it.each([
    ["my cramps get worse over time, what can I do?", "prevention"],
    ["do they get worse if I don't drink enough?", "hydration"],
  ])("still answers what a worsening told asks: %s", async (text, want) => {
    expect(await replyTo(text)).toBe(want);
  });
});

describe("when a supplement is taken is its timing", () => {
  it.each([
    ["my vitamin d came back low. does it matter when i take it", "vitamin-d.supplements"],
    ["does it matter what time of day I take vitamin D?", "vitamin-d.supplements"],
    ["my GP started me on magnesium, does it matter when I take them?", "magnesium.supplements"],
  ])("%s", async (text, want) => {
    expect(await replyTo(text)).toBe(want);
  });

  it("keeps whether vitamin D matters at all", async () => {
    expect(await replyTo("does vitamin d matter for cramps?")).toBe("vitamin-d");
  });
});

describe("doing as someone told of did points back at what they took", () => {
  it("falls back for a topic next to the article", async () => {
    expect(
      await replyTo("My aunt drinks pickle juice every night for her cramps. Should I follow her lead?"),
    ).toBe("fallback");
  });

  it("answers an article topic done the same way", async () => {
    expect(
      await replyTo("My aunt stretches her calves every night before bed. Should I follow her lead?"),
    ).toBe("stretching");
  });
});

describe("a check-up asked beside habits told after a connective", () => {
  it.each([
    "and my routine is roughly two glasses of water and a lot of coffee. could you check my habits",
    "so my days go like this: a glass of water, no seeds, up till 2am. can you check my habits?",
  ])("%s", async (text) => {
    expect(await replyTo(text)).toBe("checkup");
  });

  it("still answers a question asked before the request", async () => {
    expect(await replyTo("how much water is enough. can you check my habits")).toBe("hydration");
  });
});

describe("when cramps would be a worry, asked in general, is not the stress section's worry", () => {
  it.each([
    "night cramps, when should I be concerned?",
    "what are the warning signs that my calf cramps are serious",
  ])("%s", async (text) => {
    expect(await replyTo(text)).toBe("fallback");
  });

  it("keeps a red flag told with it urgent", async () => {
    expect(await replyTo("my calf has been hot and swollen since the cramp, when should I worry?")).toBe(
      "urgent",
    );
  });

  it("keeps worrying as stress", async () => {
    expect(await replyTo("I worry a lot about money at night, could that be behind my cramps?")).toBe(
      "stress",
    );
  });

  it("keeps the warning signs of too much magnesium", async () => {
    expect(await replyTo("what are the warning signs of taking too much magnesium?")).toBe(
      "magnesium.supplements",
    );
  });
});
