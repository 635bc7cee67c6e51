/**
 * Role: the lexicon — turns a message into canonical terms. Normalises, expands contractions, stems, corrects
 * misspellings against the known vocabulary and replaces synonyms and phrases with the canonical word the knowledge
 * base uses. Built and frozen in one call: the vocabulary (the lexicon's own lists plus every text the bot knows) is
 * given to the constructor, and never changes after.
 */
import { editDistance, isAscii, normalizeText, stem, tokenize, wordsAt } from "./normalize.js";
import { Numbers } from "./numbers.js";
import type { RedFlagTables } from "./red-flag-tables.js";
import type { LexiconData } from "./schemas/lexicon.js";
import type { TextLookups } from "./text-lookups.js";
import { WordFilter, wordBit } from "./word-filter.js";

export type { LexiconData };

/** The canonical term every out-of-scope topic is replaced with. */
export const OUT_OF_SCOPE = "<out-of-scope>";

/** A message after the lexicon: canonical terms plus what was not understood. */
export interface Analysis {
  /** Canonical terms, in order; a phrase synonym becomes one term ("side effect"). */
  terms: string[];
  /** Stemmed, spelling-corrected tokens before synonyms were applied. */
  stems: string[];
  /** The tokens as written (normalised, contractions expanded), one per stem: to name what a message asks about. */
  tokens: string[];
  /** For each term, the index in `stems` where it starts (so positions can be compared across both). */
  termStarts: number[];
  /** Tokens that are neither English words nor known to the bot (typos, other languages, gibberish). */
  nonEnglishCount: number;
  /** Stemmed tokens that were neither known nor correctable (possible out-of-scope words). */
  unknown: string[];
  /** How many tokens the message had after normalisation. */
  tokenCount: number;
  /** Tokens that are function words of another language. */
  foreignCount: number;
}

/**
 * A node of a phrase table's trie: one word further into some phrase. Most nodes lead on by one word only (a phrase's
 * tail): such a node holds that word and its node itself, and a Map only once a second word leads on from it, since a
 * Map costs about 200 bytes and the red-flag tables alone have some 9,000 such nodes (ADR 67).
 */
export interface PhraseNode<V> {
  /** The value of the phrase that ends here, if one does. */
  value: V | undefined;
  /**
   * Bit {@link PREFIX}: some phrase goes on from here (it has a term boundary here and more terms after it). The
   * other bits are the words that lead on from here, one bit a word by word-filter.ts `wordBit`: a word whose bit is clear leads
   * nowhere, so a node with a map is not looked up for it. About four in five of the words a walk asks of such a node
   * lead nowhere, and a lookup in one of these maps, each far from the others in memory, cost several times the test
   * (ADR 86). Kept in the flag's own field: a field more on each of some 49,000 nodes would cost 0.4 MB.
   */
  marks: number;
  /** The nodes one word further, by word, when two or more words lead on from here. */
  next: Map<string, PhraseNode<V>> | undefined;
  /** The one word that leads on from here (with `only`), while `next` is undefined. */
  word: string | undefined;
  only: PhraseNode<V> | undefined;
}

function emptyNode<V>(): PhraseNode<V> {
  return { value: undefined, marks: 0, next: undefined, word: undefined, only: undefined };
}

/** The bit of {@link PhraseNode.marks} that says a phrase goes on from the node. */
const PREFIX = 1;

/** The node `word` leads to from `at`, or undefined. */
function nextOf<V>(at: PhraseNode<V>, word: string): PhraseNode<V> | undefined {
  const next = at.next;
  if (next !== undefined) return (at.marks & wordBit(word)) === 0 ? undefined : next.get(word);
  return at.word === word ? at.only : undefined;
}

/**
 * Maps token sequences (joined with spaces) to a value; finds the longest match at each position. The phrases are
 * kept as a trie of their words (a term holding a space, "side effect", is its words), so matching walks the message's
 * own strings instead of building and hashing a joined key per length (the hot path, ADR 16); it finds what looking
 * up the joined keys finds.
 */
export class PhraseTable<V> {
  /** How many distinct phrases (joined keys) were set. */
  private count = 0;
  /** Nodes a phrase was set at with the value undefined (none in practice): they count, as a Map's keys would. */
  private unset: Set<PhraseNode<V>> | undefined;
  /**
   * The node each phrase's first term leads to, by that term: most message words start no phrase and are skipped at
   * once, and one that does is stepped over in the same lookup (the hot path; ADR 26).
   */
  private readonly firstWords = new Map<string, PhraseNode<V>>();
  /**
   * {@link firstWords}' keys, to tell a word that starts no phrase without the map (word-filter.ts): a message meets
   * some 80 tables and walks each of them over its words, and about five in six of those words start no phrase of
   * the table (ADR 86).
   */
  private readonly filter = new WordFilter();
  private readonly root: PhraseNode<V> = emptyNode();
  private longest = 1;

