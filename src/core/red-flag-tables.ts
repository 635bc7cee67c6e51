/**
 * Role: the red-flag check's compiled phrase tables in a compact, JSON-safe form (ADR 34). Compiling the rules
 * (redflags.ts) expands ADR 29's classes into about 4,400 phrases, reads each into stems and terms and files each hit
 * under its forms: the largest part of the engine's constructor, and so of `crampbot ask`'s cold start. The build
 * records what the compile produced (src/node/artefact-build.ts, into the precomputed engine data); a start from that
 * data replays it into the same tables, in the same order, without expanding or reading a phrase. The data files stay
 * the source: the artefact holding these tables is used only while it matches them and the code that compiles them
 * (src/node/artefact.ts), and a table that does not fit the rules it is given is not used (see {@link fitsRules}).
 */
import { goesOn, type PhraseNode, PhraseTable, step } from "./lexicon.js";

/** Bumped whenever the layout below changes (3: each group's first terms, ADR 87). */
export const RED_FLAG_TABLES_FORMAT = 3;

/** Between a form's terms: no term holds a tab (a term is normalised words joined by single spaces). */
const TERM_SEPARATOR = "\t";
/** Between a group's forms, and between the hits' phrases: neither a term nor a phrase holds a line break. */
const FORM_SEPARATOR = "\n";

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
interface Forms {
  /**
   * Each phrase's terms joined by a tab, grouped by first word (the groups in the order their first phrase was set,
   * each group's phrases in theirs), each group's phrases joined by a line break: a table is filled one group at a
   * time (see {@link RecordedPhraseTable}), and a group's string is split only then. JSON parses 2,055 such strings
   * instead of 19,194 forms (ADR 78).
   */
  forms: string[];
  /** Each group's first word ... */
  words: string[];
  /**
   * ... the first terms of its phrases (each up to its first tab), joined by a tab, where they are other than that
   * word alone: a term of several words ("side effect") is filed under its first word ("side"); "" where not ...
   */
  heads: string[];
  /** ... and where it ends in `forms` (exclusive). */
  ends: number[];
}

/** A table of hits: its phrases, and for each phrase in turn how many hits, then their indexes into `hits`. */
interface TableForms extends Forms {
  hits: number[];
}

/**
 * Everything the rules' compile derives from the classes, as plain strings and numbers: one JSON parse of flat arrays,
 * no object per node or per hit to revive.
 */
export interface RedFlagTables {
  format: number;
  /** Every phrase a hit names, once each, joined by line breaks (split when the first hit is made). */
  phrases: string;
  /** The hits, three numbers each: rule index, group, phrase index. */
  hits: number[];
  stems: TableForms;
  terms: TableForms;
  /** The idioms' stems. */
  idioms: Forms;
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
  /** A term held a tab or a line break, which the compact form cannot carry: nothing is recorded then. */
  private unfit = false;

