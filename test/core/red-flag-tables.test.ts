// The red-flag rules' compiled tables, recorded while the engine data is precomputed and replayed at start-up
// (src/core/red-flag-tables.ts, ADR 34): a check built from the record holds exactly the tables the compile builds,
// and finds every red flag, advisory and denial of the eval texts as the compiled check does.
import { describe, expect, it } from "vitest";
import { loadConversations, loadQuestions } from "../../src/cli/eval.js";
import type { PreparedTexts } from "../../src/core/lexicon.js";
import type { RedFlagTables } from "../../src/core/red-flag-tables.js";
import { RedFlags } from "../../src/core/redflags.js";
import { createBot } from "../support/bot.js";

const bot = createBot();
const { lexicon } = bot.engine.reader;
const { urgent } = bot.engine.intents;

/** The record of one compile of the package's rules. */
function recorded(): RedFlagTables {
  const prepared: PreparedTexts = { tokens: new Map(), terms: new Map(), record: true };
  new RedFlags(urgent, lexicon, prepared);
  if (prepared.redFlags === undefined) throw new Error("the compile was not recorded");
  return prepared.redFlags;
}

const tables = recorded();
const compiled = new RedFlags(urgent, lexicon);
const replayed = new RedFlags(urgent, lexicon, { tokens: new Map(), terms: new Map(), redFlags: tables });

/** The parts of a check that its compile builds (private fields, read for this comparison only). */
function built(check: RedFlags): unknown {
  const fields = check as unknown as Record<string, unknown>;
  return ["stemTable", "termTable", "idioms", "rules", "advisoryRules", "durationSlots", "clockSlots"].map(
    (name) => fields[name],
  );
}

const texts = [
  ...loadQuestions("test/eval/questions.jsonl").map((q) => q.text),
  ...["redflags2", "redflags3", "redflags4", "redflags-dev4", "holdout16"].flatMap((set) => [
    ...loadQuestions(`test/eval/${set}.jsonl`).map((q) => q.text),
    ...loadConversations(`test/eval/${set}-conversations.json`).flatMap((c) => c.turns.map((t) => t.text)),
  ]),
  "my calf has been cramping since 3am and it's now half 4 and still going",
  "no swelling, not red or hot, just a cramp",
  "I feel weak with laughter",
];

describe("a start from the precomputed red-flag tables", () => {
  it("holds the very tables the compile builds: every phrase, its hits in order, the rules and their slots", () => {
    expect(tables.stems.forms.length + tables.terms.forms.length).toBeGreaterThan(1000);
    expect(built(replayed)).toEqual(built(compiled));
  });

  it("survives JSON as the engine data carries it", () => {
    const back = JSON.parse(JSON.stringify(tables)) as RedFlagTables;
    const fromJson = new RedFlags(urgent, lexicon, { tokens: new Map(), terms: new Map(), redFlags: back });
    expect(built(fromJson)).toEqual(built(compiled));
  });

  it("finds every eval text's red flag, advisory and denied words as the compiled check does", () => {
    let urgentCount = 0;
    for (const text of texts) {
      const analysis = lexicon.analyze(text);
      const want = compiled.check(analysis, text);
      expect(replayed.check(analysis, text), text).toEqual(want);
      if (want.urgent !== null) urgentCount++;
    }
    // The texts hold red flags (the comparison is not of empty results only).
    expect(urgentCount).toBeGreaterThan(200);
  });

  it("is not used for other rules: tables whose rule names differ are ignored and the rules compiled", () => {
    const renamed = {
      ...urgent,
      rules: urgent.rules.map((rule, i) => (i === 0 ? { ...rule, name: `${rule.name}-renamed` } : rule)),
    };
    const other = new RedFlags(renamed, lexicon, { tokens: new Map(), terms: new Map(), redFlags: tables });
    expect(built(other)).toEqual(built(new RedFlags(renamed, lexicon)));
    expect((built(other) as unknown[])[3]).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: `${urgent.rules[0]?.name}-renamed` })]),
    );
  });
});