  set(terms: readonly string[], value: V): void {
    const first = terms[0];
    if (first === undefined) return;
    let node = this.root;
    for (let i = 0; i < terms.length; i++) {
      const term = terms[i] ?? "";
      if (term.includes(" ")) for (const word of term.split(" ")) node = child(node, word);
      else node = child(node, term);
      if (i < terms.length - 1) node.marks |= PREFIX;
      // The same node whichever phrase set it: a trie's node for a path is made once (child()).
      if (i === 0 && !this.firstWords.has(first)) {
        this.firstWords.set(first, node);
        this.filter.add(first, this.firstWords.size, () => this.firstWords.keys());
      }
    }
    if (node.value === undefined && this.unset?.has(node) !== true) this.count++;
    if (value === undefined) {
      this.unset ??= new Set();
      this.unset.add(node);
    }
    node.value = value;
    this.longest = Math.max(this.longest, terms.length);
  }

  /**
   * The value stored for exactly this phrase. A phrase's path in the trie is its joined key split at the spaces (what
   * a map of joined keys held, ADR 40), so walking it finds what looking that key up found: `[]` is the key "", whose
   * path is `[""]`.
   */
  matchExact(terms: readonly string[]): V | undefined {
    if (terms.length === 0) return nextOf(this.root, "")?.value;
    let node: PhraseNode<V> | undefined = this.root;
    for (let i = 0; node !== undefined && i < terms.length; i++) node = step(node, terms[i] ?? "");
    return node?.value;
  }

  /** The term may start a phrase: false only when none starts with it (see {@link filter}). */
  private mayStart(term: string): boolean {
    return this.filter.mayHave(term);
  }

  /** How many phrases the table holds. */
  get size(): number {
    return this.count;
  }

  /** The most terms a phrase set so far holds. */
  get longestPhrase(): number {
    return this.longest;
  }

  /**
   * The node a phrase's first term leads to, where a match starts (see {@link firstWords}); undefined when no phrase
   * starts with that term. For a table filled a part at a time (red-flag-tables.ts), which keeps these itself.
   */
  firstNode(term: string): PhraseNode<V> | undefined {
    return this.firstWords.get(term);
  }

  /** Longest phrase starting at `start`: its value and length, or undefined. */
  matchAt(terms: readonly string[], start: number): { value: V; length: number } | undefined {
    const first = terms[start] ?? "";
    if (!this.mayStart(first)) return undefined;
    let node: PhraseNode<V> | undefined = this.firstWords.get(first);
    if (node === undefined) return undefined;
    let found: { value: V; length: number } | undefined;
    const max = Math.min(this.longest, terms.length - start);
    for (let length = 1; length <= max; length++) {
      if (length > 1) node = node === undefined ? undefined : step(node, `${terms[start + length - 1]}`);
      const value = node?.value;
      if (value !== undefined) found = { value, length };
      if (node === undefined || (node.marks & PREFIX) === 0) break;
    }
    return found;
  }

  /** Every match at every position, overlapping ones included. */
  everyMatch(terms: readonly string[]): { value: V; start: number; length: number }[] {
    const found: { value: V; start: number; length: number }[] = [];
    const firstWords = this.firstWords;
    for (let start = 0; start < terms.length; start++) {
      const first = terms[start] as string;
      let node: PhraseNode<V> | undefined = this.mayStart(first) ? firstWords.get(first) : undefined;
      const max = Math.min(this.longest, terms.length - start);
      // The walk of matchAt: one node further per term while a phrase goes on from here (the hot path, ADR 26).
      for (let length = 1; node !== undefined; length++) {
        const value = node.value;
        if (value !== undefined) found.push({ value, start, length });
        if ((node.marks & PREFIX) === 0 || length >= max) break;
        node = step(node, terms[start + length] as string);
      }
    }
    return found;
  }

