// The red-flag rules' compiled tables, recorded while the engine data is precomputed and replayed at start-up
// (src/core/red-flag-tables.ts, ADR 34): a check built from the record holds exactly the tables the compile builds,
// and finds every red flag, advisory and denial of the eval texts as the compiled check does.
import { describe, expect, it } from "vitest";
import { loadConversations, loadQuestions } from "../../src/cli/eval.js";
import { PhraseTable, type PreparedTexts } from "../../src/core/lexicon.js";
import {
  type PhraseMatcher,
  RecordedPhraseTable,
  type RedFlagTables,
} from "../../src/core/red-flag-tables.js";
import { RedFlags } from "../../src/core/redflags.js";
import { TextLookups } from "../../src/core/text-lookups.js";
import { createBot } from "../support/bot.js";

const bot = createBot();
const { lexicon } = bot.engine.reader;
const { urgent } = bot.engine.intents;

/** The record of one compile of the package's rules. */
function recorded(): RedFlagTables {
  const prepared: PreparedTexts = {
    stems: TextLookups.recording(),
    terms: TextLookups.recording(),
    record: true,
  };
  new RedFlags(urgent, lexicon, prepared);
  if (prepared.redFlags === undefined) throw new Error("the compile was not recorded");
  return prepared.redFlags;
}

const tables = recorded();
const compiled = new RedFlags(urgent, lexicon);
const replayed = new RedFlags(urgent, lexicon, {
  stems: new TextLookups(),
  terms: new TextLookups(),
  redFlags: tables,
});

/** A part of a check its compile builds (a private field, read for this comparison only). */
function part<T>(check: RedFlags, name: string): T {
  return (check as unknown as Record<string, T>)[name] as T;
}

type Matcher = PhraseMatcher<unknown>;

/** How many first terms of a replayed table still wait for their group to be set. */
function unset(check: RedFlags, name: string): number {
  const { starts } = part<{ starts: Map<string, unknown> }>(check, name);
  return [...starts.values()].filter((entry) => typeof entry === "number").length;
}

/** The rules as compiled: everything but the phrase tables. */
const ruleParts = (check: RedFlags) =>
  ["rules", "advisoryRules", "durationSlots", "clockSlots"].map((name) => part(check, name));

/** What each table finds in each of these word sequences. */
function found(check: RedFlags, sequences: readonly (readonly string[])[]): unknown[] {
  return ["stemTable", "termTable", "idioms"].map((name) =>
    sequences.map((words) => part<Matcher>(check, name).everyMatch(words)),
  );
}

/** Every recorded phrase, alone and run together with the next one (a phrase inside a longer text). */
const phrases = [...tables.stems.forms, ...tables.terms.forms, ...tables.idioms.forms]
  .flatMap((group) => group.split("\n"))
  .map((f) => f.split("\t"));
const sequences = [...phrases, ...phrases.map((words, i) => [...words, ...(phrases[i + 1] ?? [])])];

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
  it("holds the very tables the compile builds: every phrase with its hits in order, the rules and their slots", () => {
    expect(phrases.length).toBeGreaterThan(1000);
    expect(part(replayed, "stemTable")).toBeInstanceOf(RecordedPhraseTable);
    expect(ruleParts(replayed)).toEqual(ruleParts(compiled));
    expect(found(replayed, sequences)).toEqual(found(compiled, sequences));
  });

  it("survives JSON as the engine data carries it", () => {
    const back = JSON.parse(JSON.stringify(tables)) as RedFlagTables;
    const fromJson = new RedFlags(urgent, lexicon, {
      stems: new TextLookups(),
      terms: new TextLookups(),
      redFlags: back,
    });
    expect(ruleParts(fromJson)).toEqual(ruleParts(compiled));
    expect(found(fromJson, sequences)).toEqual(found(compiled, sequences));
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

  it("finds the same in the first messages, while its tables are filled one first word at a time", () => {
    const fresh = new RedFlags(urgent, lexicon, {
      stems: new TextLookups(),
      terms: new TextLookups(),
      redFlags: tables,
    });
    const firing = texts.filter((text) => compiled.check(lexicon.analyze(text), text).urgent !== null);
    for (const text of firing.slice(0, 12)) {
      const analysis = lexicon.analyze(text);
      expect(fresh.check(analysis, text), text).toEqual(compiled.check(analysis, text));
    }
    // Still filling: the tables hold only the groups of the words said so far.
    expect(unset(fresh, "stemTable")).toBeGreaterThan(100);
  });

  it("sets only the groups of the words said, however many messages it reads (ADR 87)", () => {
    const fresh = new RedFlags(urgent, lexicon, {
      stems: new TextLookups(),
      terms: new TextLookups(),
      redFlags: tables,
    });
    for (const text of texts) {
      const analysis = lexicon.analyze(text);
      expect(fresh.check(analysis, text), text).toEqual(compiled.check(analysis, text));
    }
    // Thousands of messages later some groups are still not set: no eval text says their first words.
    expect(texts.length).toBeGreaterThan(1000);
    for (const name of ["stemTable", "termTable", "idioms"])
      expect(unset(fresh, name), name).toBeGreaterThan(10);
  });

  it("files a phrase whose first term is several words under its first word, and finds it as the compiled table does", () => {
    // No rule phrase of the package starts with such a term (a synonym of several words, "side effect"): made here.
    const phrasesOf = (group: string) => group.split("\n").map((form) => form.split("\t"));
    const cases = [
      { group: "side effect\tweek\nside\tpain", heads: "side effect\tside" },
      { group: "side effect\tweek", heads: "side effect" },
    ];
    const said = [["side effect", "week"], ["side", "effect", "week"], ["a", "side", "pain"], ["side"]];
    for (const { group, heads } of cases) {
      const whole = new PhraseTable<number>();
      phrasesOf(group).forEach((words, i) => {
        whole.set(words, i);
      });
      const forms = { forms: [group], words: ["side"], heads: [heads], ends: [phrasesOf(group).length] };
      const replayed = new RecordedPhraseTable<number>(forms, (i) => i);
      for (const words of said)
        expect(replayed.everyMatch(words), words.join("|")).toEqual(whole.everyMatch(words));
    }
  });

  it("is not used for other rules: tables whose rule names differ are ignored and the rules compiled", () => {
    const renamed = {
      ...urgent,
      rules: urgent.rules.map((rule, i) => (i === 0 ? { ...rule, name: `${rule.name}-renamed` } : rule)),
    };
    const other = new RedFlags(renamed, lexicon, {
      stems: new TextLookups(),
      terms: new TextLookups(),
      redFlags: tables,
    });
    expect(part(other, "stemTable")).toBeInstanceOf(PhraseTable);
    expect(ruleParts(other)).toEqual(ruleParts(new RedFlags(renamed, lexicon)));
    expect(part<{ name: string }[]>(other, "rules")[0]?.name).toBe(`${urgent.rules[0]?.name}-renamed`);
  });
});
