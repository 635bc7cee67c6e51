// The knowledge base: one Markdown file per article section, validated at load; a bad file stops start-up.
import { rmSync } from "node:fs";
import { basename } from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { DataError } from "../../src/core/errors.js";
import { buildKnowledge, type KnowledgeBase } from "../../src/core/knowledge.js";
import { parseSection } from "../../src/core/schemas/section.js";
import { createEngine } from "../../src/node/create-engine.js";
import { loadKnowledge } from "../../src/node/load.js";
import { copyData, type DataCopy, KNOWLEDGE_DIR, loadingError } from "../support/data.js";

/** The fixed section ids: the batch contract and every evaluation use them (pinned here, not in the code). */
const SECTION_IDS = [
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

describe("the shipped knowledge base", () => {
  let kb: KnowledgeBase;
  beforeAll(() => {
    kb = loadKnowledge(KNOWLEDGE_DIR);
  });

  it("has a section for each of the 16 fixed section ids, and nothing else", () => {
    expect(SECTION_IDS).toHaveLength(16);
    expect(kb.sections.map((s) => s.id).sort()).toEqual([...SECTION_IDS].sort());
    for (const id of SECTION_IDS) expect(kb.byId.get(id)?.id).toBe(id);
  });

  it("gives every section a heading, a title that fits on a button, and a non-empty answer", () => {
    for (const section of kb.sections) {
      expect(section.heading.length, section.id).toBeGreaterThan(3);
      expect(section.title.length, section.id).toBeLessThanOrEqual(30);
      expect(section.answer.length, section.id).toBeGreaterThan(0);
      expect(section.answer.length, section.id).toBeLessThanOrEqual(700);
      expect(section.more.length, section.id).toBeLessThanOrEqual(700);
      expect(section.answer, section.id).not.toMatch(/^---/);
      expect(section.answer, section.id).not.toContain("## More");
    }
  });

  it("keeps each section's topic equal to its id before the first dot", () => {
    for (const section of kb.sections) expect(section.topic).toBe(section.id.split(".")[0]);
  });

  it("points every follow-up at a real section or a dialogue", () => {
    for (const section of kb.sections) {
      for (const target of section.followups) {
        const ok = target === "dialogue:checkup" || target === "dialogue:stretch" || kb.byId.has(target);
        expect(ok, `${section.id} -> ${target}`).toBe(true);
        expect(target, section.id).not.toBe(section.id);
      }
    }
  });

  it("never mentions quinine or tonic water", () => {
    for (const section of kb.sections) {
      expect(`${section.answer}\n${section.more}`, section.id).not.toMatch(/quinine|tonic/i);
    }
  });

  it("marks the sections that give an amount as dose sections (magnesium and vitamin D supplements)", () => {
    expect(kb.byId.get("magnesium.supplements")?.dose).toBe(true);
    expect(kb.byId.get("vitamin-d.supplements")?.dose).toBe(true);
    expect(kb.byId.get("magnesium.food")?.dose).toBe(false);
    expect(kb.byId.get("magnesium.supplements")?.answer).toContain("100 mg");
    expect(kb.byId.get("vitamin-d.supplements")?.answer).toContain("1000 IU");
  });

  it("keeps the article's calf stretch repetitions exact (6–8 per leg)", () => {
    expect(kb.byId.get("stretching")?.answer).toMatch(/6–8 repetitions per leg/);
  });
});

describe("a bad knowledge file", () => {
  let copy: DataCopy;
  afterEach(() => copy?.remove());

  const loadError = (): DataError => loadingError(() => loadKnowledge(copy.dir));

  it("stops loading when a required field is missing, naming the file and the field", () => {
    copy = copyData(KNOWLEDGE_DIR);
    copy.edit("massage.md", /^heading:.*\n/m, "");
    const error = loadError();
    expect(error.code).toBe("E_DATA");
    expect(basename(error.file)).toBe("massage.md");
    expect(error.field).toBe("heading");
    expect(error.message).toContain("massage.md");
    expect(error.message).toContain('field "heading"');
  });

  it("stops loading when the id is not a section id's shape", () => {
    copy = copyData(KNOWLEDGE_DIR);
    copy.edit("massage.md", /^id: massage$/m, "id: Massage_Therapy");
    const error = loadError();
    expect(basename(error.file)).toBe("massage.md");
    expect(error.field).toBe("id");
    expect(error.message).toMatch(/massage\.md: field "id"/);
  });

  it("refuses the same id twice in a knowledge base built in memory", () => {
    const text = copyData(KNOWLEDGE_DIR).read("massage.md");
    const section = parseSection("massage.md", text);
    expect(() => buildKnowledge([section, { ...section, file: "other/massage.md" }])).toThrow(/used twice/);
  });

  it("stops loading when the id does not match the file name", () => {
    copy = copyData(KNOWLEDGE_DIR);
    copy.edit("massage.md", /^id: massage$/m, "id: acupuncture");
    const error = loadError();
    expect(basename(error.file)).toBe("massage.md");
    expect(error.field).toBe("id");
    expect(error.message).toContain("file name");
  });

  it("stops loading when a follow-up names an unknown section", () => {
    copy = copyData(KNOWLEDGE_DIR);
    copy.edit("massage.md", /^ {2}- stretching$/m, "  - foam-rolling");
    const error = loadError();
    expect(basename(error.file)).toBe("massage.md");
    expect(error.field).toBe("followups");
    expect(error.message).toContain('"foam-rolling"');
  });

  it("stops loading when the front matter is not valid YAML", () => {
    copy = copyData(KNOWLEDGE_DIR);
    copy.edit("massage.md", /^title: .*$/m, "title: [Massage");
    const error = loadError();
    expect(basename(error.file)).toBe("massage.md");
    expect(error.field).toBe("(yaml)");
    expect(error.message).toMatch(/massage\.md: field "\(yaml\)" is not valid YAML/);
  });

  it("stops loading when the front matter block is missing", () => {
    copy = copyData(KNOWLEDGE_DIR);
    copy.write("massage.md", "Massage helps.\n");
    const error = loadError();
    expect(basename(error.file)).toBe("massage.md");
    expect(error.field).toBe("(front matter)");
  });

  it("stops loading when the answer below the front matter is empty", () => {
    copy = copyData(KNOWLEDGE_DIR);
    const text = copy.read("massage.md");
    copy.write("massage.md", text.slice(0, text.indexOf("---", 3) + 4));
    const error = loadError();
    expect(basename(error.file)).toBe("massage.md");
    expect(error.field).toBe("answer");
  });

  it("stops loading when a section's answer is longer than 700 characters", () => {
    copy = copyData(KNOWLEDGE_DIR);
    copy.edit("massage.md", /\n## More/, `\n${"Rub the calf gently. ".repeat(40)}\n\n## More`);
    const error = loadError();
    expect(error.field).toBe("answer");
    expect(error.message).toContain("700");
  });

  it("stops loading when a section file is missing that another names, naming the one that names it", () => {
    copy = copyData(KNOWLEDGE_DIR);
    rmSync(copy.file("summary.md"));
    const error = loadError();
    expect(basename(error.file)).toBe("stress.md");
    expect(error.field).toBe("followups");
    expect(error.message).toContain('"summary"');
  });

  it("stops the engine from starting, with the same error", () => {
    copy = copyData(KNOWLEDGE_DIR);
    copy.edit("hydration.md", /^topic: .*$/m, "topic: water");
    expect(() => createEngine({ knowledgeDir: copy.dir })).toThrow(DataError);
    expect(() => createEngine({ knowledgeDir: copy.dir })).toThrow(/hydration\.md: field "topic"/);
  });

  it("stops the engine when a facet is not one of the lexicon's facets", () => {
    copy = copyData(KNOWLEDGE_DIR);
    copy.edit("massage.md", /^facet: .*$/m, "facet: relaxation");
    expect(() => createEngine({ knowledgeDir: copy.dir })).toThrow(/massage\.md: field "facet"/);
  });
});