  /** Every non-overlapping longest match, left to right. */
  findAll(terms: readonly string[]): { value: V; start: number; length: number }[] {
    const found: { value: V; start: number; length: number }[] = [];
    const firstWords = this.firstWords;
    // matchAt's walk, inline: no object per phrase found besides the one returned (the hot path, ADR 33).
    for (let i = 0; i < terms.length; ) {
      const first = terms[i] as string;
      let node: PhraseNode<V> | undefined = this.mayStart(first) ? firstWords.get(first) : undefined;
      let value: V | undefined;
      let length = 0;
      const max = Math.min(this.longest, terms.length - i);
      for (let n = 1; node !== undefined; n++) {
        if (node.value !== undefined) {
          value = node.value;
          length = n;
        }
        if ((node.marks & PREFIX) === 0 || n >= max) break;
        node = step(node, terms[i + n] as string);
      }
      if (value !== undefined) {
        found.push({ value, length, start: i });
        i += length;
      } else {
        i++;
      }
    }
    return found;
  }
}

/** The node one word further from `node`, made when missing (while a table is built). */
function child<V>(at: PhraseNode<V>, word: string): PhraseNode<V> {
  const found = nextOf(at, word);
  if (found !== undefined) return found;
  const made = emptyNode<V>();
  // Every word that leads on from a node has its bit set, whichever form the node keeps its children in.
  at.marks |= wordBit(word);
  if (at.next !== undefined) at.next.set(word, made);
  else if (at.only === undefined) {
    at.word = word;
    at.only = made;
  } else {
    at.next = new Map([[at.word ?? "", at.only]]);
    at.next.set(word, made);
    at.word = undefined;
    at.only = undefined;
  }
  return made;
}

/** Some phrase goes on from `node` (it has a term boundary there and more terms after it). */
export function goesOn<V>(node: PhraseNode<V>): boolean {
  return (node.marks & PREFIX) !== 0;
}

/** The node a term leads to from `node` (a term with spaces in it is its words, as in a joined key), or undefined. */
export function step<V>(node: PhraseNode<V>, term: string): PhraseNode<V> | undefined {
  if (!term.includes(" ")) return nextOf(node, term);
  let at: PhraseNode<V> | undefined = node;
  for (const word of term.split(" ")) {
    at = nextOf(at, word);
    if (at === undefined) return undefined;
  }
  return at;
}

const CORRECTION_CACHE_LIMIT = 5000;

/** One token of a message as the lexicon reads it. */
interface TokenReading {
  /** Its stem, spelling-corrected. */
  stem: string;
  /** A function word of another language. */
  foreign: boolean;
  /** Neither an English word nor known to the bot. */
  nonEnglish: boolean;
  /** Neither known nor correctable: a possible out-of-scope word. */
  unknown: boolean;
}

/**
 * The stems and terms of trusted texts (knowledge, intents), worked out when the engine data was precomputed
 * (src/node/artefact-build.ts): looking them up gives exactly what computing them gives, only without the cost at
 * start-up. Messages are never looked up: they are not trusted texts, and the maps never grow while the bot runs.
 */
export interface PreparedTexts {
  /**
   * Text → its stems, as {@link Lexicon.stems} gives them: its tokens after normalising and expanding contractions,
   * each stemmed. The stems rather than the tokens: a start stemmed some 27,000 tokens one by one. Recorded in the
   * order a start looks them up (text-lookups.ts; ADR 87).
   */
  stems: TextLookups;
  /** Text → its canonical terms, as {@link Lexicon.terms} gives them; likewise. */
  terms: TextLookups;
  /**
   * Word → its normalised form, for the lexicon's own words past ASCII (see {@link Lexicon.normalized}). Default: none,
   * normalised here.
   */
  normalized?: Map<string, string>;
  /** Fill the maps with every text worked out (only while the artefact is built). Default: false. */
  record?: boolean;
  /**
   * The red-flag rules' compiled phrase tables (red-flag-tables.ts, ADR 34): replayed instead of compiled; written
   * here while recording. Default: none, the rules are compiled.
   */
  redFlags?: RedFlagTables;
  /**
   * The words the lexicon knows, as reading its vocabulary texts found them (ADR 78): taken instead of reading those
   * texts again; written here while recording. Default: none, the texts are read.
   */
  vocabulary?: KnownWords;
  /**
   * The stems of the article's own words (reader.ts `articleVocabulary`), one a line, as the build worked them out
   * (ADR 78): taken instead of stemming the knowledge's texts again; written here while recording. Default: none.
   */
  articleStems?: string;
}

/**
 * A lexicon's known words as the engine data carries them: every word of its vocabulary texts in the order first met,
 * and the stem of each, one a line (a token never holds a newline): 3,240 words, where the texts they come from
 * have 25,751 tokens, the knowledge's answers among them (ADR 78).
 */
export interface KnownWords {
  words: string;
  stems: string;
}

/** A term that stands for this many words as written or more is a clause of its own ("what can I do" is "prevent"). */
export const CLAUSE_WORDS = 3;

