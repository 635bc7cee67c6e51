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
// "dur" ("during", as stemmed): a time said by what was on then ("started during the 6 o'clock news").
const START_WORDS = new Set(["at", "since", "from", "about", "around", "dur"]);
/** Words that may stand between a start word and its time: "since like 2am", "at about 4". */
// "the": a time said by what happened then ("since the 7 o'clock bus"); "my": by what it marks ("since before my 6
// o'clock alarm").
// "chim", "stroke", "of": a time said by a clock striking it ("from the chiming of midnight", "on the stroke of one").
const BETWEEN = new Set([
  "chim",
  "chime",
  "stroke",
  "of",
  "my",
  "like",
  "about",
  "around",
  "roughly",
  "just",
  "before",
  "after",
  "gone",
  "a",
  "the",
]);
/** Stems before "at" that make the time the start of something ("it started at ten past one"). */
const STARTED = new Set([
  "start",
  "began",
  "begin",
  "kick",
  "kicked",
  "came",
  "come",
  "struck",
  "hit",
  "grab",
  "grabbed",
]);
/**
 * Stems ("eased" is "eas", "passed" "pass") that say something stopped: a start and a later "now" read as still going when neither "since" nor "still"
 * says so only if none of these is in the message ("started at 3am, it's 4am now, they came and went").
 */
const STOPPED = new Set([
  "stop",
  "went",
  "eas",
  "ease",
  "pass",
  "finish",
  "over",
  "better",
  "fine",
  "relax",
  "releas",
]);
/** Words just before a time that make it the end of a span: "from 6:05 to 6:25", "until nearly three". */
const END_BEFORE = new Set(["to", "till", "til", "until", "untill", "around", "by"]);
const AT = new Set(["at"]);
const SINCE = new Set(["since"]);
/** Words allowed between an end word and its time: "until nearly three", "to about 6:25". */
const END_BETWEEN = new Set(["nearly", "almost", "about", "around", "gone", "just", "past", "after", "like"]);
/** Hours and minute counts said as words: "ten past nine", "twenty to eleven", "half past two". */
const NUMBER_WORDS: Readonly<Record<string, number>> = {
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
  twenty: 20,
  "twenty five": 25,
};
/** Words just before a time that make it the time now ("it's now half 5", "now 4:30", "it is 4:50 now"). */
const NOW_BEFORE = [
  "now",
  "it is now",
  "now it is",
  "it is",
  "and it is",
  "its",
  "its now",
  "and its",
  "its nearly",
  "it is nearly",
  // With "now" before the hour's hedge: "it is now gone seven", "it's now nearly 4".
  "it is now gone",
  "its now gone",
  "now gone",
  "it is now nearly",
  "its now nearly",
  "it is now almost",
  "its now almost",
  "its almost",
  "it is almost",
  "its gone",
  "it is gone",
  "now nearly",
  "now almost",
  // Told as a later look at the clock: "looked at the clock again and it was nearly four and it still hadn't let go".
  "it was",
  "and it was",
  "it was nearly",
  "it was almost",
  "it was gone",
  // As a learner of English may put it: "the cramp is come at 5 in the morning, now is half past 6".
  "now is",
  "and now is",
  // Told as a reading of a clock or phone: "my phone says 4 40", "when the kitchen clock hit 1:30".
  "says",
  "said",
  "read",
  "showed",
  "shows",
  "hit",
  "reached",
  "struck",
];
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
  // Counts of what is taken or done: "the chemist says 2 tablets", "said 3 glasses".
  "tablet",
  "pill",
  "cup",
  "glass",
  "litr",
  "litre",
  "mile",
  "km",
  "rep",
]);
/**
 * A later clock time this close (in words) after a "still" is the time it was still going at: "started during the 6
 * o'clock news, still there for the weather on the 7 o'clock one".
 */
const STILL_REACH = 8;
/** Words after a number that make it a clock time, not a count ("7 o'clock", "7pm"). */
// ("oclock" may be read as "clock" by the spelling corrector.)
const CLOCK_MARKS = new Set(["oclock", "o'clock", "clock", "am", "pm"]);
/** A start and a now this far apart (in minutes) or more is read as two unrelated times, not one cramp. */
const LONGEST = 6 * 60;

