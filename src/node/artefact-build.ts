/**
 * Role: building the precomputed engine data (outer ring): reads and validates knowledge/ and intents/ as the engine
 * would, cuts the word list, checks that the JSON gives back exactly what was read, and writes the file atomically.
 * Run by `npm run build` (and so by `npm ci`) through scripts/build-engine-data.js; artefact.ts reads the file.
 */
import { renameSync, writeFileSync } from "node:fs";
import { isDeepStrictEqual } from "node:util";
import { Engine } from "../core/engine.js";
import { DataError } from "../core/errors.js";
import { buildKnowledge } from "../core/knowledge.js";
import type { PreparedTexts } from "../core/lexicon.js";
import { TextLookups } from "../core/text-lookups.js";
import {
  type ArtefactFile,
  artefactParts,
  currentSources,
  sourceStamps,
  stampedSources,
} from "./artefact.js";
import { loadEnglishWords } from "./english-words.js";
import { loadIntents, loadKnowledge } from "./load.js";

/** The artefact of the data in these folders (the package's default dialogues). */
export function buildArtefact(knowledgeDir: string, intentsDir: string): ArtefactFile {
  // Stamped before hashing: a file written meanwhile then fails its stamp, and the hashes decide.
  const stamped = sourceStamps(knowledgeDir, intentsDir);
  const sources = currentSources(knowledgeDir, intentsDir);
  const { sections } = loadKnowledge(knowledgeDir);
  const intents = loadIntents(intentsDir);
  const { english, common } = loadEnglishWords();
  const words = [...common, ...[...english].filter((w) => !common.has(w))].join("\n");
  // The lexicon records every trusted text it works out while an engine over this data is built, and the red-flag
  // check its compiled tables (ADR 34). A second engine, built with those tables, records the texts again: only
  // those a start from the artefact reads, which leaves out the rules' expanded phrases.
  const compile: PreparedTexts = {
    stems: TextLookups.recording(),
    terms: TextLookups.recording(),
    record: true,
  };
  new Engine({ knowledge: buildKnowledge(sections), intents, words: { english, common }, prepared: compile });
  const { redFlags, vocabulary, articleStems } = compile;
  const prepared: PreparedTexts = {
    stems: TextLookups.recording(),
    terms: TextLookups.recording(),
    record: true,
  };
  if (redFlags) prepared.redFlags = redFlags;
  if (vocabulary) prepared.vocabulary = vocabulary;
  if (articleStems !== undefined) prepared.articleStems = articleStems;
  new Engine({ knowledge: buildKnowledge(sections), intents, words: { english, common }, prepared });
  const texts = {
    stems: prepared.stems.calls(),
    terms: prepared.terms.calls(),
    ...(prepared.normalized ? { normalized: [...prepared.normalized] } : {}),
  };
  const artefact: ArtefactFile = {
    sources,
    sections,
    intents,
    words,
    common: common.size,
    commonLength: commonLength(words, common.size),
    texts,
    ...(redFlags ? { redFlags } : {}),
    ...(vocabulary ? { vocabulary } : {}),
    ...(articleStems !== undefined ? { articleStems } : {}),
    stamps: { sources: stampedSources(sources), ...stamped },
  };
  // The engine must not tell the two paths apart: anything JSON cannot carry (a Map, undefined, a RegExp) fails
  // the build here rather than changing an answer later. Read back as a start reads the file.
  const back = artefactParts(artefactText(artefact)) as unknown as ArtefactFile;
  if (
    !isDeepStrictEqual(back.sections, sections) ||
    !isDeepStrictEqual(back.intents, intents) ||
    !isDeepStrictEqual(back.redFlags, artefact.redFlags)
  )
    throw new DataError(
      intentsDir,
      "(artefact)",
      "does not survive JSON: the engine data cannot be precomputed",
    );
  return artefact;
}

/**
 * Writes the artefact to `file` through a temporary file, so a reader never sees half of it; in ASCII, every other
 * character escaped, so that a start decodes it at once, and a part a line (see {@link artefactText}).
 */
export function writeArtefact(file: string, artefact: ArtefactFile): void {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, artefactText(artefact));
  renameSync(temporary, file);
}

/** A part longer than this is written a field a line, when it is an object (the red-flag tables, the intents). */
const LINE_LIMIT = 256 * 1024;

/**
 * The artefact's text: each of its fields a line, `[[key], value]`, and a field whose JSON is longer than
 * {@link LINE_LIMIT}, when it is an object, each of its own fields a line, `[[key, field], value]`, in their order. A
 * start parses each line as it reads it, so that no string of the whole file is made (artefact.ts `readParts`,
 * ADR 87). JSON writes a line break inside a string as `\n`: only lines end in one.
 */
export function artefactText(artefact: ArtefactFile): string {
  const lines: string[] = [];
  for (const [key, value] of Object.entries(artefact)) {
    const whole = asciiJson([[key], value]);
    if (whole.length <= LINE_LIMIT || typeof value !== "object" || value === null || Array.isArray(value))
      lines.push(whole);
    else for (const [field, inner] of Object.entries(value)) lines.push(asciiJson([[key, field], inner]));
  }
  return lines.join("\n");
}

/** JSON.stringify's text with every character past ASCII written as its \u escape, which JSON.parse reads back. */
export function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[\u0080-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

/** How many characters the first `count` lines of the words take (without the line break after them). */
function commonLength(words: string, count: number): number {
  let end = -1;
  for (let i = 0; i < count; i++) {
    end = words.indexOf("\n", end + 1);
    if (end === -1) return words.length;
  }
  return count === 0 ? 0 : end;
}
