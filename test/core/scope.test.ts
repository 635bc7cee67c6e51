// Scope as data (intents/scope.yaml, src/core/scope.ts, rule "scope-topic"): a message whose subject is a topic next
// to the article gets the honest "the article doesn't cover ..." (intent fallback, naming the topic, with its safe
// pointer); a topic mentioned only in passing leaves the question to be answered as usual. The fresh questions below
// were written for this file, in styles the eval sets do not have, before the mechanism was tuned for them.
import { basename } from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { DataError } from "../../src/core/errors.js";
import { clausesOf } from "../../src/core/scope.js";
import { loadIntents } from "../../src/node/load.js";
import { type Bot, createBot, describeReply } from "../support/bot.js";
import { copyData, type DataCopy, INTENTS_DIR, loadingError } from "../support/data.js";

let bot: Bot;
beforeAll(() => {
  bot = createBot();
});

const ask = (text: string) => bot.chat().say(text);
const scopeOf = (text: string) => bot.engine.reader.read(text).scope;

/** Subject: the honest reply naming the topic (its id, as the reader saw it). */
const SUBJECTS: [string, string][] = [
  ["would a g&t before bed sort my cramps out, the quinine in it i mean", "quinine"],
  ["Re: night cramps. Has anybody had any luck with Schweppes? My aunt swears by it.", "quinine"],
  ["how many bananas a day to stop leg cramp", "potassium"],
  ["is a shot of pickle brine any use when my calf goes", "pickle-juice"],
  ["bar of soap under sheet cramps myth?", "soap"],
  ["my doc just upped my simvastatin and I wonder, can that do cramps in legs?", "medicines"],
  [
    "Good evening. I am expecting a baby in May. The cramps in my calves are very bad. What is safe for me?",
    "pregnancy",
  ],
  ["is it ok to take magnesium while breastfeeding", "pregnancy"],
  ["my 4 year old cries at night with her legs hurting, is that growing pains", "children"],
  ["hey so what's the difference between restless leg syndrome and a cramp", "restless-legs"],
  ["ferritin low, could it be why my calves knot up at night?", "other-vitamins"],
  ["what about vitamin b12 shots for cramps", "other-vitamins"],
  ["I was thinking of taking calcium supplements for the cramps, good idea?", "calcium"],
  ["do epsom salts in the bath actually get magnesium into you", "topical-magnesium"],
  ["should I put a hot water bottle on it or ice", "heat-ice"],
  ["can i take naproxen for leg cramps", "painkillers"],
  ["lucozade or dioralyte after a long run to stop cramp later?", "drinks"],
  ["do flight socks help night cramps", "compression"],
  ["I have hypothyroid, is it the reason my legs cramp at night?", "conditions"],
  ["how to stop period cramps at night", "other-cramps"],
];

/** Passing: answered as usual, from the section named. */
const PASSING: [string, string][] = [
  ["I'm on statins, but how many reps of the stretch should I do?", "stretching"],
  ["I tried bananas, what else can I do?", "prevention"],
  ["my doctor put me on metformin years ago, anyway how much water should I drink a day?", "hydration"],
  ["Apart from pickle juice, which foods have magnesium?", "magnesium.food"],
  ["I already take a multivitamin. How much vitamin D should I take on top?", "vitamin-d.supplements"],
  ["forget the heat packs, does massage help a cramp?", "massage"],
  ["Been using ice packs for ages, no joy. Does stretching before bed help?", "stretching"],
  ["my daughter drives me to my appointments, could low sunlight be why I get cramps?", "vitamin-d.sunlight"],
  // Added after the first run, from probing: a topic before a question about one of ours is backstory.
  ["I have arthritis, but how do I stretch my calf?", "stretching"],
  ["I use a heating pad for my back, does massage help cramps?", "massage"],
  ["does ice cold water help cramps?", "hydration"],
  ["I wasn't expecting cramps this bad, how do I stop them?", "prevention"],
];

