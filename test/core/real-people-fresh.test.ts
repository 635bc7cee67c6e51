// Thirty fresh questions written for issue 10 in styles the eval sets have few of: letters to a health column, run-on
// voice notes, forum posts, plain questions (plus a few conversations for the mechanisms of ADR 9). They were written
// before the data was tuned for them: 22 of 30 passed on the first run; the two still failing are listed in KNOWN,
// each with the reason. Labels follow the labelling rules new evaluation sets are written against.
import { describe, expect, it } from "vitest";
import { createBot, sayAll } from "../support/bot.js";
import { describeLabelled, type LabelledCase } from "../support/labelled.js";

const bot = createBot();

type Case = LabelledCase;

const FRESH: Case[] = [
  [
    "Dear Doctor, I am 69 and a keen gardener. Lately I wake most nights with my calf muscle drawn up into a hard ball, it passes after a minute or so of standing. My diet is good and I take no tablets. I would be grateful to know what is at the root of it.",
    "answer",
    "causes",
  ],
  [
    "Dear Doctor, my husband is a long-distance lorry driver and sits for ten hours at a stretch. He now gets cramps in both legs at night. He refuses to take pills. What can he do?",
    "answer",
    "prevention",
  ],
  [
    "Dear Doctor, my father, who is 84, was told by a friend to keep a bar of soap at the foot of his bed to stop his night cramps. Is there any truth in this?",
    "fallback",
    null,
  ],
  [
    "Dear Doctor, I have had a nasty bout of gastroenteritis, three days of vomiting and diarrhoea, and last night both my calves cramped so badly I could not stand. Should I just drink more water?",
    "urgent",
    null,
  ],
  [
    "Dear Doctor, I live in the Shetland Isles where we barely see the sun from November to February, and each winter my leg cramps return. Is this more than a coincidence?",
    "answer",
    "vitamin-d.sunlight",
  ],
  [
    "Dear Doctor, I am 38 weeks pregnant and my calves cramp every night. Is it safe to take a magnesium supplement?",
    "fallback",
    null,
  ],
  [
    "Dear Doctor, I already drink a good two litres of water a day and stretch each evening, yet the cramps persist. What else does the evidence suggest I try?",
    "answer",
    "prevention",
  ],
  [
    "Dear Doctor, is there any sense in the old idea that acupuncture can help with cramps at night, and how many sessions would one need?",
    "answer",
    "acupuncture",
  ],
  [
    "ok so um i have this thing where my right calf just goes solid at like three in the morning and i have to get up and walk it off its been happening every night for two weeks what is going on with me",
    "answer",
    "causes",
  ],
  [
    "hey so voice typing this my left leg has been cramping at night and this time its been going for like twenty minutes and it still wont let go what do i do",
    "urgent",
    null,
  ],
  [
    "right so i work in a kitchen its roasting in there and im sweating buckets every shift and now my legs are cramping tonight really bad",
    "urgent",
    null,
  ],
  ["umm quick one how many times do i do that calf stretch on the step thing", "answer", "stretching"],
  [
    "so my wife says i should be rubbing my calves when they cramp is that actually a thing does it help",
    "answer",
    "massage",
  ],
  [
    "Long-time reader, first post. Cyclist, 200 miles a week, I drink plenty and stretch after every ride. Still cramping at night. Stress at work is through the roof at the moment. Could that actually be part of it?",
    "answer",
    "stress",
  ],
  [
    "Posting for my mum who doesn't do computers. She's 77, gets cramps in her calves most nights, doesn't really go out any more and eats like a bird. What would you suggest she tries?",
    "answer",
    "prevention",
  ],
  [
    "Anyone else find that pickle juice actually works for night cramps? My running club swears by it. Worth a go?",
    "fallback",
    null,
  ],
  [
    "Fell off a ladder on Sunday and landed on my left leg, and since then it keeps cramping at night. Is a massage a good idea?",
    "urgent",
    null,
  ],
  ["Which is better for night cramps, the calf stretch or a massage?", "answer", "stretching"],
  ["vegetarian here, no fish at all. where else can i get vitamin d from food?", "answer", "vitamin-d.food"],
  ["My charlie horses are back with a vengeance. What am I probably deficient in?", "answer", "magnesium"],
  ["Should my 8 year old take magnesium for his leg pains at night?", "fallback", null],
  ["Is there a link between sitting at a desk all day and getting cramps at night?", "answer", "causes"],
  [
    "I get cramps at night and my left calf has been swollen and a bit warm for two days now.",
    "urgent",
    null,
  ],
  ["Do Epsom salt baths help with leg cramps?", "fallback", null],
  [
    "how much water a day am i meant to drink to stop cramps, i do a lot of spin classes",
    "answer",
    "hydration",
  ],
  ["Good morning! Hoping you can help.", "greeting", null],
  ["thanks so much for your help, that was really useful", "thanks", null],
  ["I've heard magnesium can upset your stomach. How much is too much?", "answer", "magnesium.supplements"],
];

