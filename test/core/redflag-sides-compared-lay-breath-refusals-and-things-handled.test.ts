/**
 * Red flags told in ways the tables had not generalised to (ADR 88): a colour or a warmth measured against the other
 * side, the limb told sentences before; "winded" said of a person, blowing and puffing; a cramp that will not give,
 * loosen or budge however the refusal is said; a length spent sitting "with it"; a cramp gone on since a time of day
 * and "mine" or "it" for the cramp of an earlier sentence; trodden, stamped or jumped on; something outlasted; a
 * minute counted; a band round the ribs. Their look-alikes are answered: a chest handled as a thing, weak at a skill,
 * a hot or warm thing to soak in or put on, feet warmed on purpose, going to sleep said as a crash, winding somebody up,
 * giving something to somebody, others' swelling in the heat, breath laughed away, a pet's sickness, faces and rooms
 * compared. After a red flag, a question tied back with "then" and "I'm fine" stay urgent. Written for this file, not
 * taken from the eval sets.
 */
import { describe, expect, it } from "vitest";
import { RedFlags } from "../../src/core/redflags.js";
import { createBot, describeReply, sayAll } from "../support/bot.js";
import { itRepliesEach } from "../support/labelled.js";

const bot = createBot({ rateLimit: { messages: 1000, windowMs: 60_000 } });

const SIDES_COMPARED = [
  "Since the cramp on Friday the back of my leg has stayed sore. My husband reckons it's redder than the other one.",
  "calf still achy from the cramp 2 days ago and tbh it looks a bit darker than my other one",
  "after that cramp my left shin never settled, and now it is more pink compared to the right",
  "my left foot is a different colour to the other one since the cramp last night",
  "The cramp went in the end. Two days on, the skin there is warmer than my other leg.",
  "the cramp was on sunday but my calf is still a shade redder than its partner",
  "Dad's left shin looks bluer next to the right one since his cramp last night",
  "my ankle is a weird colour compared with my good one, it cramped yesterday",
];

const LAY_BREATH = [
  "she's winded after walking to the letterbox now, never used to be",
  "lately I'm so winded after hanging out the washing, and my calves cramp at night",
  "been blowing hard just walking to the car this week and my legs cramp at night",
  "i'm out of wind after a few steps lately",
  "breathing feels like im breathing through a straw since last night",
  "there's a band round my ribs and my legs cramp, what is it",
  "mum is winded just getting dressed now and her legs cramp at night",
  "he's puffing and panting after a few stairs these days, legs cramping at night too",
  "feels like someone tied a belt round my chest and my calves are cramping",
  "my breath goes after a few steps lately and i have leg cramps",
  "I keep having to stop on the stairs to get my wind back",
];

const HOLDS_AND_REFUSALS = [
  "cramp hit at 3am. i've been lying here a good twenty minutes with it and it won't give",
  "my calf went into a cramp and I've been sitting on the stairs half an hour with it",
  "It grabbed my thigh at bedtime and just won't give, it's like a rock",
  "my calf is in a cramp and nothing I do will make it give",
  "the spasm in my foot refuses to loosen",
  "calf cramp still won't unknot, what do I do",
  "my hamstring has cramped and I can't get it to relax",
  "cramp in the arch of my foot and it refuses to let up",
  "i've been sat on the loo for twenty minutes with it, my calf is still knotted",
];

const SINCE_A_TIME_OF_DAY = [
  "Is it normal for a cramp to hang on? Mine's been going since breakfast and it's nearly lunchtime.",
  "my calf cramp has lasted since lunch, it's teatime now",
  "I get cramps in my foot. This one has been going since I got up.",
  "this cramp's been going on since teatime and it's nearly midnight",
  "woke with a cramp. it's been going since then and now it's lunch",
];

const BLOWS = [
  "my little one jumped on my leg on Sunday and it's cramped every night since",
  "got stomped on in rugby yesterday, calf cramping now",
  "a lad stamped on the back of my calf at five a side and now it keeps cramping",
  "the trampoline threw me off and now my thigh keeps going into spasm",
  "someone drove over my foot in the car park yesterday and now my calf cramps",
  "my son landed on my leg playing on the bed, now it's cramping",
  "a ball smashed into my calf at hockey and it's cramped since",
  "my toddler headbutted my shin and now the calf keeps cramping",
];

