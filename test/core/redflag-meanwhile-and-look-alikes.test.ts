// Red flags as people tell them, and their look-alikes (ADR 37). Written for this file before the change, not taken
// from the eval sets; first run on main e418b8f: 11 of 20 red flags, 1 of 15 look-alikes and none of the 6 "help in
// hand, new question" turns passed. Red flags: how long a cramp held told by what went on meanwhile ("three cups of
// coffee later it's still seized"), "it" standing for a limb named in an earlier sentence. Look-alikes: breath taken
// by laughing, breathlessness said to be how it always is, a rule about anyone ("anyone whose cramp lasts over ten
// minutes should..."), a sign that ended long ago, somebody who "won't stop" doing something. And after a red flag, a
// person who says they will get help and asks a new question gets the answer.
import { describe, expect, it } from "vitest";
import { createBot, describeReply, sayAll } from "../support/bot.js";
import { describeLabelled, itRepliesEach, type LabelledCase } from "../support/labelled.js";

const bot = createBot({ rateLimit: { messages: 1000, windowMs: 60_000 } });
const urgent = (texts: readonly string[]): LabelledCase[] => texts.map((t) => [t, "urgent", null]);

describeLabelled(
  "a cramp that held while something went on meanwhile gets 'seek medical help now'",
  bot,
  urgent([
    "my calf locked just as I put the washing on, the whole cycle has finished now and it's still rock hard",
    "cramp started when the kids went up for their bath, they're both asleep now and my foot is still clenched",
    "got a cramp in my thigh at the start of the six o'clock news, the weather forecast is on now and it hasn't let go",
    "my calf cramped while the pasta was boiling, we've eaten and washed up since and it's still knotted",
    "hamstring went into spasm as I started hoovering, I've done the whole downstairs since and it's still tight",
    "foot cramped while I read my son his bedtime story. he's fast asleep now and my toes are still curled under",
    "the cramp came on when I got on the bus and I've got off at my stop and it's still there",
    "calf seized when the kettle boiled. three cups of coffee later it's still seized",
    "leg cramp began during the first half and it's still going at the final whistle",
    "cramp in my calf since the start of the podcast, that was a 40 minute episode and it's still cramping",
  ]),
  [],
);

describeLabelled(
  "a sign said of 'it' after the limb was named in an earlier sentence gets 'seek medical help now'",
  bot,
  urgent([
    "Had the usual cramp in my shin last night. This morning it has gone a purplish colour.",
    "my left calf cramped badly on Sunday. Today it looks puffy.",
    "My ankle cramped on the walk home. Now it feels numb.",
    "The calf on my left side keeps cramping. This one is much fatter than the other.",
    "I keep getting cramps in my right foot. Since yesterday it flops down when I walk.",
    "my thigh was cramping all night. it's swollen this morning and I'm worried",
    "Dear Doctor, my wife's calf cramped after her hip operation. It is now mottled and she can't get her slipper on.",
    "my left leg had a cramp on Monday. since then it just feels dead",
    "cramped calf two days ago; today it's tight, glossy and bigger than the right",
    "my foot had a bad cramp. Now I can't lift it.",
  ]),
  [],
);

describe("a look-alike of a red flag gets no urgent reply", () => {
  itRepliesEach(
    bot,
    [
      "I was breathless from laughing at my husband's cramp dance, anyway how do I stop mine?",
      "I get out of breath on the stairs like I always have, I'm just unfit, but what causes my night cramps?",
      "puffed out after running for the bus as usual, anyway why do my calves cramp at night?",
      "gasping for breath after my spin class like everyone else, then cramps at night. magnesium?",
      "our coach says anyone whose cramp lasts over ten minutes should see the physio. mine only last a few seconds, what causes them?",
      "the club rule is that a runner whose cramp goes on longer than 10 minutes has to stop racing. how do I prevent them?",
      "the leaflet says cramps lasting longer than ten minutes need checking. mine are a minute at most. why do I get them?",
      "the nurse said a cramp that lasts more than ten minutes needs seeing to, mine lasted about thirty seconds, is that normal?",
      "my ankle swelled up after the operation in spring but that settled weeks ago; now I just get night cramps, what helps?",
      "had knee surgery last year and the swelling has long gone down, why do my calves cramp now?",
      "my calf was puffy after the op but it's been back to normal for months. what stretch is best for cramps?",
      "my wife won't stop telling me to stretch my calves before bed, does it actually work?",
      "my physio won't stop nagging me about my leg stretches, is stretching really that important for cramps?",
      "my mum won't stop going on about my legs cramping, what actually causes night cramps?",
      "kids won't stop kicking me in bed and now I get leg cramps, what helps?",
    ],
    "urgent",
    { not: true },
  );
});

