// A dialogue asked for in its examples' words is found from the message's content words, each example filed under
// its first (ADR 86): for any content, the dialogue found must be the one a pass over every example in turn finds.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createBot } from "../support/bot.js";

const { triggers } = createBot().engine.reader;
const examples = (
  triggers as unknown as { examples: { name: string; terms: Set<string>; trigger: boolean }[] }
).examples;

/** The examples in turn, the longest winning, the first of equals (as byContent did). */
function everyExample(content: Set<string>, extra: number): string | null {
  if (content.size === 0) return null;
  let best: { name: string; size: number } | null = null;
  for (const example of examples) {
    if (!example.trigger && content.size - example.terms.size > extra) continue;
    if (![...example.terms].every((t) => content.has(t))) continue;
    if (!best || example.terms.size > best.size) best = { name: example.name, size: example.terms.size };
  }
  return best?.name ?? null;
}

const words = [...new Set(examples.flatMap((e) => [...e.terms]))];
const content = fc
  .array(fc.oneof(fc.constantFrom(...words), fc.constantFrom("magnesium", "water", "night", "x")), {
    maxLength: 9,
  })
  .map((ws) => new Set(ws));

describe("a dialogue asked for by its examples' words", () => {
  it("is the one a pass over every example finds, for any content words", () => {
    expect(examples.length).toBeGreaterThan(10);
    fc.assert(
      fc.property(content, fc.constantFrom(0, 1, 2, Number.POSITIVE_INFINITY), (c, extra) => {
        expect(triggers.byContent(c, extra)).toBe(everyExample(c, extra));
      }),
      { numRuns: 3000 },
    );
    for (const example of examples)
      expect(triggers.byContent(new Set(example.terms), 0)).toBe(everyExample(new Set(example.terms), 0));
  });
});