export class Lexicon {
  readonly data: LexiconData;
  /** Amounts and durations, read with this lexicon's number words. */
  readonly numbers: Numbers;
  private readonly contractions = new Map<string, string[]>();
  /** Contractions expanded only where a clause opens, with the words after which one does. */
  private readonly clauseOpeners = new Map<string, Set<string>>();
  private readonly synonyms = new PhraseTable<string>();
  private readonly units = new Map<string, string>();
  private readonly vocabulary = new Set<string>();
  private readonly surface = new Set<string>();
  private readonly byFirstLetter = new Map<string, string[]>();
  private readonly corrections = new Map<string, string | null>();
  /**
   * How many words as written each term of an analysis stands for ("what can I actually do" is the one term "prevent"),
   * by the terms array's identity, while {@link sharing} runs: question kinds weigh a phrase by the words it covers
   * (ADR 32). Kept only for an analysis with a term of at least {@link CLAUSE_WORDS} words; a plain map dropped with
   * the message, not a WeakMap (whose entries every collection must visit).
   */
  private termWidths: Map<readonly string[], readonly number[]> | null = null;
  /** How each message word read, by token (names aside): see {@link reading}. */
  private readonly readings = new Map<string, TokenReading>();
  private readonly foreign = new Set<string>();
  private readonly dropped: Set<string>;
  /** Words never corrected (lexicon `keep`). */
  private readonly kept: Set<string>;
  /** Token sequences that introduce a place ("live in"), joined with spaces, by length. */
  private readonly placeBefore: string[][];
  /** Words that introduce a place only where a message opens ("in manchester??"; lexicon `place_opening`). */
  private readonly placeOpening: string[][];
  /**
   * The last words of {@link placeBefore}'s markers: a token whose word before is none of them follows no marker, and
   * the markers are not tried (most tokens of most messages). Null when a marker is empty (it follows every word).
   */
  private readonly placeEnds: Set<string> | null;
  /** The longest {@link placeOpening} marker: a token further in than that is opened by none. */
  private readonly longestOpening: number;
  /** Trusted texts worked out before; dropped by {@link forgetPrepared} once the engine is built. */
  private prepared: PreparedTexts | null;
  /** The analyses of the message being read, by text, while {@link sharing} runs; null between messages. */
  private shared: Map<string, Analysis> | null = null;
  /** The terms of the message's texts read as trusted phrases ({@link terms}), by text, likewise per message. */
  private sharedTerms: Map<string, readonly string[]> | null = null;
  /**
   * The tokens of the message's texts (normalised, contractions expanded), by text, likewise per message: a text is
   * analysed, read as a trusted phrase and counted into sentences by different readings (ADR 86).
   */
  private sharedTokens: Map<string, string[]> | null = null;
  /** Stems of the words of trusted phrases and of the message texts read like them, by word (bounded). */
  private readonly stemsByToken = new Map<string, string>();

  /**
   * @param englishWords real words that are never corrected (default: none, every unknown word may be corrected).
   * @param commonWords very frequent English words, never taken for the subject of a question (default: none).
   * @param vocabulary texts whose words are known besides the lexicon's own (knowledge, intents), in order: a
   *   spelling correction prefers, at equal distance, the word registered first; or a function giving them, called
   *   only when the known words are not in `prepared` (a start from the engine data never gathers them). Default: none.
   * @param prepared the trusted texts' tokens and terms, precomputed (or to record). Default: none, all computed.
   */
  constructor(
    data: LexiconData,
    private readonly englishWords: ReadonlySet<string> = new Set(),
    private readonly commonWords: ReadonlySet<string> = new Set(),
    vocabulary: readonly string[] | (() => readonly string[]) = [],
    prepared: PreparedTexts | null = null,
  ) {
    this.prepared = prepared;
    this.data = data;
    this.numbers = new Numbers(data.numbers);
    this.dropped = new Set(data.drop.map((w) => this.normalized(w)));
    this.kept = new Set((data.keep ?? []).map((w) => this.normalized(w)));
    this.placeBefore = (data.place_before ?? []).map((w) => tokenize(this.normalized(w)));
    this.placeOpening = (data.place_opening ?? []).map((w) => tokenize(this.normalized(w)));
    this.placeEnds = this.placeBefore.every((m) => m.length > 0)
      ? new Set(this.placeBefore.map((m) => m[m.length - 1] ?? ""))
      : null;
    this.longestOpening = Math.max(0, ...this.placeOpening.map((m) => m.length));
    for (const [from, to] of Object.entries(data.contractions)) {
      this.contractions.set(this.normalized(from).replace(/ /g, ""), tokenize(this.normalized(to)));
    }
    for (const [from, openers] of Object.entries(data.contractions_where_clause_opens ?? {}))
      this.clauseOpeners.set(this.normalized(from), new Set(openers.map((w) => this.normalized(w))));
    for (const [unit, canonical] of Object.entries(data.units)) this.units.set(unit, canonical);
    for (const [canonical, variants] of Object.entries(data.synonyms)) {
      for (const variant of [canonical, ...variants]) this.synonyms.set(this.stems(variant), canonical);
    }
    for (const term of data.out_of_scope) this.synonyms.set(this.stems(term), OUT_OF_SCOPE);
    for (const word of data.foreign) this.foreign.add(this.normalized(word));
    const lists = [
      ...Object.values(data.synonyms),
      Object.keys(data.synonyms),
      ...Object.values(data.facets),
      ...Object.values(data.weak_facets),
      data.followups.more,
      data.followups.next,
      data.followups.affirm,
      data.followups.resume,
      data.followups.switch,
      data.filler,
      data.neutral,
      data.foreign,
      data.out_of_scope,
      Object.keys(data.units),
    ];
    const known = prepared?.vocabulary;
    if (known !== undefined) this.addKnown(known);
    else {
      for (const list of lists) this.addVocabulary(list.join(" "));
      for (const text of typeof vocabulary === "function" ? vocabulary() : vocabulary)
        this.addVocabulary(text);
      const recorded = prepared?.record ? this.known() : undefined;
      if (prepared && recorded) prepared.vocabulary = recorded;
    }
  }

