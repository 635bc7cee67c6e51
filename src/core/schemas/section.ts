/**
 * Role: the schema of a knowledge/ section file (its front matter) and the parser of one file's text, apart from the
 * knowledge base itself (knowledge.ts) so that an engine started from the precomputed data never loads zod or js-yaml.
 */
import { z } from "zod";
import { parseFrontMatter } from "../data.js";
import { DataError } from "../errors.js";
import { SECTION_ID, type Section } from "../knowledge.js";

const MAX_ANSWER = 700;

const followup = z
  .string()
  .regex(/^(dialogue:[a-z][a-z-]*|[a-z0-9.-]+)$/, "must be a section id or dialogue:<name>");

/** What a section does besides answering: all optional, read by the rules and the renderer. */
const rolesSchema = z
  .object({
    /** Says something about cramps in general: a specific topic named in the same message wins over it. */
    general: z.boolean().optional(),
    /**
     * A "what can I do" section: asked while on a specific remedy with words from its answer ("what should I do before
     * bed?" after stress), it means that remedy.
     */
    what_to_do: z.boolean().optional(),
    /** The answer for a message clearly about cramps that names nothing else. */
    default: z.boolean().optional(),
    /**
     * On a topic's parent section: the name of a group of sibling topics the article sets side by side (the two
     * deficiencies). A question that fits two siblings equally is answered from both (siblings.ts).
     */
    siblings: z.string().min(2).optional(),
    /** Place in the "what else?" tour when a section has no unseen follow-ups (1 first). */
    tour: z.number().int().min(1).optional(),
    /** Place among the topics offered when the bot is lost (1 first). */
    lost: z.number().int().min(1).optional(),
  })
  .strict();

const sectionSchema = z.object({
  id: z.string().regex(SECTION_ID, "must be lower-case words with hyphens, a child after one dot"),
  title: z.string().min(2).max(30),
  heading: z.string().min(3).max(120),
  topic: z.string().min(2),
  facet: z.string().min(2),
  dose: z.boolean().optional(),
  /** Where the section stands in the article (1 = first); orders answers from several sections. */
  place: z.number().int().min(1).optional(),
  roles: rolesSchema.optional(),
  keywords: z.array(z.string().min(1)).min(3),
  questions: z.array(z.string().min(3)).min(2),
  followups: z.array(followup).min(1).max(3),
});

export type SectionRoles = z.infer<typeof rolesSchema>;

/** Parses one section file's text; `file` (its path or name) names it in errors and must be `<id>.md`. */
export function parseSection(file: string, text: string): Section {
  const { meta, body } = parseFrontMatter(file, text, sectionSchema);
  const name = file.split(/[\\/]/).pop() ?? file;
  if (`${meta.id}.md` !== name) throw new DataError(file, "id", `must match the file name (${name})`);
  if (meta.topic !== meta.id.split(".")[0])
    throw new DataError(file, "topic", "must be the id before the first dot");
  const [answer = "", more = ""] = body.split(/^## More\s*$/m).map((part) => part.trim());
  if (answer.length === 0)
    throw new DataError(file, "answer", "is empty: write the answer below the front matter");
  if (answer.length > MAX_ANSWER)
    throw new DataError(file, "answer", `is longer than ${MAX_ANSWER} characters`);
  if (more.length > MAX_ANSWER) throw new DataError(file, "more", `is longer than ${MAX_ANSWER} characters`);
  return { ...meta, dose: meta.dose ?? false, roles: meta.roles ?? {}, answer, more, file };
}
