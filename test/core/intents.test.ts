// The intents: small talk, red flags, dialogue scripts, fixed messages and the lexicon, validated at load.
import { rmSync } from "node:fs";
import { basename } from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { CheckupData } from "../../src/core/dialogues/checkup.js";
import type { StretchData } from "../../src/core/dialogues/stretch.js";
import type { DataError } from "../../src/core/errors.js";
import type { Intents } from "../../src/core/intents.js";
import type { KnowledgeBase } from "../../src/core/knowledge.js";
import { loadIntents, loadKnowledge } from "../../src/node/load.js";
import { copyData, type DataCopy, INTENTS_DIR, KNOWLEDGE_DIR, loadingError } from "../support/data.js";

describe("the shipped intents", () => {
  let intents: Intents & { checkup: CheckupData; stretch: StretchData };
  let kb: KnowledgeBase;
  beforeAll(() => {
    const loaded = loadIntents(INTENTS_DIR);
    intents = {
      ...loaded,
      checkup: loaded.dialogues.checkup as CheckupData,
      stretch: loaded.dialogues.stretch as StretchData,
    };
    kb = loadKnowledge(KNOWLEDGE_DIR);
  });

  const resolvable = (target: string) =>
    target === "dialogue:checkup" || target === "dialogue:stretch" || kb.byId.has(target);

  it("loads the five small-talk intents, each with examples and a reply", () => {
    expect(intents.smallTalk.map((t) => t.intent)).toEqual([
      "greeting",
      "thanks",
      "goodbye",
      "help",
      "reset",
    ]);
    for (const talk of intents.smallTalk) {
      expect(talk.examples.length, talk.intent).toBeGreaterThan(0);
      expect(talk.replies[0]?.length, talk.intent).toBeGreaterThan(0);
    }
  });

  it("points every suggestion, tip and advisory at a real section or dialogue", () => {
    const targets = [
      ...intents.smallTalk.flatMap((t) => t.suggestions),
      ...intents.urgent.suggestions,
      ...intents.checkup.closing_suggestions,
      ...intents.stretch.finished_suggestions,
      ...Object.values(intents.checkup.tips).flatMap((byOption) =>
        Object.values(byOption).map((t) => t.section),
      ),
      ...intents.urgent.advisories.flatMap((a) => (a.section ? [a.section] : [])),
      intents.stretch.section,
    ];
    for (const target of targets) expect(resolvable(target), target).toBe(true);
  });

  it("has tips only for questions and options the check-up asks", () => {
    for (const [questionId, byOption] of Object.entries(intents.checkup.tips)) {
      const question = intents.checkup.questions.find((q) => q.id === questionId);
      expect(question, questionId).toBeDefined();
      for (const optionId of Object.keys(byOption)) {
        expect(
          question?.options.some((o) => o.id === optionId),
          `${questionId}:${optionId}`,
        ).toBe(true);
      }
    }
  });

  it("gives check-up buttons ids that fit Telegram's 64-byte callback data with room to spare (48 bytes)", () => {
    for (const question of intents.checkup.questions) {
      for (const option of question.options) {
        expect(Buffer.byteLength(`checkup:${question.id}:${option.id}`)).toBeLessThanOrEqual(48);
        expect(option.label.length).toBeLessThanOrEqual(40);
      }
    }
  });

  it("keeps the urgent reply free of cramp tips and the fixed messages within one reply", () => {
    expect(intents.urgent.reply).toMatch(/^\*\*Please seek medical help now\.\*\*/);
    expect(intents.urgent.reply).not.toMatch(/magnesium|stretch|vitamin/i);
    for (const [name, text] of Object.entries(intents.messages)) {
      if (typeof text === "string") expect(text.length, name).toBeLessThanOrEqual(1500);
    }
  });

  it("never mentions quinine or tonic in anything the bot says", () => {
    const said = JSON.stringify([
      intents.messages,
      intents.smallTalk.map((t) => t.replies),
      intents.urgent.reply,
      intents.urgent.advisories.map((a) => a.text),
      intents.checkup,
      intents.stretch,
    ]);
    expect(said).not.toMatch(/quinine|tonic/i);
  });
});

describe("a bad intents file", () => {
  let copy: DataCopy;
  afterEach(() => copy?.remove());

  const loadError = (): DataError => loadingError(() => loadIntents(copy.dir));

  it("stops loading when a fixed message is missing, naming the file and the field", () => {
    copy = copyData(INTENTS_DIR);
    copy.edit("messages.yaml", /^rate_limited:.*\n/m, "");
    const error = loadError();
    expect(basename(error.file)).toBe("messages.yaml");
    expect(error.field).toBe("rate_limited");
    expect(error.message).toMatch(/messages\.yaml: field "rate_limited"/);
  });

  it("stops loading when a small-talk file names an unknown intent", () => {
    copy = copyData(INTENTS_DIR);
    copy.edit("greeting.yaml", /^intent: greeting$/m, "intent: salutation");
    const error = loadError();
    expect(basename(error.file)).toBe("greeting.yaml");
    expect(error.field).toBe("intent");
  });

  it("stops loading when a field has the wrong type", () => {
    copy = copyData(INTENTS_DIR);
    copy.edit("urgent.yaml", /^long_cramp_minutes: .*$/m, "long_cramp_minutes: ten");
    const error = loadError();
    expect(basename(error.file)).toBe("urgent.yaml");
    expect(error.field).toBe("long_cramp_minutes");
  });

  it("names the nested field of a broken check-up question", () => {
    copy = copyData(INTENTS_DIR);
    copy.edit("checkup.yaml", /^ {4}reprompt: .*\n/m, "");
    const error = loadError();
    expect(basename(error.file)).toBe("checkup.yaml");
    expect(error.field).toBe("questions.0.reprompt");
  });

  it("stops loading when a file is not valid YAML", () => {
    copy = copyData(INTENTS_DIR);
    copy.edit("stretch.yaml", /^section: stretching$/m, "section: [stretching");
    const error = loadError();
    expect(basename(error.file)).toBe("stretch.yaml");
    expect(error.field).toBe("(yaml)");
    expect(error.message).toContain("not valid YAML");
  });

  it("stops loading when the lexicon is broken", () => {
    copy = copyData(INTENTS_DIR);
    copy.edit("lexicon.yaml", /^anchors: .*$/m, "anchors: cramp");
    const error = loadError();
    expect(basename(error.file)).toBe("lexicon.yaml");
    expect(error.field).toBe("anchors");
  });

  it("stops loading when a file is missing", () => {
    copy = copyData(INTENTS_DIR);
    rmSync(copy.file("thanks.yaml"));
    const error = loadError();
    expect(basename(error.file)).toBe("thanks.yaml");
    expect(error.field).toBe("(file)");
  });
});
