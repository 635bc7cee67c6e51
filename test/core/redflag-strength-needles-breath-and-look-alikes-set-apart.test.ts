/**
 * Red flags told in everyday ways the tables had not generalised to (ADR 82): strength said gone or a leg that folds,
 * wobbly legs, needles felt, breathing "very hard", shallow, painful or stopped for, pain down the left arm, a cold
 * foot that will not warm up, a cramp still "like a rock" when something is over, refusing to release, held while
 * things were done, a stomach gone wrong on a trip, a door or a table walked into, and red flags buried in long
 * letters and posts. Their look-alikes are answered:
 * a difference asked in general, a school project, somebody else's old or cared-for sign set apart from the writer's
 * own, a recovery made, a numbing injection, a tingle that "goes in seconds", a run's length set apart by commas,
 * flights of stairs, cramps that do not go away for good, weak tea. Written for this file, not taken from the eval
 * sets.
 */
import { describe, expect, it } from "vitest";
import { createBot, describeReply, sayAll } from "../support/bot.js";
import { itRepliesEach } from "../support/labelled.js";

const bot = createBot({ rateLimit: { messages: 1000, windowMs: 60_000 } });

const WEAKNESS = [
  "my left leg just isn't as strong as it was and it cramps at night",
  "my legs are not strong any more, and the cramps keep coming",
  "my knee keeps folding under me on the stairs, plus cramps",
  "legs crumple when i get out of bed lately and cramp at night",
  "my right leg has no oomph anymore, cramps at night too",
  "my knee just gives when i stand, and night cramps",
  "my legs feel wobbly and weak since monday and cramp at night",
  "legs feel week all the time now and the calf cramps",
  "my legs won't do what i tell them and they cramp at night",
  "i can't bend my ankle up since the cramp",
];

const NUMB_OR_TINGLING = [
  "my foot feels like needles are going into it since the cramp",
  "prickly feeling all down my shin since yesterday, and cramps",
  "tingling in my foot since monday. it goes in seconds then comes back all day",
  "my leg is sleeping since morning and not wake up",
];

const BREATH_AND_CHEST = [
  "breathing extremely hard and my calf is cramping",
  "i'm super short of breath today and my legs cramp",
  "my breaths are all shallow and fast since the cramp this morning",
  "my breathing's gone really shallow and quick since the cramp",
  "i have to stop halfway up the stairs to breathe now, leg cramps too",
  "it hurts to breathe and my leg cramped",
  "pain going down my left arm and my legs are cramping",
  "i no fit breathe well and my leg dey cramp",
];

const COLD_FOOT = ["my toes have gone white and numb in the cold and won't warm up"];

const LONG_CRAMPS = [
  "calf went at the start of the football and it's still like a brick at full time",
  "my calf cramped before the washing started and the cycle's done, it's still like stone",
  "my thigh has been rock solid since the kids went to school and they're home now",
  "the cramp refuses to let go, it's been like this since i woke",
  "cramp wont quit, refusing to release for ages now",
  "been stuck in this cramp since before the kettle boiled and I've drunk the tea now",
  "this cramp has been with me since the ads started and the programme's over",
  "a solid half hour of my calf being locked",
  "still cramping after two full cups of coffee",
  "cramp since I got in the bath and the water's gone cold",
  "my calf went like a rock when the film started and the film's over and it's still like that",
  // A length set apart by commas is the cramp's when the clause before it names the cramp.
  "my calf cramped while walking the dog, about 40 minutes, and it wouldn't let go",
];

const FLUID_LOSS_AND_INJURY = [
  "dodgy tummy the whole holiday, lost weight, now bad leg cramps",
  "running a marathon in the heat, sweated gallons, cramping badly now",
  "walked into the coffee table hard and now my shin cramps",
  "my leg got caught in the car door and has cramped since",
];

const LOOK_ALIKES = [
  "how do you tell the difference between a cramp and a clot?",
  "for my biology homework: can chest pain be linked to leg cramps?",
  "my grandad's foot went blue before his surgery, but that was in the 80s. I just get cramps, why?",
  "I had a bike crash years back and made a full recovery, now I get cramps at night, what causes them?",
  "my lip was numb from the dentist this morning, it's fine now. unrelated: how much magnesium?",
  "is the tingling after a cramp normal? it goes in a few seconds. which stretch is best?",
  "I cycle to work in the sun, about 50 minutes, and cramp at night. is it water?",
  "I walk the dog for an hour every evening and cramp at night",
  "carried the shopping up four flights and my legs ache, any tips so I don't cramp tonight?",
  "my cramps never go away for good, they stop for a few days then come back. is that normal?",
  "the coffee at work is weak as water so I drink juice, is that enough fluid?",
  "my mum had a clot in her leg years ago, so I'm careful; my own legs look perfectly normal. what foods help?",
  "my brother had chest pains and got a stent, he's doing well now. I'm asking for me: why do cramps come at night?",
  "my dad is wobbly on his feet from his parkinsons, I just get cramps. magnesium?",
  "I'm weak at spelling lol, how do you stop leg cramps?",
  "my chest freezer broke and I lost all my food lol, anyway cramps",
  "I walked into the kitchen and my calf cramped, why?",
  "my feet are always cold in winter and won't warm up in bed, could that cause cramps?",
  "I sweat a lot at the gym, how much water should I drink?",
  "the pain in my left arm is from the flu jab, anyway what's the magnesium dose?",
  "my tea has gone cold while I typed this, how do I stop leg cramps",
  "cramps since I started magnesium and I've finished the bottle now, and my tea has gone cold",
  "I can't bend down to reach my feet, my back hurts, and cramps",
  "I get cramps after dinner and they're still like that every night, why?",
];

