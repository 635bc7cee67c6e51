/**
 * Role: the knowledge base's shape and validation — one Markdown section per article section, with its roles in
 * front matter. Pure: {@link parseSection} is given a file's text and {@link buildKnowledge} the parsed sections
 * (src/node/load.ts reads knowledge/; a test may build a two-section base in memory). A bad section stops start-up
 * with an error naming the file and the field.
 */
import { z } from "zod";
import { parseFrontMatter } from "./data.js";
import { DataError } from "./errors.js";

const MAX_ANSWER = 700;

/** A section id: lower-case words joined by hyphens, a child after one dot ("vitamin-d.food"). */
export const SECTION_ID = /^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)?$/;

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

export interface Section {
  id: string;
  title: string;
  heading: string;
  topic: string;
  /** The aspect of its topic the section answers; one of the lexicon's facets. */
  facet: string;
  /** True when the answer gives an amount: it then carries the dose caution. */
  dose: boolean;
  /** Where the section stands in the article (front matter `place`); optional. */
  place?: number;
  roles: SectionRoles;
  keywords: string[];
  questions: string[];
  followups: string[];
  answer: string;
  /** The deeper paragraph shown for "tell me more"; may be empty. */
  more: string;
  file: string;
}

export interface KnowledgeBase {
  sections: Section[];
  byId: Map<string, Section>;
}

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

/** The knowledge base of these sections: ids unique, every follow-up naming a section there is. */
export function buildKnowledge(sections: readonly Section[]): KnowledgeBase {
  const byId = new Map<string, Section>();
  for (const section of sections) {
    if (!SECTION_ID.test(section.id)) throw new DataError(section.file, "id", "is not a valid section id");
    if (byId.has(section.id)) throw new DataError(section.file, "id", `"${section.id}" is used twice`);
    byId.set(section.id, section);
  }
  for (const section of sections) {
    for (const target of section.followups) {
      if (target === section.id) throw new DataError(section.file, "followups", "names the section itself");
      if (!target.startsWith("dialogue:") && !byId.has(target)) {
        throw new DataError(section.file, "followups", `names an unknown section "${target}"`);
      }
    }
  }
  return { sections: [...sections], byId };
}

/** Sections with a numbered role (the tour, the topics offered when lost), in that order. */
export function sectionsInRole(knowledge: KnowledgeBase, role: "tour" | "lost"): Section[] {
  return knowledge.sections
    .filter((s) => s.roles[role] !== undefined)
    .sort((a, b) => (a.roles[role] ?? 0) - (b.roles[role] ?? 0));
}
