/**
 * Red flags told in lay words (fluid lost by the scales, one bottle for a hot effort, stooling, loose bowels; a cramp's
 * length told by chores, an event, or a clock read as now; swelling that grows, a red line up the leg, red and hot to
 * the touch, burning and puffy; feet like socks are on, legs that give out after a short walk; a fall told with "did")
 * get "seek medical help now", including beside the words that now quiet a look-alike. Their look-alikes (an animal's
 * leg, a face numbed or flushed, the sun or the brain "weak", everyone's cold feet, skin red after waxing, an illness
 * long recovered from, a clot in a film, numbness gone again within a minute, a few seconds of cramp) are answered.
 * Written for this file, not taken from the eval sets.
 */
import { describe, expect, it } from "vitest";
import { createBot } from "../support/bot.js";
import { itRepliesEach } from "../support/labelled.js";

const bot = createBot({ rateLimit: { messages: 1000, windowMs: 60_000 } });

const RED_FLAGS = [
  "my foot went numb after the cramp and it hasn't come back within a few minutes, still numb now",
  "my leg went numb this morning and it's still numb, can't feel my toes",
  "my dog jumped on me and now my calf is swollen and hot",
  "my face is fine but my calf is red and hot to the touch",
  "the sun is weak here and my leg has gone weak and keeps giving way",
  "stood on the cold floor and my foot went white and icy cold, still is an hour later",
  "I get home and collapse, and last night my leg gave way under me on the stairs",
  "I'm in a marathon block and yesterday my calf swelled up and went red",
  "I had food poisoning last summer, but now I've had diarrhoea for three days and my legs keep cramping",
  "saw a clot story in a film, and now my own calf is swollen and warm",
  "no symptoms before, but today my calf is swollen and tender",
  "it came back within a few minutes but my leg is still weak and I can't lift my foot",
  "my calf went red after rubbing it and now it's swollen and hot and getting bigger",
  "my chest felt tight during the cramp, fine now, but it scared me",
  "Fell down the stairs on Friday. Bruised but walking fine. Since then my calf keeps cramping at night",
  "legs tire out after 200 yards and the calf cramps, never used to",
  "my calf is swollen and burning",
  "My foot feels like I'm wearing a thick sock all the time and my cramps are worse",
  "when it's hot outside my calf goes red and swollen",
  "my leg has been numb for two days, my doctor knows about it",
  "the cramp started as the kettle went on, I've drunk two cups since and it's still rock hard",
  "hubby's cramp began when the football started and he's still hobbling at half time",
  "my calf has been solid since I got up two hours ago",
  "ran a marathon in the heat, came back 3 kilos lighter, now cramping all over",
  "been stooling all day and my calves are cramping",
  "she's had loose bowels since Monday and her legs cramp",
  "there's a red line running up my calf from where it cramped",
  "its 4:15 now and the cramp still won't let go, started before 4",
  "my left foot is cold and whiter than the right since the cramp",
  "the foot feels like it's wrapped in woolly socks and tingles",
  "my dad did fall off the ladder last week, now his calf cramps every night",
  "it won't let go whatever I do, been ages",
  "cramps after a hot half marathon, I'm so dehydrated and dizzy",
  "my leg went numb when I sat on it and it still hasn't come back after an hour",
  "it's 3:50 now and it still hasn't released, I've tried everything",
  "the cramp started when I put the bath on, I've had the bath and dried off and it's still clenched",
  "Did a 15k trail run in 32 degrees with only one bottle of water and now both calves keep cramping",
  "my calf has felt like it's on fire and it's gone a bit puffy since this morning",
  "my foot is swollen like a balloon and gets bigger every day",
  "it's gone red and it's warm to the touch, like a radiator",
  "I was gasping for air just walking to the bus stop and my calf is cramping",
  "my body can't relax and my leg has gone numb",
  "my dog knocked me over and now my leg is swollen",
  "I sat at my desk for hours and now my calf is swollen and red",
  "I slipped in the fall and since then my knee and calf cramp",
  "the cramp lasted 40 seconds and then my foot went numb and still is",
];

const NOT_URGENT = [
  "my cat's back leg is swollen, the vet is seeing her tomorrow. what foods have magnesium?",
  "the dentist numbed my mouth this morning, anyway does vitamin D help cramps?",
  "my face went red and hot when I had to give a speech, do cramps come from stress?",
  "the heating is off so everyone in the house has cold feet lol, which stretch is best?",
  "my legs were blotchy after shaving, fine now, are night cramps normal?",
  "had gastroenteritis last winter, long since recovered, how much magnesium should I take?",
  "in a movie I watched a woman had a clot in her leg, scared me, mine are just normal cramps, what stretch helps?",
  "my foot went numb from kneeling in the garden but was fine a minute later, does magnesium help cramps?",
  "in the fall the sun gets weak, should I take vitamin D?",
  "I fell for every myth about cramps, what actually works?",
  "I'm out for 4 hrs at a time on my bike, cramps at night after, how much water?",
  "my toes tingled for a second when I stood up and went in seconds, is that related to cramps?",
  "I get home from my shift, eat and collapse, and the cramps come at 3am. Why?",
  "we measured both calves with a tape measure and they're exactly the same, but they cramp at night, what stretch?",
  "my brain feels weak and foggy in the mornings, does stress cause cramps?",
  "the cramp lasted about twenty seconds but it still cramped again later, why?",
  "i was gasping after running for a bus, but does stress give you cramps at night?",
  "it's like my body can't relax at bedtime, is that why my calves cramp?",
];

describe("red flags told in lay words, and look-alikes of others and of signs gone at once", () => {
  describe("get seek medical help now", () => itRepliesEach(bot, RED_FLAGS, "urgent"));
  describe("their look-alikes are answered", () => itRepliesEach(bot, NOT_URGENT, "urgent", { not: true }));
});

describe('a fall told with "did" in a chat about cramps stays urgent through its play-downs', () => {
  it("warns at the fall and again at the bruise and the massage asked after it", async () => {
    const chat = bot.chat();
    expect((await chat.say("my mum gets cramps in bed, what helps?")).intent).not.toBe("urgent");
    expect(
      (await chat.say("she did fall off the back step last week, the cramps started after that")).intent,
    ).toBe("urgent");
    expect((await chat.say("she says it's only a bruise")).intent).toBe("urgent");
    expect((await chat.say("a massage would help though?")).intent).toBe("urgent");
  });

  it("thanks a carer who says they will go round and take her", async () => {
    const chat = bot.chat();
    expect(
      (await chat.say("my gran has had loose bowels since Tuesday and her legs cramp all night")).intent,
    ).toBe("urgent");
    expect((await chat.say("thanks, I'll go round and take her")).intent).toBe("thanks");
  });
});
