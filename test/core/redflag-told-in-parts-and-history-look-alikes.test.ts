/**
 * Red flags told in parts (a cramp that eases and grabs again for "the last hour", a length with its unit left out,
 * a clock striking, a hold nothing done shifts, sweat beyond what is drunk or a spell of it, a knot since a time, a
 * carer's fall the other person plays down) get "seek medical help now", also beside the words that now quiet a
 * look-alike; and after one, a play-down that puts it down to age or the ordinary stays urgent until a new topic is
 * named. Their look-alikes (a question told and denied, a rule known or read, the long past, the weather's heat, a mind
 * racing, cramps that still come at night, a knot at a clock time, causes said with the sign) are answered.
 * Written for this file, not taken from the eval sets.
 */
import { describe, expect, it } from "vitest";
import { createBot } from "../support/bot.js";
import { itRepliesEach } from "../support/labelled.js";

const bot = createBot({ rateLimit: { messages: 1000, windowMs: 60_000 } });

const RED_FLAGS = [
  "Long story short, I'm 58, I garden a lot and get cramps most nights. Usually they pass quickly, but last night one went on for over twenty minutes and my calf still feels hard this morning. What can I do to prevent them?",
  "Dear Doctor, my husband is 80. Since his fall on the patio a fortnight ago he has been getting cramps in his right calf every night. He refuses to see the GP. Is magnesium safe for him?",
  "hi, 34F, runner. I did a half marathon in 30 degree heat on Sunday, sweated buckets, and since then my calves cramp every night. Also feel a bit dizzy. What should I be drinking?",
  "I'm 45 and get night cramps. This week my left calf has been a bit swollen and warm compared to the right. Which stretches are best?",
  "Background: desk job, cramps for a year. Recently my right foot feels numb at the toes and it hasn't gone away for three days. Could it be low vitamin D?",
  "My dad (76) has had the runs for four days and now he keeps getting leg cramps. Would tonic water help him?",
  "Quick one, my calf cramp started about 40 minutes ago and is still going, it's eased a tiny bit but not gone. Does heat help?",
  "so basically it started when i was putting the kids to bed and theyre asleep now and my calf is still knotted what do i do",
  "me calf's gone all red n hot n puffy since the footy",
  "leg cramp not go away since one hour, very painful still",
  "cramp started at ten past two its now quarter to three and its still locked",
  "i cant feel my foot properly since the cramp this morning",
  "my foot is cold like ice and the colour is not normal",
  "I have diarrhea since four days and now cramps in legs",
  "slipped on ice yesterday and now my calf keeps cramping",
  "my chest is tight and it's hard to breathe during the cramp",
  "been cramping solid for the last half hour, still won't go",
  "my leg is weaker than before, I can't get up from the chair without my arms",
  "it eased for a sec then came right back and has been going ever since, like 20 min",
  "cramp came on when the kettle went on and I've had two cups since and it's still there",
  "my calf has been cramping on and off for the last 40 and it won't fully let go",
  "cramp since the church bells at nine and it's half ten now, still tight",
  "my leg went dead and I still can't feel my toes an hour later",
  "sweated through three shirts at the festival today and now my legs keep cramping",
  "I came off my bike yesterday and my calf keeps cramping",
  "asked my wife if my calf looked red and she said yes, it's red and warm",
  "I used to get cramps that lasted seconds but tonight it's been 25 minutes",
  "my GP told me years ago to watch for a swollen calf, and now it is swollen and hot",
  "my mum says she's fine but her calf is swollen and red after her fall",
  "I'm diabetic and my foot went cold and white this morning",
  "I had chest pain an hour ago and is doing well now",
  "it won't stop no matter how much I stretch it",
  "I've been in agony with this cramp for ages, nothing shifts it",
  "it keeps easing a little then grabbing again, been doing this for most of the past hour",
  "my calf let go for a second then came back and it's stayed for the past 25",
  "the cramp has been there for the last 15 and it still won't let go",
  "from the stroke of midnight until nearly two my calf was locked",
  "I've stretched it, rubbed it, walked around the garden, it still won't let go",
  "done the stretch twice and massaged it, it won't ease at all",
  "working in the sun all day, I'm sweating more than I can drink and now my legs are cramping",
  "I was at a festival sweating buckets all weekend and now my calves keep cramping",
  "been on holiday in Spain sweating buckets all week, cramps every night since I got back",
  "it sort of comes and goes but never fully lets go, been like that since dinner",
  "my cramp never properly eases, it's been like this all afternoon",
  "the cramp started at 10 o'clock and now it is 10:45, my leg stay tight",
  "it came on at bedtime and still hasn't fully eased, been aching for hours",
  "my dad fell off a ladder on Sunday. He says he is fine but his calf keeps cramping since",
  "my nan took a tumble last week, she says she's fine, now cramps in her leg every night",
  "my calf has been in a knot since 4am and it's now daylight",
  "years ago I broke my ankle and now my calf is swollen and hot",
  "I used to get short cramps, this one has lasted half an hour",
  "my mum asked if my leg was swollen and yes it is, it's swollen and red",
  "I know a cramp over ten minutes is serious and mine has been going 25 minutes",
  "I read that a hot calf is a warning sign and my calf is hot and red now",
  "my husband had a fall last week, he says he's fine but his calf is swollen",
  "I'm diabetic and my foot went numb yesterday and it's still numb",
  "it's hot here, and my calf is red and hot to the touch",
  "I'm stressed out of my mind and I can't catch my breath",
  "my calf is in a knot since the morning and won't let go",
  "my foot was cold and white this morning and it still hasn't warmed up",
  "it's very hot here and my calf is swollen and hot",
  "outside is hot and my leg is red and warm to the touch",
  "I'm so confused, my calf is red and hot and I feel dizzy",
  "she's confused and sweating buckets, legs cramping in the heat",
  "my calves still cramp at night and now my left calf is swollen",
  "I'm scared of falling again after I fell off the ladder yesterday, now my calf cramps",
  "the cramp twists my toes and it won't let go after 20 minutes",
  "a cramp that twists my foot and now my ankle is swollen",
  "I'm diabetic and my calf is swollen",
  "my foot was cold because the duvet came off but it's still cold and white an hour later",
  "My mum has numbness from her diabetes but now her foot is cold and blue",
  "Colleague asked if my calf was hot, it isn't, but it is swollen",
  "I know a swollen calf is a warning sign, mine is swollen",
  "years ago my leg was swollen after a DVT and it's swollen again now",
  "I used to run a lot, my leg gave way on the stairs today",
  "My dad had chest pains this morning, he is doing well now",
  "it keeps grabbing again, 15 minutes and counting",
  "sweating more than I can drink in this heatwave and my calves are cramping",
  "the cramp came back and has stayed for the last 30 now",
  "my calf has been cramping for the past hour",
  "I tried everything, stretched it, massaged it, it won't let go",
  "my muscles won't relax and my leg is numb",
  "I'm out of my mind with worry, my calf is swollen and red",
  "my foot tingles when I'm cold but now it's numb and won't warm up",
  "I get a bit puffed on the stairs because I'm unfit but today I was gasping for air at rest",
  "once in a blue moon I get cramps but tonight my foot went blue and cold",
  "I sleep all day after nights and my leg has gone numb and weak",
  "my wife says I'm confused and my legs cramped after the marathon in the heat",
  "been sick for three days and my calves cramp, I used to be fine",
  "years ago my leg was swollen after a DVT. Now it's swollen again",
];

