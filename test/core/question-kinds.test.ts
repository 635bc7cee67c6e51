// Question kinds (intents/kinds.yaml): every example phrasing is read as its kind, the file is validated at load
// with errors naming the file and field, and ruled-out topics are found clause by clause.
import { basename } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { DataError } from "../../src/core/errors.js";
import { checkKinds, knownFacets } from "../../src/core/question-kinds.js";
import { loadIntents, loadKnowledge } from "../../src/node/load.js";
import { createBot } from "../support/bot.js";
import { copyData, type DataCopy, INTENTS_DIR, KNOWLEDGE_DIR } from "../support/data.js";

const { engine } = createBot();
const intents = loadIntents(INTENTS_DIR);
const kinds = intents.kinds;
if (!kinds) throw new Error("intents/kinds.yaml was not loaded");
const shipped = kinds;

describe("the shipped kinds", () => {
  it("has the kinds the rules rely on, each with examples in several styles", () => {
    expect(Object.keys(kinds?.kinds ?? {})).toEqual(
      expect.arrayContaining([
        "cause",
        "remedy",
        "dose",
        "food",
        "safety",
        "timing",
        "who",
        "common",
        "what",
      ]),
    );
    for (const [name, kind] of Object.entries(kinds?.kinds ?? {}))
      expect(kind.examples.length, name).toBeGreaterThanOrEqual(3);
  });

  const examples = Object.entries(kinds?.kinds ?? {}).flatMap(([name, kind]) =>
    kind.examples.map((text) => [name, text] as const),
  );
  it.each(examples)("reads a %s question: %s", (name, text) => {
    expect(engine.reader.read(text).kind?.name).toBe(name);
  });

  it("maps the general kinds to general sections", () => {
    expect(kinds?.kinds.cause?.section).toBe("causes");
    expect(kinds?.kinds.remedy?.section).toBe("prevention");
    expect(kinds?.kinds.who?.section).toBe("overview");
  });
});

describe("a bad kinds file", () => {
  let copy: DataCopy;
  afterEach(() => copy?.remove());

  it("stops loading when a kind has no phrases, naming the file and the field", () => {
    copy = copyData(INTENTS_DIR);
    copy.edit(
      "kinds.yaml",
      /^ {2}cause:\n {4}section: causes\n {4}phrases: \[[^\]]*\]\n/m,
      "  cause:\n    section: causes\n",
    );
    let error: unknown;
    try {
      loadIntents(copy.dir);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DataError);
    expect(basename((error as DataError).file)).toBe("kinds.yaml");
    expect((error as DataError).field).toBe("kinds.cause.phrases");
  });

  it("names a kind whose section does not exist", () => {
    const knowledge = loadKnowledge(KNOWLEDGE_DIR);
    const broken = {
      ...shipped,
      kinds: { ...shipped.kinds, cause: { phrases: ["why"], examples: ["why"], section: "nowhere" } },
    };
    expect(() => checkKinds(broken, knowledge, knownFacets(intents.lexicon))).toThrow(
      /kinds\.yaml: field "kinds\.cause\.section" names no section/,
    );
  });

  it("names a kind whose facet does not exist", () => {
    const knowledge = loadKnowledge(KNOWLEDGE_DIR);
    const broken = {
      ...shipped,
      kinds: { ...shipped.kinds, dose: { phrases: ["dose"], examples: ["dose"], facet: "pills" } },
    };
    expect(() => checkKinds(broken, knowledge, knownFacets(intents.lexicon))).toThrow(
      /field "kinds\.dose\.facet" names no facet/,
    );
  });

  it("names a kind whose section after remedies tried does not exist", () => {
    const knowledge = loadKnowledge(KNOWLEDGE_DIR);
    const broken = {
      ...shipped,
      kinds: {
        ...shipped.kinds,
        other: { phrases: ["what else"], examples: ["what else"], after_tried: "nowhere" },
      },
    };
    expect(() => checkKinds(broken, knowledge, knownFacets(intents.lexicon))).toThrow(
      /field "kinds\.other\.after_tried" names no section/,
    );
  });
});

describe("ruled-out topics", () => {
  const ruledOut = (text: string) => engine.reader.read(text).ruledOut;

  it.each([
    ["I drink 3 litres a day and still cramp, what else could cause it?", ["hydration"]],
    ["I get through two litres of water a day, so I don't believe it is that. What else?", ["hydration"]],
    ["I already stretch every night. Why do I still cramp?", ["stretching"]],
    ["I take magnesium already and I still get cramps. What else could be causing them?", ["magnesium"]],
    ["I teach pilates, so I stretch constantly. And still, calf cramps. Any ideas?", ["stretching"]],
  ])("%s", (text, topics) => {
    expect(ruledOut(text)).toEqual(topics);
  });

  it.each([
    "I don't drink enough water, could that be why I cramp?",
    "I hardly drink anything during the day apart from tea. Could she have a point?",
    "Why would vitamin D matter for cramps if I already eat loads of vegetables",
    "how much water should I drink a day?",
  ])("rules nothing out: %s", (text) => {
    expect(ruledOut(text)).toEqual([]);
  });

  it("keeps a ruled-out topic when the question is about one of its aspects", () => {
    const s = engine.reader.read("I already take magnesium every night. How much is too much?");
    expect(s.ruledOut).toEqual(["magnesium"]);
    expect(s.topics.has("magnesium")).toBe(true);
  });

  it("drops it from the topics when the question asks for the rest", () => {
    const s = engine.reader.read("I drink 3 litres a day and still cramp, what else could cause it?");
    expect(s.topics.has("hydration")).toBe(false);
  });
});
