/**
 * Role: an engine from the precomputed engine data alone (outer ring), or null when the data cannot be used. Kept
 * apart from open-engine.ts, which falls back to the data files, so that the bundled `crampbot ask` (ask-bundle.cts,
 * ADR 27) holds this path and nothing of the files' readers.
 */
import { join } from "node:path";
import { Engine } from "../core/engine.js";
import { buildKnowledge } from "../core/knowledge.js";
import { checkKinds, knownFacets } from "../core/question-kinds.js";
import type { Logger } from "../core/types.js";
import { DEFAULT_ARTEFACT, readArtefact } from "./artefact.js";
import type { CreateEngineOptions } from "./create-engine.js";
import { PACKAGE_ROOT } from "./paths.js";

/**
 * The engine over the artefact's data, or null when there is none to use: switched off, built for other dialogues
 * than the default ones, missing or stale (then the data files are the source; said at debug level).
 */
export function engineFromArtefact(options: CreateEngineOptions): Engine | null {
  const { knowledgeDir, intentsDir, artefact, ...rest } = options;
  if (artefact === false || rest.dialogues !== undefined) return null;
  const read = readArtefact(
    artefact ?? DEFAULT_ARTEFACT,
    knowledgeDir ?? join(PACKAGE_ROOT, "knowledge"),
    intentsDir ?? join(PACKAGE_ROOT, "intents"),
  );
  if (!read.ok) {
    debug(rest.logger, read.reason);
    return null;
  }
  const { sections, intents, words, prepared } = read.data;
  const knowledge = buildKnowledge(sections);
  if (intents.kinds) checkKinds(intents.kinds, knowledge, knownFacets(intents.lexicon));
  return new Engine({ ...rest, knowledge, intents, words, prepared });
}

function debug(logger: Logger | undefined, reason: string): void {
  logger?.debug({ artefact: reason }, "precomputed engine data not used; reading the data files");
}
