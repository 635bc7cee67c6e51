/**
 * Role: the red-flag check's compiled phrase tables in a compact, JSON-safe form (ADR 34). Compiling the rules
 * (redflags.ts) expands ADR 29's classes into about 4,400 phrases, reads each into stems and terms and files each hit
 * under its forms: the largest part of the engine's constructor, and so of `crampbot ask`'s cold start. The build
 * records what the compile produced (src/node/artefact-build.ts, into the precomputed engine data); a start from that
 * data replays it into the same tables, in the same order, without expanding or reading a phrase. The data files stay
 * the source: the artefact holding these tables is used only while it matches them and the code that compiles them
 * (src/node/artefact.ts), and a table that does not fit the rules it is given is not used (see {@link fitsRules}).
 */
import type { PhraseTable } from "./lexicon.js";

/** Bumped whenever the layout below changes. */
export const RED_FLAG_TABLES_FORMAT = 1;

/** Between a form's terms: no term holds a tab (a term is normalised words joined by single spaces). */
const TERM_SEPARATOR = "\t";

/** What a phrase of a rule stands for: which rule, which group (-1: `some`, -2: `unless`), and the phrase. */
export interface Hit {
  rule: number;
  group: number;
  phrase: string;
}

/** A compiled rule: what the check needs of a rule besides its phrases. */
export interface CompiledRule {
  name: string;
  groups: number;
  /** Groups that list `<earlier-turns>`: satisfied by a conversation already about cramps. */
  conversationGroups: ReadonlySet<number>;
  someMin: number;
  window: number;
  /** Every group must stand in one sentence. */
  sentence: boolean;
}

/** One table's phrases in the order they were first set, and the hits filed under each (see {@link RedFlagTables}). */
interface TableForms {
  /** Each phrase's terms joined by a tab. */
  forms: string[];
  /** For each phrase in turn: how many hits, then their indexes into {@link RedFlagTables.hits}. */
  hits: number[];
}

/**
 * Everything the rules' compile derives from the classes, as plain strings and numbers: one JSON parse of flat arrays,
 * no object per node or per hit to revive.
 */
export interface RedFlagTables {
  format: number;
  /** Every phrase a hit names, once each. */
  phrases: string[];
  /** The hits, three numbers each: rule index, group, phrase index. */
  hits: number[];
  stems: TableForms;
  terms: TableForms;
  /** The idioms' stems, each joined by a tab, in the order they were set. */
  idioms: string[];
  /** The red-flag rules, then the advisories. */
  rules: SerialRule[];
  advisories: SerialRule[];
  /** Hit indexes of the groups holding `<duration>` and `<clock>`. */
  durationSlots: number[];
  clockSlots: number[];
}

/** A compiled rule as JSON carries it: name, groups, conversation groups, some-minimum, window, one sentence (0/1). */
type SerialRule = [string, number, number[], number, number, number];

/** What the compile produced, as the check holds it. */
export interface CompiledTables {
  stems: PhraseTable<Hit[]>;
  terms: PhraseTable<Hit[]>;
  idioms: PhraseTable<true>;
  rules: CompiledRule[];
  advisories: CompiledRule[];
  durationSlots: Hit[];
  clockSlots: Hit[];
}

/** Writes down a compile as it happens: the order in which the tables were first given each phrase. */
export class TablesRecorder {
  private readonly stemForms: (readonly string[])[] = [];
  private readonly termForms: (readonly string[])[] = [];
  private readonly idiomForms: (readonly string[])[] = [];
  /** A term held a tab, which the compact form cannot carry: nothing is recorded then. */
  private unfit = false;

  /** `form` was set (for the first time) in the stem table, the term table or the idioms. */
  setIn(table: "stems" | "terms" | "idioms", form: readonly string[]): void {
    if (form.length === 0) return; // a table ignores an empty phrase
    if (form.some((term) => term.includes(TERM_SEPARATOR))) this.unfit = true;
    (table === "stems" ? this.stemForms : table === "terms" ? this.termForms : this.idiomForms).push(form);
  }

