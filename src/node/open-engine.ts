/**
 * Role: the fast way to an engine (outer ring) — from the precomputed engine data (artefact.ts) when it is fresh,
 * without loading zod, js-yaml or the word list's 3.6 MB file; otherwise from the data files through createEngine(),
 * imported only then. The CLI uses it, so `crampbot ask` answers in about the time Node takes to start.
 */
import { join } from "node:path";
import { Engine } from "../core/engine.js";
import { buildKnowledge } from "../core/knowledge.js";
import { checkKinds, knownFacets } from "../core/question-kinds.js";
import type { Logger } from "../core/types.js";
import { DEFAULT_ARTEFACT, readArtefact } from "./artefact.js";
import type { CreateEngineOptions } from "./create-engine.js";
import { PACKAGE_ROOT } from "./paths.js";

/** An engine over the package's data (or the folders given), as createEngine() builds it; see there for options. */
export async function openEngine(options: CreateEngineOptions = {}): Promise<Engine> {
  const engine = engineFromArtefact(options);
  if (engine !== null) return engine;
  const { createEngine } = await import("./create-engine.js");
  return createEngine({ ...options, artefact: false });
}

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
