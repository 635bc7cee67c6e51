/**
 * Role: the default wiring (outer ring) — `createEngine()` builds an {@link Engine} over knowledge/ and intents/ of
 * the package (or the folders given) and the English word list: from the precomputed engine data when it is fresh
 * (artefact.ts), else by reading and validating the files. Works from data folders with no artefact at all.
 * open-engine.ts is the same without loading the file readers (zod, js-yaml) unless they are needed.
 */
import { join } from "node:path";
import { Engine, type EngineOptions } from "../core/engine.js";
import { checkKinds, knownFacets } from "../core/question-kinds.js";
import { loadEnglishWords } from "./english-words.js";
import { loadIntents, loadKnowledge } from "./load.js";
import { engineFromArtefact } from "./open-engine.js";
import { PACKAGE_ROOT } from "./paths.js";

export interface CreateEngineOptions extends Omit<EngineOptions, "knowledge" | "intents" | "words"> {
  /** Folder of section files. Default: the package's knowledge/. */
  knowledgeDir?: string;
  /** Folder of intent files. Default: the package's intents/. */
  intentsDir?: string;
  /**
   * The precomputed engine data (artefact.ts), used only when it was made from the same data files, code and word
   * list. Default: dist/engine-data.json of the package. `false`: always read the data files.
   */
  artefact?: string | false;
}

/** An engine over the package's data (or the folders given); see {@link EngineOptions} for the rest. */
export function createEngine(options: CreateEngineOptions = {}): Engine {
  const precomputed = engineFromArtefact(options);
  if (precomputed !== null) return precomputed;
  const { knowledgeDir, intentsDir, artefact: _artefact, ...rest } = options;
  const knowledge = loadKnowledge(knowledgeDir ?? join(PACKAGE_ROOT, "knowledge"));
  const intents = loadIntents(intentsDir ?? join(PACKAGE_ROOT, "intents"), rest.dialogues);
  if (intents.kinds) checkKinds(intents.kinds, knowledge, knownFacets(intents.lexicon));
  return new Engine({ ...rest, knowledge, intents, words: loadEnglishWords() });
}

export { Engine, type EngineOptions };
