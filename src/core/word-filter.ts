/**
 * Role: telling cheaply that a word is not among a set of words (ADR 86). The phrase tables and the question kinds'
 * trie look every word of a message up in maps of the words their phrases start with, and in the maps of a trie
 * node's next words: most of those words are not there, and a lookup in one of those maps (each far from the others
 * in memory) cost several times a few bit tests. A filter never says no to a word it was given, so a word it passes
 * is looked up as before and what is found never changes.
 */

/** A filter has at least this many bits, and about this many a word. */
const MIN_BITS = 64;
const BITS_PER_WORD = 16;
/** ...and at most this many (8 kB): its second bit is read from the hash's upper half. */
const MAX_BITS = 1 << 16;
const SECOND = 16;

/**
 * A cheap hash of a word: its length and its first, middle and last code units, mixed. Any function of the word would
 * do (the filters never miss a word given); this one reads four numbers of it.
 */
export function wordHash(word: string): number {
  const n = word.length;
  if (n === 0) return 0;
  const h =
    Math.imul(word.charCodeAt(0) ^ (n << 8), 0x9e3779b1) ^
    Math.imul(word.charCodeAt(n >> 1) ^ (word.charCodeAt(n - 1) << 12), 0x85ebca6b);
  return h ^ (h >>> 13);
}

/**
 * A word's bit among a trie node's marks: one of bits 1 to 29 (bit 0 is left to the node's own flag; a small integer
 * on every platform). A node's marks hold the bits of the words that lead on from it.
 */
export function wordBit(word: string): number {
  return 2 << ((wordHash(word) >>> 0) % 29);
}

/** A Bloom filter of words, two bits a word, grown to about 16 bits a word as words are added. */
export class WordFilter {
  private bits = new Int32Array(MIN_BITS / 32);
  private mask = MIN_BITS - 1;

  /** False only when `word` was never added. */
  mayHave(word: string): boolean {
    const h = wordHash(word);
    const bits = this.bits;
    const one = h & this.mask;
    const two = (h >>> SECOND) & this.mask;
    return (
      ((bits[one >>> 5] as number) & (1 << (one & 31))) !== 0 &&
      ((bits[two >>> 5] as number) & (1 << (two & 31))) !== 0
    );
  }

  /**
   * Adds a word, the `count`th distinct one its owner keeps; `every` gives all of them (this one too), to fill the
   * filter again when it grows.
   */
  add(word: string, count: number, every: () => Iterable<string>): void {
    const size = this.mask + 1;
    if (count * BITS_PER_WORD <= size || size >= MAX_BITS) {
      this.set(word);
      return;
    }
    let grown = size;
    while (count * BITS_PER_WORD > grown && grown < MAX_BITS) grown *= 2;
    this.bits = new Int32Array(grown / 32);
    this.mask = grown - 1;
    for (const each of every()) this.set(each);
  }

  private set(word: string): void {
    const h = wordHash(word);
    const one = h & this.mask;
    const two = (h >>> SECOND) & this.mask;
    this.bits[one >>> 5] = (this.bits[one >>> 5] as number) | (1 << (one & 31));
    this.bits[two >>> 5] = (this.bits[two >>> 5] as number) | (1 << (two & 31));
  }
}