const OTHER_WORDINGS = [
  "the knot in my calf has outlasted two episodes of my show",
  "cramp in my foot is on its 25th minute now",
  "since the weekend my right leg feels like lead and wont do what i want",
  "the knot has lasted right through my lunch break",
  "calf cramp, we're on minute fifteen now",
];

const LOOK_ALIKES = [
  // A chest handled, weak at a skill.
  "we lugged an old oak chest down from the loft and I cramped that night for a few seconds, is it the effort?",
  "I restored an antique chest all weekend kneeling on the floor, then cramps at night, why",
  "I'm rubbish and weak at numbers, how many almonds make 200mg?",
  "weak in arithmetic, so can you tell me how many mg in a handful of pumpkin seeds",
  "i'm weak at saying no to chocolate, does that matter for magnesium?",
  // Heat to soak in or put on, feet warmed on purpose.
  "is a hot lavender bath good for calf cramps",
  "I put a warm wheat bag on my leg for the cramp, ok?",
  "hot foot bath every night for my legs, does it help?",
  "I stamped my feet to warm them up and my calves cramped for a sec, why?",
  // Sleep said as a crash, winding somebody up, giving something to somebody.
  "by the time i crash at 2 my calves are already twitching and then they cramp, why",
  "i work late and when i finally crash my feet cramp up, what helps",
  "my brother says magnesium is a myth but I think he's winding me up, does it help cramps",
  "my GP refuses to give me anything for my night cramps, what can I try at home",
  "the cramps won't give me a break, every night this week, what can I take",
  // Others' swelling in the heat, breath laughed away, a pet's sickness, other things compared.
  "my mum's legs swell in the summer heat, mine don't, i just get cramps",
  "i run out of breath when i laugh too hard lol, anyway what causes cramps",
  "my dog was sick all weekend and I was up all night, legs cramp now, more water?",
  "my left cheek is redder than the other one in the mornings, unrelated but how much vitamin d do i need",
  "one room is warmer than the other, and I cramp more in the cold one",
  "this brand is darker than the other one, which magnesium tablets are best",
  // Lengths and times of something else.
  "I've been sitting here half an hour with my tea wondering why my legs cramp at night",
  "my cramps have been going since the summer, what's the best stretch",
  "I watched the 25th minute of the match and my calf twitched, just a second, why",
  "we dragged the old pine chest into the spare room and then I got a tiny cramp, normal?",
  "I'm weaker at sums than my kids now, how many mg in 3 tablets of 100?",
  "till i crash around 1 my legs are fine, then they cramp",
  "the chemist wouldn't give me quinine, so what else helps cramps",
  "my dad's feet swell in hot weather, mine are fine, why do I cramp",
  "i was out of breath from laughing at the telly, then my calf cramped for a sec",
  "the cat has had diarrhoea all week, I'm exhausted, and my legs cramp at night",
  "my legs are darker than the other kids' because I'm outside a lot, is that vitamin d?",
  "I sat with the cramp for a few seconds and it went, what causes it",
  "my wife won't give up coffee, could that cause her cramps",
  "laughing so hard i was breathless at the comedy show and then my calf cramped briefly",
  "my legs look paler than the other lads' at football, do I need vitamin d",
  "the dog stood on my foot playfully, why do my calves cramp at night",
  "a cramp caught my calf in the night, what helps",
  "it wouldnt let go for a second and now my calf is fine, why",
  "dad couldn't get his calf to loosen for a minute or so, then it went, what stretch helps",
];

/** Still red flags beside the look-alikes: the chest itself, a crash that was one, a hot calf after a bath. */
const STILL_RED_FLAGS = [
  "lifted a heavy box and now my chest feels heavy and I'm cramping",
  "crashed my bike yesterday and now my calf cramps",
  "after my bath my calf is still hot and red and swollen",
  "my legs feel weak at night now, since the last cramp",
  "I did not fall, no pain in my chest, but my calf is swollen and hot",
];

