// Sixty fresh messages for issue 10's scope and story work (ADR 30), written before anything was changed for them, in
// forms the eval sets have few of: questions about things the article never names in frames nobody listed ("is there
// any point trying ...", "anyone know if ...", "what's the deal with ..."), search-box fragments naming an uncovered
// thing, in-scope questions that mention an uncovered thing in passing ("I take a multivitamin, but ..."), long stories
// with a vague ask ("any ideas?", "help!!", "what is my body trying to tell me"), voice-typed run-ons and non-native
// English. Each is said as the first message of a new chat. First run, before any fix: 49 of 60 passed (misses: dry
// needling, ashwagandha, a glass of milk, a podiatrist, "anyone know if cherry juice", tight jeans, coffee cut out,
// a multivitamin in passing, coffee then stress, a life in the dark, "how much sun"); after ADR 30: 60 of 60.
import { createBot } from "../support/bot.js";
import { describeLabelled, type LabelledCase } from "../support/labelled.js";

const bot = createBot();

/** Out of scope by subject: the message asks about a thing the article does not name. */
const NOT_COVERED: LabelledCase[] = [
  ["my physio mentioned dry needling for calf cramps, is that a thing?", "fallback", null],
  ["is it worth taking ashwagandha for leg cramps", "fallback", null],
  ["does drinking a glass of milk before bed stop the cramps", "fallback", null],
  [
    "Dear Doctor, my husband has been told his sodium is low. Could that be behind his leg cramps?",
    "fallback",
    null,
  ],
  ["what about taking a hot shower before bed?", "fallback", null],
  ["is walking barefoot good for cramps", "fallback", null],
  ["my nan puts a cork under her pillow for cramps lol does that actually do anything", "fallback", null],
  ["Is there any point trying glucosamine for leg cramps?", "fallback", null],
  ["leg cramps zinc dosage", "fallback", null],
  ["leg cramps ankle weights", "fallback", null],
  ["coffee and leg cramps connection", "fallback", null],
  ["Do hormones play a part in leg cramps?", "fallback", null],
  ["do cramps have anything to do with cholesterol", "fallback", null],
  ["is swimming good for preventing cramps", "fallback", null],
  ["whats the deal with salt, should i add more salt to my food for cramps", "fallback", null],
  ["thoughts on a spoonful of honey before bed for cramps", "fallback", null],
  ["Would seeing a podiatrist help with the cramps in my feet?", "fallback", null],
  ["is there a link between leg cramps and low blood sugar", "fallback", null],
  ["anyone know if cherry juice actually helps cramps", "fallback", null],
  ["I've read that pink himalayan salt stops leg cramps - true?", "fallback", null],
  ["leg cramps and vaping", "fallback", null],
  ["can tight jeans give you leg cramps", "fallback", null],
  ["is it bad to take ibuprofen for the pain after a cramp", "fallback", null],
];

/** In scope, with an uncovered thing mentioned in passing. */
const IN_PASSING: LabelledCase[] = [
  ["I've cut out coffee already, what else causes cramps at night?", "answer", "causes"],
  [
    "my wife does pilates and swears by it but I just want to know how much water I should drink a day",
    "answer",
    "hydration",
  ],
  ["I take a multivitamin every morning, but which foods have magnesium?", "answer", "magnesium.food"],
  ["I do physio for my back anyway, how long should I hold the calf stretch?", "answer", "stretching"],
  ["my pharmacist sold me some magnesium, how much should i take a day", "answer", "magnesium.supplements"],
  [
    "I'm a nurse on night shifts and barely see daylight. Could lack of sunlight give me cramps?",
    "answer",
    "vitamin-d.sunlight",
  ],
  ["Apart from bananas what foods help with leg cramps", "answer", "magnesium.food"],
  [
    "I stopped drinking coffee and cola months ago but the cramps kept coming. Does stress play a part?",
    "answer",
    "stress",
  ],
  ["does massage help? my gym has a jacuzzi but I never use it", "answer", "massage"],
  ["I track my water with an app, is 2 litres enough for someone who runs a lot?", "answer", "hydration"],
  [
    "My sister swears by her smartwatch for tracking sleep, but what I want to know is why the cramps come at night",
    "answer",
    "causes",
  ],
];