  /** The known words, to record (see {@link KnownWords}); undefined when a word holds a newline (none does). */
  private known(): KnownWords | undefined {
    const words = [...this.surface];
    if (words.some((w) => w === "" || w.includes("\n"))) return undefined;
    return { words: words.join("\n"), stems: words.map(stem).join("\n") };
  }

  /**
   * Registers recorded words as {@link addVocabulary} registered them from the texts: the same sets, the first
   * letters' buckets in the same order (a correction at equal distance takes the first word of the first bucket).
   */
  private addKnown(known: KnownWords): void {
    for (const word of known.stems.split("\n")) this.vocabulary.add(word);
    for (const token of known.words.split("\n")) {
      this.surface.add(token);
      const first = token[0] ?? "";
      const bucket = this.byFirstLetter.get(first);
      if (bucket) bucket.push(token);
      else this.byFirstLetter.set(first, [token]);
    }
  }

  /** Registers the words of a text as known; only while the constructor builds the lexicon. */
  private addVocabulary(text: string): void {
    for (const token of this.tokensOf(text)) {
      if (/\d/.test(token)) continue;
      // A word seen before has its stem in the vocabulary already (most words of the knowledge texts are repeats).
      if (this.surface.has(token)) continue;
      this.vocabulary.add(stem(token));
      // Corrections are made on whole words: a stem of a misspelling ("stres" -> "stre") is misleading.
      this.surface.add(token);
      const first = token[0] ?? "";
      const bucket = this.byFirstLetter.get(first);
      if (bucket) bucket.push(token);
      else this.byFirstLetter.set(first, [token]);
    }
  }

  isKnown(word: string): boolean {
    return this.vocabulary.has(word);
  }

  /** Canonical terms of a trusted phrase (knowledge keywords, intent examples): no spelling correction. */
  terms(text: string): string[] {
    const prepared = this.prepared;
    const known = prepared?.terms.get(text) ?? this.sharedTerms?.get(text);
    if (known !== undefined) return known.slice();
    // Its stems are not recorded for it: a start finds the terms themselves, and never looks those stems up (they were
    // 3,147 of the engine data's 10,962 texts; ADR 87).
    const terms = this.replaceSynonyms(this.stemsOf(this.tokensOf(text)));
    if (prepared?.record) prepared.terms.add(text, terms);
    // A message's own texts are read this way too (its closing clause, its content words), several times a message
    // by different readings (ADR 26's reason; ADR 85).
    this.sharedTerms?.set(text, [...terms]);
    return terms;
  }

  /**
   * One of the lexicon's own words normalised, looked up when precomputed: the words past ASCII (other languages'
   * function words, "qué") take normalisation's Unicode path, whose first use loads ICU's normalisation data and
   * compiles its character classes, 2-6 ms of a start whose message is ASCII (ADR 87). Recorded only for those.
   */
  private normalized(word: string): string {
    const prepared = this.prepared;
    const known = prepared?.normalized?.get(word);
    if (known !== undefined) return known;
    const normal = normalizeText(word);
    if (prepared?.record && !isAscii(word)) {
      prepared.normalized ??= new Map();
      prepared.normalized.set(word, normal);
    }
    return normal;
  }

