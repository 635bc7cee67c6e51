/**
 * Medical red flags and advisories, from intents/urgent.yaml. Checked on every message before anything else: a red
 * flag wins over small talk, answers and dialogues. Negated mentions ("no swelling") do not count.
 */
import type { RuleData, UrgentData } from "./intents.js";
import { type Analysis, type Lexicon, OUT_OF_SCOPE, PhraseTable } from "./lexicon.js";
import { parseNumber } from "./numbers.js";

interface Hit {
  rule: number;
  group: number; // -1: `some`, -2: `unless`
  phrase: string;
}

interface CompiledRule {
  name: string;
  groups: number;
  someMin: number;
  window: number;
}

interface Found {
  hit: Hit;
  negated: boolean;
  /** Position in the message's stems. */
  at: number;
}

/** Phrases of one rule must stand this close (in words) unless the rule says otherwise. */
const DEFAULT_WINDOW = 12;
/** A duration counts when a cramp word is this close to it. */
const DURATION_WINDOW = 10;

/** Which red-flag rule fired, or which advisory applies. */
export interface RedFlagResult {
  urgent: string | null;
  advisories: string[];
  /** Sections that answer the advisories that fired. */
  advisorySections: string[];
}

const MINUTE_WORDS = new Set(["minute", "min", "mins", "minut"]);
const HOUR_WORDS = new Set(["hour", "hr", "hrs", "hour"]);

export class RedFlags {
  private readonly stemTable = new PhraseTable<Hit[]>();
  private readonly termTable = new PhraseTable<Hit[]>();
  private readonly rules: CompiledRule[] = [];
  private readonly advisoryRules: CompiledRule[] = [];
  private readonly negators: Set<string>;
  private readonly breaks: Set<string>;
  private readonly durationContext: Set<string>;
  private readonly durationUnless: Set<string>;
  private readonly durationConnectors: Set<string>;

  constructor(
    private readonly data: UrgentData,
    private readonly lexicon: Lexicon,
  ) {
    this.negators = new Set(data.negators);
    this.breaks = new Set(data.negation_breaks);
    this.durationContext = new Set(data.duration_context.flatMap((w) => lexicon.terms(w)));
    this.durationUnless = new Set(data.duration_unless.flatMap((w) => lexicon.stems(w)));
    this.durationConnectors = new Set(data.duration_connectors.flatMap((w) => lexicon.stems(w)));
    data.rules.forEach((rule, i) => {
      this.rules.push(this.compile(rule, i));
    });
    data.advisories.forEach((rule, i) => {
      this.advisoryRules.push(this.compile(rule, 1000 + i));
    });
  }

  check(analysis: Analysis): RedFlagResult {
    const hits = [
      ...this.collect(this.stemTable, analysis.stems, (i) => i),
      ...this.collect(this.termTable, analysis.terms, (i) => analysis.termStarts[i] ?? i),
    ];
    let urgent: string | null = null;
    for (const [i, rule] of this.rules.entries()) {
      if (this.fires(rule, i, hits)) {
        urgent = rule.name;
        break;
      }
    }
    if (urgent === null && this.longDuration(analysis)) urgent = "cramp-that-will-not-ease";
    const advisories: string[] = [];
    const advisorySections: string[] = [];
    for (const [i, rule] of this.advisoryRules.entries()) {
      if (!this.fires(rule, 1000 + i, hits)) continue;
      advisories.push(this.data.advisories[i]?.text ?? "");
      const section = this.data.advisories[i]?.section;
      if (section !== undefined) advisorySections.push(section);
    }
    return { urgent, advisories, advisorySections };
  }

