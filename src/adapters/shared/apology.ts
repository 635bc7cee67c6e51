// Role: the apology a platform sends when the handler fails: `error` in intents/messages.yaml, never a copy in code.
import { join } from "node:path";
import { z } from "zod";
import type { Reply } from "../../core/types.js";
import { loadYamlFile } from "../../node/files.js";
import { PACKAGE_ROOT } from "../../node/paths.js";

/** The package's intents/ folder: the default of every adapter's intentsDir option. */
export const DEFAULT_INTENTS_DIR = join(PACKAGE_ROOT, "intents");

const schema = z.object({ error: z.string().min(1) });

/** Reads the apology (throws DataError naming the file when it is missing) as a reply with no suggestions. */
export function loadApology(intentsDir: string = DEFAULT_INTENTS_DIR): Reply {
  const { error } = loadYamlFile(join(intentsDir, "messages.yaml"), schema);
  return { intent: "fallback", text: error, suggestions: [], section: null };
}
