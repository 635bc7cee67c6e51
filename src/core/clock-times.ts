/**
 * Role: clock times in a message ("at 5am", "half 5", "quarter past 3", "4:50") and the time between a cramp's start
 * and "now" ("my leg cramped at 5am and it's now half 5 and still cramping"): how long a cramp that is still going
 * has lasted, for the red-flag check (redflags.ts). Works on the message's stems ("4:50" is read as "4 50").
 */

/** A clock time found in the stems: minutes after 12 o'clock (0–719), and where it stands. */
export interface ClockTime {
  minutes: number;
  start: number;
  end: number;
}

/** Words before a time that make it the moment something began ("cramped at 5", "since 2am", "from 4.30"). */
const START_WORDS = new Set(["at", "since", "from", "about", "around"]);
/** Words just before a time that make it the time now ("it's now half 5", "now 4:30", "it is 4:50 now"). */
const NOW_BEFORE = ["now", "it is now", "now it is", "it is", "and it is"];
/** Words after a number that make it a count ("2 weeks"), not a time of day. */
const UNITS = new Set([
  "minute",
  "min",
  "mins",
  "hour",
  "hr",
  "hrs",
  "day",
  "week",
  "month",
  "year",
  "night",
  "time",
  "second",
  "sec",
  "secs",
  "x",
  "times",
  "mg",
  "iu",
]);
/** A start and a now this far apart (in minutes) or more is read as two unrelated times, not one cramp. */
const LONGEST = 6 * 60;

function hour(stem: string | undefined): number | null {
  if (stem === undefined || !/^\d{1,2}$/.test(stem)) return null;
  const h = Number(stem);
  return h >= 1 && h <= 12 ? h % 12 : h === 0 ? 0 : null;
}

function minute(stem: string | undefined): number | null {
  if (stem === undefined || !/^\d{2}$/.test(stem)) return null;
  const m = Number(stem);
  return m <= 59 ? m : null;
}

/** The clock time starting at `i`, if one does ("5 am", "half 5", "quarter past 3", "4.30", "4 50", "10 past 4"). */
function timeAt(stems: readonly string[], i: number): ClockTime | null {
  const w = stems[i];
  const dotted = /^(\d{1,2})[.:](\d{2})$/.exec(w ?? "");
  if (dotted) {
    const h = hour(dotted[1]);
    const m = minute(dotted[2]);
    if (h !== null && m !== null) return { minutes: h * 60 + m, start: i, end: i + 1 };
  }
  if (w === "half" || w === "quarter" || /^\d{1,2}$/.test(w ?? "")) {
    const offset = w === "half" ? 30 : w === "quarter" ? 15 : Number(w);
    const link = stems[i + 1];
    if ((link === "past" || link === "to") && offset < 60) {
      const h = hour(stems[i + 2]);
      if (h !== null) {
        const minutes = link === "past" ? h * 60 + offset : (h * 60 - offset + 720) % 720;
        return { minutes, start: i, end: i + 3 };
      }
    }
    // British "half 5": half past five.
    if (w === "half") {
      const h = hour(stems[i + 1]);
      if (h !== null) return { minutes: h * 60 + 30, start: i, end: i + 2 };
      return null;
    }
  }
  const h = hour(w);
  // "since 2 weeks", "now 3 nights": a count of something, not a time of day.
  if (h === null || UNITS.has(stems[i + 1] ?? "")) return null;
  const m = minute(stems[i + 1]);
  if (m !== null) return { minutes: h * 60 + m, start: i, end: i + 2 };
  if (stems[i + 1] === "am" || stems[i + 1] === "pm") return { minutes: h * 60, start: i, end: i + 2 };
  return { minutes: h * 60, start: i, end: i + 1 };
}

function endsWith(stems: readonly string[], at: number, phrase: string): boolean {
  const words = phrase.split(" ");
  return words.every((word, k) => stems[at - words.length + k] === word);
}

/**
 * The minutes from a time something began ("at 5am") to a later time said to be now ("it's now half 5"), with where
 * the pair stands; null when the message has no such pair. Whether it is a cramp still going is the caller's to check.
 */
export function elapsedToNow(
  stems: readonly string[],
): { minutes: number; start: number; end: number } | null {
  let began: ClockTime | null = null;
  for (let i = 0; i < stems.length; i++) {
    const before = stems[i - 1] ?? "";
    const isNow =
      NOW_BEFORE.some((p) => endsWith(stems, i, p)) || stems[timeAt(stems, i)?.end ?? -1] === "now";
    if (began === null) {
      if (!START_WORDS.has(before)) continue;
      const t = timeAt(stems, i);
      if (t === null) continue;
      began = t;
      i = t.end - 1;
      continue;
    }
    if (!isNow) continue;
    const t = timeAt(stems, i);
    if (t === null) continue;
    const minutes = (t.minutes - began.minutes + 720) % 720;
    if (minutes > 0 && minutes < LONGEST) return { minutes, start: began.start, end: t.end };
  }
  return null;
}