const NOT_URGENT = [
  "Long story short, I'm 58, I garden a lot and get cramps most nights. They pass within a minute or two. What can I do to prevent them?",
  "Dear Doctor, my husband is 80 and had a fall five years ago, long healed. He gets cramps in his calf at night. Is magnesium safe for him?",
  "I ran a half marathon last year in the heat and was fine. Now I just get normal night cramps. How much water?",
  "My calves look the same size, no swelling, no heat, but they cramp at night. Which stretches are best?",
  "I had the runs for a day last month after a dodgy curry, all fine since. Why do I get cramps?",
  "my cramp was over in a minute but the calf felt sore for a day after, is that normal?",
  "cramp last night, lasted maybe 30 sec, why?",
  "my legs feel tired after work, is that cramps?",
  "i sweat a bit in bed, could that be why i cramp?",
  "my ankles swell a little in hot weather like everyone's, does magnesium help cramps?",
  "when I was pregnant I had awful cramps, now they're back a bit, what helps?",
  "my wife thinks I should see a doctor about my cramps but they only last seconds, what causes them?",
  "I had covid last year and was breathless for weeks but I'm fine now, why do I get cramps?",
  "is a cold foot a sign of something serious? mine are warm, just crampy",
  "I used to get really bad cramps as a teenager, now only once a month, what helps?",
  "years ago I had a blood clot, fully healed, now I just want to know about magnesium",
  "my partner asked if my leg was swollen, it's not, just crampy. What stretch?",
  "I read a hot swollen calf can be a clot. Mine is fine, just cramps. How much water?",
  "in summer it's so hot here, I sweat a lot, how much should I drink for cramps?",
  "my mind is racing for an hour before I sleep, then cramps. Is it stress?",
  "my toes go tingly when I'm cold, always been that way. What foods have magnesium?",
  "I used to be a runner and sweat buckets every race, now I'm 70 and get cramps. Why?",
  "My brother had chest pains last month and is doing well now. For me, which stretch helps cramps?",
  "I'm scared of falling when I get up with a cramp at night, what can I do?",
  "my friend had a clot last year, but my cramps are the normal short ones. What causes them?",
  "My wife asked if my calf was hot - it isn't, totally normal. Does magnesium help?",
  "The nurse asked whether my leg was swollen, it wasn't, so what causes cramps?",
  "I know a swollen calf can mean a clot but mine is just the usual cramp, what stretch helps?",
  "I read a cramp that lasts more than ten minutes needs checking. Mine last a few seconds. What causes them?",
  "I used to sweat loads when I worked in a kitchen, but these days I'm retired. Why do I cramp?",
  "Years ago my foot went numb after a ski trip, it wore off the same day. How much vitamin D should I take?",
  "Ten years ago, as a student, I collapsed after a long run in the heat. Now I get night cramps. What causes them?",
  "it's very hot here in summer and my legs cramp at night, how much water should I drink?",
  "I live in a hot country, outside is so hot, my calves cramp at night, is it the water?",
  "my brain goes a million miles an hour at night and then the cramps come, is it stress?",
  "I lie in bed with my mind racing for hours, then the cramps wake me, what helps?",
  "my feet go tingly when it is cold and come right when I warm up, what stretch helps cramps?",
  "my dad had chest pain years ago and has a stent, he's doing well now. I'm asking for myself: what foods have magnesium?",
  "my sister's ankle swelled up after a fall, but my situation is nothing like hers, just night cramps. Does acupuncture work?",
  "my toes went a bit cold because the covers came off, they warmed up as soon as I covered them. Is stretching good?",
  "I get puffed on hills because I'm carrying extra weight, what vitamin D dose?",
  "I was out of breath after carrying the shopping up three flights but that's just the stairs. Does massage help?",
  "my muscles just don't relax at night, is that magnesium?",
  "my calves still cramp at night even though I drink loads of water, what else causes it?",
  "still cramping at 2am like clockwork, what else can I do?",
  "I wake at 4am with my calf in a knot, it lets go after a minute. Why?",
  "I'm scared of falling off the step when I stretch, is there another stretch?",
  "a cramp that twists my toes wakes me every night, what causes it?",
  "my husband hates fish and I can't stand it either, which nuts have magnesium?",
  "I'm so confused by all the advice, what's the overall picture?",
  "I sleep all day after night shifts and the cramps come when I wake, is it vitamin D?",
  "I go for walks at lunch and drink lots, still cramping, what else?",
  "my mum has tingling in her feet from her diabetes, her GP manages it. My question: does stretching help cramps?",
  "I used to get cramps once in a blue moon, now every night, why?",
  "I finish work at midnight, get to bed at 1 and by 3 my calf cramps for a few seconds. Why?",
];