describe("a topic next to the article that is the message's subject gets the honest reply", () => {
  for (const [text, topic] of SUBJECTS) {
    it(`"${text}" -> not covered: ${topic}`, async () => {
      expect(scopeOf(text)?.subject?.id, text).toBe(topic);
      const reply = await ask(text);
      const data = bot.engine.intents.scope?.topics.find((t) => t.id === topic);
      expect(reply.intent, describeReply(reply)).toBe("fallback");
      expect(reply.section).toBeNull();
      expect(reply.text).toContain(`The article doesn't cover ${data?.name}`);
      if (data?.note) expect(reply.text).toContain(data.note);
    });
  }
});

describe("a topic only mentioned in passing leaves the question to be answered as usual", () => {
  for (const [text, section] of PASSING) {
    it(`"${text}" -> ${section}`, async () => {
      expect(scopeOf(text)?.subject ?? null, text).toBeNull();
      const reply = await ask(text);
      expect(`${reply.intent}/${reply.section?.id}`, describeReply(reply)).toBe(`answer/${section}`);
    });
  }
});

describe("the safe pointers", () => {
  it("says quinine is not recommended, pregnancy goes to the midwife, a new medicine to the doctor", async () => {
    expect((await ask("is quinine good for cramps?")).text).toMatch(/not recommended.*serious side effects/s);
    expect((await ask("I'm pregnant, can I take magnesium for the cramps?")).text).toMatch(
      /midwife or doctor/,
    );
    expect((await ask("could my atorvastatin be behind the cramps?")).text).toMatch(
      /doctor who prescribed it/,
    );
  });

  it("never suggests the section a topic next to the article sounds like", async () => {
    const reply = await ask("does magnesium oil spray work for cramps?");
    const plain = await ask("what is the capital of France");
    expect(reply.suggestions).toEqual(plain.suggestions);
  });
});

describe("reading clauses", () => {
  it("splits sentences at commas and dashes, and marks the ones that ask", () => {
    expect(clausesOf("I tried bananas, what else can I do?")).toEqual([
      { text: "I tried bananas", asks: true, sentence: 0, afterBut: false },
      { text: "what else can I do?", asks: true, sentence: 0, afterBut: false },
    ]);
    // A clause opened with "but" is marked, and read without it (ADR 30).
    expect(clausesOf("my heat pad helps, but what else stops cramps?")).toEqual([
      { text: "my heat pad helps", asks: true, sentence: 0, afterBut: false },
      { text: "what else stops cramps?", asks: true, sentence: 0, afterBut: true },
    ]);
    expect(clausesOf("I take iron but which foods help?").map((c) => c.afterBut)).toEqual([false, true]);
    expect(clausesOf("I take iron. It did nothing. What helps?").map((c) => c.asks)).toEqual([
      false,
      false,
      true,
    ]);
    expect(clausesOf("iron deficiency leg cramps")).toEqual([
      { text: "iron deficiency leg cramps", asks: true, sentence: 0, afterBut: false },
    ]);
  });
});

describe("a bad scope file", () => {
  let copy: DataCopy;
  afterEach(() => copy?.remove());

  const loadError = (): DataError => loadingError(() => loadIntents(copy.dir));

  it("stops loading when the reply lacks {name}, naming the file and the field", () => {
    copy = copyData(INTENTS_DIR);
    copy.edit("scope.yaml", /^reply: .*$/m, 'reply: "Not covered."');
    const error = loadError();
    expect(basename(error.file)).toBe("scope.yaml");
    expect(error.field).toBe("reply");
  });

  it("stops loading when two topics share an id, naming the second", () => {
    copy = copyData(INTENTS_DIR);
    copy.edit("scope.yaml", /- id: soap$/m, "- id: quinine");
    const error = loadError();
    expect(basename(error.file)).toBe("scope.yaml");
    expect(error.field).toMatch(/^topics\.\d+\.id$/);
  });
});