describe("red flags told by a side compared, lay breath, a refusal, a time of day or a blow", () => {
  describe("a colour or a warmth against the other side", () => itRepliesEach(bot, SIDES_COMPARED, "urgent"));
  describe("breath in lay words", () => itRepliesEach(bot, LAY_BREATH, "urgent"));
  describe("a cramp held with it, or that will not let go", () =>
    itRepliesEach(bot, HOLDS_AND_REFUSALS, "urgent"));
  describe("a cramp gone on since a time of day", () => itRepliesEach(bot, SINCE_A_TIME_OF_DAY, "urgent"));
  describe("trodden, stamped, jumped on or thrown", () => itRepliesEach(bot, BLOWS, "urgent"));
  describe("something outlasted, a minute counted, a leg that will not do as asked", () =>
    itRepliesEach(bot, OTHER_WORDINGS, "urgent"));
  describe("still red flags beside the look-alikes", () => itRepliesEach(bot, STILL_RED_FLAGS, "urgent"));
  describe("their look-alikes are no red flag", () =>
    itRepliesEach(bot, LOOK_ALIKES, "urgent", { not: true }));
});

describe("a blow told in a chat about cramps needs no cramp word of its own", () => {
  const chats: [string, string][] = [
    ["best stretch for cramp in my calf?", "thing is it began after a horse stood on my foot last week"],
    ["why do my legs cramp at night", "tbh a bloke trod on my ankle at the gig on saturday"],
  ];
  for (const [opening, blow] of chats) {
    it(`"${blow}"`, async () => {
      const [first, second] = await sayAll(bot.chat(), [opening, blow]);
      expect(first?.intent, first && describeReply(first)).toBe("answer");
      expect(second?.intent, second && describeReply(second)).toBe("urgent");
    });
  }
});

const SIGN = "my calf is swollen and warm since yesterday";

describe("after a red flag and its play-downs, a tip tied back with 'then' or 'I'm fine' stays urgent", () => {
  const followUps = [
    ["meh it's probably from the gym", "cant i just foam roll it", "what's the magnesium dose then"],
    ["probably just a knock", "I'll see how it goes", "how much water should I drink then"],
    ["nah its fine", "i'd rather ride it out", "seriously i'm fine, what's the stretch"],
  ];
  for (const turns of followUps) {
    it(`"${turns.join(" / ")}"`, async () => {
      const replies = await sayAll(bot.chat(), [SIGN, ...turns]);
      for (const reply of replies) expect(reply.intent, describeReply(reply)).toBe("urgent");
    });
  }

  it("help said first still turns to the question: 'ok i'll get it seen. anyway which nuts again?'", async () => {
    const [first, second] = await sayAll(bot.chat(), [SIGN, "ok i'll get it seen. anyway which nuts again?"]);
    expect(first?.intent).toBe("urgent");
    expect(second?.intent, second && describeReply(second)).toBe("answer");
    expect(second?.section?.id).toBe("magnesium.food");
  });

  it("a new subject said after the play-downs is still answered", async () => {
    const replies = await sayAll(bot.chat(), [
      SIGN,
      "meh it's probably from the gym",
      "cant i just foam roll it",
      "different question, what foods have vitamin d then",
    ]);
    expect(replies[3]?.intent, replies[3] && describeReply(replies[3])).toBe("answer");
  });
});

describe("a rule with a group named nowhere in the message makes no mentions, and reads the same", () => {
  const lexicon = bot.engine.reader.lexicon;
  const redFlags = new RedFlags(bot.engine.intents.urgent, lexicon);
  const check = (text: string) => redFlags.check(lexicon.analyze(text), text);

  it("still denies a sign whose rules cannot fire: 'no swelling, how much magnesium'", () => {
    const text = "no swelling, how much magnesium";
    const at = lexicon.analyze(text).stems.indexOf("swell");
    expect(at).toBeGreaterThan(0);
    expect(check(text).denied).toContain(at);
  });

  it("fires each rule whose groups are all named, as before", () => {
    expect(check("my calf is redder than the other one").urgent).not.toBeNull();
    expect(check("this brand is darker than the other one").urgent).toBeNull();
  });
});
