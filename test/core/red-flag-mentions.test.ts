// The red-flag check files a message's mentions by rule in slots of an array (ADR 86): what a rule or an advisory
// reads back, and the order the rules come in, must be what a Map keyed by the rule's number gave.
import { describe, expect, it } from "vitest";
import { ADVISORY_BASE, type Mention, MentionsByRule } from "../../src/core/red-flag-mentions.js";

const mention = (at: number, negated = false): Mention => ({
  others: [],
  exceptions: [],
  negated,
  at,
  end: at + 1,
});

describe("a message's red-flag mentions by rule", () => {
  it("give each rule and each advisory back only its own mentions, in the order they were filed", () => {
    const byRule = new MentionsByRule(3, 2);
    const [a, b, c, d] = [mention(0), mention(1), mention(2, true), mention(3)];
    byRule.add(2, a);
    byRule.add(ADVISORY_BASE + 1, b);
    byRule.add(2, c);
    byRule.add(0, d);
    expect(byRule.of(2)).toEqual([a, c]);
    expect(byRule.of(ADVISORY_BASE + 1)).toEqual([b]);
    expect(byRule.of(0)).toEqual([d]);
    expect(byRule.of(1)).toBeUndefined();
    expect(byRule.of(ADVISORY_BASE)).toBeUndefined();
  });

  it("list the rules that have mentions in the order their first mention came, as a Map's keys did", () => {
    const byRule = new MentionsByRule(4, 1);
    const filed = [2, ADVISORY_BASE, 2, 0, 3, 0];
    const map = new Map<number, Mention[]>();
    filed.forEach((rule, i) => {
      const m = mention(i);
      byRule.add(rule, m);
      map.set(rule, [...(map.get(rule) ?? []), m]);
    });
    expect(byRule.size).toBe(map.size);
    expect(Array.from({ length: byRule.size }, (_, k) => byRule.nth(k))).toEqual([...map.values()]);
  });
});
