// Clock times and the time from a cramp's start to now (src/core/clock-times.ts), read on a message's stems.
import { describe, expect, it } from "vitest";
import { elapsedToNow } from "../../src/core/clock-times.js";
import { createBot } from "../support/bot.js";

const bot = createBot();
const elapsed = (text: string) => elapsedToNow(bot.engine.reader.analyze(text).stems)?.minutes ?? null;

describe("the minutes from a start time to now", () => {
  it.each([
    ["my leg cramped at 5am and it's now half 5", 30],
    ["it started at 4.30 and it is 4:50 now", 20],
    ["woke at 3 with a cramp, now it is quarter past 3", 15],
    ["since 11:50 pm, it is now 12:10", 20],
    ["cramped at 10 past 2 and it's now 2:25", 15],
    ["from quarter to 3 until now, it is 3:15", 30],
    // "now" before the hedge on the hour.
    ["it took hold at two this morning and it is now gone seven", 300],
    ["it started at 4 and it's now nearly 5", 60],
  ])("%s: %i", (text, minutes) => {
    expect(elapsed(text)).toBe(minutes);
  });

  it("reads a time said with 'since' before it as held all that time: 'since my alarm went at 6'", () => {
    const found = elapsedToNow(
      bot.engine.reader.analyze("knotted since my alarm went at 6 and it's nearly 7 now").stems,
    );
    expect(found?.minutes).toBe(60);
    expect(found?.since).toBe(true);
  });

  it.each([
    "I go to bed at 10", // no time now
    "since 2 weeks, now 3 nights in a row", // counts, not times of day
    "it is now 5am", // no start
  ])("none in %s", (text) => {
    expect(elapsed(text)).toBeNull();
  });
});