  /** `form` was set (for the first time) in the stem table, the term table or the idioms. */
  setIn(table: "stems" | "terms" | "idioms", form: readonly string[]): void {
    if (form.length === 0) return; // a table ignores an empty phrase
    if (form.some((term) => term.includes(TERM_SEPARATOR) || term.includes(FORM_SEPARATOR)))
      this.unfit = true;
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
      const out: TableForms = { ...grouped(forms), hits: [] };
      for (const group of out.forms)
        for (const form of group.split(FORM_SEPARATOR)) {
          const list = from.matchExact(form.split(TERM_SEPARATOR)) ?? [];
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
    if (phrases.some((phrase) => phrase.includes(FORM_SEPARATOR))) return null;
    return {
      format: RED_FLAG_TABLES_FORMAT,
      stems: table(this.stemForms, compiled.stems),
      terms: table(this.termForms, compiled.terms),
      idioms: grouped(this.idiomForms),
      rules: compiled.rules.map(serial),
      advisories: compiled.advisories.map(serial),
      durationSlots: compiled.durationSlots.map(indexOf),
      clockSlots: compiled.clockSlots.map(indexOf),
      phrases: phrases.join(FORM_SEPARATOR),
      hits,
    };
  }
}

/** Phrases grouped by first word, each joined by a tab (see {@link Forms}). */
function grouped(forms: readonly (readonly string[])[]): Forms {
  const groups = new Map<string, string[]>();
  for (const form of forms) {
    const joined = form.join(TERM_SEPARATOR);
    const word = firstWord(joined);
    const group = groups.get(word);
    if (group) group.push(joined);
    else groups.set(word, [joined]);
  }
  const out: Forms = { forms: [], words: [], heads: [], ends: [] };
  let count = 0;
  for (const [word, group] of groups) {
    out.forms.push(group.join(FORM_SEPARATOR));
    out.words.push(word);
    const heads = [...new Set(group.map(firstTerm))];
    out.heads.push(heads.length === 1 && heads[0] === word ? "" : heads.join(TERM_SEPARATOR));
    count += group.length;
    out.ends.push(count);
  }
  return out;
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

/** What the check does with a phrase table at run time: find every phrase in a message's words. */
export type PhraseMatcher<V> = Pick<PhraseTable<V>, "everyMatch">;

/**
 * A phrase table replayed from the record one group at a time: a group (the phrases of one first word) is set, in the
 * record's order, into a {@link PhraseTable} the first time a message holds one of its phrases' first terms, and the
 * table then matches from there as the compiled table does. A phrase is only ever reached from its first term (every
 * path through the trie below a first word belongs to phrases starting with that word), and a phrase is set once
 * whatever the order, so a table holding the groups of a message's terms finds in it exactly what the whole table
 * finds. A process holds the groups of the words its messages say, not all 2,200: the red-flag tables were the largest
 * part of a running engine's heap, 5.2 MB of its 12 once all were set (ADR 87).
 *
 * A match looks each term up once, in a map that gives either the term's node or its group still to set, as the
 * compiled table looks it up once in its own: no lookup more per term than a table set in full (ADR 34 set every
 * group after 64 matchings for that reason).
 */
export class RecordedPhraseTable<V> implements PhraseMatcher<V> {
  private readonly table = new PhraseTable<V>();
  /** By first term: the node a match starts from once its group is set, or the group's index until then. */
  private readonly starts = new Map<string, PhraseNode<V> | number>();
  /** The groups' phrases, each let go once set. */
  private readonly groups: string[];
  /** What of the record a group's setting needs: not the hits, which `valueAt` holds as it needs them. */
  private readonly forms: Pick<Forms, "words" | "heads" | "ends">;

  constructor(
    forms: Forms,
    private readonly valueAt: (index: number) => V,
  ) {
    this.groups = forms.forms.slice();
    const { words, heads, ends } = forms;
    this.forms = { words, heads, ends };
    const starts = this.starts;
    for (let g = 0; g < words.length; g++) {
      const own = heads[g] ?? "";
      if (own === "") starts.set(words[g] ?? "", g);
      else for (const head of own.split(TERM_SEPARATOR)) starts.set(head, g);
    }
  }

  /** The walk of {@link PhraseTable.everyMatch}, from the nodes of {@link starts}. */
  everyMatch(terms: readonly string[]): { value: V; start: number; length: number }[] {
    const found: { value: V; start: number; length: number }[] = [];
    const starts = this.starts;
    for (let start = 0; start < terms.length; start++) {
      const term = terms[start] as string;
      let node: PhraseNode<V> | number | undefined = starts.get(term);
      if (node === undefined) continue;
      if (typeof node === "number") node = this.set(node, term);
      const max = Math.min(this.table.longestPhrase, terms.length - start);
      for (let length = 1; node !== undefined; length++) {
        const value: V | undefined = node.value;
        if (value !== undefined) found.push({ value, start, length });
        if (!goesOn(node) || length >= max) break;
        node = step(node, terms[start + length] as string);
      }
    }
    return found;
  }

  /** Sets group `g`'s phrases; the node `term` (one of its first terms) now leads to. */
  private set(g: number, term: string): PhraseNode<V> | undefined {
    const group = (this.groups[g] ?? "").split(FORM_SEPARATOR);
    this.groups[g] = "";
    const first = g === 0 ? 0 : (this.forms.ends[g - 1] ?? 0);
    for (let k = 0; k < group.length; k++)
      this.table.set((group[k] ?? "").split(TERM_SEPARATOR), this.valueAt(first + k));
    for (const head of this.headsOf(g)) {
      const node = this.table.firstNode(head);
      if (node === undefined) this.starts.delete(head);
      else this.starts.set(head, node);
    }
    return this.table.firstNode(term);
  }

  /** Group `g`'s first terms. */
  private headsOf(g: number): string[] {
    const heads = this.forms.heads[g] ?? "";
    return heads === "" ? [this.forms.words[g] ?? ""] : heads.split(TERM_SEPARATOR);
  }
}

/** A form's first term: up to its first tab. */
function firstTerm(form: string): string {
  const tab = form.indexOf(TERM_SEPARATOR);
  return tab < 0 ? form : form.slice(0, tab);
}

/** A form's (or a message term's) first word: up to its first tab or space. */
function firstWord(form: string): string {
  let end = form.length;
  const tab = form.indexOf(TERM_SEPARATOR);
  if (tab >= 0) end = tab;
  const space = form.indexOf(" ");
  if (space >= 0 && space < end) end = space;
  return end === form.length ? form : form.slice(0, end);
}

/** The tables a check matches with, replayed from the record (see {@link RecordedPhraseTable}). */
export interface ReplayedTables {
  stems: PhraseMatcher<Hit[]>;
  terms: PhraseMatcher<Hit[]>;
  idioms: PhraseMatcher<true>;
  rules: CompiledRule[];
  advisories: CompiledRule[];
  durationSlots: Hit[];
  clockSlots: Hit[];
}

/** The check's tables from a record: the phrase tables filled as messages need them, the rules as compiled. */
export function replayTables(tables: RedFlagTables): ReplayedTables {
  // The numbers a running engine keeps for the groups still to set, in half the room of a JSON array's.
  const flat = new Int32Array(tables.hits);
  const hits: (Hit | undefined)[] = new Array(flat.length / 3);
  /** The phrases as recorded, until the first hit splits them. */
  let joined: string | null = tables.phrases;
  let phrases: string[] = [];
  /** One object per hit, shared by the tables and slots that file it, as in the compile. */
  const hitAt = (i: number): Hit => {
    let hit = hits[i];
    if (hit === undefined) {
      if (joined !== null) {
        phrases = joined.split(FORM_SEPARATOR);
        joined = null;
      }
      hit = {
        rule: flat[3 * i] ?? -1,
        group: flat[3 * i + 1] ?? -1,
        phrase: phrases[flat[3 * i + 2] ?? -1] ?? "",
      };
      hits[i] = hit;
    }
    return hit;
  };
  const table = (forms: TableForms): PhraseMatcher<Hit[]> => {
    const filed = new Int32Array(forms.hits);
    // Where each phrase's hits start in the flat list: [count, hit, hit, ...] per phrase.
    const starts = new Uint32Array(forms.ends[forms.ends.length - 1] ?? 0);
    for (let i = 0, at = 0; i < starts.length; i++) {
      starts[i] = at;
      at += 1 + (filed[at] ?? 0);
    }
    return new RecordedPhraseTable<Hit[]>(forms, (i) => {
      const at = starts[i] ?? 0;
      const count = filed[at] ?? 0;
      // Filled by index, not pushed: a pushed array keeps room for 17, and some 14,000 phrases hold one or two hits.
      const list: Hit[] = new Array(count);
      for (let k = 0; k < count; k++) list[k] = hitAt(filed[at + 1 + k] ?? -1);
      return list;
    });
  };
  const rule = ([name, groups, conversation, someMin, window, sentence]: SerialRule): CompiledRule => ({
    name,
    groups,
    conversationGroups: new Set(conversation),
    someMin,
    window,
    sentence: sentence === 1,
  });
  return {
    stems: table(tables.stems),
    terms: table(tables.terms),
    idioms: new RecordedPhraseTable<true>(tables.idioms, () => true),
    rules: tables.rules.map(rule),
    advisories: tables.advisories.map(rule),
    durationSlots: tables.durationSlots.map(hitAt),
    clockSlots: tables.clockSlots.map(hitAt),
  };
}
