/**
 * Reading amounts and durations people type: "1.5", "two", "twenty five", "a couple of", "half an hour", "a quarter of
 * an hour", "an hour and a half", "15-20 mins", "more than ten minutes". Pure functions over stemmed tokens.
 */

const WORDS: Record<string, number> = {
  zero: 0,
  half: 0.5,
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  hundred: 100,
  dozen: 12,
  couple: 2,
  few: 3,
  several: 3,
  // Misspellings seen in typed and non-native messages (the spelling corrector does not know number words).
  tweny: 20,
  twnty: 20,
  twentey: 20,
  twety: 20,
  fiveteen: 15,
  fithteen: 15,
  fifthteen: 15,
  fiften: 15,
  fiftteen: 15,
  thirthy: 30,
  thirtey: 30,
  thrity: 30,
  fourty: 40,
  fourtey: 40,
  fourtyfive: 45,
};

/** Tens that take a following unit word: "twenty five". */
const TENS = new Set([20, 30, 40, 50, 60, 70, 80, 90]);

/** A number written with digits or as a word, or null. */
export function parseNumber(token: string): number | null {
  if (/^\d+(\.\d+)?$/.test(token)) return Number(token);
  return WORDS[token] ?? null;
}

/** Duration units as stems, in minutes. Unit letters only count right after digits ("20 m", "2 h"). */
const UNITS: Record<string, number> = {
  second: 1 / 60,
  sec: 1 / 60,
  secs: 1 / 60,
  minute: 1,
  minut: 1,
  min: 1,
  mins: 1,
  minit: 1,
  mint: 1,
  mn: 1,
  hour: 60,
  hr: 60,
  hrs: 60,
  hrss: 60,
  houre: 60,
};
const DIGIT_UNITS: Record<string, number> = { m: 1, h: 60, s: 1 / 60 };

/** Words before an amount that make it a lower bound: "more than ten", "over 10", "at least 10". */
const LOWER_BOUND_BEFORE = [
  ["more", "than"],
  ["longer", "than"],
  ["more", "then"],
  ["longer", "then"],
  ["over"],
  ["at", "least"],
  ["upward", "of"],
  ["past"],
];
/** Words after a duration that make it a lower bound: "10 minutes plus", "10 min or more". */
const LOWER_BOUND_AFTER = [["plus"], ["or", "more"], ["or", "longer"], ["and", "count"]];
/** Words between an amount and its unit, and whether they make it a lower bound: "20 odd minutes", "10 or so mins". */
const QUALIFIERS: [string[], boolean][] = [
  [["or", "so"], false],
  [["ish"], false],
  [["or", "more"], true],
  [["plus"], true],
  [["odd"], true],
  [["something"], true],
];

/** After a duration, these make it a point in time, not a length: "20 minutes ago", "an hour later", "20 min in". */
const POINT_AFTER = ["ago", "later", "earlier", "after", "into", "back", "previously"];
/** Before a duration, these make it an interval or a time taken: "every 20 minutes", "within an hour", "10k in an hour". */
const INTERVAL_BEFORE = ["every", "each", "per", "within", "once", "in"];

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

function startsWith(stems: readonly string[], at: number, words: readonly string[]): boolean {
  return words.every((w, k) => stems[at + k] === w);
}

function endsBefore(stems: readonly string[], at: number, words: readonly string[]): boolean {
  return startsWith(stems, at - words.length, words);
}

/**
 * The amount that ends right before `end` (exclusive): its value and first index. Reads "twenty five", "a couple of",
 * "half an", "a quarter of an", "three quarters of an", "one and a half", "15 20" (a range: its upper end).
 */
function amountBefore(stems: readonly string[], end: number): { value: number; start: number } | null {
  let j = end - 1;
  const word = stems[j] ?? "";
  // "a couple of minutes", "a few of"
  if (word === "of" && (stems[j - 1] === "couple" || stems[j - 1] === "few")) {
    return { value: WORDS[stems[j - 1] ?? ""] ?? 2, start: stems[j - 2] === "a" ? j - 2 : j - 1 };
  }
  if (word === "quarter" || word === "half") {
    // "quarter hour", "half hour", "a half hour", "three quarter hour"
    const fraction = word === "quarter" ? 0.25 : 0.5;
    const times = parseNumber(stems[j - 1] ?? "");
    if (times !== null && times > 1) return { value: times * fraction, start: j - 1 };
    if (stems[j - 1] === "and") {
      // "one and a half" is handled where "a half" ends; "and half" after a number: "two and half"
      const whole = parseNumber(stems[j - 2] ?? "");
      if (whole !== null) return { value: whole + fraction, start: j - 2 };
    }
    if (stems[j - 1] === "a" && stems[j - 2] === "and") {
      const whole = parseNumber(stems[j - 3] ?? "");
      if (whole !== null) return { value: whole + fraction, start: j - 3 };
    }
    return { value: fraction, start: stems[j - 1] === "a" ? j - 1 : j };
  }
  const value = parseNumber(word);
  if (value === null) return null;
  if (word === "a" || word === "an" || word === "one") {
    // "half an hour", "a quarter of an hour", "three quarters of an hour"
    if (stems[j - 1] === "half") return { value: 0.5, start: stems[j - 2] === "a" ? j - 2 : j - 1 };
    if (stems[j - 1] === "of" && stems[j - 2] === "quarter") {
      const times = parseNumber(stems[j - 3] ?? "");
      if (times !== null && times > 1) return { value: times * 0.25, start: j - 3 };
      return { value: 0.25, start: stems[j - 3] === "a" ? j - 3 : j - 2 };
    }
    return { value, start: j };
  }
  j--;
  const previous = parseNumber(stems[j] ?? "");
  // "twenty five"
  if (previous !== null && TENS.has(previous) && value < 10 && /^[a-z]+$/.test(stems[j] ?? "")) {
    return { value: previous + value, start: j };
  }
  return { value, start: j + 1 };
}

/** Every duration in a message's stems: an amount and a time unit ("20 mins", "half an hour", "an hour and a half"). */
export function findDurations(stems: readonly string[]): Duration[] {
  const out: Duration[] = [];
  for (let i = 1; i < stems.length; i++) {
    const unit = stems[i] ?? "";
    const afterDigits = /^\d/.test(stems[i - 1] ?? "");
    const perUnit = UNITS[unit] ?? (afterDigits ? DIGIT_UNITS[unit] : undefined);
    if (perUnit === undefined) continue;
    const qualifier = QUALIFIERS.find(([words]) => endsBefore(stems, i, words));
    const amount = amountBefore(stems, i - (qualifier?.[0].length ?? 0));
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
    } else if (stems[end] === "or" && parseNumber(stems[end + 1] ?? "") !== null) {
      value = Math.max(value, parseNumber(stems[end + 1] ?? "") ?? value);
      end += 2;
    }
    const lowerBound =
      LOWER_BOUND_BEFORE.some((words) => endsBefore(stems, amount.start, words)) ||
      LOWER_BOUND_AFTER.some((words) => startsWith(stems, end, words)) ||
      qualifier?.[1] === true;
    const isLength =
      !POINT_AFTER.includes(stems[end] ?? "") && !INTERVAL_BEFORE.includes(stems[amount.start - 1] ?? "");
    out.push({ start: amount.start, end, minutes: value * perUnit, lowerBound, isLength });
  }
  return out;
}
