// The precomputed engine data (src/node/artefact.ts): an engine from it answers exactly as one from the data files,
// and an artefact that no longer matches the data files (or the code, or the format) is never used.
import { isAscii } from "node:buffer";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { loadQuestions } from "../../src/cli/eval.js";
import { buildKnowledge } from "../../src/core/knowledge.js";
import type { Reply } from "../../src/core/types.js";
import { type ArtefactFile, artefactParts, readArtefact } from "../../src/node/artefact.js";
import { buildArtefact, writeArtefact } from "../../src/node/artefact-build.js";
import { createEngine, Engine } from "../../src/node/create-engine.js";
import { engineFromArtefact, openEngine } from "../../src/node/open-engine.js";
import { copyData, type DataCopy, ROOT } from "../support/data.js";

let knowledge: DataCopy;
let intents: DataCopy;
let folder: string;
let file: string;

beforeAll(() => {
  knowledge = copyData(join(ROOT, "knowledge"));
  intents = copyData(join(ROOT, "intents"));
  folder = mkdtempSync(join(tmpdir(), "crampbot-artefact-"));
  file = join(folder, "engine-data.json");
  writeArtefact(file, buildArtefact(knowledge.dir, intents.dir));
});

afterAll(() => {
  knowledge.remove();
  intents.remove();
  rmSync(folder, { recursive: true, force: true });
});

const ask = (engine: Engine, text: string, conversation = "c"): Promise<Reply> =>
  engine.handle({ platform: "test", conversationId: conversation, userId: "u", kind: "text", text });

const options = () => ({ knowledgeDir: knowledge.dir, intentsDir: intents.dir, artefact: file });

