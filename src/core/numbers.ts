/**
 * Role: reading amounts and durations people type — "1.5", "two", "twenty five", "a couple of", "half an hour", "a
 * quarter of an hour", "an hour and a half", "15-20 mins", "more than ten minutes" — over stemmed tokens. The words
 * (number words and their misspellings, time units, the words that make a duration a lower bound, a point in time or
 * an interval) are data: the lexicon's `numbers` table (intents/lexicon.yaml); the grammar of amounts is here.
 */
import { wordsAt } from "./normalize.js";
import type { NumbersData } from "./schemas/numbers.js";

export type { NumbersData };

/** Tens that take a following unit word: "twenty five". */
const TENS = new Set([20, 30, 40, 50, 60, 70, 80, 90]);

/** A duration read from a message. */
export interface Duration {
  /** Index of its first stem (the amount). */
  start: number;
  /** Index one past its last stem. */
  end: number;
  minutes: number;
  /** "more than ten minutes": the duration is at least, and probably over, `minutes`. */
  lowerBound: boolean;
  /** False for a point in time or an interval ("20 minutes ago", "every 20 minutes"): no length of anything. */
  isLength: boolean;
}

function endsBefore(stems: readonly string[], at: number, words: readonly string[]): boolean {
  return wordsAt(stems, at - words.length, words);
}

/** Some phrase of `list` ends right before `at` (a loop: the check runs on every word of every message; ADR 60). */
function endsBeforeAny(stems: readonly string[], at: number, list: readonly (readonly string[])[]): boolean {
  for (const words of list) if (endsBefore(stems, at, words)) return true;
  return false;
}

const split = (list: readonly string[]): string[][] => list.map((p) => p.split(/\s+/));

/** Amounts and durations, read with one lexicon's number words. */
export class Numbers {
  private readonly words: Readonly<Record<string, number>>;
  private readonly units: Readonly<Record<string, number>>;
  private readonly digitUnits: Readonly<Record<string, number>>;
  private readonly lowerBefore: string[][];
  private readonly lowerAfter: string[][];
  private readonly qualifiers: [string[], boolean][];
  private readonly pointAfter: Set<string>;
  private readonly intervalBefore: Set<string>;
  private readonly countedBefore: string[][];
  private readonly oneBefore: string[][];
  private readonly minutesLeftOut: string[][];
  private readonly leftOutEnds: Set<string>;
  /**
   * Every word `units[word]` or `digitUnits[word]` can give a value for (their keys and, as with any object, the
   * prototype's): other words are skipped without a keyed lookup, which was most of the durations' cost (ADR 21).
   */
  private readonly unitWords: Set<string>;
  /** Every word `words[word]` can give a value for (its keys and the prototype's), likewise. */
  private readonly numberWords: Set<string>;

  /** `data` default: no words at all, so nothing reads as a number word or a duration. */
  constructor(data?: NumbersData) {
    this.words = data?.words ?? {};
    this.units = data?.units ?? {};
    this.digitUnits = data?.digit_units ?? {};
    this.unitWords = new Set([
      ...Object.keys(this.units),
      ...Object.keys(this.digitUnits),
      ...Object.getOwnPropertyNames(Object.prototype),
    ]);
    this.numberWords = new Set([...Object.keys(this.words), ...Object.getOwnPropertyNames(Object.prototype)]);
    this.lowerBefore = split(data?.lower_bound_before ?? []);
    this.lowerAfter = split(data?.lower_bound_after ?? []);
    this.qualifiers = [
      ...split(data?.approximate ?? []).map((w): [string[], boolean] => [w, false]),
      ...split(data?.at_least ?? []).map((w): [string[], boolean] => [w, true]),
    ];
    this.pointAfter = new Set(data?.point_after ?? []);
    this.intervalBefore = new Set(data?.interval_before ?? []);
    this.countedBefore = split(data?.counted_before ?? []);
    this.oneBefore = split(data?.one_before ?? []);
    this.minutesLeftOut = split(data?.minutes_left_out_after ?? []);
    this.leftOutEnds = new Set(data?.minutes_left_out_ends ?? []);
  }