  /** Drops the precomputed texts: the engine is built, and messages are never looked up in them. */
  forgetPrepared(): void {
    this.prepared = null;
  }

  /**
   * Runs `read` with one analysis per distinct text. The reader analyses a story's parts several times over (the
   * whole text, its asking sentence, the scope and ruled-out clauses, each asked for by more than one reading), and an
   * analysis depends on nothing but its text, so the second ask gets the first's result (ADR 26). The analyses are
   * kept for this one call only: nothing grows between messages, and a message never meets another's. Callers must
   * not change an analysis they are given (none does: they are read, as they always were).
   */
  sharing<T>(read: () => T): T {
    if (this.shared !== null) return read();
    this.shared = new Map();
    this.sharedTerms = new Map();
    this.sharedTokens = new Map();
    this.termWidths = new Map();
    try {
      return read();
    } finally {
      this.shared = null;
      this.sharedTerms = null;
      this.sharedTokens = null;
      this.termWidths = null;
    }
  }

  /**
   * How many words as written each of an analysis's terms stands for (see {@link termWidths}); undefined when each
   * counts as one: no term of a clause, terms that came from elsewhere (a trusted phrase's), or outside {@link sharing}.
   */
  widths(terms: readonly string[]): readonly number[] | undefined {
    return this.termWidths?.get(terms);
  }

  /** Full analysis of a user's message (the same object for the same text while {@link sharing} runs). */
  analyze(text: string): Analysis {
    const shared = this.shared;
    if (shared === null) return this.analyzeText(text);
    const known = shared.get(text);
    if (known !== undefined) return known;
    const analysis = this.analyzeText(text);
    shared.set(text, analysis);
    return analysis;
  }

  private analyzeText(text: string): Analysis {
    const tokens = this.tokensOf(text);
    // A capitalised word inside a sentence ("I live in Hobart") is a name: never corrected into a keyword ("heart").
    const names = properNames(text);
    const unknown: string[] = [];
    let foreignCount = 0;
    let nonEnglishCount = 0;
    const places = this.places(tokens);
    const stems = tokens.map((raw, i) => {
      const place = places.has(i);
      const reading = place ? this.readToken(raw, new Set([raw])) : this.reading(raw, names);
      if (reading.foreign) foreignCount++;
      if (reading.nonEnglish) nonEnglishCount++;
      if (reading.unknown && !place) unknown.push(reading.stem);
      return reading.stem;
    });
    const { terms, starts } = this.replaceSynonymsWithStarts(stems);
    // Kept only when a term stands for a whole clause (most messages have none: no array, and every term is one word).
    const widths = this.termWidths;
    for (let i = 0; widths !== null && i < starts.length; i++) {
      if ((starts[i + 1] ?? stems.length) - (starts[i] ?? 0) < CLAUSE_WORDS) continue;
      // A loop, not a closure made per message (ADR 54).
      const width: number[] = [];
      for (let k = 0; k < starts.length; k++) width.push((starts[k + 1] ?? stems.length) - (starts[k] ?? 0));
      widths.set(terms, width);
      break;
    }
    return {
      terms,
      stems,
      tokens,
      termStarts: starts,
      unknown,
      tokenCount: tokens.length,
      foreignCount,
      nonEnglishCount,
    };
  }

  /**
   * Indexes of tokens that name a place the person is in: the one or two words after "live in" / "here in" that are
   * neither common words nor known to the bot ("manchester"). A place is context, never an unknown subject.
   */
  private places(tokens: readonly string[]): ReadonlySet<number> {
    // Loops, and one empty set shared by the messages that name no place (most): no closure or set per word (ADR 60).
    let places: Set<number> | null = null;
    const ends = this.placeEnds;
    for (let i = 0; i < tokens.length; i++) {
      let after = false;
      if (ends === null || (i > 0 && ends.has(tokens[i - 1] ?? "")))
        for (const marker of this.placeBefore)
          if (marker.length <= i && wordsAt(tokens, i - marker.length, marker)) {
            after = true;
            break;
          }
      // "in manchester?? so never enough then", said back to an answer: the message opens with the place.
      if (!after && i <= this.longestOpening)
        for (const marker of this.placeOpening)
          if (marker.length === i && wordsAt(tokens, 0, marker)) {
            after = true;
            break;
          }
      if (!after) continue;
      for (let j = i; j < Math.min(i + 2, tokens.length); j++) {
        const token = tokens[j] ?? "";
        if (this.commonWords.has(token) || this.vocabulary.has(stem(token))) break;
        places ??= new Set();
        places.add(j);
      }
    }
    return places ?? NO_PLACES;
  }

