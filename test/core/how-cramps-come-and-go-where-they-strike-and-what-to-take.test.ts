// Single questions about the cramps themselves, asked in other words (ADR 71): whether they pass or stay away by
// themselves, where on the leg they strike, how vitamin D is taken, a good diet told, which vitamins or supplements to
// take, what to change in a day, calming the mind, the muscle gone hard. None of these phrasings is in an eval set;
// each look-alike below keeps the answer it had.
import { describe, expect, it } from "vitest";
import { createBot, describeReply } from "../support/bot.js";

const bot = createBot({ rateLimit: { messages: 1000, windowMs: 60_000 } });

/** text, section (an answer), and how many sections the reply names (0: one, as ever). */
type Case = [text: string, section: string, count: number];

function answers(title: string, cases: readonly Case[]): void {
  describe(title, () => {
    for (const [text, section, count] of cases) {
      it(`"${text}" -> ${section}`, async () => {
        const reply = await bot.chat().say(text);
        expect(reply.intent, describeReply(reply)).toBe("answer");
        expect(reply.section?.id, describeReply(reply)).toBe(section);
        if (count > 0) expect(reply.sections?.length, describeReply(reply)).toBe(count);
      });
    }
  });
}

answers("whether cramps pass or come back by themselves is the overview (they tend to come back stronger)", [
  ["will these cramps eventually stop by themselves", "overview", 0],
  ["do these cramps pass on their own if i leave them", "overview", 0],
  ["once they stop do they stay gone?", "overview", 0],
  ["will i grow out of them", "overview", 0],
  ["they disappeared for a month and now theyre back even worse, normal?", "overview", 0],
  ["is it normal that they disappear for a while and then come back stronger?", "overview", 0],
]);

answers("where on the leg they strike is the calf stretch's section (calves are the usual site)", [
  ["which part of the leg usually gets the cramps?", "stretching", 0],
  ["whereabouts do night cramps strike", "stretching", 0],
  ["what part of my leg is most likely to cramp", "stretching", 0],
  ["is it usually the calf that cramps at night", "stretching", 0],
]);

answers(
  "how vitamin D is taken, with which meal or without, is its supplements' bullet, never a comparison",
  [
    ["vit d - take it with my dinner or before?", "vitamin-d.supplements", 0],
    ["should i take my vitamin d in the morning with breakfast or at night", "vitamin-d.supplements", 0],
    ["is it fine to take vit d without food", "vitamin-d.supplements", 0],
    ["should i take vitamin dee with a meal", "vitamin-d.supplements", 0],
  ],
);

answers("a good diet told is vitamin D's main paragraph (cramps even on a good diet when it is low)", [
  ["i have a really good diet, lots of veg, could i still be low in vitamin d", "vitamin-d", 0],
  ["i eat very healthily so it cant be my diet can it", "vitamin-d", 0],
]);

answers(
  "vitamins or supplements to take, of none named, are both supplements; vitamins for the leg both deficiencies",
  [
    ["which vitamins do i need to take for leg cramps", "magnesium.supplements", 2],
    ["what vitamins do you recommend for leg cramps", "magnesium.supplements", 2],
    ["what should i take for cramps", "magnesium.supplements", 2],
    ["Which tablets should I get from the chemist for cramps, and what dose?", "magnesium.supplements", 2],
    ["which vitamin am i low on", "magnesium", 2],
    ["is there a vitamin that helps with cramps", "magnesium", 2],
  ],
);

answers("changes to a day or a lifestyle are what to do, not the habits check-up", [
  ["what lifestyle changes should i make", "prevention", 0],
  ["what small changes can i make to stop getting cramps", "prevention", 0],
  ["any lifestyle tips for night cramps?", "prevention", 0],
  ["how can i stop these charley horses", "prevention", 0],
]);

answers("calming the mind before bed is the stress section", [
  ["how do i calm my brain down at night", "stress", 0],
  ["i can never switch my brain off at bedtime, could that be the cramps", "stress", 0],
  ["is there a calming routine i could do before bed", "stress", 0],
  ["work is mental at the moment, could that be my cramps", "stress", 0],
]);

answers("the muscle gone hard is the cramp itself", [
  ["my calf goes hard as a rock in the night, what is that", "overview", 0],
  ["what exactly counts as a leg cramp", "overview", 0],
  ["these cramps are killing me, are they normal?", "overview", 0],
]);

answers("other ways to a nutrient, and lay words for supplements' side", [
  ["how can i get vitamin d without pills", "vitamin-d.sunlight", 0],
  ["natural way to get more magnesium?", "magnesium.food", 0],
  ["can i overdo the vitamin d", "vitamin-d.supplements", 0],
  ["does magnesium give you the trots", "magnesium.supplements", 0],
  ["are brazils any use for cramps?", "magnesium.food", 0],
]);

answers("look-alikes keep their answers", [
  ["how much vitamin D should I take", "vitamin-d.supplements", 0],
  ["how do I stop them coming back", "prevention", 0],
  ["why do they keep coming back", "overview", 0],
  ["what should I eat for cramps", "magnesium.food", 2],
  ["which vitamin am I missing?", "magnesium", 2],
  ["where do I get vitamin D", "vitamin-d.sunlight", 0],
  ["where do they come from", "causes", 0],
  ["what foods have vitamin d", "vitamin-d.food", 0],
  ["how do I get vitamin d tablets", "vitamin-d.supplements", 0],
  ["why does calcium need vitamin D for the muscles to relax?", "vitamin-d", 0],
]);

describe("look-alikes that still ask back or stay on the answer given", () => {
  it('"how much should I take?" as a first message still asks whose', async () => {
    const reply = await bot.chat().say("how much should I take?");
    expect(reply.intent, describeReply(reply)).toBe("clarify");
  });

  it('"is it safe to take them every night?" as a first message asks whose safety, as an amount does', async () => {
    const reply = await bot.chat().say("is it safe to take them every night?");
    expect(reply.intent, describeReply(reply)).toBe("clarify");
  });

  it('"what does it do?" right after magnesium is about magnesium, not what the cramps are', async () => {
    const chat = bot.chat();
    await chat.say("tell me about magnesium");
    const reply = await chat.say("what does it do for cramps?");
    expect(reply.section?.id, describeReply(reply)).toBe("magnesium");
  });
});
