/**
 * A length or sign told of a year long gone ("back in 2012 ...") is history, not tonight's red flag; the year is read
 * against the injected clock, so "long gone" moves on with time: a year is long past from two years before the
 * clock's. Written for this file, not taken from the eval sets.
 */
import { describe, expect, it } from "vitest";
import { createBot, ManualClock } from "../support/bot.js";

const at = (year: number) => createBot({ clock: new ManualClock(Date.UTC(year, 5, 1, 22, 0, 0)) });

const OLD_LENGTH = (year: number) =>
  `back in ${year} i had a cramp that went on for half an hour, the doctor found nothing. now mine are short, what helps`;
const OLD_SWELLING = (year: number) =>
  `in ${year} my calf swelled up after a long flight and it was checked, all fine. why do i get cramps at night?`;

describe("a year told is read against the clock", () => {
  it.each([
    [2025, 2012],
    [2025, 2023],
    [2031, 2029],
    [2040, 2030],
  ])("in %i, a cramp that lasted long back in %i is history: answered, not urgent", async (now, year) => {
    const reply = await at(now).chat().say(OLD_LENGTH(year));
    expect(reply.intent).toBe("answer");
  });

  it.each([
    [2025, 2024],
    [2025, 2025],
    [2030, 2029],
  ])("in %i, the same told of %i may be recent: urgent", async (now, year) => {
    const reply = await at(now).chat().say(OLD_LENGTH(year));
    expect(reply.intent).toBe("urgent");
  });

  it("a swelling checked years before is history, one told of last year is not", async () => {
    expect((await at(2032).chat().say(OLD_SWELLING(2028))).intent).toBe("answer");
    expect((await at(2032).chat().say(OLD_SWELLING(2031))).intent).toBe("urgent");
  });

  it("a number that is no year opens no history", async () => {
    const reply = await at(2025).chat().say("in 30 minutes it still has not let go, calf rock hard");
    expect(reply.intent).toBe("urgent");
  });

  it("the past ends at a word of now: a year long gone, then tonight's long cramp, is urgent", async () => {
    const reply = await at(2025)
      .chat()
      .say("back in 2012 i had a clot, and tonight my calf has been cramping for 25 minutes");
    expect(reply.intent).toBe("urgent");
  });
});
