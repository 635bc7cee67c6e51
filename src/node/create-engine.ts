/**
 * Role: the default wiring (outer ring) — `createEngine()` loads knowledge/ and intents/ from the package (or the
 * folders given), the English word list, and builds an {@link Engine} over them.
 */
import { join } from "node:path";
import { Engine, type EngineOptions } from "../core/engine.js";
import { checkKinds, knownFacets } from "../core/question-kinds.js";
import { loadEnglishWords } from "./english-words.js";
import { loadIntents, loadKnowledge } from "./load.js";
import { PACKAGE_ROOT } from "./paths.js";

export interface CreateEngineOptions extends Omit<EngineOptions, "knowledge" | "intents" | "words"> {
  /** Folder of section files. Default: the package's knowledge/. */
  knowledgeDir?: string;
  /** Folder of intent files. Default: the package's intents/. */
  intentsDir?: string;
}

/** An engine over the package's data (or the folders given); see {@link EngineOptions} for the rest. */
export function createEngine(options: CreateEngineOptions = {}): Engine {
  const { knowledgeDir, intentsDir, ...rest } = options;
  const knowledge = loadKnowledge(knowledgeDir ?? join(PACKAGE_ROOT, "knowledge"));
  const intents = loadIntents(intentsDir ?? join(PACKAGE_ROOT, "intents"), rest.dialogues);
  if (intents.kinds) checkKinds(intents.kinds, knowledge, knownFacets(intents.lexicon));
  return new Engine({ ...rest, knowledge, intents, words: loadEnglishWords() });
}

export { Engine, type EngineOptions };