  /** A number written with digits or as a word, or null. */
  parse(token: string): number | null {
    // Most tokens are words: the regex only for one that starts with a digit (the hot path).
    const first = token.charCodeAt(0);
    if (first >= 48 && first <= 57 && /^\d+(\.\d+)?$/.test(token)) return Number(token);
    // A word no number word can be is skipped before the keyed lookup, as for the units (ADR 26).
    if (!this.numberWords.has(token)) return null;
    return this.words[token] ?? null;
  }

  /**
   * The amount that ends right before `end` (exclusive): its value and first index. Reads "twenty five", "a couple of",
   * "half an", "a quarter of an", "three quarters of an", "one and a half", "15 20" (a range: its upper end).
   */
  private amountBefore(stems: readonly string[], end: number): { value: number; start: number } | null {
    let j = end - 1;
    const word = stems[j] ?? "";
    // "a couple of minutes", "a few of"
    if (word === "of" && (stems[j - 1] === "couple" || stems[j - 1] === "few")) {
      return { value: this.words[stems[j - 1] ?? ""] ?? 2, start: stems[j - 2] === "a" ? j - 2 : j - 1 };
    }
    if (word === "quarter" || word === "half") {
      // "quarter hour", "half hour", "a half hour", "three quarter hour"
      const fraction = word === "quarter" ? 0.25 : 0.5;
      const times = this.parse(stems[j - 1] ?? "");
      if (times !== null && times > 1) return { value: times * fraction, start: j - 1 };
      if (stems[j - 1] === "and") {
        // "one and a half" is handled where "a half" ends; "and half" after a number: "two and half"
        const whole = this.parse(stems[j - 2] ?? "");
        if (whole !== null) return { value: whole + fraction, start: j - 2 };
      }
      if (stems[j - 1] === "a" && stems[j - 2] === "and") {
        const whole = this.parse(stems[j - 3] ?? "");
        if (whole !== null) return { value: whole + fraction, start: j - 3 };
      }
      return { value: fraction, start: stems[j - 1] === "a" ? j - 1 : j };
    }
    const value = this.parse(word);
    if (value === null) return null;
    if (word === "a" || word === "an" || word === "one") {
      // "half an hour", "a quarter of an hour", "three quarters of an hour"
      if (stems[j - 1] === "half") return { value: 0.5, start: stems[j - 2] === "a" ? j - 2 : j - 1 };
      // "3/4 of an hour", "1/2 an hour": the slash is gone by now, so two digits with the smaller first.
      const over = stems[j - 1] === "of" ? j - 2 : j - 1;
      const numerator = /^\d$/.test(stems[over - 1] ?? "") ? Number(stems[over - 1]) : Number.NaN;
      const denominator = /^\d$/.test(stems[over] ?? "") ? Number(stems[over]) : Number.NaN;
      if (numerator > 0 && numerator < denominator)
        return { value: numerator / denominator, start: over - 1 };
      if (stems[j - 1] === "of" && stems[j - 2] === "quarter") {
        const times = this.parse(stems[j - 3] ?? "");
        if (times !== null && times > 1) return { value: times * 0.25, start: j - 3 };
        return { value: 0.25, start: stems[j - 3] === "a" ? j - 3 : j - 2 };
      }
      return { value, start: j };
    }
    j--;
    const previous = this.parse(stems[j] ?? "");
    // "twenty five"
    if (previous !== null && TENS.has(previous) && value < 10 && /^[a-z]+$/.test(stems[j] ?? "")) {
      return { value: previous + value, start: j };
    }
    return { value, start: j + 1 };
  }

