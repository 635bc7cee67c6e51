/**
 * Role: a set of words read from the precomputed engine data's word list (outer ring; ADR 27) — one string, a word a
 * line — that answers `has` exactly as `new Set(text.split("\n"))` would, without building that set until it pays.
 * Splitting and hashing the 36,000 English words took about a tenth of `crampbot ask`'s start, which then looks up
 * a handful of them. The first lookups search the text itself; after {@link SCAN_LOOKUPS} the set is built, so a
 * running bot looks words up in a `Set` as before.
 */

/**
 * Lookups answered by searching the text (about 0.1 ms each over the full list) before the set is built (about
 * 25 ms at start-up): one message looks up at most a few dozen words.
 */
export const SCAN_LOOKUPS = 64;

export class WordList implements ReadonlySet<string> {
  /** The text between newlines, so that a word is found only whole: "\nword\n". */
  private readonly padded: string;
  private built: Set<string> | null = null;
  private lookups = 0;

  /** @param text the words, one per line (as `split("\n")` reads them: an empty line is the empty word). */
  constructor(private readonly text: string) {
    this.padded = `\n${text}\n`;
  }

  has(word: string): boolean {
    if (this.built !== null) return this.built.has(word);
    if (++this.lookups > SCAN_LOOKUPS) return this.set().has(word);
    // A word holding a newline is never one line of the text.
    return !word.includes("\n") && this.padded.includes(`\n${word}\n`);
  }

  get size(): number {
    return this.set().size;
  }

  forEach(callback: (value: string, key: string, set: ReadonlySet<string>) => void, thisArg?: unknown): void {
    for (const word of this.set()) callback.call(thisArg, word, word, this);
  }

  entries(): SetIterator<[string, string]> {
    return this.set().entries();
  }

  keys(): SetIterator<string> {
    return this.set().keys();
  }

  values(): SetIterator<string> {
    return this.set().values();
  }

  [Symbol.iterator](): SetIterator<string> {
    return this.set()[Symbol.iterator]();
  }

  private set(): Set<string> {
    this.built ??= new Set(this.text.split("\n"));
    return this.built;
  }
}

/**
 * The words of the first `count` lines of a word list's text (all of it when it has no more), as `new
 * Set(text.split("\n").slice(0, count))` holds them.
 */
export function firstWords(text: string, count: number): ReadonlySet<string> {
  return count <= 0 ? new Set() : new WordList(firstLines(text, count));
}

/** The first `count` lines (count at least 1) of a word list's text, all of it when it has no more. */
function firstLines(text: string, count: number): string {
  let end = -1;
  for (let i = 0; i < count; i++) {
    end = text.indexOf("\n", end + 1);
    if (end === -1) return text;
  }
  return text.slice(0, end);
}