  /**
   * How one token of a message reads. The same word reads the same in every message unless it is a name there, so
   * the readings are cached (messages repeat their words), names aside.
   */
  private reading(raw: string, names: ReadonlySet<string>): TokenReading {
    if (names.size > 0 && (names.has(raw) || names.has(withoutDoubles(raw))))
      return this.readToken(raw, names);
    const cached = this.readings.get(raw);
    if (cached !== undefined) return cached;
    const reading = this.readToken(raw, names);
    if (this.readings.size >= CORRECTION_CACHE_LIMIT) this.readings.clear();
    this.readings.set(raw, reading);
    return reading;
  }

  private readToken(raw: string, names: ReadonlySet<string>): TokenReading {
    // Stretched words ("sooo" was cut to "soo" by normalisation) are read without their doubled letters.
    const squeezed = withoutDoubles(raw);
    const token =
      squeezed !== raw && !this.surface.has(raw) && !this.englishWords.has(raw) && this.surface.has(squeezed)
        ? squeezed
        : raw;
    const word = stem(token);
    const foreign = this.foreign.has(token);
    const nonEnglish =
      foreign || (!this.englishWords.has(token) && !this.surface.has(token) && !/\d/.test(token));
    const read = (stemmed: string, unknown: boolean): TokenReading => ({
      stem: stemmed,
      foreign,
      nonEnglish,
      unknown,
    });
    if (this.vocabulary.has(word) || /\d/.test(word) || word.length < 3) return read(word, false);
    const corrected =
      this.englishWords.has(token) || this.kept.has(token) || names.has(token) ? null : this.correct(token);
    if (corrected === null) {
      // A common English word the bot does not know is filler, not the subject of an out-of-scope question; nor
      // is a verb or adverb form ("translating", "honestly"): subjects are nouns such as "selenium".
      return read(word, !this.commonWords.has(token) && !/(ing|ed|ly)$/.test(token));
    }
    return read(stem(corrected), false);
  }

  /** How many stems {@link stems} gives the text: its tokens, without stemming them (sentence lengths, per message). */
  countStems(text: string): number {
    return this.tokensOf(text).length;
  }

  /** Stemmed tokens of a trusted phrase, before synonyms. */
  stems(text: string): string[] {
    const prepared = this.prepared;
    const known = prepared?.stems.get(text);
    if (known !== undefined) return known.slice();
    const stems = this.stemsOf(this.tokensOf(text));
    if (prepared?.record) prepared.stems.add(text, stems);
    return stems;
  }

  private stemsOf(tokens: readonly string[]): string[] {
    const stems: string[] = new Array(tokens.length);
    for (let i = 0; i < tokens.length; i++) stems[i] = this.stemOf(tokens[i] as string);
    return stems;
  }

  /** A word's stem, cached: the readings that read a message's own texts as trusted phrases stem its words again. */
  private stemOf(token: string): string {
    const cached = this.stemsByToken.get(token);
    if (cached !== undefined) return cached;
    const stemmed = stem(token);
    if (this.stemsByToken.size >= CORRECTION_CACHE_LIMIT) this.stemsByToken.clear();
    this.stemsByToken.set(token, stemmed);
    return stemmed;
  }

  /**
   * A text's tokens after normalising and expanding contractions, as a message's analysis and a trusted phrase both
   * read them: the same array for the same text while {@link sharing} runs (read, never changed, by every caller).
   */
  private tokensOf(text: string): string[] {
    const shared = this.sharedTokens;
    const known = shared?.get(text);
    if (known !== undefined) return known;
    const tokens = this.expandContractions(tokenize(normalizeText(text)));
    shared?.set(text, tokens);
    return tokens;
  }