describe("the precomputed engine data", () => {
  it("is used while it matches the data files, and answers as the files do, word for word", async () => {
    expect(readArtefact(file, knowledge.dir, intents.dir).ok).toBe(true);
    const fromArtefact = engineFromArtefact(options());
    expect(fromArtefact).not.toBeNull();
    const fromFiles = createEngine({ ...options(), artefact: false });
    const questions = loadQuestions(join(ROOT, "test", "eval", "questions.jsonl")).map((q) => q.text);
    // One conversation for all, so context (follow-ups, dialogues) is compared too.
    for (const text of questions) {
      expect(await ask(fromArtefact as Engine, text), text).toEqual(await ask(fromFiles, text));
    }
  });

  it("is written in ASCII, and gives back every character past it (a dash, a bullet, an emoji) as written", () => {
    const bytes = readFileSync(file);
    expect(isAscii(bytes)).toBe(true);
    const read = readArtefact(file, knowledge.dir, intents.dir);
    if (!read.ok) throw new Error(`artefact not used: ${read.reason}`);
    const built = buildArtefact(knowledge.dir, intents.dir);
    expect(read.data.sections).toEqual(built.sections);
    expect(read.data.intents).toEqual(built.intents);
    expect(JSON.stringify(built.sections)).toMatch(/[\u2014\u2022]/);
  });

  it("is stale once a data file changes: the edited file is read instead", async () => {
    const copy = copyData(knowledge.dir);
    try {
      copy.edit("magnesium.md", /^title: .*$/m, "title: Magnesium edited");
      expect(readArtefact(file, copy.dir, intents.dir)).toEqual({ ok: false, reason: "stale" });
      expect(engineFromArtefact({ ...options(), knowledgeDir: copy.dir })).toBeNull();
      const engine = createEngine({ ...options(), knowledgeDir: copy.dir });
      expect(engine.knowledge.byId.get("magnesium")?.title).toBe("Magnesium edited");
      const reply = await (await openEngine({ ...options(), knowledgeDir: copy.dir })).handle({
        platform: "test",
        conversationId: "c",
        userId: "u",
        kind: "text",
        text: "tell me about magnesium",
      });
      expect(reply.section?.id).toBe("magnesium");
    } finally {
      copy.remove();
    }
  });

  it("is stale when a file is added to or renamed in a data folder", () => {
    const copy = copyData(intents.dir);
    try {
      copy.write("notes.txt", "a file the loaders do not read still makes the data another one");
      expect(readArtefact(file, knowledge.dir, copy.dir).ok).toBe(false);
    } finally {
      copy.remove();
    }
  });

  it("is stale once a data file is edited in place, in the very folder it was built from", () => {
    const copy = copyData(intents.dir);
    try {
      const own = join(folder, "own.json");
      writeArtefact(own, buildArtefact(knowledge.dir, copy.dir));
      expect(readArtefact(own, knowledge.dir, copy.dir).ok).toBe(true);
      copy.edit("urgent.yaml", "calf", "cafl");
      expect(readArtefact(own, knowledge.dir, copy.dir)).toEqual({ ok: false, reason: "stale" });
    } finally {
      copy.remove();
    }
  });

  it("stays fresh when a data file is written again with the same text (its content, not its date, decides)", () => {
    const copy = copyData(intents.dir);
    try {
      const own = join(folder, "rewritten.json");
      writeArtefact(own, buildArtefact(knowledge.dir, copy.dir));
      const text = copy.read("urgent.yaml");
      copy.write("urgent.yaml", `${text}\n`);
      copy.write("urgent.yaml", text);
      expect(readArtefact(own, knowledge.dir, copy.dir).ok).toBe(true);
    } finally {
      copy.remove();
    }
  });

  it("is stale when made by other code, in another format or for another word list", () => {
    // Written here as one JSON document, as before its parts were a line each: read all the same, then found stale.
    const artefact = artefactParts(readFileSync(file, "utf8")) as unknown as ArtefactFile;
    for (const change of [{ code: "0" }, { format: 0 }, { words: "0.0.0" }]) {
      const other = join(folder, "other.json");
      writeFileSync(other, JSON.stringify({ ...artefact, sources: { ...artefact.sources, ...change } }));
      expect(readArtefact(other, knowledge.dir, intents.dir), JSON.stringify(change)).toEqual({
        ok: false,
        reason: "stale",
      });
    }
  });

  it("is not needed: with none, or a broken one, the engine is built from the files", async () => {
    const broken = join(folder, "broken.json");
    writeFileSync(broken, "{ not json");
    expect(readArtefact(join(folder, "none.json"), knowledge.dir, intents.dir)).toEqual({
      ok: false,
      reason: "missing",
    });
    expect(readArtefact(broken, knowledge.dir, intents.dir)).toEqual({ ok: false, reason: "unreadable" });
    for (const artefact of [join(folder, "none.json"), broken]) {
      const engine = await openEngine({ ...options(), artefact });
      expect((await ask(engine, "how much magnesium should I take?")).section?.id).toBe(
        "magnesium.supplements",
      );
    }
  });

  it("is not used for other dialogues than the default ones", () => {
    expect(engineFromArtefact({ ...options(), dialogues: [] })).toBeNull();
  });

  it("is written a part a line, none of them the size of the file, and read back whole (ADR 87)", () => {
    const text = readFileSync(file, "latin1");
    const lines = text.split("\n");
    expect(lines.length).toBeGreaterThan(10);
    expect(Math.max(...lines.map((line) => line.length))).toBeLessThan(text.length / 4);
    const built = buildArtefact(knowledge.dir, intents.dir);
    const back = artefactParts(text) as unknown as ArtefactFile;
    expect(back.redFlags).toEqual(built.redFlags);
    expect(back.intents).toEqual(built.intents);
    expect(Object.keys(back)).toEqual(Object.keys(built));
    const read = readArtefact(file, knowledge.dir, intents.dir);
    if (!read.ok) throw new Error(`artefact not used: ${read.reason}`);
    expect(read.data.prepared.redFlags).toEqual(built.redFlags);
    expect(read.data.prepared.stems.calls()).toEqual(built.texts.stems);
  });

  it("gives as common words the word list's first lines, ending where the build found them to end", () => {
    const parsed = artefactParts(readFileSync(file, "latin1")) as unknown as ArtefactFile;
    const lines = parsed.words.split("\n");
    expect(parsed.commonLength).toBe(lines.slice(0, parsed.common).join("\n").length);
    const read = readArtefact(file, knowledge.dir, intents.dir);
    if (!read.ok) throw new Error(`artefact not used: ${read.reason}`);
    const { common } = read.data.words;
    expect(common.has(lines[0] ?? "")).toBe(true);
    expect(common.has(lines[parsed.common - 1] ?? "")).toBe(true);
    const first = new Set(lines.slice(0, parsed.common));
    const rare = lines.slice(parsed.common).filter((w) => !first.has(w));
    expect(rare.length).toBeGreaterThan(1000);
    expect(rare.filter((w) => common.has(w))).toEqual([]);
  });

  it("is let go once the engine is built: the engine keeps none of the precomputed texts (ADR 87)", async () => {
    const built = (): { engine: Engine; stems: WeakRef<object>; terms: WeakRef<object> } => {
      const read = readArtefact(file, knowledge.dir, intents.dir);
      if (!read.ok) throw new Error(`artefact not used: ${read.reason}`);
      const { sections, intents: data, words, prepared } = read.data;
      const engine = new Engine({ knowledge: buildKnowledge(sections), intents: data, words, prepared });
      return { engine, stems: new WeakRef(prepared.stems), terms: new WeakRef(prepared.terms) };
    };
    const { engine, stems, terms } = built();
    // A weak reference holds its target to the end of the job that made or read it: collect in a later one.
    await new Promise((resolve) => setImmediate(resolve));
    setFlagsFromString("--expose-gc");
    (runInNewContext("gc") as () => void)();
    expect(stems.deref()).toBeUndefined();
    expect(terms.deref()).toBeUndefined();
    expect((await ask(engine, "how much magnesium should I take?")).section?.id).toMatch(/^magnesium/);
  });

  it("starts and answers an ASCII question without Unicode normalisation, whose first use loads ICU's data", async () => {
    const normalize = vi.spyOn(String.prototype, "normalize");
    try {
      const engine = engineFromArtefact(options());
      if (engine === null) throw new Error("artefact not used");
      expect((await ask(engine, "how much magnesium should I take?")).section?.id).toMatch(/^magnesium/);
      expect(normalize).not.toHaveBeenCalled();
    } finally {
      normalize.mockRestore();
    }
  });

  it("is looked up by a start call by call in the build's order, every text of it, no other (ADR 87)", () => {
    const read = readArtefact(file, knowledge.dir, intents.dir);
    if (!read.ok) throw new Error(`artefact not used: ${read.reason}`);
    const { sections, intents: data, words, prepared } = read.data;
    new Engine({ knowledge: buildKnowledge(sections), intents: data, words, prepared });
    // A text read only for its terms keeps no stems: every recorded call is made, in order, and none out of it.
    expect(prepared.stems.size).toBeGreaterThan(1000);
    for (const lookups of [prepared.stems, prepared.terms]) {
      const { inOrder, recorded, outOfOrder } = lookups.replayed();
      expect(inOrder).toBe(recorded);
      expect(outOfOrder).toBe(false);
    }
  });
});