/** Long stories with a vague or buried ask. */
const STORIES: LabelledCase[] = [
  [
    "For about three months now I wake up around 3am with my right calf rock hard. It lasts a minute or so and then I can't get back to sleep. I'm 47, reasonably fit, I cycle to work. Any ideas?",
    "answer",
    "prevention",
  ],
  [
    "So my feet and calves have been cramping almost every night since the clocks went back. I work from home, eat pretty healthily and I'm not on any medication. What's going on?",
    "answer",
    "causes",
  ],
  [
    "I drink at least three litres a day so it isn't water, I'm 35 and fit, I play five hours of tennis a week, but my legs still cramp in the night. Why does this keep happening?",
    "answer",
    "causes",
  ],
  [
    "I already do the calf stretch every night before bed and it has helped a little, but I still get a cramp two or three times a week, usually in the early hours. What else can I do?",
    "answer",
    "prevention",
  ],
  [
    "Since I started my new job I leave home in the dark and come back in the dark, I'm in an office with no windows all day, and that's exactly when the cramps started. Could that be it?",
    "answer",
    "vitamin-d.sunlight",
  ],
  [
    "This year has been horrible, my marriage ended, I moved house twice and work is non-stop. I lie awake worrying and now on top of it my legs cramp most nights. Is this connected?",
    "answer",
    "stress",
  ],
  [
    "ok so every night for the last two weeks i get into bed and maybe an hour later my left calf just locks and i have to jump up and walk around the room and it hurts for the whole next day what do i do",
    "answer",
    "prevention",
  ],
  [
    "Every single night this week. Calf goes, I scream, my partner wakes up, we both lie there awake. I'm 29 and this has never happened before. help!!",
    "answer",
    "prevention",
  ],
  [
    "My dad tried tonic water for months on a friend's advice and it did nothing for him, and he still gets cramps in both calves most nights. What actually works then?",
    "answer",
    "prevention",
  ],
  [
    "I've had night cramps on and off for years and they've got worse since the winter. A neighbour told me to rub magnesium spray on my legs before bed. Is that worth it?",
    "fallback",
    null,
  ],
  [
    "Dear Doctor, I am 68 and for the past few months I have been woken two or three times a week by painful cramps in my calves. I walk every day and eat sensibly. I would be grateful for any advice.",
    "answer",
    "prevention",
  ],
  [
    "I eat a lot of junk, I'll be honest, mostly takeaways and crisps, hardly any veg or nuts, and I've been getting cramps in my legs at night for a few weeks. Is it something I'm lacking?",
    "answer",
    "magnesium",
  ],
  [
    "It's been a year of these cramps now, it's always the same leg, always in the middle of the night, and sometimes twice in one night. I've got no idea why. What is my body trying to tell me",
    "answer",
    "causes",
  ],
  [
    "my mate said that when the cramp hits you should pinch your top lip really hard and it goes away. tried it last night and i think it kind of worked?? does that actually work or was it a coincidence",
    "fallback",
    null,
  ],
];

/** Search-box fragments, voice-typed text and non-native English about the article's things. */
const FRAGMENTS: LabelledCase[] = [
  ["night leg cramps causes elderly", "answer", "causes"],
  ["calf cramp stretch how long hold", "answer", "stretching"],
  ["vit d dose cramps", "answer", "vitamin-d.supplements"],
  ["leg cramps cherry juice", "fallback", null],
  ["cramp foods list", "answer", "magnesium.food"],
  [
    "okay so um my legs keep cramping at night like every night and I was wondering is it because I'm not drinking enough water or what",
    "answer",
    "hydration",
  ],
  ["hey so what should I eat to stop the cramps in my legs at night thanks", "answer", "magnesium.food"],
  [
    "my mum is 78 and gets cramps in her feet at night what supplements should she take",
    "answer",
    "magnesium.supplements",
  ],
  [
    "Hello, I am from Poland, my legs make cramp in night very often, what is the reason?",
    "answer",
    "causes",
  ],
  ["Please what is good food for the leg cramp, my english not so good", "answer", "magnesium.food"],
  ["rubbing the calf when it cramps does it help", "answer", "massage"],
  ["how much sun do i need for vitamin d", "answer", "vitamin-d.sunlight"],
];

const FRESH: LabelledCase[] = [...NOT_COVERED, ...IN_PASSING, ...STORIES, ...FRAGMENTS];

/** Known misses, each with its reason; `it.fails` turns red once one is fixed, so it moves up. */
const KNOWN: LabelledCase[] = [];

describeLabelled("sixty fresh scope questions and stories (ADR 30)", bot, FRESH, KNOWN);
