/**
 * Red flags told as sweat running like water or a shirt wet through in a hot job, and a cramp still not let go after
 * chores done since it started, get "seek medical help now". Their look-alikes are answered: daylight told in hours
 * ("the sun only comes for a few hours"), kicking in sleep or in bed, a foot gone numb from sitting on it that came
 * back within seconds, and the urge to move of restless legs. Written for this file, not taken from the eval sets.
 */
import { describe } from "vitest";
import { createBot } from "../support/bot.js";
import { itRepliesEach } from "../support/labelled.js";

const bot = createBot({ rateLimit: { messages: 1000, windowMs: 60_000 } });

const RED_FLAGS = [
  "I cook in a tiny hot kitchen, sweating like a pig every service, my calves cramp every night now. what do I do",
  "roofing in this heat my t-shirt is completely wet by lunch and my legs cramp at night, help",
  "Work in a laundry, very hot, I sweat like a waterfall whole day, then night my calf cramp bad. Why?",
  "my calf cramped while I was doing the dishes and I've hung the washing out and made a tea since and it's still not let go",
  "started cramping when I put the kettle on, I've had my tea and it's still not let up",
];

const NOT_URGENT = [
  "Up north the sun only comes for a few hours in winter and I cramp most nights. Could it be vitamin D?",
  "in december there is daylight for maybe six hours here, I get night cramps, is that linked?",
  "my wife says I kick in my sleep, and I do get calf cramps at night too. what causes them?",
  "the dog sleeps on our bed kicking me half the night, but my question is about my cramps: which stretch helps?",
  "my foot went numb from sitting on it but it came back a few seconds later. anyway, how much magnesium should I take?",
  "evenings my legs feel like ants crawling, I can't keep still, walking makes it better. what is this?",
];

describe("red flags told as sweat like water or a hold past chores", () => {
  describe("get seek medical help now", () => itRepliesEach(bot, RED_FLAGS, "urgent"));
  describe("their look-alikes are answered", () => itRepliesEach(bot, NOT_URGENT, "urgent", { not: true }));
});
