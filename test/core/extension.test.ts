// Extending the bot is data plus at most one registration: an engine over a knowledge base built in memory, with an
// extra section (one Markdown text) and an extra toy dialogue (its data and its plug-in), and a two-section base.
import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import type {
  Dialogue,
  DialoguePlugin,
  DialogueState,
  DialogueStep,
} from "../../src/core/dialogues/dialogue.js";
import { DIALOGUES } from "../../src/core/dialogues/registry.js";
import { Engine } from "../../src/core/engine.js";
import type { Intents } from "../../src/core/intents.js";
import { buildKnowledge } from "../../src/core/knowledge.js";
import { parseSection } from "../../src/core/schemas/section.js";
import { loadIntents, loadKnowledge } from "../../src/node/load.js";
import { type Bot, createBot, openChat } from "../support/bot.js";
import { INTENTS_DIR, KNOWLEDGE_DIR } from "../support/data.js";

const TAI_CHI = `---
id: tai-chi
title: Tai chi
heading: "Tai Chi"
topic: tai-chi
facet: how-to
keywords:
  - tai chi
  - qigong
  - slow movement
questions:
  - does tai chi help with cramps
  - how do I start tai chi
followups:
  - stretching
  - dialogue:breathe
---
A few minutes of slow **tai chi** movements before bed loosen the calves.
`;

/** The toy dialogue's data file, as it would be in intents/breathe.yaml. */
const BREATHE_DATA = {
  display_name: "breathing exercise",
  examples: ["/breathe", "breathing exercise", "help me breathe slowly"],
  trigger_words: ["breathe"],
  steps: ["Breathe in for four counts.", "Breathe out for six counts."],
  done: "Well done — that's the breathing exercise.",
};

const breatheSchema = z.object({
  display_name: z.string(),
  examples: z.array(z.string()),
  trigger_words: z.array(z.string()),
  steps: z.array(z.string()).min(1),
  done: z.string(),
});
type BreatheData = z.infer<typeof breatheSchema>;
interface BreatheState extends DialogueState {
  kind: "breathe";
  step: number;
}

/** The toy dialogue's plug-in, as it would be in src/core/dialogues/breathe.ts: any message moves it on. */
const breathe: DialoguePlugin<BreatheData> = {
  name: "breathe",
  schema: breatheSchema,
  vocabulary: (data) => [data.steps.join(" ")],
  create: (data) => {
    const show = (step: number): DialogueStep => {
      const text = data.steps[step];
      if (text === undefined) return { type: "finish", parts: [data.done], suggestions: [], sections: [] };
      const state: BreatheState = { kind: "breathe", step };
      return { type: "continue", state, parts: [text], suggestions: [] };
    };
    const dialogue: Dialogue = {
      start: () => show(0),
      answer: (state) => show((state as BreatheState).step + 1),
      resume: (state) => show((state as BreatheState).step),
      notUnderstood: (state) => show((state as BreatheState).step),
    };
    return dialogue;
  },
};

describe("an engine over a knowledge base built in memory", () => {
  let bot: Bot;
  let intents: Intents;
  beforeAll(() => {
    const shipped = loadKnowledge(KNOWLEDGE_DIR);
    const knowledge = buildKnowledge([...shipped.sections, parseSection("tai-chi.md", TAI_CHI)]);
    const loaded = loadIntents(INTENTS_DIR);
    intents = { ...loaded, dialogues: { ...loaded.dialogues, breathe: breatheSchema.parse(BREATHE_DATA) } };
    const engine = new Engine({ knowledge, intents, dialogues: [...DIALOGUES, breathe] });
    bot = { ...createBot(), engine, chat: (id) => openChat(engine, id ?? `memory-${Math.random()}`) };
  });

  it("answers from a section added as one Markdown text", async () => {
    const reply = await bot.chat().say("does tai chi help?");
    expect(reply.intent).toBe("answer");
    expect(reply.section?.id).toBe("tai-chi");
    // Its follow-ups name the new dialogue by its display name.
    expect(reply.suggestions).toContainEqual({ label: "Breathing exercise", id: "dialogue:breathe" });
  });

  it("runs a dialogue added as a plug-in and its data, started by its command or an example", async () => {
    const chat = bot.chat();
    const first = await chat.say("/breathe");
    expect(first.intent).toBe("breathe");
    expect(first.text).toBe("Breathe in for four counts.");
    expect((await chat.say("ok")).text).toBe("Breathe out for six counts.");
    expect((await chat.say("done")).text).toBe(BREATHE_DATA.done);
    expect((await bot.chat().say("help me breathe slowly")).intent).toBe("breathe");
  });

  it("keeps the shipped dialogues working beside it", async () => {
    expect((await bot.chat().say("/checkup")).intent).toBe("checkup");
    expect((await bot.chat().press("dialogue:breathe")).intent).toBe("breathe");
  });

  it("works over two sections and no dialogues at all", async () => {
    const shipped = loadKnowledge(KNOWLEDGE_DIR);
    const overview = shipped.byId.get("overview");
    if (!overview) throw new Error("no overview");
    const two = buildKnowledge([
      { ...overview, followups: ["tai-chi"] },
      parseSection("tai-chi.md", TAI_CHI.replace("  - stretching\n  - dialogue:breathe\n", "  - overview\n")),
    ]);
    const engine = new Engine({ knowledge: two, intents: { ...intents, dialogues: {} }, dialogues: [] });
    const chat = openChat(engine, "two");
    expect((await chat.say("does tai chi help?")).section?.id).toBe("tai-chi");
    expect((await chat.say("my cramps")).section?.id).toBe("overview");
    const lost = await chat.say("qwxz plorg");
    expect(lost.intent).toBe("fallback");
  });
});
