/**
 * What people tell beside their question that only looks like a red flag gets the answer, not "seek medical help now":
 * an illness or a fall long over ("the tummy bug is long finished", "fell off a ladder years back, healed well"), a
 * tingle that is old news or comes from sitting on a foot like everyone's, a sign on the news or the telly or of a
 * relative followed by the writer's own ordinary cramps, a clot feared and gone within a minute, a calf that feels
 * bruised the morning after a cramp, work pressure with the heart going at night, hours behind the wheel of a
 * lorry, a hot job every day with little to drink (no sweating, no day of heat), and everyday words ("fell out of
 * the habit", "someone broke in", "wiped out at work", "permanent nights"). Beside each, the writer's own sign now
 * still gets the warning, and so does a sign whose end or everyday cause is denied ("it has not cleared up", "that is
 * not normal for me") or told of the time before a recent sign ("swelled up yesterday, it had been fine for years").
 */
import { describe, expect, it } from "vitest";
import { createBot, describeReply } from "../support/bot.js";
import { describeLabelled, itRepliesEach, type LabelledCase } from "../support/labelled.js";

const bot = createBot();

/** Look-alikes: no red flag, whatever section answers them. */
const NOT_URGENT = [
  // Long over.
  "Had a tummy bug over new year with a lot of vomiting but it's long finished. Why do my calves still cramp at night?",
  "i had the diarrhoea for a week in august but is finish long time now, what helps the night cramp?",
  "My dad fell down the stairs in 2016 and cracked his shin, it healed fine and he was signed off ages ago. Now he gets night cramps, is stretching good for him?",
  // A tingle that is old news, or from sitting on a foot.
  "The pins and needles in my big toe are old news, I've had them since a slipped disc years back. Would magnesium help my cramps?",
  "my toes get pins and needles when I kneel too long, like everyone does. what foods help the cramps?",
  // Somebody else's sign, on the news or of a relative, then the writer's own ordinary cramps.
  "Saw on the telly that a cyclist collapsed with chest pain mid race. Mine are only calf cramps that pass in a minute, are they normal?",
  "My uncle's cramp that wouldn't go turned out to be a DVT last summer so I worry. Mine come and go in seconds. What causes them?",
  "watched a medical show where some lady's swollen leg was a clot, mine are the ordinary quick ones, what stretch helps?",
  // A clot feared, gone within a minute.
  "honestly I panicked it was a blood clot but it was already gone, lasted maybe thirty seconds. how do I stop them?",
  // Bruised the morning after a cramp.
  "my calf feels kind of bruised the morning after a cramp, nothing swollen, fine by midday. is massage any good?",
  // Work pressure, the heart going.
  "I'm under so much pressure at work and I lie awake with my heart pounding, then the cramps start. can stress do that?",
  // Fine for years, said with a word of emphasis.
  "I pulled a hamstring playing rugby back in 2015 and it swelled up badly then, but it's been completely fine for years. Why do I cramp at night now?",
  // What was read, then the writer's own set apart.
  "I read that a hot calf can mean a clot; mine is cool and normal. does magnesium help cramps?",
  // Everyday words: kneeling for an hour, a habit dropped, a burglar, tiredness.
  "after kneeling for an hour weeding, my calves cramp that night, why?",
  "I fell out of the habit of drinking water, could that be why my legs cramp?",
  "our neighbour thought someone broke in last night, the noise woke me with a cramp. what causes them?",
  "I'm wiped out at work every day and the cramps come at night, is it stress?",
  "I'm on permanent nights at the hospital and my calves cramp when I sleep in the day, is it vitamin D?",
  // A hot job every day with little to drink, no sweating told and no day of heat.
  "I'm a baker, the bakery is very hot and I stand there all shift drinking only a coffee or two. At night the cramps come, how much should I drink?",
  // Hours behind the wheel, drinking little.
  "lorry driver, sat in the cab twelve hours and my legs cramp at night, how much water should I have?",
];

