/** Reading amounts people type: "1.5", "two", "a", "half". */

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
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  couple: 2,
  few: 3,
  several: 3,
};

/** A number written with digits or as a word, or null. */
export function parseNumber(token: string): number | null {
  if (/^\d+(\.\d+)?$/.test(token)) return Number(token);
  return WORDS[token] ?? null;
}
