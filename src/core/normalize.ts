/**
 * Text normalisation: the first step for every message and every piece of knowledge, so both sides are compared in
 * the same form. Pure functions, no data: contractions and synonyms live in the lexicon.
 */

const CONTROL = /[\p{Cc}\p{Cs}\p{Co}\p{Cn}]/gu;
// Invisible format characters (soft hyphen, zero-width joiners) sit inside words: removed, not turned into spaces.
const FORMAT = /\p{Cf}/gu;
const MARKS = /\p{M}/gu;
const APOSTROPHES = /[\u2018\u2019\u02bc\u0060\u00b4]/g;
// Letters, digits, apostrophes inside words and decimal points between digits survive; all else is a separator.
const SEPARATORS = /[^\p{L}\p{N}'.]+/gu;
const REPEATS = /(\p{L})\1{2,}/gu;
const NUMBER_UNIT = /(\d)([a-z]+)/g;
// Lower-case words, single spaces, no digits (PLAIN_WORDS), and no letter repeated three times (hasTriple). Two tests,
// the words first: one pattern with a lookahead for the triple scanned every message to its end before its first
// character (a capital, most messages) failed it.
const PLAIN_WORDS = /^[a-z]+(?: [a-z]+)*$/;
// Printable ASCII, tabs and line breaks: most messages. Their CONTROL characters are the last three, the members of
// SEPARATORS' complement (\p{L}, \p{N}) the letters and digits.
const ASCII = /^[\t\n\r -~]*$/;
// Any code unit beyond ASCII (surrogates included).
const NON_ASCII = /[\u0080-\uffff]/;
const ASCII_REPEATS = /([a-z])\1{2,}/g;
const ASCII_SEPARATORS = /[^a-z0-9'.]+/g;
// A character the separators' pass changes: anything but a-z, digits, apostrophes, dots and spaces, or two spaces.
const ASCII_OTHER = /[^a-z0-9'. ]| {2}/;

/** Lower-cased, accent-free, punctuation-free text with single spaces. Repeated letters are cut to two ("sooo" -> "soo"). */
export function normalizeText(input: string): string {
  // Fast path for text that is already plain (most knowledge and lexicon phrases): nothing to change.
  if (PLAIN_WORDS.test(input) && !hasTriple(input)) return input;
  let text: string;
  const ascii = ASCII.test(input);
  if (ascii) {
    // Most messages: no Unicode to compose, decompose or strip, so the same steps with ASCII classes, much faster.
    // Tabs and line breaks are separators like any other, and the backtick is the only ASCII apostrophe: one pass
    // fewer over every message (ADR 33).
    text = input.toLowerCase();
    if (text.includes("`")) text = text.replace(APOSTROPHES, "'");
    // Only letters, digits, apostrophes, dots and single spaces: the separators' pass would give the same text back.
    if (ASCII_OTHER.test(text)) text = text.replace(ASCII_SEPARATORS, " ");
  } else {
    text = input.normalize("NFKC").replace(FORMAT, "").replace(CONTROL, " ");
    text = text.normalize("NFD").replace(MARKS, "").toLowerCase();
    text = text.replace(APOSTROPHES, "'").replace(SEPARATORS, " ");
  }
  // A dot is kept only between digits ("1.5"); elsewhere it ends a sentence.
  if (text.includes(".")) text = text.replace(/(?<!\d)\.|\.(?!\d)/g, " ");
  if (text.includes("'")) text = text.replace(/(^|\s)'+|'+(?=\s|$)/g, " ");
  // ASCII text is down to a-z, digits, apostrophes, dots and spaces here: its letters are a-z. (Most has no letter
  // three times over and no digit right before a letter: a loop over its code units says so, where each pattern tried
  // every position, ADR 86.)
  if (!ascii) text = text.replace(REPEATS, "$1$1");
  else if (hasTriple(text)) text = text.replace(ASCII_REPEATS, "$1$1");
  if (hasDigitThenLetter(text)) text = text.replace(NUMBER_UNIT, "$1 $2");
  // Every separator is a space by now: only runs of them are left to join (most texts have none; ADR 60).
  if (text.includes("  ")) text = text.replace(/\s+/g, " ");
  return text.trim();
}

/** Some letter a-z stands three times in a row (what ASCII_REPEATS finds). */
function hasTriple(text: string): boolean {
  for (let i = 2; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 97 && c <= 122 && c === text.charCodeAt(i - 1) && c === text.charCodeAt(i - 2)) return true;
  }
  return false;
}

/** Some digit 0-9 stands right before a letter a-z (where {@link NUMBER_UNIT} matches). */
function hasDigitThenLetter(text: string): boolean {
  for (let i = 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 97 && c <= 122) {
      const before = text.charCodeAt(i - 1);
      if (before >= 48 && before <= 57) return true;
    }
  }
  return false;
}

/**
 * Printable ASCII text, with tabs and line breaks (what normalisation's ASCII path takes). Cut at the marks . ! ? , ;
 * such a text whose only piece with a letter or digit is `piece` normalises to the words of that piece: the marks and
 * the other pieces become spaces (their apostrophes then stand alone and go), and no dot stands between two digits,
 * which would be in two pieces that both have one. A reading of that piece can take the whole text's words (ADR 86).
 */
export function isAscii(text: string): boolean {
  return ASCII.test(text);
}

/** `text` to match literally inside a regular expression built at run time (data phrases, ids). */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** `words` stand in `tokens` from `at` on (a loop: it runs on every word of every message; ADR 60). */
export function wordsAt(tokens: readonly string[], at: number, words: readonly string[]): boolean {
  for (let k = 0; k < words.length; k++) if (tokens[at + k] !== words[k]) return false;
  return true;
}

/** Splits normalised text into tokens. */
export function tokenize(normalized: string): string[] {
  return normalized.length === 0 ? [] : normalized.split(" ");
}

/**
 * A light suffix stemmer, applied to knowledge and messages alike so that "cramps", "cramping" and "cramped" meet.
 * Irregular forms ("calves", "dehydrated") are mapped by the lexicon's synonyms instead.
 */
export function stem(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  if (word.endsWith("'s")) return stem(word.slice(0, -2));
  if (word.endsWith("ies") && word.length > 4) return `${word.slice(0, -3)}y`;
  if (word.endsWith("sses")) return word.slice(0, -2);
  if (word.endsWith("ing") && word.length >= 6) return undouble(word.slice(0, -3));
  if (word.endsWith("ed") && word.length >= 5 && !word.endsWith("eed")) return undouble(word.slice(0, -2));
  if (word.endsWith("s") && !/(ss|us|is|ys)$/.test(word)) return word.slice(0, -1);
  return word;
}

function undouble(word: string): string {
  const last = word.at(-1);
  if (word.length > 3 && last !== undefined && last === word.at(-2) && !"lsz".includes(last)) {
    return word.slice(0, -1);
  }
  return word;
}

/** True when the text has at least one letter or digit. */
export function hasReadableContent(text: string): boolean {
  return /[\p{L}\p{N}]/u.test(text);
}

/** Share of letters that are not Latin script (0..1); used to tell another language from English. */
export function nonLatinShare(text: string): number {
  // ASCII letters are all Latin (most messages): no need to test each character.
  if (!NON_ASCII.test(text)) return 0;
  let letters = 0;
  let nonLatin = 0;
  for (const ch of text) {
    if (/\p{L}/u.test(ch)) {
      letters++;
      if (!/\p{Script=Latin}/u.test(ch)) nonLatin++;
    }
  }
  return letters === 0 ? 0 : nonLatin / letters;
}

/** Bounded Damerau-Levenshtein distance; returns max + 1 as soon as the distance must exceed max. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array(rows * cols).fill(0);
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    let rowMin = Number.POSITIVE_INFINITY;
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(
        (d[(i - 1) * cols + j] ?? 0) + 1,
        (d[i * cols + j - 1] ?? 0) + 1,
        (d[(i - 1) * cols + j - 1] ?? 0) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        v = Math.min(v, (d[(i - 2) * cols + j - 2] ?? 0) + 1);
      }
      d[i * cols + j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
  }
  return d[rows * cols - 1] ?? max + 1;
}
