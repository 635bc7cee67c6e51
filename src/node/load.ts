/**
 * Role: loading knowledge/ and intents/ from disk (outer ring) into the plain values the engine takes. Every file is
 * validated; a bad one stops start-up with an error naming the file and the field.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import type { z } from "zod";
import type { DialogueData, DialoguePlugin } from "../core/dialogues/dialogue.js";
import { DIALOGUES } from "../core/dialogues/registry.js";
import { DataError } from "../core/errors.js";
import {
  type Intents,
  messagesSchema,
  SMALL_TALK_FILES,
  smallTalkSchema,
  urgentSchema,
} from "../core/intents.js";
import { buildKnowledge, type KnowledgeBase } from "../core/knowledge.js";
import { afterUrgentSchema } from "../core/schemas/after-urgent.js";
import { DIALOGUE_SCHEMAS } from "../core/schemas/dialogues.js";
import { kindsSchema } from "../core/schemas/kinds.js";
import { lexiconSchema } from "../core/schemas/lexicon.js";
import { scopeSchema } from "../core/schemas/scope.js";
import { parseSection } from "../core/schemas/section.js";
import { loadYamlFile, readText } from "./files.js";

/** Loads and validates every section file in `dir` (knowledge/). */
export function loadKnowledge(dir: string): KnowledgeBase {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (error) {
    throw new DataError(dir, "(folder)", "cannot be read", { cause: error });
  }
  const files = names.filter((name) => name.endsWith(".md")).sort();
  return buildKnowledge(files.map((name) => parseSection(join(dir, name), readText(join(dir, name)))));
}

/** Loads and validates every file in `dir` (intents/): one per small-talk intent, red flags, messages, dialogues. */
export function loadIntents(
  dir: string,
  dialogues: readonly DialoguePlugin<DialogueData>[] = DIALOGUES,
): Intents {
  return {
    lexicon: loadYamlFile(join(dir, "lexicon.yaml"), lexiconSchema),
    smallTalk: SMALL_TALK_FILES.map((name) => loadYamlFile(join(dir, `${name}.yaml`), smallTalkSchema)),
    urgent: loadYamlFile(join(dir, "urgent.yaml"), urgentSchema),
    messages: loadYamlFile(join(dir, "messages.yaml"), messagesSchema),
    scope: loadYamlFile(join(dir, "scope.yaml"), scopeSchema),
    afterUrgent: loadYamlFile(join(dir, "after-urgent.yaml"), afterUrgentSchema),
    kinds: loadYamlFile(join(dir, "kinds.yaml"), kindsSchema),
    dialogues: Object.fromEntries(
      dialogues.map((d) => [d.name, loadYamlFile(join(dir, `${d.name}.yaml`), schemaOf(d))] as const),
    ),
  };
}

/** A dialogue's data schema: its own, else the built-in one of that name. */
function schemaOf(dialogue: DialoguePlugin<DialogueData>): z.ZodType<DialogueData> {
  const schema = dialogue.schema ?? DIALOGUE_SCHEMAS[dialogue.name];
  if (schema === undefined)
    throw new DataError(`${dialogue.name}.yaml`, "(file)", "has no schema: give the dialogue plug-in one");
  return schema;
}