  /** The compact form of the finished compile, or null when it cannot be carried. */
  finish(compiled: CompiledTables): RedFlagTables | null {
    if (this.unfit) return null;
    const phrases: string[] = [];
    const phraseIndex = new Map<string, number>();
    const hits: number[] = [];
    const hitIndex = new Map<Hit, number>();
    const indexOf = (hit: Hit): number => {
      let at = hitIndex.get(hit);
      if (at === undefined) {
        let phrase = phraseIndex.get(hit.phrase);
        if (phrase === undefined) {
          phrase = phrases.length;
          phrases.push(hit.phrase);
          phraseIndex.set(hit.phrase, phrase);
        }
        at = hits.length / 3;
        hits.push(hit.rule, hit.group, phrase);
        hitIndex.set(hit, at);
      }
      return at;
    };
    const table = (forms: readonly (readonly string[])[], from: PhraseTable<Hit[]>): TableForms => {
      const out: TableForms = { forms: [], hits: [] };
      for (const form of forms) {
        const list = from.matchExact(form) ?? [];
        out.forms.push(form.join(TERM_SEPARATOR));
        out.hits.push(list.length, ...list.map(indexOf));
      }
      return out;
    };
    const serial = (rule: CompiledRule): SerialRule => [
      rule.name,
      rule.groups,
      [...rule.conversationGroups],
      rule.someMin,
      rule.window,
      rule.sentence ? 1 : 0,
    ];
    return {
      format: RED_FLAG_TABLES_FORMAT,
      stems: table(this.stemForms, compiled.stems),
      terms: table(this.termForms, compiled.terms),
      idioms: this.idiomForms.map((form) => form.join(TERM_SEPARATOR)),
      rules: compiled.rules.map(serial),
      advisories: compiled.advisories.map(serial),
      durationSlots: compiled.durationSlots.map(indexOf),
      clockSlots: compiled.clockSlots.map(indexOf),
      phrases,
      hits,
    };
  }
}

/**
 * The tables are of this format and name these rules and advisories, in this order: the artefact's freshness check
 * (its hashes of the data and the code) is what makes them the rules' own; this only keeps a mismatched pair (tables
 * handed to other rules, as a test might) from being used.
 */
export function fitsRules(
  tables: RedFlagTables | undefined,
  rules: readonly { name: string }[],
  advisories: readonly { name: string }[],
): tables is RedFlagTables {
  return (
    tables !== undefined &&
    tables.format === RED_FLAG_TABLES_FORMAT &&
    tables.rules.length === rules.length &&
    tables.advisories.length === advisories.length &&
    tables.rules.every((rule, i) => rule[0] === rules[i]?.name) &&
    tables.advisories.every((rule, i) => rule[0] === advisories[i]?.name)
  );
}

/** Replays recorded tables into the given (empty) phrase tables, and returns the rest of the compile. */
export function replayTables(
  tables: RedFlagTables,
  into: Pick<CompiledTables, "stems" | "terms" | "idioms">,
): Omit<CompiledTables, "stems" | "terms" | "idioms"> {
  const hits: Hit[] = [];
  const { hits: flat, phrases } = tables;
  for (let i = 0; i + 2 < flat.length; i += 3)
    hits.push({ rule: flat[i] ?? 0, group: flat[i + 1] ?? 0, phrase: phrases[flat[i + 2] ?? 0] ?? "" });
  const hitAt = (i: number): Hit => hits[i] ?? { rule: -1, group: -1, phrase: "" };
  const fill = (forms: TableForms, table: PhraseTable<Hit[]>): void => {
    let at = 0;
    for (const form of forms.forms) {
      const count = forms.hits[at++] ?? 0;
      const list: Hit[] = [];
      for (let k = 0; k < count; k++) list.push(hitAt(forms.hits[at++] ?? -1));
      table.set(form.split(TERM_SEPARATOR), list);
    }
  };
  fill(tables.stems, into.stems);
  fill(tables.terms, into.terms);
  for (const form of tables.idioms) into.idioms.set(form.split(TERM_SEPARATOR), true);
  const rule = ([name, groups, conversation, someMin, window, sentence]: SerialRule): CompiledRule => ({
    name,
    groups,
    conversationGroups: new Set(conversation),
    someMin,
    window,
    sentence: sentence === 1,
  });
  return {
    rules: tables.rules.map(rule),
    advisories: tables.advisories.map(rule),
    durationSlots: tables.durationSlots.map(hitAt),
    clockSlots: tables.clockSlots.map(hitAt),
  };
}