  /** Every duration in a message's stems: an amount and a time unit ("20 mins", "half an hour", "an hour and a half"). */
  durations(stems: readonly string[]): Duration[] {
    const out: Duration[] = [];
    for (let i = 1; i < stems.length; i++) {
      const unit = stems[i] ?? "";
      if (!this.unitWords.has(unit)) continue;
      const afterDigits = /^\d/.test(stems[i - 1] ?? "");
      const seconds = this.units[unit] ?? (afterDigits ? this.digitUnits[unit] : undefined);
      if (seconds === undefined) continue;
      const perUnit = seconds / 60;
      const qualifier = this.qualifiers.find(([words]) => endsBefore(stems, i, words));
      const amount =
        this.amountBefore(stems, i - (qualifier?.[0].length ?? 0)) ?? this.oneAmount(stems, i, qualifier);
      if (amount === null) continue;
      let value = amount.value;
      let end = i + 1;
      // "an hour and a half", "an hour and half", "a minute or two", "10 or 15 minutes" (read the upper end)
      if (stems[end] === "and" && stems[end + 1] === "a" && stems[end + 2] === "half") {
        value += 0.5;
        end += 3;
      } else if (stems[end] === "and" && stems[end + 1] === "half") {
        value += 0.5;
        end += 2;
      } else if (stems[end] === "or" && this.parse(stems[end + 1] ?? "") !== null) {
        value = Math.max(value, this.parse(stems[end + 1] ?? "") ?? value);
        end += 2;
      }
      const lowerBound =
        this.lowerBefore.some((words) => endsBefore(stems, amount.start, words)) ||
        this.lowerAfter.some((words) => wordsAt(stems, end, words)) ||
        qualifier?.[1] === true;
      const isLength =
        !this.pointAfter.has(stems[end] ?? "") && !this.intervalBefore.has(stems[amount.start - 1] ?? "");
      out.push({ start: amount.start, end, minutes: value * perUnit, lowerBound, isLength });
    }
    if (this.countedBefore.length > 0) this.counted(stems, out);
    if (this.minutesLeftOut.length > 0) this.leftOut(stems, out);
    return out;
  }

  /** "for the last hour": no amount before the unit, but one meant (`one_before`); starts at the phrase. */
  private oneAmount(
    stems: readonly string[],
    unit: number,
    qualifier: [string[], boolean] | undefined,
  ): { value: number; start: number } | null {
    if (qualifier !== undefined) return null;
    for (const words of this.oneBefore)
      if (endsBefore(stems, unit, words)) return { value: 1, start: unit - words.length };
    return null;
  }

  /**
   * "it has stayed for the last 20": a number under an hour after `minutes_left_out_after`, with no word of its own
   * after it (the message ends, or a joiner follows), is minutes; "for the last 20 years" has its unit.
   */
  private leftOut(stems: readonly string[], out: Duration[]): void {
    for (let i = 1; i < stems.length; i++) {
      const value = this.parse(stems[i] ?? "");
      if (value === null || value < 1 || value >= 60) continue;
      const next = stems[i + 1];
      if (next !== undefined && !this.leftOutEnds.has(next)) continue;
      for (const words of this.minutesLeftOut) {
        if (!endsBefore(stems, i, words)) continue;
        const start = i - words.length;
        const isLength = !this.intervalBefore.has(stems[start - 1] ?? "");
        out.push({ start, end: i + 1, minutes: value, lowerBound: false, isLength });
        break;
      }
    }
  }

  /** "I've counted to 900 and it's still going": a count said aloud is about one a second, so a length in seconds. */
  private counted(stems: readonly string[], out: Duration[]): void {
    for (let i = 1; i < stems.length; i++) {
      if (!endsBeforeAny(stems, i, this.countedBefore)) continue;
      const value = this.parse(stems[i] ?? "");
      if (value === null || this.unitWords.has(stems[i + 1] ?? "")) continue;
      out.push({ start: i, end: i + 1, minutes: value / 60, lowerBound: false, isLength: true });
    }
  }
}
