/**
 * Role: the entry point the build bundles into one file, dist/ask/crampbot-ask.js (scripts/build-ask-bundle.js,
 * ADR 27): `crampbot ask` from the precomputed engine data, as `crampbot ask` through main.ts answers. It imports only
 * the artefact's path to an engine, so the bundle holds nothing of the data files' readers (zod, js-yaml).
 */
import type { Writable } from "node:stream";
import { CrampBotError } from "../core/errors.js";
import { engineFromArtefact } from "../node/artefact-engine.js";
import { runAsk } from "./ask.js";

export { engineFromArtefact, runAsk };

/**
 * Answers as `crampbot ask <args>` does, or returns null, having written nothing, when the engine data is missing or
 * stale: the caller then runs the full command line, which reads the data files.
 */
export async function askFromArtefact(
  args: string[],
  output: Writable,
  errors: Writable,
): Promise<number | null> {
  try {
    const engine = engineFromArtefact({});
    if (engine === null) return null;
    return await runAsk(engine, args, output);
  } catch (error) {
    // As main.ts reports it: a data problem in one line, never a stack trace.
    if (error instanceof CrampBotError) {
      errors.write(`crampbot: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}