  private expandContractions(tokens: string[]): string[] {
    const out: string[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i] ?? "";
      if (this.dropped.has(token)) continue;
      const expanded = this.contractions.get(token);
      // "it never properly lets go" is the verb; "ok lets try" is "let us".
      const openers = expanded ? this.clauseOpeners.get(token) : undefined;
      if (openers && i > 0 && !openers.has(tokens[i - 1] ?? "")) out.push(token);
      else if (expanded) out.push(...expanded);
      else out.push(token);
    }
    return out;
  }

  private replaceSynonyms(stems: string[]): string[] {
    return this.replaceSynonymsWithStarts(stems).terms;
  }

  private replaceSynonymsWithStarts(stems: string[]): { terms: string[]; starts: number[] } {
    const terms: string[] = [];
    const starts: number[] = [];
    for (let i = 0; i < stems.length; ) {
      const word = stems[i] ?? "";
      starts.push(i);
      const unit = this.units.get(word);
      if (unit !== undefined && i > 0 && /^\d/.test(stems[i - 1] ?? "")) {
        terms.push(unit);
        i++;
        continue;
      }
      const hit = this.synonyms.matchAt(stems, i);
      if (hit) {
        terms.push(hit.value);
        i += hit.length;
      } else {
        terms.push(word);
        i++;
      }
    }
    return { terms, starts };
  }

  /** The closest known word within a small edit distance, or null. Cached, since users repeat their typos. */
  private correct(word: string): string | null {
    const cached = this.corrections.get(word);
    if (cached !== undefined) return cached;
    let best: string | null = null;
    if (word.length >= 4) {
      const max = word.length <= 5 ? 1 : 2;
      let bestDistance = max + 1;
      // Typos rarely change the first letter; a one-letter slip may, so distance 1 is tried across all buckets.
      const sameFirst = this.byFirstLetter.get(word[0] ?? "") ?? [];
      // At equal distance a real word beats a listed misspelling ("mesage" is "message", not "masage").
      let bestIsWord = false;
      for (const candidate of sameFirst) {
        const d = editDistance(word, candidate, bestDistance);
        const isWord = this.englishWords.has(candidate);
        if (d < bestDistance || (d === bestDistance && d <= max && isWord && !bestIsWord)) {
          bestDistance = d;
          best = candidate;
          bestIsWord = isWord;
        }
      }
      if (best === null) {
        for (const [first, bucket] of this.byFirstLetter) {
          if (first === word[0]) continue;
          for (const candidate of bucket) {
            if (editDistance(word, candidate, 1) <= 1) {
              best = candidate;
              break;
            }
          }
          if (best !== null) break;
        }
      }
    }
    if (this.corrections.size >= CORRECTION_CACHE_LIMIT) this.corrections.clear();
    this.corrections.set(word, best);
    return best;
  }
}

/** The places of a message that names none. */
const NO_PLACES: ReadonlySet<number> = new Set();

/** The word with each run of one letter cut to one ("soo" -> "so"); most words have no run, and skip the regex. */
function withoutDoubles(word: string): string {
  for (let i = 1; i < word.length; i++) {
    const code = word.charCodeAt(i);
    // The same code unit twice, or the same surrogate pair twice (a letter outside the BMP).
    const low = code >= 0xdc00 && code <= 0xdfff;
    if (code === word.charCodeAt(i - 1) || (low && i >= 3 && code === word.charCodeAt(i - 2)))
      return word.replace(/(\p{L})\1+/gu, "$1");
  }
  return word;
}

/** What every name {@link properNames} finds stands at: a space, what is no letter, a capital and two small letters. */
const NAME_AFTER_SPACE = /\s[^\p{L}\s]*\p{Lu}\p{Ll}{2}/u;

/**
 * Words written with a capital letter and the rest lower case, not first in their sentence and not "I": names of
 * places, people and things ("Hobart", "Pilates"), normalised. Shouted words (all capitals) are not names.
 */
export function properNames(text: string): Set<string> {
  const names = new Set<string>();
  // A name is a word after a space whose first letter, after what is no letter, is a capital and the next two small
  // ones: most messages have none (their capitals open sentences, or are "I"), and are not cut into words (ADR 86).
  if (!NAME_AFTER_SPACE.test(text)) return names;
  for (const sentence of text.split(/[.!?\n]+/)) {
    const words = sentence.trim().split(/\s+/);
    for (let i = 1; i < words.length; i++) {
      const raw = words[i] ?? "";
      // Most words start with a lower-case letter, which no trimming removes: no name (the regexes skipped, ADR 33).
      const first = raw.charCodeAt(0);
      if (first >= 97 && first <= 122) continue;
      const word = raw.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, "");
      if (/^\p{Lu}\p{Ll}{2,}$/u.test(word)) names.add(normalizeText(word));
    }
  }
  return names;
}

/** True when the phrases cover the whole message (a word or two of filler aside): "stop", "next please". */
export function wholeMatch(table: PhraseTable<true>, terms: readonly string[]): boolean {
  if (terms.length === 0 || terms.length > 5) return false;
  const hits = table.findAll(terms);
  const covered = hits.reduce((n, h) => n + h.length, 0);
  return hits.length > 0 && covered >= terms.length - 1;
}
