// A lexicon's lookups recorded in the order a start makes them (src/core/text-lookups.ts, ADR 87): replayed in that
// order they give what was recorded, repeats included; out of that order they still give it, by text.
import { describe, expect, it } from "vitest";
import { type RecordedCalls, TextLookups } from "../../src/core/text-lookups.js";

/** A record of calls: a text's value is given once, then found again. */
function recorded(): RecordedCalls {
  const recording = TextLookups.recording();
  for (const [text, value] of [
    ["side effects", ["side", "effect"]],
    ["cramps", ["cramp"]],
  ] as const) {
    expect(recording.get(text)).toBeUndefined();
    recording.add(text, value);
  }
  expect(recording.get("side effects")).toEqual(["side", "effect"]);
  recording.add("cramps", ["not kept"]);
  return recording.calls();
}

describe("text lookups", () => {
  it("record each call in order, a repeat as the call it repeats", () => {
    expect(recorded()).toEqual({
      texts: ["side effects", "cramps", ""],
      values: [["side", "effect"], ["cramp"], 0],
    });
  });

  it("give, replayed in the recorded order, each call's value, and count every call found in order", () => {
    const lookups = new TextLookups(recorded());
    expect(lookups.get("side effects")).toEqual(["side", "effect"]);
    expect(lookups.get("cramps")).toEqual(["cramp"]);
    expect(lookups.get("side effects")).toEqual(["side", "effect"]);
    expect(lookups.replayed()).toEqual({ inOrder: 3, recorded: 3, outOfOrder: false });
  });

  it("give the same out of order, by text, and nothing for a text never recorded", () => {
    const lookups = new TextLookups(recorded());
    expect(lookups.get("cramps")).toEqual(["cramp"]);
    expect(lookups.get("side effects")).toEqual(["side", "effect"]);
    expect(lookups.get("calf")).toBeUndefined();
    expect(lookups.get("")).toBeUndefined();
    expect(lookups.replayed().outOfOrder).toBe(true);
    expect(new TextLookups().get("cramps")).toBeUndefined();
  });
});
