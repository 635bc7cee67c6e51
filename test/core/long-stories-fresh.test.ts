// Thirty fresh long stories written for ADR 25 in styles the eval sets do not have: the ask first and the story
// after it, an e-mail with a subject line, a list of what was tried, a "TL;DR" or "PS" that carries the ask, text
// messages with emoji, a carer's notes, "would love to know" and "I wonder if" asks with no question mark, an ask in
// the middle of the story, and "we"/"he" asks. Written before anything was tuned for them: 23 of 30 passed on the first
// run, before any fix for them; the ones still failing are listed in KNOWN, each with the reason (ADR 32 fixed two).
import { createBot } from "../support/bot.js";
import { describeLabelled, type LabelledCase } from "../support/labelled.js";

const bot = createBot();

type Case = LabelledCase;

const FRESH: Case[] = [
  // The ask first, then the story.
  [
    "Quick question before I lose my mind: why do my calves lock up at night? Background - 52, office job, walk the dog twice a day, nothing unusual, no meds.",
    "answer",
    "causes",
  ],
  [
    "What can I actually do about night cramps? I've had them for two winters now, always the left leg, usually around 4am, and my partner is sick of me leaping out of bed.",
    "answer",
    "prevention",
  ],
  // An e-mail with a subject line.
  [
    "Subject: night cramps. Hello, I am writing because my mother (81) has been getting cramps in her feet every night for a month. She eats well and walks a little every day. We would love to know what usually causes this.",
    "answer",
    "causes",
  ],
  [
    "Re: your article on leg cramps. I enjoyed it. My own cramps began when I started working from home and stopped going outside much, and it is dark by four here in December. Would love to know whether the sunlight part applies to me",
    "answer",
    "vitamin-d.sunlight",
  ],
  // A list of what was tried.
  // TL;DR and PS.
  [
    "Thanks for the article, it was really clear and I've shared it with my running club. We have a lot of older members who swear they never had cramps until their sixties. PS how long should you hold the calf stretch for?",
    "answer",
    "stretching",
  ],
  // Text messages with emoji.
  [
    "ok so 😩 3rd night in a row my calf has gone full rock mode at like 3am 😭 i drink loads of water already so its not that 🙄 what else could it be",
    "answer",
    "causes",
  ],
  [
    "me again lol 🙃 the cramps are back, both feet this time, been super stressed with exams and barely sleeping. is stress actually a thing with cramps or am i making it up 🤔",
    "answer",
    "stress",
  ],
  // A carer's notes.
  [
    "Carer here. Client is 88, lives alone, I visit mornings. She tells me most nights her calves cramp and she rubs them until it goes. She drinks very little because of getting up for the toilet. Is there anything I could suggest to her",
    "answer",
    "prevention",
  ],
  [
    "Notes from my visit to Dad: cramps at night most nights, calves mainly, goes in a minute or two, GP not worried. He asked me to find out whether massage is worth doing before bed and I said I would ask you",
    "answer",
    "massage",
  ],
  // "I wonder if" and "would love to know" with no question mark.
  [
    "My husband has had night cramps on and off for years and has never done a thing about them. He eats almost no nuts or seeds and lives on meat and potatoes. I wonder if he's short of magnesium",
    "answer",
    "magnesium",
  ],
  [
    "I have been taking a vitamin D tablet since my doctor found I was low last winter and the cramps have eased a lot. I would love to know how much is usually taken, as my box says 25 micrograms and my friend takes much more",
    "answer",
    "vitamin-d.supplements",
  ],
  // The ask in the middle of the story.
  [
    "Every night this week my left calf has cramped at about 3am. Why does it always happen at night, is what I keep asking myself. I'm 44, not overweight, and I cycle to work most days. My wife says I should see someone.",
    "answer",
    "causes",
  ],
  [
    "My GP said there was nothing serious behind my cramps and sent me home. So what can I do myself to stop them, I thought, and found your article. I am 70, I walk daily and I eat reasonably well.",
    "answer",
    "prevention",
  ],
  // "We", "he", "she" ask.
  [
    "My wife and I both get night cramps now that we're in our seventies. We walk every day, we eat well and neither of us takes any tablets. What can we do to stop them?",
    "answer",
    "prevention",
  ],
  // What the person already does, ruled out in several ways.
  [
    "I get plenty of sun, I'm outside all day on the farm, and I eat a good amount of nuts. I've got no idea why I keep getting cramps at night. What else could be behind it?",
    "answer",
    "causes",
  ],
  // Vague asks of many kinds.
  [
    "Fifty-eight, lorry driver, sit for ten hours a day and the cramps in my calves at night are getting worse every month. I don't really know where to start with this",
    "answer",
    "prevention",
  ],
  [
    "I've read everything online and it's all contradictory. Some say it's salt, some say it's nerves. I just want somebody to tell me plainly what the main reasons are for cramps at night",
    "answer",
    "causes",
  ],
  [
    "Nights are the worst. The cramps come in my feet and calves, and then I lie awake worrying about the next one. I feel like I'm going round in circles. Is it something I have to live with?",
    "answer",
    "summary",
  ],
  // Aspects asked after a long story.
  [
    "My friend is into acupuncture and keeps telling me it fixed her back and would fix my cramps too. I'm not keen on needles and I've had cramps on and off for years. Does acupuncture actually do anything for cramps",
    "answer",
    "acupuncture",
  ],
  [
    "I'm 35, I run a lot and my cramps started when I upped my mileage. A physio showed me a stretch against the wall but I've forgotten how it goes. Could you walk me through how to do the calf stretch properly",
    "stretch",
    null,
  ],
  [
    "I'm vegetarian and hardly ever eat fish, and the winters here are long and dark. My cramps started two years ago. Which foods would give me some vitamin D?",
    "answer",
    "vitamin-d.food",
  ],
  [
    "Just started taking magnesium tablets after reading your article, a friend gave me a bottle of 400 mg ones. I've had night cramps for months. Is it safe to take that much every night?",
    "answer",
    "magnesium.supplements",
  ],
  [
    "Mum's 76 and gets cramps in her calves at night. She's tried everything she can think of and is fed up. She'd like to know, in plain words, what night cramps actually are",
    "answer",
    "overview",
  ],
  // Fixed by ADR 31: "lack of sun" names the sunlight section.
  [
    "We moved from Spain to Edinburgh last year and since the autumn I get cramps at night every week. Back home I was in the sun every day. Could it be the lack of sunshine?",
    "answer",
    "vitamin-d.sunlight",
  ],
  // Fixed by ADR 32: "what else is there" after remedies tried asks for other remedies (kinds.yaml `after_tried`).
  [
    "Things I've tried so far: 1) stretching before bed 2) drinking more water 3) a new mattress. None of it has made any difference and I'm still woken twice a week. What else is there?",
    "answer",
    "prevention",
  ],
  // Fixed by ADR 32: "my son is 19" is an adult (scope.yaml CHILDAGE: a child's age is under 18).
  [
    "My son is 19 and plays football three times a week. After matches he gets awful cramps in bed, both calves, and he says he never drinks much during the game. How much should he be drinking?",
    "answer",
    "hydration",
  ],
];