describe("what the look-alikes' mechanisms must not quiet", () => {
  // A sign said as the writer's own, or told as it happened, beside the words the look-alikes use.
  itRepliesEach(
    bot,
    [
      "leg cramp lasting 20 mins",
      "How do I get rid of a cramp that won't ease? Been trying for ages.",
      "I had a cramp that lasted twenty minutes last night, is that bad?",
      "Dear Doctor, after a cramp last week my calf has stayed swollen and feels hot to the touch.",
      "I've been a bit breathless lately too but I'm just unfit I think. Is seafood good for vitamin D?",
      "woke with a cramp and a tight feeling across my chest at the same time. It all passed after a few minutes.",
      "my calf won't stop cramping and it's been going for twenty minutes",
      "my calf swelled up two weeks ago and it's still swollen",
    ],
    "urgent",
  );
});

describe("after a red flag, help in hand and a new question", () => {
  const RED_FLAG = "my calf is swollen and hot after the cramp last night";
  it.each([
    ["ok I'll book an appointment. what foods have vitamin D then?", "vitamin-d.food"],
    ["right I'll ring the GP. which nuts have the most magnesium?", "magnesium.food"],
    ["fine, calling 111 now. how do I do the calf stretch though, for later?", "stretching"],
    ["I'll see my doctor tomorrow. how much magnesium should I take?", "magnesium.supplements"],
  ])("%s -> the answer (%s)", async (text, section) => {
    const replies = await sayAll(bot.chat(), [RED_FLAG, text]);
    expect(replies[0]?.intent).toBe("urgent");
    const reply = replies[1];
    if (!reply) throw new Error("no reply");
    expect(reply.intent, describeReply(reply)).toBe("answer");
    expect(reply.section?.id).toBe(section);
    expect(reply.text).not.toContain("as you said you would");
  });

  it("still describing the red flag, the answer keeps the advice before it", async () => {
    const replies = await sayAll(bot.chat(), [
      RED_FLAG,
      "ok, I'll get the swollen calf looked at today. what foods have vitamin D in them?",
    ]);
    const reply = replies[1];
    if (!reply) throw new Error("no reply");
    expect(reply.intent, describeReply(reply)).toBe("answer");
    expect(reply.section?.id).toBe("vitamin-d.food");
    expect(reply.text).toContain("as you said you would");
  });

  it.each([
    "I'll book in next week. can I just stretch it till then?",
    "should I go to the GP or can I wait?",
    "what foods have vitamin D?",
  ])("%s -> still urgent (played down, asking whether, or no help said)", async (text) => {
    const reply = (await sayAll(bot.chat(), [RED_FLAG, text]))[1];
    if (!reply) throw new Error("no reply");
    expect(reply.intent, describeReply(reply)).toBe("urgent");
  });

  // Known miss: "to prevent cramps" reads as asking for a tip to end the red flag ("make them stop"), which keeps
  // the advice; kept here so that it turns red once the two are told apart.
  it.fails("known miss: ok I'll get it checked today. how much water should I drink to prevent cramps?", async () => {
    const reply = (
      await sayAll(bot.chat(), [
        RED_FLAG,
        "ok I'll get it checked today. how much water should I drink to prevent cramps?",
      ])
    )[1];
    expect(reply?.intent).toBe("answer");
  });

  it("the same message without a red flag before it is answered as usual, with no advice kept", async () => {
    const reply = await bot.chat().say("ok I'll book an appointment. what foods have vitamin D then?");
    expect(reply.intent, describeReply(reply)).not.toBe("urgent");
    expect(reply.text).not.toContain("as you said you would");
  });
});
