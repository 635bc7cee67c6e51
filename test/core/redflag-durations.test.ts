// How long a cramp lasted, said any way: number words, fractions of an hour, ranges, "more than", typos. A cramp that
// lasted over ten minutes is a red flag even once it has stopped; "20 minutes ago" or "every 20 minutes" is a point
// in time or an interval, and "a 10 hour flight" or "I walk for 30 minutes" measures something else.
import { describe, expect, it } from "vitest";
import { createBot, describeReply } from "../support/bot.js";

const bot = createBot({ rateLimit: { messages: 1000, windowMs: 60_000 } });
const stems = (text: string) => bot.engine.reader.lexicon.analyze(text).stems;
const urgent = (text: string) => bot.engine.reader.read(text).redFlags.urgent;

describe("reading a duration", () => {
  const cases: [string, number, boolean?][] = [
    ["20 minutes", 20],
    ["20mins", 20],
    ["twenty minutes", 20],
    ["twenty five minutes", 25],
    ["twenty-five mins", 25],
    ["twnty minuts", 20],
    ["a quarter of an hour", 15],
    ["quarter hour", 15],
    ["three quarters of an hour", 45],
    ["half an hour", 30],
    ["a half hour", 30],
    ["3/4 of an hour", 45],
    ["1/2 an hour", 30],
    ["an hour and a half", 90],
    ["one and a half hours", 90],
    ["1.5hrs", 90],
    ["2 h", 120],
    ["15-20 mins", 20],
    ["ten or fifteen minutes", 15],
    ["a minute or two", 2],
    ["a couple of minutes", 2],
    ["30 seconds", 0.5],
    ["more than ten minutes", 10, true],
    ["longer than 10 min", 10, true],
    ["more then 10 mins", 10, true],
    ["over an hour", 60, true],
    ["at least 10 minutes", 10, true],
    ["10 minutes plus", 10, true],
    ["10 or so minutes", 10, false],
  ];
  for (const [text, minutes, lowerBound = false] of cases) {
    it(`reads "${text}" as ${minutes} minutes${lowerBound ? " or more" : ""}`, () => {
      const [d, ...rest] = bot.engine.reader.lexicon.numbers.durations(stems(text));
      expect(rest).toEqual([]);
      expect(d?.minutes).toBeCloseTo(minutes, 5);
      expect(d?.lowerBound).toBe(lowerBound);
      expect(d?.isLength).toBe(true);
    });
  }

  for (const text of [
    "20 minutes ago",
    "an hour later",
    "every 20 minutes",
    "within an hour",
    "20 minutes into my run",
  ]) {
    it(`reads "${text}" as a point in time or an interval, not a length`, () => {
      expect(bot.engine.reader.lexicon.numbers.durations(stems(text)).map((d) => d.isLength)).toEqual([
        false,
      ]);
    });
  }

  it("reads no duration where there is none", () => {
    expect(
      bot.engine.reader.lexicon.numbers.durations(stems("I take a tablet a day and have cramps at night")),
    ).toEqual([]);
  });
});

describe("a cramp that lasted over ten minutes is urgent, however the time is said", () => {
  for (const text of [
    "I've had a cramp for longer than ten minutes",
    "my calf has been cramping for a quarter of an hour",
    "cramp in my calf, twenty five minutes now",
    "leg cramp 45min",
    "the spasm went on for a good forty minutes",
    "it only eased off after an hour and a half, the cramp",
    "the cramp stopped after 20 minutes but why so long?",
    "cramp lasting 15-20 mins, normal?",
    "my hamstring cramp held for more then 10 mins",
    "Kindly advise, my leg is having cramp from past half hour",
    "cramp since 30 minutes, please help",
  ]) {
    it(`"${text}"`, async () => {
      expect(urgent(text)).not.toBeNull();
      const reply = await bot.chat().say(text);
      expect(reply.intent, describeReply(reply)).toBe("urgent");
    });
  }
});

describe("a duration that is not how long a cramp lasted is not urgent", () => {
  for (const text of [
    "I had a cramp 20 minutes ago, what causes them?",
    "I get cramps every 20 minutes when I'm in bed, why?",
    "a cramp that lasted exactly ten minutes",
    "my cramps only last a minute or two",
    "I do a 20 minute stretch before bed and still cramp",
    "after a 12 hour shift my calves cramp, what stretch helps?",
    "I sit at my desk for 8 hours and get leg cramps",
    "I stand for ten hours at work and my calves cramp at night",
    "it took me 20 minutes to get back to sleep after the cramp",
    "I get 20 minutes of sun a day and still get cramps",
    "how many minutes should I stretch my calf for?",
  ]) {
    it(`"${text}"`, async () => {
      expect(urgent(text)).toBeNull();
      const reply = await bot.chat().say(text);
      expect(reply.intent, describeReply(reply)).not.toBe("urgent");
    });
  }
});
