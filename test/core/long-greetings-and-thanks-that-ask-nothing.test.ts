// Fresh phrasings written for ADR 64, none from an eval set: a long greeting or a thank-you that retells what was done
// names article topics yet asks nothing, so it is greeted or thanked, not answered from a section; the same openings
// followed by a real ask are answered, and a red flag inside is urgent. The small talk ones failed on main eec4802;
// the asks and red flags are guards that pass there too.
import { describe, expect, it } from "vitest";
import { createBot } from "../support/bot.js";
import { describeLabelled, itRepliesEach, type LabelledCase } from "../support/labelled.js";

const bot = createBot();

const ASKS_NOTHING: LabelledCase[] = [
  [
    "Evening all. First time on here. Fifty-odd, ex-rugby, knees like an old gate. Nice to meet you.",
    "greeting",
    null,
  ],
  [
    "Hiya! Just popping in to say hi, my physio recommended this thing. Hope you're having a good day.",
    "greeting",
    null,
  ],
  ["Good morning all, new here, a retired plumber from Hull, nice to meet you", "greeting", null],
  [
    "Hi there, hope you're having a lovely evening. Just saying hello before I get into my questions tomorrow.",
    "greeting",
    null,
  ],
  [
    "Dear Doctor, a short note to say thank you. Since I started the stair stretch and a glass of water at bedtime, " +
      "the cramps have all but gone. My husband sends his thanks. Bless you.",
    "thanks",
    null,
  ],
  [
    "just wanted to say ta for the tips last week, been doing the breathing thing and having a few almonds at night " +
      "and i've slept like a baby. proper grateful",
    "thanks",
    null,
  ],
  [
    "Thank you! I went out for a walk at lunch every day like the article said and my vitamin D came back normal at " +
      "the surgery. Made a real difference.",
    "thanks",
    null,
  ],
  ["cheers pal, the calf massage before bed worked wonders, slept right through. legend", "thanks", null],
  [
    "I came back to say the magnesium-rich snacks did the trick. Pumpkin seeds every evening and no cramps for a " +
      "fortnight. Much obliged, and goodnight.",
    "thanks",
    null,
  ],
  ["Bless you for this. Two weeks of almonds and the cramps have eased. I owe you one.", "thanks", null],
  [
    "Thanks a million, the info on water and magnesium was brilliant, I've passed it on to my brother",
    "thanks",
    null,
  ],
  ["I can't thank you enough, the stretch worked wonders", "thanks", null],
  ["ok, I'll give the pumpkin seeds a go. ta", "thanks", null],
  [
    "I'd like to say a big thank you, the magnesium foods list was so useful and I've stocked up on seeds and spinach.",
    "thanks",
    null,
  ],
  [
    "Hello and a very good morning to you from sunny Brighton. I'm Pat, I'm 72, and my son-in-law showed me how to " +
      "use this. I just wanted to say hello properly first.",
    "greeting",
    null,
  ],
];

const ASKS: LabelledCase[] = [
  ["Hi! quick q, how much magnesium?", "answer", "magnesium.supplements"],
  [
    "Hello, I hope you are well. Could you tell me which foods have magnesium in them",
    "answer",
    "magnesium.food",
  ],
  ["Thank you so much for the stretch tip. Is it also ok to do it in the morning", "answer", "stretching"],
  [
    "Hello! My name is Ana and I am from Chile. I would like to know what causes the cramps at night",
    "answer",
    "causes",
  ],
  ["cheers for that. what should i eat then", "answer", "magnesium.food"],
  [
    "Good evening. I am 70 and every night my calf cramps. I would appreciate your advice on what to do.",
    "answer",
    "prevention",
  ],
  ["hi, I'm Jo, 45, cramps in both calves most nights, any tips", "answer", "prevention"],
  ["thanks. magnesium foods", "answer", "magnesium.food"],
  // Asks said as wants, with no question mark.
  [
    "Hello, nice to meet you. I have cramps every night and I'd love some advice on stopping them.",
    "answer",
    "prevention",
  ],
  [
    "Thank you for the last answer. Now I need the vitamin D dose for an adult.",
    "answer",
    "vitamin-d.supplements",
  ],
  [
    "Good morning! Hope you're well. Keen to hear what the article says about magnesium.",
    "answer",
    "magnesium",
  ],
  [
    "Cheers for the info. Just need the amount of water I should be drinking in a day.",
    "answer",
    "hydration",
  ],
  ["Thanks, that's great. Give me the foods with vitamin D as well please.", "answer", "vitamin-d.food"],
  ["thank you, please go on about the massage", "answer", "massage"],
];

const RED_FLAGS: LabelledCase[] = [
  ["thanks, but my calf is now swollen and hot", "urgent", null],
  [
    "Good morning! I hope you're well. My calf has been swollen and red since yesterday and it feels warm.",
    "urgent",
    null,
  ],
  ["Thanks for the advice. Since this morning I have had chest pain and I'm breathless.", "urgent", null],
  ["thank you, the stretch helped, but now my foot is numb and I can't lift it", "urgent", null],
  ["Hello, nice to meet you. I've had diarrhoea for four days and now terrible cramps.", "urgent", null],
];

describeLabelled("a long greeting or thank-you that asks nothing is that small talk", bot, ASKS_NOTHING, []);
// Guards (they pass on main too): the act must not swallow an ask or a red flag.
describeLabelled("a greeting or thanks with a real ask is answered", bot, ASKS, []);
describe("a bare hi before a problem told is not a greeting", () => {
  itRepliesEach(
    bot,
    ["Hiya. Shop worker, on my feet all day. Cramps most nights in the calf, a minute or two."],
    "greeting",
    {
      not: true,
    },
  );
});
describeLabelled("a red flag inside a greeting or thanks is urgent", bot, RED_FLAGS, []);

describe("thanks after an answer that retells what was done", () => {
  it("'ok, I'll try the seeds then, cheers' after the magnesium foods is thanks", async () => {
    const chat = bot.chat();
    await chat.say("which foods have magnesium");
    const reply = await chat.say("ok, I'll try the seeds then, cheers");
    expect(reply.intent).toBe("thanks");
  });
  it("'thanks! and what about vitamin D?' after the magnesium foods is answered", async () => {
    const chat = bot.chat();
    await chat.say("which foods have magnesium");
    const reply = await chat.say("thanks! and what about vitamin D?");
    expect(reply.intent).toBe("answer");
    expect(reply.section?.id.startsWith("vitamin-d")).toBe(true);
  });
});
