// Every phrase in intents/urgent.yaml is written as people write it ("can't breathe", "pins and needles") and must
// still fire through the lexicon: a phrase the lexicon turns into something else, or drops, would silently stop
// catching a red flag. Each phrase is said together with one phrase of every other group of its rule.
import { beforeAll, describe, expect, it } from "vitest";
import type { RuleData } from "../../src/core/intents.js";
import type { Lexicon } from "../../src/core/lexicon.js";
import { withClasses } from "../../src/core/red-flag-concepts.js";
import { CLOCK_CLASS, DURATION_CLASS, EARLIER_TURNS_CLASS, RedFlags } from "../../src/core/redflags.js";
import { createBot } from "../support/bot.js";

let redFlags: RedFlags;
let lexicon: Lexicon;
const bot = createBot();
// With the classes (`<limb>`) expanded: every phrase of every class is tried in each rule that lists the class.
const { rules } = withClasses(bot.engine.intents.urgent);
beforeAll(() => {
  lexicon = bot.engine.reader.lexicon;
  redFlags = new RedFlags(bot.engine.intents.urgent, lexicon);
});

/** A message with `phrase` in group `group` (-1: `some`) and the first phrase of every other part of the rule. */
function messageWith(rule: RuleData, group: number, phrase: string): string {
  const parts = rule.all
    .map((phrases, g) => (g === group ? phrase : (phrases[0] ?? "")))
    // The phrase class for a duration, said as people say one.
    .map((p) => (p === DURATION_CLASS ? "for a quarter of an hour" : p === CLOCK_CLASS ? "since 3am" : p))
    // The earlier turns of a conversation stand for their group: nothing is said for it (see `fired`).
    .map((p) => (p === EARLIER_TURNS_CLASS ? "" : p));
  const some = rule.some;
  if (some !== undefined) {
    const others = some.of.filter((p) => p !== phrase);
    parts.push(...(group === -1 ? [phrase, ...others.slice(0, some.min - 1)] : others.slice(0, some.min)));
  }
  return parts.join(" ");
}

/** A group of the rule is the earlier turns alone: it fires only in a conversation about cramps. */
function onlyInConversation(rule: RuleData): boolean {
  return rule.all.some((phrases) => phrases.length === 1 && phrases[0] === EARLIER_TURNS_CLASS);
}

function fired(text: string, conversation = false): string[] {
  return redFlags.firing(lexicon.analyze(text), conversation);
}

describe("every red-flag phrase fires as written", () => {
  for (const rule of rules) {
    it(`${rule.name}: each phrase of each group`, () => {
      const silent: string[] = [];
      rule.all.forEach((phrases, g) => {
        for (const phrase of phrases) {
          const text = messageWith(rule, g, phrase);
          // The class fires only after earlier turns of a conversation about cramps, and then without a word; a rule
          // with a group of the earlier turns alone fires only there.
          const own = phrase === EARLIER_TURNS_CLASS;
          const conversation = own || onlyInConversation(rule);
          if (!fired(text, conversation).includes(rule.name)) silent.push(text);
          if (own && fired(text).includes(rule.name)) silent.push(`${text} (outside a conversation)`);
        }
      });
      for (const phrase of rule.some?.of ?? []) {
        const text = messageWith(rule, -1, phrase);
        if (!fired(text).includes(rule.name)) silent.push(text);
      }
      expect(silent, `messages that did not fire ${rule.name}`).toEqual([]);
    });
  }
});

describe("every 'unless' phrase stops its rule", () => {
  for (const rule of rules.filter((r) => (r.unless ?? []).length > 0)) {
    it(`${rule.name}: each unless phrase`, () => {
      const firing: string[] = [];
      for (const phrase of rule.unless ?? []) {
        const text = `${phrase} ${messageWith(rule, 0, rule.all[0]?.[0] ?? "")}`;
        if (fired(text, onlyInConversation(rule)).includes(rule.name)) firing.push(text);
      }
      expect(firing, `messages that still fired ${rule.name}`).toEqual([]);
    });
  }
});

describe("phrases are written the way people write them", () => {
  it("has no phrase in the lexicon's inner form (canonical terms such as 'breathing' for 'breathe')", () => {
    const all = rules.flatMap((r) => [...r.all.flat(), ...(r.some?.of ?? []), ...(r.unless ?? [])]);
    // The old file spelled these as the lexicon reads them; people never write them so.
    for (const inner of [
      "can not breathing",
      "pin and acupuncture",
      "very pain",
      "hard to breathing",
      "hurt to walk",
    ]) {
      expect(all, inner).not.toContain(inner);
    }
    expect(all).toContain("pins and needles");
    expect(all).toContain("can't breathe");
    expect(all).toContain("very painful");
  });

  it("reads a negator inside a phrase as part of it: 'I can't lift my foot' is not a denied foot", () => {
    expect(fired("i can't lift my foot")).toContain("foot-drop");
    expect(fired("I can't feel my toes")).toContain("numb-or-weak");
  });

  it("matches a phrase said with filler inside it: 'I can't really catch my breath'", () => {
    expect(fired("i can't really catch my breath")).toContain("breathless");
    expect(fired("it's like pins and like needles in my toes")).toContain("numb-or-weak");
    // Filler is skipped, negation still read: "not really swollen" is still not swollen.
    expect(fired("my calf is not really swollen")).not.toContain("swollen-leg");
  });

  it("matches a word the lexicon folds into a wider concept as written: 'stomach' does not stand for 'diarrhoea'", () => {
    // The lexicon reads "diarrhoea", "stomach" and "the runs" all as "side effect".
    const text = "my stomach has been off for days since the magnesium and I get cramps";
    expect(fired(text)).not.toContain("heavy-fluid-loss");
    expect(fired("had diarrhoea for days and now cramps")).toContain("heavy-fluid-loss");
  });
});
