// Thirty fresh long messages written for ADR 32 before any change for them: letters to a health column, forum posts
// and voice-typed rambles whose ask is vague or buried mid-text, that tell what was already tried or ruled out, or
// that mention an uncovered topic in passing (or make it the subject). Each is labelled by LABELLING.md's rules.
// First run, before any fix: 24 of 30 passed; after ADR 32, 27 of 30, and 28 once merged with ADR 31 (the two still
// failing are in KNOWN, each with why).
import { createBot } from "../support/bot.js";
import { describeLabelled, type LabelledCase } from "../support/labelled.js";

const bot = createBot();

const FRESH: LabelledCase[] = [
  // The ask buried in the middle, the story going on after it.
  [
    "Dear Doctor, I am 67 and a keen gardener. For the last three months I have woken most nights with my calf in a knot. What I really want to know is what brings these on in the first place. My wife says it is all the kneeling in the borders, my son says it is my age. I walk the dog every morning and eat plenty of vegetables.",
    "answer",
    "causes",
  ],
  [
    "Long-time lurker, first post. Ran my first marathon in April and since then the night cramps have been brutal, mostly the right calf. Is there a proper stretch I should be doing before bed, and for how long? I foam roll after runs and drink a lot, and my shoes are new, so I don't think it's any of that.",
    "answer",
    "stretching",
  ],
  [
    "so basically my mum is 80 and she lives on her own and she rang me at 3 in the morning again because her foot had cramped up and she couldn't get it to let go for a minute or two anyway I was wondering how she should rub it when it happens because she just sort of grabs it and she eats fine and walks to the shops",
    "answer",
    "massage",
  ],
  // A vague ask after a story.
  [
    "My husband is 58, fit, cycles to work every day and doesn't drink. For about six weeks now he's been shooting out of bed at night with cramp in both calves, it passes after a minute but he can't get back to sleep. He's baffled and so am I. What on earth is going on?",
    "answer",
    "causes",
  ],
  [
    "I've had night cramps on and off for years but this winter they are every night, always about 4am, always the left calf. It goes after a minute or so but I'm exhausted. I'm 71 and otherwise well. Where do I even start?",
    "answer",
    "prevention",
  ],
  [
    "right so me and my calves are not friends at the moment lol. woke up 3 times last night with them locking up, went after a bit but still. been doing long shifts at the warehouse on my feet all day. any ideas??",
    "answer",
    "prevention",
  ],
  [
    "Dear column, I am a retired teacher of 74. Every night for a fortnight my legs have cramped in bed. They ease after a minute or two, but I dread going to sleep. My GP checked my bloods and said all was normal. Is my body trying to tell me something?",
    "answer",
    "causes",
  ],
  [
    "my daughter is 34 and just started a really stressful new job in the city, long hours, takeaway dinners, she says her legs cramp most nights now and she wakes up sore. she rang me asking what she can do and i had no idea what to tell her",
    "answer",
    "prevention",
  ],
  [
    "Forty-something, desk job, two kids under five so sleep is already rubbish, and now night cramps on top. They've been going about a month, a minute at a time, both legs. Honestly what is the reason for this?",
    "answer",
    "causes",
  ],
  // Things already tried or ruled out.
  [
    "I already drink at least two litres of water a day, I have magnesium tablets with my dinner, and I stretch my calves every night before bed. I still get cramps two or three times a week. What else could be causing them?",
    "answer",
    "causes",
  ],
  [
    "Dear Doctor, stretching hasn't helped me at all, I've done it faithfully for two months. My legs still cramp at night. What else can I try?",
    "answer",
    "prevention",
  ],
  [
    "Water isn't the problem, I'm never without my bottle. Magnesium was checked and it's fine. So is there anything else in the article about why cramps happen at night?",
    "answer",
    "causes",
  ],
  [
    "i take vitamin d every day already and my levels came back fine at the doctor so its not that. my cramps are worse when work is mental though. could stress actually cause them?",
    "answer",
    "stress",
  ],
  [
    "Massage does nothing for me, I've had my partner knead my calves most nights and it comes straight back. I'm 52 and my job is very stressful. Would learning to relax before bed make any difference?",
    "answer",
    "stress",
  ],
  [
    "I've given up on stretching and rubbing, neither works. A friend mentioned acupuncture. Does it actually do anything for night cramps and how many sessions would it take?",
    "answer",
    "acupuncture",
  ],
  // An uncovered topic in passing (an answer) or as the subject (a fallback).
  [
    "I'm on blood pressure tablets which my GP says are fine, but my question is really about food. Which nuts or seeds have the most magnesium? I get cramps in bed most nights.",
    "answer",
    "magnesium.food",
  ],
  [
    "My gran used to put a bar of soap under the sheet, bless her, but I'd rather do something that works. I'm 39, cramps most nights in the left calf. How do I do the calf stretch properly?",
    "answer",
    "stretching",
  ],
  [
    "I'm 30 weeks pregnant with my second and the leg cramps at night are awful, far worse than last time. Is it safe for me to take magnesium for them?",
    "fallback",
    null,
  ],
  [
    "My father is 82 and takes a statin. Since his dose went up last month he gets terrible cramps in his calves every night. Could the statin be causing it and should he stop taking it?",
    "fallback",
    null,
  ],
  [
    "Mum has been drinking a glass of tonic water every night because she read the quinine stops leg cramps. She's 77 and has them most nights. Is the tonic water actually doing anything?",
    "fallback",
    null,
  ],
  // Letters with a sign-off and no question mark.
  [
    "Dear Doctor, I have suffered from night cramps in my calves since my sixties and I am now 79. They come most nights and last a minute. I have read a great deal about vitamins but I cannot work out how much magnesium a man my age should be taking each day. Yours, Arthur, Kendal",
    "answer",
    "magnesium.supplements",
  ],
  [
    "To whoever reads this. My wife is 66 and has had cramps in her legs at night since we moved to Aberdeen three years ago. She rarely goes out in the winter months. I would be grateful to know whether a vitamin D supplement is worth trying and what strength. Regards, Ian",
    "answer",
    "vitamin-d.supplements",
  ],
  // Voice-typed rambles.
  [
    "ok so I've been getting these cramps in my legs at night for like a month now and it's usually my calves and sometimes my feet and it goes after a minute but it wakes me up and I was reading that it could be to do with what you eat so what foods have magnesium in them",
    "answer",
    "magnesium.food",
  ],
  [
    "hi yeah so my dad keeps getting cramps at night he's seventy something and he's been having them every night and he doesn't drink much water at all like maybe one cup of tea a day so how much should he actually be drinking",
    "answer",
    "hydration",
  ],
  [
    "um so the thing is I'm really anxious at the moment with everything going on and I'm not sleeping and now I've started getting cramps in my legs at night which I never used to get is that connected do you think",
    "answer",
    "stress",
  ],
  // Forum posts with a summary ask or an ask for the whole picture.
  [
    "Hi all, my husband has started getting leg cramps at night, he's 60. He asked me to find out what they actually are and whether lots of people get them, he's convinced something is seriously wrong. They go after a minute and there's no swelling or anything.",
    "answer",
    "overview",
  ],
  [
    "I'm a nurse on twelve hour shifts and I'm lucky if I drink a cup of water a whole shift, then I get home and my calves cramp in bed. I know, I know. But how much water are we actually meant to be getting in a day?",
    "answer",
    "hydration",
  ],
  // Known miss on its branch; passes once merged with ADR 31's sunlight keywords ("lack of sun", "not enough
  // sunlight").
  [
    "Hello. Some background first: I'm 45, I work nights as a security guard and sleep in the day with blackout blinds, so I barely see daylight from October to March. I get cramps in my feet most weeks. Could that lack of daylight really be behind it? I do eat fish twice a week and take no tablets.",
    "answer",
    "vitamin-d.sunlight",
  ],
];

/** Still failing after the work of ADR 32, each with why. */
const KNOWN: LabelledCase[] = [
  // "What foods would give me more of it?" takes vitamin D from the sentence before, but the aspect asked (food) loses
  // to the story's vitamin D words, so vitamin D's main section answers.
  [
    "We tried a banana every night for a fortnight because everyone says potassium, no change at all. Someone at work said I might be low in vitamin D because I'm indoors all day. What foods would give me more of it?",
    "answer",
    "vitamin-d.food",
  ],
  // "the short version of what actually helps": "short version" is the summary's keyword, and a general section named
  // by its own words wins over the what-to-do kind.
  [
    "Sorry for the long post. Cramps started in spring, both calves, always at night, always a minute or so. Tried water, stretching, a new pillow, nothing much changed. Not on any meds. Can someone give me the short version of what actually helps?",
    "answer",
    "prevention",
  ],
];

describeLabelled("long letters, posts and rambles written before any fix (ADR 32)", bot, FRESH, KNOWN);
