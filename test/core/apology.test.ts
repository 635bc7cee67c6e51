// src/core/apology.ts: a short apology sentence first, then a message of its own.
import { describe, expect, it } from "vitest";
import { Apology } from "../../src/core/apology.js";

const apology = new Apology(["sorry", "oops", "my bad"]);

describe("an apology for the message before", () => {
  it("splits a short apology sentence from the message after it", () => {
    expect(apology.split("sorry cat on the keyboard. what causes night cramps")).toEqual({
      apology: "sorry cat on the keyboard",
      rest: "what causes night cramps",
    });
    expect(apology.split("oops, wrong chat! how much magnesium?")?.rest).toBe("how much magnesium?");
    expect(apology.split("my bad\nhow long do I hold it")?.rest).toBe("how long do I hold it");
  });

  it("leaves a message with no apology sentence first alone", () => {
    expect(apology.split("sorry what?")).toBeNull();
    expect(apology.split("sorry, can you say that again")).toBeNull();
    expect(apology.split("what causes cramps? sorry. thanks")).toBeNull();
    expect(apology.split("sorrowful. what now")).toBeNull();
  });

  it("leaves a long message alone: a story of its own, not a slip", () => {
    const story = `Sorry for the long post. ${"I have had cramps for years and tried everything. ".repeat(4)}Why?`;
    expect(apology.split(story)).toBeNull();
  });

  it("knows no apology without words", () => {
    expect(new Apology([]).split("sorry. what causes cramps")).toBeNull();
  });
});
