/**
 * Role: a set of words read from the precomputed engine data's word list (outer ring; ADR 27) — one string, a word a
 * line — that answers `has` exactly as `new Set(text.split("\n"))` would, without building that set. Splitting and
 * hashing the 36,000 English words took about a tenth of `crampbot ask`'s start, which then looks up a handful of
 * them: the first lookups search the text itself. After {@link SCAN_LOOKUPS} a running bot looks words up in an open
 * hash table of the lines' offsets into that one text (ADR 40): a `Set` of the lines held 36,000 strings and a 2 MB
 * table, the largest single part of the engine's resident heap; the offsets take 0.4 MB and the text is kept anyway.
 * Iterating (nothing on the engine's path does) still builds the `Set`.
 */
/**
 * Lookups answered by searching the text (about 0.1 ms each over the full list) before the set is built (about
 * 25 ms at start-up): one message looks up at most a few dozen words.
 */
export const SCAN_LOOKUPS = 64;

export class WordList implements ReadonlySet<string> {
  /** The text between newlines, so that a word is found only whole: "\nword\n" (let go once the table is built). */
  private padded: string;
  private table: LineTable | null = null;
  private built: Set<string> | null = null;
  private lookups = 0;

  /** @param text the words, one per line (as `split("\n")` reads them: an empty line is the empty word). */
  constructor(private readonly text: string) {
    this.padded = `\n${text}\n`;
  }

  has(word: string): boolean {
    if (this.table !== null) return this.table.has(word);
    // A word holding a newline is never one line of the text.
    if (++this.lookups <= SCAN_LOOKUPS) return !word.includes("\n") && this.padded.includes(`\n${word}\n`);
    this.table = new LineTable(this.text);
    this.padded = "";
    return this.table.has(word);
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

/** Multiplier of the FNV-1a hash (32 bits). */
const FNV_PRIME = 0x01000193;
/** Start value of the FNV-1a hash (32 bits). */
const FNV_OFFSET = 0x811c9dc5 | 0;

/** FNV-1a over the UTF-16 code units of `text` from `start` to `end`. */
function hashOf(text: string, start: number, end: number): number {
  let h = FNV_OFFSET;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  return h;
}

/**
 * The lines of one text, found by an open-addressing hash table of where each starts (linear probing, at most half
 * full): a lookup hashes the word and compares it in place with the lines in its slot's run, so no string is made
 * per line. A line that occurs twice is filed once, as a set holds it once.
 */
class LineTable {
  /** Offset of line k's first character; line k ends where line k + 1 starts, less its newline. */
  private readonly starts: Int32Array;
  /** Line index + 1 in each slot, 0 for an empty slot. */
  private readonly slots: Int32Array;
  private readonly mask: number;

  constructor(private readonly text: string) {
    let lines = 1;
    for (let at = text.indexOf("\n"); at !== -1; at = text.indexOf("\n", at + 1)) lines++;
    this.starts = new Int32Array(lines + 1);
    for (let k = 1, at = text.indexOf("\n"); at !== -1; k++, at = text.indexOf("\n", at + 1))
      this.starts[k] = at + 1;
    // A sentinel past the end, as if the text ended in a newline.
    this.starts[lines] = text.length + 1;
    let size = 2;
    while (size < 2 * lines) size *= 2;
    this.slots = new Int32Array(size);
    this.mask = size - 1;
    for (let k = 0; k < lines; k++) {
      const start = this.starts[k] ?? 0;
      const end = (this.starts[k + 1] ?? 0) - 1;
      let slot = hashOf(text, start, end) & this.mask;
      for (;;) {
        const held = this.slots[slot] ?? 0;
        if (held === 0) {
          this.slots[slot] = k + 1;
          break;
        }
        if (this.lineIs(held - 1, text.slice(start, end))) break;
        slot = (slot + 1) & this.mask;
      }
    }
  }

  has(word: string): boolean {
    let slot = hashOf(word, 0, word.length) & this.mask;
    for (;;) {
      const held = this.slots[slot] ?? 0;
      if (held === 0) return false;
      if (this.lineIs(held - 1, word)) return true;
      slot = (slot + 1) & this.mask;
    }
  }

  /** Whether line `k` is exactly `word` (a word holding a newline is no line: the lengths differ or the text does). */
  private lineIs(k: number, word: string): boolean {
    const start = this.starts[k] ?? 0;
    return (this.starts[k + 1] ?? 0) - 1 - start === word.length && this.text.startsWith(word, start);
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
