/**
 * Role: loading knowledge/ and intents/ from disk (outer ring) into the plain values the engine takes. Every file is
 * validated; a bad one stops start-up with an error naming the file and the field. The pictures the dialogues name
 * (intents/pictures/*.svg) are read here and checked to be self-contained SVG (core/svg.ts).
 */
import { readdirSync, readFileSync } from "node:fs";
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
import { feedbackSchema } from "../core/schemas/feedback.js";
import { kindsSchema } from "../core/schemas/kinds.js";
import { lexiconSchema } from "../core/schemas/lexicon.js";
import { scopeSchema } from "../core/schemas/scope.js";
import { parseSection } from "../core/schemas/section.js";
import { svgProblem } from "../core/svg.js";
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
  const data = Object.fromEntries(
    dialogues.map((d) => [d.name, loadYamlFile(join(dir, `${d.name}.yaml`), schemaOf(d))] as const),
  );
  return {
    lexicon: loadYamlFile(join(dir, "lexicon.yaml"), lexiconSchema),
    smallTalk: SMALL_TALK_FILES.map((name) => loadYamlFile(join(dir, `${name}.yaml`), smallTalkSchema)),
    urgent: loadYamlFile(join(dir, "urgent.yaml"), urgentSchema),
    messages: loadYamlFile(join(dir, "messages.yaml"), messagesSchema),
    scope: loadYamlFile(join(dir, "scope.yaml"), scopeSchema),
    afterUrgent: loadYamlFile(join(dir, "after-urgent.yaml"), afterUrgentSchema),
    kinds: loadYamlFile(join(dir, "kinds.yaml"), kindsSchema),
    feedback: loadYamlFile(join(dir, "feedback.yaml"), feedbackSchema),
    dialogues: data,
    pictures: loadPictures(dir, dialogues, data),
  };
}

/**
 * Reads every picture file the dialogues' data names, by its path relative to `dir`. A file that cannot be read or
 * is not a self-contained SVG is a data error naming the data file, the field and the picture file.
 */
function loadPictures(
  dir: string,
  dialogues: readonly DialoguePlugin<DialogueData>[],
  data: Record<string, DialogueData>,
): Record<string, string> {
  const pictures: Record<string, string> = {};
  for (const dialogue of dialogues) {
    const loaded = data[dialogue.name];
    if (!dialogue.pictures || loaded === undefined) continue;
    const source = join(dir, `${dialogue.name}.yaml`);
    for (const { file, field } of dialogue.pictures(loaded)) {
      let svg: string;
      try {
        svg = readFileSync(join(dir, file), "utf8");
      } catch (error) {
        throw new DataError(source, field, `names ${file}, which cannot be read`, { cause: error });
      }
      const problem = svgProblem(svg);
      if (problem !== null) throw new DataError(source, field, `names ${file}, which ${problem}`);
      pictures[file] = svg;
    }
  }
  return pictures;
}

/** A dialogue's data schema: its own, else the built-in one of that name. */
function schemaOf(dialogue: DialoguePlugin<DialogueData>): z.ZodType<DialogueData> {
  const schema = dialogue.schema ?? DIALOGUE_SCHEMAS[dialogue.name];
  if (schema === undefined)
    throw new DataError(`${dialogue.name}.yaml`, "(file)", "has no schema: give the dialogue plug-in one");
  return schema;
}
