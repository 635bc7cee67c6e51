/**
 * The knowledge base: one Markdown file per article section in knowledge/, validated at load.
 * A bad file stops start-up with an error naming the file and the field.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { loadFrontMatterFile } from "./data.js";
import { DataError } from "./errors.js";

/** The fixed section ids: the batch contract and every evaluation use them. */
export const SECTION_IDS = [
  "overview",
  "causes",
  "magnesium",
  "magnesium.food",
  "magnesium.supplements",
  "vitamin-d",
  "vitamin-d.sunlight",
  "vitamin-d.food",
  "vitamin-d.supplements",
  "prevention",
  "stretching",
  "hydration",
  "acupuncture",
  "massage",
  "stress",
  "summary",
] as const;
export type SectionId = (typeof SECTION_IDS)[number];

/** Topics that say something about cramps in general; a specific topic named in the same message wins over them. */
export const GENERAL_TOPICS: readonly string[] = ["overview", "causes", "prevention", "summary"];

/**
 * General topics that, asked while talking about a specific remedy and with words from its answer ("what should I
 * do before bed?" after stress), mean that remedy rather than the general section.
 */
export const WHAT_TO_DO_TOPICS: readonly string[] = ["prevention", "overview"];

export const FACETS = ["overview", "cause", "food", "supplements", "sunlight", "how-to", "summary"] as const;

const MAX_ANSWER = 700;

const followup = z
  .string()
  .regex(
    /^(dialogue:(checkup|stretch)|[a-z.-]+)$/,
    "must be a section id or dialogue:checkup / dialogue:stretch",
  );

const sectionSchema = z.object({
  id: z.enum(SECTION_IDS),
  title: z.string().min(2).max(30),
  heading: z.string().min(3).max(120),
  topic: z.string().min(2),
  facet: z.enum(FACETS),
  dose: z.boolean().optional(),
  keywords: z.array(z.string().min(1)).min(3),
  questions: z.array(z.string().min(3)).min(2),
  followups: z.array(followup).min(1).max(3),
});

export interface Section {
  id: SectionId;
  title: string;
  heading: string;
  topic: string;
  facet: (typeof FACETS)[number];
  /** True when the answer gives an amount: it then carries the dose caution. */
  dose: boolean;
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

/** Loads and validates every section file in `dir`. */
export function loadKnowledge(dir: string): KnowledgeBase {
  const files = readdirSync(dir)
    .filter((name) => name.endsWith(".md"))
    .sort();
  const sections: Section[] = [];
  const byId = new Map<string, Section>();
  for (const name of files) {
    const file = join(dir, name);
    const { meta, body } = loadFrontMatterFile(file, sectionSchema);
    if (`${meta.id}.md` !== name) throw new DataError(file, "id", `must match the file name (${name})`);
    if (meta.topic !== meta.id.split(".")[0])
      throw new DataError(file, "topic", "must be the id before the first dot");
    const [answer = "", more = ""] = body.split(/^## More\s*$/m).map((part) => part.trim());
    if (answer.length === 0)
      throw new DataError(file, "answer", "is empty: write the answer below the front matter");
    if (answer.length > MAX_ANSWER)
      throw new DataError(file, "answer", `is longer than ${MAX_ANSWER} characters`);
    if (more.length > MAX_ANSWER)
      throw new DataError(file, "more", `is longer than ${MAX_ANSWER} characters`);
    const section: Section = { ...meta, dose: meta.dose ?? false, answer, more, file };
    sections.push(section);
    byId.set(section.id, section);
  }
  for (const id of SECTION_IDS) {
    if (!byId.has(id))
      throw new DataError(join(dir, `${id}.md`), "(file)", "is missing: every section id needs a file");
  }
  for (const section of sections) {
    for (const target of section.followups) {
      if (!target.startsWith("dialogue:") && !byId.has(target)) {
        throw new DataError(section.file, "followups", `names an unknown section "${target}"`);
      }
    }
  }
  return { sections, byId };
}
