/**
 * Role: the fast way to an engine (outer ring) — from the precomputed engine data (artefact.ts) when it is fresh,
 * without loading zod, js-yaml or the word list's 3.6 MB file; otherwise from the data files through createEngine(),
 * imported only then. The CLI uses it, so `crampbot ask` answers in about the time Node takes to start.
 */
import type { Engine } from "../core/engine.js";
import { engineFromArtefact } from "./artefact-engine.js";
import type { CreateEngineOptions } from "./create-engine.js";

export { engineFromArtefact };

/** An engine over the package's data (or the folders given), as createEngine() builds it; see there for options. */
export async function openEngine(options: CreateEngineOptions = {}): Promise<Engine> {
  const engine = engineFromArtefact(options);
  if (engine !== null) return engine;
  const { createEngine } = await import("./create-engine.js");
  return createEngine({ ...options, artefact: false });
}
