/**
 * Role: the schemas of the built-in dialogues' data files (intents/<name>.yaml), by dialogue name: used when the files
 * are read (src/node/load.ts), for a plug-in that does not carry its own. Apart from the plug-ins (dialogues/), so
 * that the engine itself never loads zod.
 */
import type { z } from "zod";
import type { DialogueData } from "../dialogues/dialogue.js";
import { checkupSchema } from "./checkup.js";
import { stretchSchema } from "./stretch.js";

export const DIALOGUE_SCHEMAS: Readonly<Record<string, z.ZodType<DialogueData>>> = {
  checkup: checkupSchema,
  stretch: stretchSchema,
};
