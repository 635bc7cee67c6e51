/**
 * Role: a lexicon's lookups of trusted texts (their stems, or their terms), recorded while the engine data is built and
 * replayed at start-up (ADR 87). An engine's constructor asks for the same texts in the same order every time it is
 * built over the same data, so the record is the calls in that order: each call's text and what it gave, or, for a
 * text asked for again, which call it repeats. A start then finds each call where the build made it, by comparing one
 * text, instead of hashing 12,000 texts into maps and each looked-up text again: the maps took about a quarter of
 * reading the engine data. A call out of that order (code changed since, or a caller of its own) is looked up by its
 * text, in a map made at the first such call: the record gives what it holds whatever the order.
 */

/** A record of lookups as the engine data carries it (plain arrays, for JSON). */
export interface RecordedCalls {
  /** Each call's text, in order; "" for a call that repeats an earlier one. */
  texts: string[];
  /** Each call's result, or, for a repeat, the index of the call it repeats. */
  values: (string[] | number)[];
}

export class TextLookups {
  private readonly texts: string[];
  private readonly values: (readonly string[] | number)[];
  /** The next call in the record's order. */
  private next = 0;
  /** Every recorded text's result, made at the first call out of order; null until then. */
  private byText: Map<string, readonly string[]> | null = null;
  /** While recording: each text's first call. Null when replaying. */
  private readonly firstCalls: Map<string, number> | null;

  /** Replays `calls` (none: an empty record, which finds nothing). */
  constructor(calls?: RecordedCalls, recording = false) {
    this.texts = calls?.texts ?? [];
    this.values = calls?.values ?? [];
    this.firstCalls = recording ? new Map() : null;
  }

  /** An empty record that writes down every call made of it (see {@link add}). */
  static recording(): TextLookups {
    return new TextLookups(undefined, true);
  }

  /**
   * What the record holds for `text` (the array itself: callers copy it), or undefined. While recording, a text asked
   * for before is a call of its own, written down as repeating the first.
   */
  get(text: string): readonly string[] | undefined {
    const firstCalls = this.firstCalls;
    if (firstCalls !== null) {
      const first = firstCalls.get(text);
      if (first === undefined) return undefined;
      this.texts.push("");
      this.values.push(first);
      return this.values[first] as readonly string[];
    }
    const k = this.next;
    if (k < this.texts.length) {
      const value = this.values[k];
      const first = typeof value === "number" ? value : k;
      if (this.texts[first] === text) {
        this.next = k + 1;
        return this.values[first] as readonly string[];
      }
    }
    return this.outOfOrder(text);
  }

  /** While recording, the first call for `text`, which gave `value` (a copy is kept). Replaying: nothing. */
  add(text: string, value: readonly string[]): void {
    const firstCalls = this.firstCalls;
    if (firstCalls === null || firstCalls.has(text)) return;
    firstCalls.set(text, this.texts.length);
    this.texts.push(text);
    this.values.push(value.slice());
  }

  /** The calls as recorded, for the engine data. */
  calls(): RecordedCalls {
    return { texts: [...this.texts], values: this.values.map((v) => (typeof v === "number" ? v : [...v])) };
  }

  /** How many texts the record holds (each once). */
  get size(): number {
    return this.values.filter((v) => typeof v !== "number").length;
  }

  /** How replaying went so far: the calls found in the record's order, of all recorded, and whether one was not. */
  replayed(): { inOrder: number; recorded: number; outOfOrder: boolean } {
    return { inOrder: this.next, recorded: this.texts.length, outOfOrder: this.byText !== null };
  }

  private outOfOrder(text: string): readonly string[] | undefined {
    if (this.byText === null) {
      this.byText = new Map();
      this.values.forEach((value, k) => {
        if (typeof value !== "number") this.byText?.set(this.texts[k] ?? "", value);
      });
    }
    return this.byText.get(text);
  }
}
