// Single questions as real people write them (ADR 76): what to do said as keeping cramps away or sorting them out, a
// red flag denied beside the ask, topics next to the article asked or ruled out, lay words, a good diet told, and what
// a story's question points back at. Each case was checked to be read wrongly before the change (look-alikes aside).
import { describe, expect, it } from "vitest";
import { createBot } from "../support/bot.js";

const bot = createBot();

async function sectionOf(text: string): Promise<string | null> {
  const reply = await bot.chat().say(text);
  return reply.intent === "answer" ? (reply.section?.id ?? null) : reply.intent;
}

describe("what to do, in everyday words", () => {
  it.each([
    ["how do I sort these cramps out", "prevention"],
    [
      "No swelling, nothing red, just the ordinary cramp that went after a minute. How do I keep it from coming back?",
      "prevention",
    ],
    ["Apart from vitamins and minerals, are there lifestyle changes that make a difference?", "prevention"],
    ["Is this just something I must put up with at 70, or can it be cured?", "summary"],
  ])("%s", async (text, section) => {
    expect(await sectionOf(text)).toBe(section);
  });
});

describe("a red flag denied beside the ask does not turn the ask down", () => {
  it.each([
    ["I'm not swollen and my foot isn't cold. magnesium dose?", "magnesium.supplements"],
    ["leg cramps night not swollen vitamin d dose", "vitamin-d.supplements"],
  ])("%s", async (text, section) => {
    expect(await sectionOf(text)).toBe(section);
  });
});

describe("topics next to the article", () => {
  it.each([
    // The medicine itself asked for as the cause.
    ["GP started me on water tablets and my legs cramp now. Is it the pills?", "fallback"],
    // A thing asked about keeps its question when the clause after only takes it in.
    ["Does tonic water help, and should I drink some before bed?", "fallback"],
    // How long an ordinary cramp lasts: the article never says.
    ["how long do cramps normally last, and when is it too long?", "fallback"],
    // Compression socks asked again by what is chosen when buying them.
    ["My sister swears by compression socks. What size should I get?", "fallback"],
  ])("%s", async (text, intent) => {
    expect(await sectionOf(text)).toBe(intent);
  });

  it.each([
    // A partner's pregnancy told, then ruled out by the man asking.
    ["we were told its a pregnancy thing but im a 45 year old guy. so what causes it", "causes"],
    // A remedy given up on is told, not asked.
    [
      "My doctor gave me quinine once and I stopped it because of the side effects. Which supplements do people take instead?",
      "magnesium.supplements",
    ],
  ])("%s", async (text, section) => {
    expect(await sectionOf(text)).toBe(section);
  });
});

describe("lay words", () => {
  it.each([
    ["how many glasses of water should I be necking a day", "hydration"],
    ["since the nights drew in my cramps are back, coincidence?", "vitamin-d.sunlight"],
    ["i sweat loads at the gym, do i need more than two litres?", "hydration"],
  ])("%s", async (text, section) => {
    expect(await sectionOf(text)).toBe(section);
  });

  it("a question in German is another language", async () => {
    expect(await sectionOf("Kann Magnesium gegen nächtliche Krämpfe helfen?")).toBe("fallback");
  });

  it("'pins and needles' denied is no acupuncture", async () => {
    expect(await sectionOf("pins and needles? nope, none of that. just the usual charley horse. tips?")).toBe(
      "prevention",
    );
  });
});

describe("a story's question", () => {
  it("a good diet told, then 'still', keeps vitamin D asked about", async () => {
    expect(
      await sectionOf(
        "Dear Doctor, I cook from scratch, vegetables at every meal. Yet I still get leg cramps. How can that be?",
      ),
    ).toBe("vitamin-d");
  });

  it("a voice note's ask starts where the longest ask around it does", async () => {
    expect(
      await sectionOf(
        "so i work in a warehouse on my feet all day and i carry a big bottle and drink the lot every shift so its not water what else could be doing it",
      ),
    ).toBe("causes");
  });

  it("'its not X' in a voice note rules X out", async () => {
    expect(await sectionOf("ok so its not stress, what else could be doing it")).toBe("causes");
  });

  it("'is there anything in that?' is about the topic of the sentence it points at", async () => {
    expect(
      await sectionOf(
        "He has tried stretching and more water with only a little improvement. His barber swears acupuncture cured his own cramps. Is there anything in that?",
      ),
    ).toBe("acupuncture");
  });

  it("with no question mark, a last sentence opening with a question word is the question", async () => {
    expect(
      await sectionOf(
        "my feet are toasty and a normal colour, its just my calves locking up for a second at night haha. whats the brazil nut thing about",
      ),
    ).toBe("magnesium.food");
  });
});

describe("look-alikes stay as they were", () => {
  it.each([
    // "stop it" in a question is no remedy stopped.
    ["Would wearing compression socks in bed stop it?", "fallback"],
    // A mum's new pill asked about in other words stays the new-medicine advisory's causes.
    [
      "My mum's legs only started cramping after the doctor moved her onto a new blood pressure pill. Could the pill have something to do with it?",
      "causes",
    ],
    // Vitamin D named after the season told is vitamin D itself.
    ["Ever since the clocks went back my cramps are worse. Could it be vitamin D?", "vitamin-d"],
    // Sweating over exams is a worry, not fluid lost.
    ["im sweating over my deadlines, could stress be why i get night cramps?", "stress"],
    // A high-fibre diet told is the hydration section's.
    [
      "eat lots of veg and lentils and wholegrain bread since my diet change, and the cramps got worse. Why would eating better make it worse?",
      "hydration",
    ],
  ])("%s", async (text, section) => {
    expect(await sectionOf(text)).toBe(section);
  });
});
