// Red flags said around the edges of a sentence, in fresh phrasings the eval sets do not have: a hard landing before
// the cramps, a duration far from the cramp word ("some forty minutes"), warmth compared with the other leg, pitting
// swelling (a sock or a thumb leaves a dent), and "swollen and warm" with no body part in a chat about cramps. And the
// near misses: being unable to move during a cramp, kicking in bed, a denied list ("isn't swollen, red or hot"), a
// clot named to be set aside, sitting for hours, and an old injury that has healed.
import { describe, expect, it } from "vitest";
import { createBot, describeReply } from "../support/bot.js";
import { itRepliesEach } from "../support/labelled.js";

const bot = createBot({ rateLimit: { messages: 1000, windowMs: 60_000 } });

describe("red flags said around the edges get 'seek medical help now'", () => {
  itRepliesEach(
    bot,
    [
      // a hard landing, then cramps since
      "came down hard on the netball court on Saturday and my calf has cramped every night since",
      "I landed heavily off the last step of the ladder and now the back of my thigh keeps cramping",
      "fell hard on the stairs last Tuesday, since then the calf cramps won't leave me alone",
      // a duration far from the cramp word
      "The cramp in my right calf, which started just after midnight, went on, according to my phone, some forty minutes.",
      "my leg cramped up around 3 and it lasted, by my watch, some thirty-five minutes",
      // warmth compared with the other leg
      "my left calf feels hotter than the right one and it's been aching since Monday",
      "one shin is noticeably warmer than the other and it's sore",
      // pitting swelling
      "when I press on my ankle my thumb leaves a dent that stays for a bit",
      "my socks leave a deep dent in my lower leg by the evening and the calf aches",
    ],
    "urgent",
  );
});

describe("swollen and warm with no body part named, in a chat about leg cramps", () => {
  for (const followUp of [
    "it's gone a bit puffy and hot as well since this morning",
    "oh and it's swollen and red now too",
    "also it feels warm and swollen today",
  ]) {
    it(`"${followUp}" is urgent`, async () => {
      const chat = bot.chat();
      await chat.say("I keep getting cramps in my right calf at night");
      const reply = await chat.say(followUp);
      expect(reply.intent, describeReply(reply)).toBe("urgent");
    });
  }

  for (const followUp of [
    "my finger is swollen and hot from a splinter, unrelated",
    "my feet swell in the heat and feel warm, is that normal?",
    "it isn't swollen or warm, just crampy",
  ]) {
    it(`"${followUp}" is not urgent`, async () => {
      const chat = bot.chat();
      await chat.say("I keep getting cramps in my right calf at night");
      const reply = await chat.say(followUp);
      expect(reply.intent, describeReply(reply)).not.toBe("urgent");
    });
  }
});

describe("near misses around the edges get an ordinary answer", () => {
  itRepliesEach(
    bot,
    [
      // unable to move during the cramp is the cramp
      "when the cramp hits my calf locks up and I can't move until it passes, how do I stop it?",
      "my foot curls and I literally can't move for a minute, what helps these cramps?",
      // kicking in bed
      "I kick the duvet off and hop round the bedroom when my calf cramps, any tips?",
      // a denied list
      "my calf isn't swollen, red or hot, it just cramps at night - why?",
      "no swelling, redness or warmth in the leg, just cramps at night",
      "my calf is neither swollen nor hot, it only cramps at night. why?",
      // a clot named to be set aside
      "before you say it's a clot, both legs look the same and the cramp is gone in a minute. what prevents them?",
      // sitting for hours
      "I sit with my legs crossed for hours at my desk, could that be why my calves cramp?",
      // an old, healed injury
      "I fractured my ankle as a teenager, it healed fine. What stretches help calf cramps?",
      "tore my calf years ago, all healed now - how often should I stretch to stop cramps?",
    ],
    "urgent",
    { not: true },
  );
});

describe("warmer and hotter about clothes and weather get an ordinary answer", () => {
  itRepliesEach(
    bot,
    [
      "do leg warmers help with night cramps?",
      "should I keep my legs warmer at night to stop the cramps?",
      "my calves cramp more in warmer weather, why?",
    ],
    "urgent",
    { not: true },
  );
});
