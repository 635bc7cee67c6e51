/**
 * Role: the knowledge base's shape — one Markdown section per article section, with its roles in front matter.
 * Pure: {@link buildKnowledge} is given the parsed sections (schemas/section.ts parses a file's text; src/node/load.ts
 * reads knowledge/; a test may build a two-section base in memory). A bad section stops start-up
 * with an error naming the file and the field.
 */
import { DataError } from "./errors.js";
import type { SectionRoles } from "./schemas/section.js";

export type { SectionRoles };

/** A section id: lower-case words joined by hyphens, a child after one dot ("vitamin-d.food"). */
export const SECTION_ID = /^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)?$/;

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