  private compile(rule: RuleData, index: number): CompiledRule {
    rule.all.forEach((group, g) => {
      for (const phrase of group) this.add(phrase, { rule: index, group: g, phrase });
    });
    for (const phrase of rule.some?.of ?? []) this.add(phrase, { rule: index, group: -1, phrase });
    for (const phrase of rule.unless ?? []) this.add(phrase, { rule: index, group: -2, phrase });
    return {
      name: rule.name,
      groups: rule.all.length,
      someMin: rule.some?.min ?? 0,
      window: rule.window ?? DEFAULT_WINDOW,
    };
  }

  private add(phrase: string, hit: Hit): void {
    for (const [table, form] of [
      [this.stemTable, this.lexicon.stems(phrase)],
      [this.termTable, this.lexicon.terms(phrase)],
    ] as const) {
      // An out-of-scope word stands for many topics; it must not stand in for a red-flag word.
      if (form.includes(OUT_OF_SCOPE)) continue;
      const key = form;
      const existing = table.matchExact(key);
      if (existing) existing.push(hit);
      else table.set(key, [hit]);
    }
  }

  private collect(
    table: PhraseTable<Hit[]>,
    seq: readonly string[],
    position: (i: number) => number,
  ): Found[] {
    const out: Found[] = [];
    for (const match of table.everyMatch(seq)) {
      const negated = this.isNegated(seq, match.start);
      for (const hit of match.value) out.push({ hit, negated, at: position(match.start) });
    }
    return out;
  }

  /** A negator up to three words before the phrase negates it, unless "but", "and" ... comes between. */
  private isNegated(seq: readonly string[], start: number): boolean {
    for (let i = start - 1; i >= Math.max(0, start - 3); i--) {
      const word = seq[i] ?? "";
      if (this.breaks.has(word)) return false;
      if (this.negators.has(word)) return true;
    }
    return false;
  }

  private fires(rule: CompiledRule, index: number, hits: Found[]): boolean {
    const positions: number[][] = Array.from({ length: rule.groups }, () => []);
    const some = new Set<string>();
    for (const { hit, negated, at } of hits) {
      if (hit.rule !== index) continue;
      if (hit.group === -2) return false;
      if (negated) continue;
      if (hit.group === -1) some.add(hit.phrase);
      else positions[hit.group]?.push(at);
    }
    if (some.size < rule.someMin) return false;
    // Some mention of the first group must have every other group within the rule's window.
    const [first = [], ...others] = positions;
    return first.some((p) => others.every((group) => group.some((q) => Math.abs(q - p) <= rule.window)));
  }

  /** "a cramp for 20 minutes", "cramping for two hours": longer than the configured minutes. */
  private longDuration(analysis: Analysis): boolean {
    const { stems, terms, termStarts } = analysis;
    const context = terms.flatMap((t, i) => (this.durationContext.has(t) ? [termStarts[i] ?? i] : []));
    if (context.length === 0) return false;
    for (let i = 1; i < stems.length; i++) {
      const unit = stems[i] ?? "";
      const isMinutes = MINUTE_WORDS.has(unit);
      const isHours = HOUR_WORDS.has(unit);
      if (!isMinutes && !isHours) continue;
      const amount = parseNumber(stems[i - 1] ?? "");
      if (amount === null) continue;
      // "I sleep 5 hours", "a 10 hour flight", "20 minutes ago": the duration belongs to something else.
      const before = stems.slice(Math.max(0, i - 4), i - 1);
      const after = stems.slice(i + 1, i + 2);
      if ([...before, ...after].some((w) => this.durationUnless.has(w))) continue;
      // It must read as how long something lasted ("for 20 minutes", "been 15 min", "an hour and still"), not as
      // a count of something else ("I barely get two hours in a row").
      const near = [...stems.slice(Math.max(0, i - 3), i - 1), ...stems.slice(i + 1, i + 3)];
      if (!near.some((w) => this.durationConnectors.has(w))) continue;
      const minutes = isHours ? amount * 60 : amount;
      if (minutes > this.data.long_cramp_minutes && context.some((c) => Math.abs(c - i) <= DURATION_WINDOW))
        return true;
    }
    return false;
  }
}