function hour(stem: string | undefined): number | null {
  if (stem === "midnight" || stem === "noon") return 0;
  const worded = stem === undefined ? undefined : NUMBER_WORDS[stem];
  if (worded !== undefined) return worded <= 12 ? worded % 12 : null;
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
  if (w === "midnight" || w === "noon") return { minutes: 0, start: i, end: i + 1 };
  const worded = NUMBER_WORDS[w ?? ""];
  if (w === "half" || w === "quarter" || /^\d{1,2}$/.test(w ?? "") || worded !== undefined) {
    const offset = w === "half" ? 30 : w === "quarter" ? 15 : (worded ?? Number(w));
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
  // A number word on its own is a time only where the caller found a start or end word before it.
  // "since 2 weeks", "now 3 nights": a count of something, not a time of day.
  if (h === null || UNITS.has(stems[i + 1] ?? "")) return null;
  const m = minute(stems[i + 1]);
  if (m !== null) return { minutes: h * 60 + m, start: i, end: i + 2 };
  if (stems[i + 1] === "am" || stems[i + 1] === "pm") return { minutes: h * 60, start: i, end: i + 2 };
  return { minutes: h * 60, start: i, end: i + 1 };
}

/** {@link NOW_BEFORE}'s phrases as words, split once (not at every word of every message; ADR 21). */
const NOW_BEFORE_WORDS = NOW_BEFORE.map((phrase) => phrase.split(" "));

// Loops, not closures made per call: such a closure's optimised code is lost at every full collection (ADR 54).
function endsWith(stems: readonly string[], at: number, words: readonly string[]): boolean {
  for (let k = 0; k < words.length; k++) if (stems[at - words.length + k] !== words[k]) return false;
  return true;
}

function endsWithAny(stems: readonly string[], at: number, phrases: readonly (readonly string[])[]): boolean {
  for (const words of phrases) if (endsWith(stems, at, words)) return true;
  return false;
}

/**
 * The minutes from a time something began ("at 5am") to a later time said to be now ("it's now half 5"), with where
 * the pair stands; null when the message has no such pair. Whether it is a cramp still going is the caller's to check.
 */
export function elapsedToNow(stems: readonly string[]): Elapsed | null {
  return clockSpan(stems, false);
}

/**
 * The time between two clock times and where they stand. `since`: the first was said with "since" ("since ten past
 * eleven and now it's nearly midnight"), which says it has gone on all that time.
 */
export interface Elapsed {
  minutes: number;
  start: number;
  end: number;
  since: boolean;
}

/**
 * The minutes of a span told by its two ends, "from 6:05 to about 6:25", "at a quarter past two ... until nearly
 * three": how long a cramp lasted, even once it has stopped. Null when the message has no such pair.
 */
export function clockSpanEnded(stems: readonly string[]): Elapsed | null {
  return clockSpan(stems, true);
}

/** A word of `accept` stands before `i`, with only words of `skip` between ("since like 2am", "until nearly three"). */
function after(
  stems: readonly string[],
  i: number,
  accept: ReadonlySet<string>,
  skip: ReadonlySet<string>,
): boolean {
  return acceptedBefore(stems, i, accept, skip) !== null;
}

/** The word of `accept` that stands before `i` with only words of `skip` between, or null. */
function acceptedBefore(
  stems: readonly string[],
  i: number,
  accept: ReadonlySet<string>,
  skip: ReadonlySet<string>,
): string | null {
  const at = acceptedAt(stems, i, accept, skip);
  return at < 0 ? null : (stems[at] ?? null);
}

/** Where the word of `accept` before `i` stands (only words of `skip` between), or -1. */
function acceptedAt(
  stems: readonly string[],
  i: number,
  accept: ReadonlySet<string>,
  skip: ReadonlySet<string>,
): number {
  for (let j = i - 1; j >= 0; j--) {
    const word = stems[j] ?? "";
    if (accept.has(word)) return j;
    if (!skip.has(word)) return -1;
  }
  return -1;
}

/**
 * "ten past" or "half past" with no hour, said after a start: past the hour after that start ("started at twenty to
 * eleven and it's ten past now" is 11:10).
 */
function pastTheHour(stems: readonly string[], i: number, began: ClockTime): ClockTime | null {
  const w = stems[i] ?? "";
  const offset =
    w === "half" ? 30 : w === "quarter" ? 15 : (NUMBER_WORDS[w] ?? (/^\d{1,2}$/.test(w) ? Number(w) : NaN));
  if (!(offset < 60) || stems[i + 1] !== "past" || hour(stems[i + 2]) !== null) return null;
  let minutes = Math.floor(began.minutes / 60) * 60 + offset;
  if (minutes <= began.minutes) minutes += 60;
  return { minutes: minutes % 720, start: i, end: i + 2 };
}

/** How far back from "at" a "since" makes the time the start of a hold ("since my alarm went at 6"). */
const SINCE_REACH = 4;

/** "since" stands at most {@link SINCE_REACH} words before `at`. */
function sinceShortlyBefore(stems: readonly string[], at: number): boolean {
  for (let j = at - 1; j >= 0 && j >= at - SINCE_REACH; j--) if (stems[j] === "since") return true;
  return false;
}

/** A word of {@link STOPPED} stands at `from` or after. */
function stoppedAfter(stems: readonly string[], from: number): boolean {
  for (let j = from; j < stems.length; j++) if (STOPPED.has(stems[j] ?? "")) return true;
  return false;
}

/** A clock time marked as one ("7 o'clock", "7pm") starts at `i`, with a "still" shortly before it, after `from`. */
function stillBefore(stems: readonly string[], i: number, from: number): boolean {
  if (!CLOCK_MARKS.has(stems[i + 1] ?? "")) return false;
  for (let j = i - 1; j >= from && j >= i - STILL_REACH; j--) if (stems[j] === "still") return true;
  return false;
}

function clockSpan(stems: readonly string[], ended: boolean): Elapsed | null {
  let began: ClockTime | null = null;
  let since = false;
  for (let i = 0; i < stems.length; i++) {
    if (began === null) {
      let openerAt = acceptedAt(stems, i, START_WORDS, BETWEEN);
      // "since about midnight": "about" opens a time and may stand between one and its opener; the opener is the
      // farthest back ("since"), which says it has gone on all that time.
      while (openerAt > 0 && BETWEEN.has(stems[openerAt] ?? "")) {
        const further = acceptedAt(stems, openerAt, START_WORDS, BETWEEN);
        if (further < 0) break;
        openerAt = further;
      }
      // "started just after midnight", "began around 2": a verb of starting opens the time itself.
      if (openerAt < 0) openerAt = acceptedAt(stems, i, STARTED, BETWEEN);
      if (openerAt < 0 && !(stems[i - 1] === "the" && stems[i] === "midnight")) continue;
      const t = timeAt(stems, i);
      if (t === null) continue;
      began = t;
      // "since ten past eleven", or "started at ten past one" with nothing said to have stopped: all that time.
      const opener = stems[openerAt];
      since =
        opener === "since" ||
        // "since my alarm went at 6": the time is when what it has held since happened (not "since my run at 6 ...
        // I've been fine").
        (opener === "at" && sinceShortlyBefore(stems, openerAt) && !stoppedAfter(stems, t.end)) ||
        ((STARTED.has(opener ?? "") || (opener === "at" && STARTED.has(stems[openerAt - 1] ?? ""))) &&
          !stems.some((w) => STOPPED.has(w)));
      i = t.end - 1;
      continue;
    }
    // "cramp woke me at 2, it's been going since about 2 and it's 3 now": a later "since" restates the start, and
    // says it has gone on all that time.
    if (!ended && !since && acceptedAt(stems, i, SINCE, BETWEEN) >= 0) {
      const t = timeAt(stems, i);
      if (t !== null) {
        began = t;
        since = true;
        i = t.end - 1;
        continue;
      }
    }
    // Worked out only once a start is found (the hot path: most messages have none; ADR 21).
    const isNow = ended
      ? after(stems, i, END_BEFORE, END_BETWEEN)
      : endsWithAny(stems, i, NOW_BEFORE_WORDS) ||
        stems[timeAt(stems, i)?.end ?? -1] === "now" ||
        stems[pastTheHour(stems, i, began)?.end ?? -1] === "now" ||
        after(stems, i, AT, END_BETWEEN) ||
        stillBefore(stems, i, began.end);
    if (!isNow) continue;
    const t = pastTheHour(stems, i, began) ?? timeAt(stems, i);
    if (t === null) continue;
    const minutes = (t.minutes - began.minutes + 720) % 720;
    if (minutes > 0 && minutes < LONGEST) return { minutes, start: began.start, end: t.end, since };
  }
  return null;
}