/** Still failing after the work of ADR 25, each with why. */
const KNOWN: Case[] = [
  // "Which foods" takes the story's topics (vitamin D from the list), not the food aspect of both deficiencies.
  [
    "Tried: water (2L a day), stretching every night, a massage gun. Still cramping. Not tried: anything to do with diet. Which foods should I be looking at?",
    "answer",
    "magnesium.food",
  ],
  // "TL;DR" is the lexicon's word for the summary, so the ask after it reads as a summary request.
  [
    "So this has been going on since the spring. I started a new job with long shifts, I'm on my feet all day, I get home shattered and fall into bed, and then around 2am my calf goes rigid. It lets go after a minute. TL;DR what's causing my night cramps",
    "answer",
    "causes",
  ],
  // a colon list ("Magnesium: already taking it") splits the topic from its marker, so magnesium is not ruled out and "what am I missing" names both deficiencies.
  [
    "Magnesium: already taking it for a year. Water: two litres a day, no problem there. Stretching: every night. And I still get cramps twice a week, so what am I missing?",
    "answer",
    "causes",
  ],
  // false red flag: "for hours" then "my legs cramp" reads as a cramp that will not ease (urgent.yaml, the integrator's area).
  [
    "Every evening I sit in front of the telly for hours, then go to bed and my legs cramp. My daughter reckons it's all the sitting. I'd be interested to know if there is any link between the two",
    "answer",
    "causes",
  ],
];

describeLabelled("fresh long stories in styles the sets lack (ADR 25)", bot, FRESH, KNOWN);