/** Beside each look-alike, the writer's own sign now. */
const RED_FLAGS: LabelledCase[] = [
  [
    "Had a tummy bug over new year that's long finished, but since Sunday I've been vomiting again and my legs keep cramping",
    "urgent",
    null,
  ],
  [
    "My dad's ankle healed well after his break, but I fell off the ladder yesterday and my calf keeps cramping",
    "urgent",
    null,
  ],
  ["the tingling in my toes is new this week and my foot feels weak", "urgent", null],
  ["my foot went numb when I sat on it and now I can't lift it properly", "urgent", null],
  ["Saw on the telly a story about clots and now my own calf is swollen and hot", "urgent", null],
  [
    "My uncle had a DVT last summer. Mine come and go, but today my calf is red and hot to touch",
    "urgent",
    null,
  ],
  ["I'm worried it's a blood clot, it has gone on for half an hour and still won't let go", "urgent", null],
  ["my calf feels bruised the morning after a cramp and it's hot and puffy", "urgent", null],
  ["under a lot of pressure at work and tonight my chest feels tight and heavy", "urgent", null],
  ["my chest has been under pressure all evening since the cramp, like a weight on it", "urgent", null],
  [
    "stuck in the cab of my lorry with a cramp in my calf that has gone on for twenty minutes now",
    "urgent",
    null,
  ],
  [
    "I tore my calf years back and it went all puffy then, fine since, but today my calf is swollen again",
    "urgent",
    null,
  ],
  ["I read that a swollen calf is a warning sign and now my own calf is swollen", "urgent", null],
  ["so hot today at the fair and I barely drank anything, now my calves keep cramping", "urgent", null],
  [
    "I work in a boiling hot warehouse, sweat the whole shift and we only drink at lunch, legs cramping at night",
    "urgent",
    null,
  ],
  ["this cramp in my calf feels permanent, nothing I do shifts it", "urgent", null],
  ["van driver, drank hardly anything in the heatwave today and now my legs keep seizing", "urgent", null],
];

/**
 * An end or an everyday cause said with a "not" before it is no end and no cause, and an end told of the time before
 * a recent sign is no end of it: the sign goes on, or is new. (Before, "it has not cleared up" read as "cleared up",
 * and "had been fine for years" as "been fine for", and quieted the swelling before them.)
 */
const DENIED_ENDS_AND_CAUSES = [
  "I get out of breath on the stairs now and that is not normal for me",
  "my foot has been numb since yesterday and I haven't been sitting on it",
  "my calf went puffy after the cramp and it has not cleared up",
  "my toes are tingling and it's not from the cold, what is it",
  "my calf is red and hot and it is not back to normal",
  // A recent time between the sign and "fine for years" makes the sign new.
  "my calf swelled up yesterday, it had been fine for years before that",
  "my foot went numb this week, it had been completely fine for years",
  // Somebody else's old injury told first does not quiet the writer's own fall after it.
  "my dad broke his leg years ago, and I fell off the ladder yesterday and my calf keeps cramping",
  // A programme watched is the time the cramp was held, not a sign seen on a screen.
  "it cramped while I was watching the news and was still knotted when the programme after it ended",
];

/** Look-alikes answered from the section they ask about. */
const ANSWERED: LabelledCase[] = [
  [
    "my shin feels a bit bruised the morning after a cramp but it's fine by lunch, how long should I hold the calf stretch?",
    "answer",
    "stretching",
  ],
  [
    "I had food poisoning at Easter but that's long finished. Could low magnesium be behind my night cramps?",
    "answer",
    "magnesium",
  ],
];

describe("old, somebody else's and everyday look-alikes of red flags", () => {
  describe("are no red flag", () => itRepliesEach(bot, NOT_URGENT, "urgent", { not: true }));
  describeLabelled("are answered as the question they ask", bot, ANSWERED, []);
  describeLabelled("the writer's own sign beside them is still a red flag", bot, RED_FLAGS, []);
  describe("an end or a cause denied leaves the sign a red flag", () =>
    itRepliesEach(bot, DENIED_ENDS_AND_CAUSES, "urgent"));
  it("after work pressure told with the heart going, the follow-up about breathing is answered", async () => {
    const chat = bot.chat();
    const first = await chat.say(
      "there's so much pressure on me at work lately and I lie there with my heart going, then the legs cramp. is that stress?",
    );
    expect(first.intent, describeReply(first)).toBe("answer");
    const next = await chat.say("how do I do the breathing bit");
    expect(next.intent, describeReply(next)).toBe("answer");
    expect(next.section?.id, describeReply(next)).toBe("stress");
  });
});
