// The in-memory store keeps values as data, not JSON text (ADR 33): what it hands back must be exactly what a store
// that writes JSON would hand back, whatever the caller wrote, and never an object the caller holds.
import { describe, expect, it } from "vitest";
import { StoreError } from "../../../src/core/errors.js";
import { MemoryStore } from "../../../src/core/store/memory.js";
import { copyOfPlain, NOT_PLAIN, plainCopy } from "../../../src/core/store/plain-copy.js";
import { ManualClock, MINUTE } from "../../support/bot.js";

const viaJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value)) as unknown;

class Point {
  constructor(
    readonly x: number,
    readonly y: number,
  ) {}
}

/** Values whose JSON form reads back as something else, each with what makes it so. */
const awkward: [string, unknown][] = [
  ["a date", { at: new Date(0) }],
  ["a class instance", { p: new Point(1, 2) }],
  ["an own toJSON", { t: { toJSON: () => "written" } }],
  ["minus zero", { n: -0 }],
  ["NaN and infinity", { n: [Number.NaN, Number.POSITIVE_INFINITY] }],
  ["undefined in an array", { list: [1, undefined, 3] }],
  // biome-ignore lint/suspicious/noSparseArray: the hole is the point
  ["an array hole", { list: [1, , 3] }],
  ["a function in an object", { f: () => 1, kept: true }],
  ["a symbol value", { s: Symbol("x"), kept: 1 }],
  ["a map", { m: new Map([["a", 1]]) }],
  ["a typed array", { bytes: new Uint8Array([1, 2]) }],
  ["a __proto__ key", JSON.parse('{"__proto__": {"polluted": true}, "a": 1}')],
];

/** Plain values, including the shapes a conversation state has. */
const plain: unknown[] = [
  "text",
  42,
  true,
  null,
  [],
  {},
  { v: 1, topic: null, visited: ["magnesium", "vitamin-d.food"], recent: [1_800_000_000_000] },
  {
    suggestions: [{ label: "Foods with magnesium", id: "section:magnesium.food" }],
    redFlag: { followups: 1 },
  },
  { feedback: { question: { answer: 1, text: "why do my calves cramp at night?" } }, also: [] },
  { deep: { er: { still: [[1, [2, [3]]]] } } },
  { "1": "an index-like key", b: "a", a: "b" },
  { skipped: undefined, kept: "yes" },
  Object.assign(Object.create(null), { a: 1, b: [2] }),
];

describe("the in-memory store keeps what a JSON store would", () => {
  it("hands back a plain value exactly as written, key order included, and never the object written", async () => {
    const store = new MemoryStore({ clock: new ManualClock() });
    for (const value of plain) {
      await store.set("k", value, MINUTE);
      const read = await store.get("k");
      expect(read).toStrictEqual(viaJson(value));
      expect(JSON.stringify(read)).toBe(JSON.stringify(value));
      if (typeof value === "object" && value !== null) expect(read).not.toBe(value);
    }
  });

  it("hands back what JSON reads back for values whose JSON form differs from them", async () => {
    const store = new MemoryStore({ clock: new ManualClock() });
    for (const [what, value] of awkward) {
      await store.set("k", value, MINUTE);
      expect(await store.get("k"), what).toStrictEqual(viaJson(value));
      expect(plainCopy(value), what).toBe(NOT_PLAIN);
    }
  });

  it("keeps no object the caller still holds: changing the value after writing it changes nothing stored", async () => {
    const store = new MemoryStore({ clock: new ManualClock() });
    const state = { visited: ["magnesium"], suggestions: [{ id: "a" }] };
    await store.set("k", state, MINUTE);
    state.visited.push("hydration");
    (state.suggestions[0] as { id: string }).id = "b";
    expect(await store.get("k")).toEqual({ visited: ["magnesium"], suggestions: [{ id: "a" }] });
  });

  it("still rejects a cycle and a bigint with a StoreError", async () => {
    const store = new MemoryStore({ clock: new ManualClock() });
    const cycle: Record<string, unknown> = { a: 1 };
    cycle.self = cycle;
    for (const value of [cycle, { n: 1n }, [{ deep: [2n] }]]) {
      await expect(store.set("k", value, MINUTE)).rejects.toBeInstanceOf(StoreError);
    }
  });

  it("copies plain data apart from JSON's results, and copies of copies stay equal and separate", () => {
    for (const value of plain) {
      const copy = plainCopy(value);
      expect(copy).toStrictEqual(viaJson(value));
      const again = copyOfPlain(copy);
      expect(again).toStrictEqual(copy);
      if (typeof copy === "object" && copy !== null) expect(again).not.toBe(copy);
    }
  });
});
