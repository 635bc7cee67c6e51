// A stored state is read back with its keys in one order (ADR 86), so that the copies every turn makes of it stay on
// V8's fast path: what it holds must be what a plain copy of it held, whatever order its optional keys were added in.
import { describe, expect, it } from "vitest";
import { freshState, restoreState } from "../../src/core/state.js";

const NOW = 1_000_000;
const base = { ...freshState(NOW - 1000), answers: 2, topic: "magnesium", section: "magnesium.food" };
const plainly = (value: object) => ({ ...value, redFlag: (value as { redFlag?: unknown }).redFlag ?? null });

describe("a stored state read back", () => {
  it("holds the same keys and values whichever order its optional keys were written in", () => {
    const written = [
      { ...base },
      { ...base, also: ["vitamin-d.food"] },
      { ...base, ruledOut: ["stretching"], also: [] },
      { ...base, also: [], ruledOut: ["stretching"] },
      { ...base, feedback: { voted: ["magnesium:1"] }, also: [] },
    ];
    for (const value of written) {
      const stored = JSON.parse(JSON.stringify(value));
      const restored = restoreState(stored, NOW, 60_000);
      expect(restored).toStrictEqual(plainly(stored));
      expect(Object.keys(restored).sort()).toEqual(Object.keys(stored).sort());
    }
  });

  it("has its keys in one order, freshState's first", () => {
    const a = restoreState({ ...base, ruledOut: ["x"], also: [] }, NOW, 60_000);
    const b = restoreState({ ...base, also: [], ruledOut: ["x"] }, NOW, 60_000);
    expect(Object.keys(a)).toEqual(Object.keys(b));
    expect(Object.keys(a).slice(0, 13)).toEqual(Object.keys(freshState(NOW)));
  });

  it("keeps a key of no current field, and reads a state saved before red flags as none", () => {
    const unknown = { ...base, later: { kept: true } };
    expect(restoreState(unknown, NOW, 60_000)).toStrictEqual(plainly(unknown));
    const { redFlag: _, ...older } = base;
    const restored = restoreState(older, NOW, 60_000);
    expect(restored.redFlag).toBeNull();
    expect(restored).toStrictEqual(plainly(older));
  });
});