// Long messages with the red flag buried in the story, as letters and forum posts tell them.
const STORIES = [
  "Dear Doctor, I am 74 and have had night cramps for years. Usually they pass. But since Tuesday my right calf has felt full and warm and my sock leaves a ring. My daughter says not to worry. What do you think?",
  "Hi all, long time lurker. Training for my first half, doing about 30 miles a week. Last night woke with a calf cramp which went after a minute but this morning the whole calf is puffy and it hurts to walk on. Stretch or rest?",
  "So I was at my sister's wedding dancing all night, loads of prosecco and hardly any water, and about 3am my thigh seized and it's now 4.15 and it's still solid. What do I do?",
  "My mum (82) keeps getting cramps at night, but this week she has also been unsteady on her feet and dropped her cup twice. Is it her magnesium?",
  "Quick one - been getting cramps, and the last couple of days I get breathless just walking to the car. Probably unfit lol. Which foods have magnesium?",
  "Evening, I had a tumble off the kerb on Sunday, nothing broken I think, but the cramps in that calf have been awful since. Any stretches?",
  "i work in a hot warehouse and sweat through my clothes every shift, been drinking barely anything, cramps every night now and feeling dizzy",
  "the cramp grabbed my calf as I sat down to eat and I've finished dinner and the washing up and it's still locked",
  "I have had diarrhoea on and off for ten days after my holiday and the cramps are terrible, should I take magnesium?",
  "my foot has been numb on top since the cramp on friday, it feels like cardboard",
];

// Long messages whose signs are somebody else's, long past, explained or denied.
const STORY_LOOK_ALIKES = [
  "Dear Doctor, my wife had a DVT after her hip operation two years ago and is fine now. I'm 60 and I only get the usual calf cramps at night, a minute or so. Is it worth trying magnesium?",
  "I'm a PE teacher so I see kids go down with cramp every week, but mine are at night. Does stretching before bed help?",
  "Years ago I had pins and needles in my feet from a bad back, all sorted by physio. Now just ordinary cramps, what causes them?",
  "Last summer I got heatstroke in Spain and was sweating buckets, fine since. This winter I get calf cramps. Vitamin D?",
  "my cramp last night lasted about two minutes, no swelling, no redness, walking fine today. what stops them coming back?",
  "We watched a documentary about blood clots and now I'm paranoid, but my legs look totally normal, just cramps. Why do they happen?",
  "I'm breathless with excitement, just booked acupuncture for my cramps! what should I expect?",
  "I had covid in 2021 and was short of breath for a while but I'm fully recovered. Do cramps link to vitamin D?",
  "My toes go white in the cold sometimes and come right as soon as I warm up, I've always had that. Cramps at night though, what helps?",
  "I fell off my bike when I was a kid and broke my arm. Nothing to do with my legs, but I get cramps. Magnesium dose?",
];

describe("red flags told in everyday words the tables now generalise to", () => {
  describe("weakness: strength gone, a leg that folds or wobbles", () =>
    itRepliesEach(bot, WEAKNESS, "urgent"));
  describe("needles and pricking felt, tingling that keeps coming back", () =>
    itRepliesEach(bot, NUMB_OR_TINGLING, "urgent"));
  describe("breath said with a word of degree, by how it goes or stops; pain down the arm", () =>
    itRepliesEach(bot, BREATH_AND_CHEST, "urgent"));
  describe("a cold white foot that will not warm up", () => itRepliesEach(bot, COLD_FOOT, "urgent"));
  describe("a cramp that holds while something ends, or refuses to release", () =>
    itRepliesEach(bot, LONG_CRAMPS, "urgent"));
  describe("fluid lost on a trip or in sweat; a table or a door walked into", () =>
    itRepliesEach(bot, FLUID_LOSS_AND_INJURY, "urgent"));
  describe("buried in a story", () => itRepliesEach(bot, STORIES, "urgent"));
  describe("stories whose signs are not the writer's own now", () =>
    itRepliesEach(bot, STORY_LOOK_ALIKES, "urgent", { not: true }));
  describe("their look-alikes are no red flag", () =>
    itRepliesEach(bot, LOOK_ALIKES, "urgent", { not: true }));
});

describe("after a red flag told in these words", () => {
  const cases: [opening: string, playDown: string, newSubject: string][] = [
    [
      "my legs have gone wobbly and weak this week and cramp at night",
      "I'm 80, it's probably just age innit",
      "alright. forgetting that, what foods have magnesium?",
    ],
    [
      "the cramp came on when the match started, it's half time and my calf is still like a rock",
      "it's easing a bit now I think, can I just stretch it?",
      "ok, different question: how much vitamin D should I take in winter?",
    ],
    [
      "i have to stop halfway up the stairs to breathe now and my legs cramp",
      "it's only because I'm unfit I reckon",
      "never mind that, what causes night cramps in general?",
    ],
  ];
  for (const [opening, playDown, newSubject] of cases) {
    it(`a play-down stays urgent, a clear new subject does not: ${opening.slice(0, 50)}`, async () => {
      const [first, second, third] = await sayAll(bot.chat(), [opening, playDown, newSubject]);
      if (!first || !second || !third) throw new Error("no reply");
      expect(first.intent, describeReply(first)).toBe("urgent");
      expect(second.intent, describeReply(second)).toBe("urgent");
      expect(third.intent, describeReply(third)).not.toBe("urgent");
    });
  }
});
