/**
 * Role: one message's red-flag mentions, by rule (redflags.ts `hits`). A message meets about 15 of the 79 rules and
 * files about 50 mentions under them, and every rule and advisory then asks for its own: in a Map keyed by the rule's
 * number each of those lookups hashed the number, and the Map grew twice on the way. Here each rule has a slot of its
 * own in an array made for the message (not one kept from message to message: a long-lived array holding each
 * message's young objects costs every scavenge more than the array costs to make).
 */
import type { Hit } from "./red-flag-tables.js";

/** The number the advisories' hits are filed under: advisory `i` is rule `ADVISORY_BASE + i` (redflags.ts compile). */
export const ADVISORY_BASE = 1000;

/**
 * The phrases of one rule that a phrase found at one place stands for, and are not masked there: those of its groups
 * (`others`) and its exceptions.
 */
export interface Mention {
  others: readonly Hit[];
  exceptions: readonly Hit[];
  negated: boolean;
  /** Position in the message's stems. */
  at: number;
  /** Where the phrase ends in the message's stems (exclusive). */
  end: number;
}

/** The mentions of one message, by rule. */
export class MentionsByRule {
  /** One list per rule, then one per advisory; undefined while the rule has no mention. */
  private readonly lists: (Mention[] | undefined)[];
  /** The slots that have mentions, in the order their first mention was filed (the order a Map's keys had). */
  private readonly used: number[] = [];

  /** `rules` and `advisories`: how many of each the check has. */
  constructor(
    private readonly rules: number,
    advisories: number,
  ) {
    this.lists = new Array(rules + advisories);
  }

  add(rule: number, mention: Mention): void {
    const slot = this.slot(rule);
    const list = this.lists[slot];
    if (list !== undefined) list.push(mention);
    else {
      this.lists[slot] = [mention];
      this.used.push(slot);
    }
  }

  /** The rule's mentions, or undefined when it has none. */
  of(rule: number): readonly Mention[] | undefined {
    return this.lists[this.slot(rule)];
  }

  /** How many rules have mentions. */
  get size(): number {
    return this.used.length;
  }

  /** The mentions of the `k`th rule that has any (`k` < {@link size}), in the order their first mention was filed. */
  nth(k: number): readonly Mention[] {
    return this.lists[this.used[k] ?? -1] ?? [];
  }

  private slot(rule: number): number {
    return rule >= ADVISORY_BASE ? this.rules + rule - ADVISORY_BASE : rule;
  }
}