/** Still answered wrongly: kept so a fix shows up (the test then fails and the case moves to FRESH). */
const KNOWN: Case[] = [
  // the sunshine vitamin is read as the sunlight bullet, though the question asks about vitamin D itself
  ["what vitamin is it that you get from sunshine and does it help cramps", "answer", "vitamin-d"],
  // "coffee" is an out-of-scope word in the lexicon; with no cramps named it makes the question out of scope
  [
    "I take vitamin D already, 1000 IU every morning with my coffee and nothing else. Am I doing it right?",
    "answer",
    "vitamin-d.supplements",
  ],
];

describeLabelled("fresh questions from real-world styles", bot, FRESH, KNOWN);

describe("comparisons answer both, in article order (ADR 9)", () => {
  it.each([
    ["stretching or massage, which one works better?", ["stretching", "massage"]],
    ["massage vs acupuncture for cramps?", ["acupuncture", "massage"]],
    ["is it better to get vitamin D from sunshine or from food?", ["vitamin-d.sunlight", "vitamin-d.food"]],
    ["almonds or mushrooms, which is better for cramps?", ["magnesium.food", "vitamin-d.food"]],
  ])("%s", async (text, ids) => {
    const reply = await bot.chat().say(text);
    expect(reply.intent).toBe("answer");
    expect(reply.sections?.map((x) => x.id)).toEqual(ids);
    expect(reply.section?.id).toBe(ids[0]);
    expect(reply.text).toContain("doesn't rank");
  });

  it("a choice between the two deficiencies themselves is answered from both (ADR 38)", async () => {
    const reply = await bot.chat().say("magnesium or vitamin D, which should I start with?");
    expect(reply.sections?.map((x) => x.id.split(".")[0])).toEqual(["magnesium", "vitamin-d"]);
  });
});

describe("red flags in everyday words (ADR 9)", () => {
  it.each([
    "doing a double shift in this heatwave, sweating buckets, and now my calves are cramping",
    "ran a half marathon today in 30 degrees, drenched in sweat, now my legs keep locking up",
    "my cramps are usually short but last night I was woken by one that went on for a good twenty minutes",
    "came off my bike on Saturday and hit the road hard, nothing broken they said at the hospital, but ever since that calf cramps every night",
  ])("%s", async (text) => {
    expect((await bot.chat().say(text)).intent).toBe("urgent");
  });

  it.each([
    "I sweat buckets at the gym, how much water should I drink to stop cramps?",
    "in summer I sweat a lot at work, should I drink more for my cramps?",
    "I take electrolytes on the run and still cramp at night after long runs, any tips?",
    "my cramps usually last a minute or two, what can I do about them?",
  ])("not a red flag: %s", async (text) => {
    expect((await bot.chat().say(text)).intent).not.toBe("urgent");
  });

  it("the play-down turns after heavy sweating stay urgent", async () => {
    const replies = await sayAll(bot.chat(), [
      "roofing in 35 degree heat, sweating buckets all day, and tonight my legs are cramping badly",
      "just need more water right?",
      "so how much should I drink?",
    ]);
    expect(replies.map((r) => r.intent)).toEqual(["urgent", "urgent", "urgent"]);
  });
});

describe("scope in stories (ADR 9)", () => {
  it.each([
    "My gran always kept tonic water by her bed for cramps and now I get them too. Should I be drinking it?",
    "I keep getting stomach cramps in the evening. What causes those?",
    "Dear Doctor, our son is nine and wakes at night saying his legs hurt. I worry it is cramps like mine. What should we do?",
    "I'm 30 weeks pregnant and my calves cramp at night. Is it safe to take magnesium?",
    "I was put on amlodipine in spring and the cramps are worse since I started it. Could my tablets be behind it?",
  ])("%s", async (text) => {
    expect((await bot.chat().say(text)).intent).toBe("fallback");
  });

  it("a scope topic told first, then a question about an article topic, is answered", async () => {
    const reply = await bot
      .chat()
      .say("tried pickle juice, did nothing. so what does it say about the magnesium dose");
    expect(reply.section?.id).toBe("magnesium.supplements");
  });
});

describe("follow-ups and closings (ADR 9)", () => {
  it("'anything else I can try?' after one remedy gives the list of remedies", async () => {
    const [, reply] = await sayAll(bot.chat(), ["how do I do the calf stretch?", "anything else I can try?"]);
    expect(reply?.section?.id).toBe("prevention");
  });

  it("'what else?' after one remedy still goes to the next one", async () => {
    const [, reply] = await sayAll(bot.chat(), ["how do I do the calf stretch?", "what else?"]);
    expect(reply?.intent).toBe("answer");
    expect(reply?.section?.id).not.toBe("stretching");
  });

  it("a bare 'how many times?' is about the last answer", async () => {
    const [, reply] = await sayAll(bot.chat(), ["which nuts are good for cramps?", "how many?"]);
    expect(reply?.section?.id).toBe("magnesium.food");
  });

  it.each([
    ["thank you very much for your help", "thanks"],
    ["that was very clear, thanks", "thanks"],
    ["ok goodnight", "goodbye"],
    ["hi cramp bot", "greeting"],
    ["Good evening, I hope you can help me", "greeting"],
    ["danke, thank you", "thanks"],
    ["can you help me", "help"],
    ["who won the football last night", "fallback"],
  ])("%s -> %s", async (text, intent) => {
    expect((await bot.chat().say(text)).intent).toBe(intent);
  });
});