describe("red flags told in parts, and look-alikes told as history, rules or causes", () => {
  describe("get seek medical help now", () => itRepliesEach(bot, RED_FLAGS, "urgent"));
  describe("their look-alikes are answered", () => itRepliesEach(bot, NOT_URGENT, "urgent", { not: true }));
});

describe("after a red flag, a play-down stays urgent until a new topic is named", () => {
  it("warns again when it is put down to age or the ordinary", async () => {
    const chat = bot.chat();
    expect((await chat.say("my legs feel weaker these weeks, hard to climb stairs")).intent).toBe("urgent");
    expect((await chat.say("maybe is only the age, no?")).intent).toBe("urgent");
    expect((await chat.say("surely it's just the travel though?")).intent).toBe("urgent");
  });

  it("answers a question after 'new topic', and its follow-up", async () => {
    const chat = bot.chat();
    expect((await chat.say("the cramp has been going twenty minutes and won't ease")).intent).toBe("urgent");
    expect((await chat.say("it's probably fine")).intent).toBe("urgent");
    const next = await chat.say(
      "ok it's gone now and I'll call 111. new topic: how much magnesium should I take?",
    );
    expect(next.intent).toBe("answer");
    expect(next.section?.id).toBe("magnesium.supplements");
  });

  it("answers a question asked of ordinary days", async () => {
    const chat = bot.chat();
    expect((await chat.say("been throwing up all day and my calves keep cramping")).intent).toBe("urgent");
    expect((await chat.say("it's just a bug, I'll drink some water")).intent).toBe("urgent");
    expect((await chat.say("how much water should I drink on a normal day anyway?")).intent).toBe("answer");
  });

  it("stays urgent at 'but generally' after a play-down, and answers a plain 'in general'", async () => {
    const pushed = bot.chat();
    expect((await pushed.say("my toes have been numb and tingly since Monday")).intent).toBe("urgent");
    expect((await pushed.say("it's only a bit numb, I'm sure it's nothing")).intent).toBe("urgent");
    expect((await pushed.say("ok but generally, how much vitamin D should I take?")).intent).toBe("urgent");
    const moved = bot.chat();
    expect((await moved.say("I fell off my bike on Sunday and now my calf cramps all the time")).intent).toBe(
      "urgent",
    );
    expect((await moved.say("ok. in general though, how do I stop cramps?")).intent).toBe("answer");
  });

  it("keeps the urgent reply through play-downs after a spell of heavy sweating", async () => {
    const chat = bot.chat();
    expect(
      (
        await chat.say(
          "I was on holiday in Spain sweating buckets all week and since I got back my calves cramp",
        )
      ).intent,
    ).toBe("urgent");
    expect((await chat.say("surely it's just the travel?")).intent).toBe("urgent");
    expect((await chat.say("should I just drink more water?")).intent).toBe("urgent");
  });
});

describe("a cramp's length told without a number or a unit", () => {
  const lengths = (text: string) =>
    bot.engine.reader.lexicon.numbers.durations(bot.engine.reader.analyze(text).stems).map((d) => d.minutes);
  it("reads 'the last hour' as an hour, 'the last 20' as twenty minutes", () => {
    expect(lengths("it has been doing that for most of the last hour")).toEqual([60]);
    expect(lengths("it has stayed for the last 20")).toEqual([20]);
    expect(lengths("it has stayed for the past 15 and it is still hard")).toEqual([15]);
  });
  it("leaves a number with a word of its own after it", () => {
    expect(lengths("my cramps have been bad for the last 20 years")).toEqual([]);
    expect(lengths("for the last 20 nights")).toEqual([]);
  });
});
