/** Role: the schema of the lexicon's `numbers` table (intents/lexicon.yaml), validated when the file is read. */
import { z } from "zod";

const phrases = z.array(z.string().min(1));

/** The lexicon's `numbers` table; every word is written as a stem, as the reader sees it. */
export const numbersSchema = z.object({
  /** Number words and their misspellings. */
  words: z.record(z.string(), z.number().nonnegative()),
  /** Time units in seconds ("minut": 60). */
  units: z.record(z.string(), z.number().positive()),
  /** Unit letters that count only right after digits ("20 m", "2 h"), in seconds. */
  digit_units: z.record(z.string(), z.number().positive()),
  /** Before an amount, make it a lower bound: "more than ten", "over 10", "at least 10". */
  lower_bound_before: phrases,
  /** After a duration, make it a lower bound: "10 minutes plus", "10 min or more". */
  lower_bound_after: phrases,
  /** Between an amount and its unit, leave it as it is: "10 or so mins", "20ish minutes". */
  approximate: phrases,
  /** Between an amount and its unit, make it a lower bound: "20 odd minutes", "10 or more mins". */
  at_least: phrases,
  /** After a duration, make it a point in time: "20 minutes ago", "an hour later". */
  point_after: phrases,
  /** Before a duration, make it an interval or a time taken: "every 20 minutes", "within an hour". */
  interval_before: phrases,
  /** Before a number, make it a count of seconds: "I counted to 900" (one a second). */
  counted_before: phrases.optional(),
  /** Before a time unit with no amount, make it one: "for the last hour", "the past hour". */
  one_before: phrases.optional(),
  /**
   * Before a number with no unit after it, make it minutes: "has stayed for the last 20" (the unit a cramp's length is
   * told in, left out).
   */
  minutes_left_out_after: phrases.optional(),
  /**
   * Words that may follow such a number and still leave its unit out: "for the last 20 and it's still hard", "the
   * last 20 now" (any other word after it is its unit or says it is not a length).
   */
  minutes_left_out_ends: phrases.optional(),
});
export type NumbersData = z.infer<typeof numbersSchema>;
