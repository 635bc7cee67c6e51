/** `crampbot eval --by-kind`: a miss says what kind of mistake it is, and accuracy is shown per writing style. */
import { describe, expect, it } from "vitest";
import { type EvalCase, type EvalReport, formatKinds, missKind } from "../../src/cli/eval.js";

const turn = (intent: string, section: string | null = null) => ({ text: "t", intent, section });
const miss = (
  want: [string, string | null],
  got: [string, string | null],
  style: string | null = null,
): EvalCase => ({
  group: "g",
  style,
  conversation: "c",
  expected: turn(...want),
  got: { intent: got[0], section: got[1] },
  ok: false,
});

describe("eval miss kinds", () => {
  it("puts a missed red flag first, whatever was given instead", () => {
    expect(missKind(miss(["urgent", null], ["answer", "causes"]))).toBe("missed red flag");
    expect(missKind(miss(["fallback", null], ["urgent", null]))).toBe("false red flag");
  });

  it("tells an uncovered topic answered anyway from a wrong section and from a needless question", () => {
    expect(missKind(miss(["fallback", null], ["answer", "hydration"]))).toBe(
      "answered a topic it does not cover",
    );
    expect(missKind(miss(["answer", "causes"], ["answer", "hydration"]))).toBe("wrong section");
    expect(missKind(miss(["answer", "magnesium.food"], ["clarify", null]))).toBe(
      "asked which instead of answering",
    );
    expect(missKind(miss(["answer", "causes"], ["fallback", null]))).toBe("did not answer");
  });

  it("counts misses by kind and scores each style", () => {
    const cases: EvalCase[] = [
      miss(["urgent", null], ["answer", "causes"], "letter"),
      miss(["urgent", null], ["fallback", null], "letter"),
      { ...miss(["answer", "causes"], ["answer", "causes"], "search"), ok: true },
    ];
    const report: EvalReport = { cases, accuracy: 1 / 3, byGroup: new Map(), byIntent: new Map() };
    const text = formatKinds(report);
    expect(text).toMatch(/letter\s+0\.0%\s+\(0\/2\)/);
    expect(text).toMatch(/search\s+100\.0%\s+\(1\/1\)/);
    expect(text).toMatch(/missed red flag\s+2/);
  });
});
