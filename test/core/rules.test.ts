// The rules, one test each, named for the rule: a message (and a conversation so far) that this rule, and no earlier
// one, decides. The list's order is recorded in docs/adr/0005-decision-core.md.
import { beforeAll, describe, expect, it } from "vitest";
import type { RuleDecision } from "../../src/core/decision.js";
import type { Engine } from "../../src/core/engine.js";
import { firstRule, RULES } from "../../src/core/rules.js";
import { type ConversationState, freshState } from "../../src/core/state.js";
import { createBot, START } from "../support/bot.js";

let engine: Engine;
beforeAll(() => {
  engine = createBot().engine;
});

/** The state after an answer from `sectionId` (as the transition leaves it). */
function after(sectionId: string, more = false): ConversationState {
  const section = engine.knowledge.byId.get(sectionId);
  if (!section) throw new Error(`no section ${sectionId}`);
  return {
    ...freshState(START),
    answers: 1,
    topic: section.topic,
    facet: section.facet,
    section: section.id,
    moreShown: more,
    visited: [section.id],
  };
}

function decided(text: string, state: ConversationState = freshState(START)) {
  return firstRule(engine.reader.read(text), state, engine.index);
}

/** A short description of a decision: its kind and what it names. */
function summary(decision: RuleDecision): string {
  switch (decision.kind) {
    case "answer":
      return `answer ${decision.section.id}${decision.deeper ? " (more)" : ""}`;
    case "answer-both":
      return `answer both ${decision.sections.map((x) => x.id).join(" + ")}`;
    case "clarify":
      return `clarify ${decision.options.map((o) => o.id).join(" / ")}`;
    case "smalltalk":
      return `smalltalk ${decision.intent}`;
    case "dialogue":
      return `dialogue ${decision.name}`;
    case "fallback":
      return `fallback ${decision.reason}`;
    default:
      return decision.kind;
  }
}

/** The state right after an urgent reply ("seek help now"), with `followups` answered urgently since. */
function afterRedFlag(followups = 0): ConversationState {
  return { ...freshState(START), redFlag: { followups } };
}

const cases: { rule: string; text: string; state?: () => ConversationState; want: string }[] = [
  {
    rule: "goes-for-help",
    text: "right, I'll take him to the GP today, thank you",
    state: () => afterRedFlag(),
    want: "smalltalk thanks",
  },
  {
    rule: "stays-urgent",
    text: "it's probably nothing though?",
    state: () => afterRedFlag(),
    want: "urgent",
  },
  { rule: "dialogue-request", text: "/checkup", want: "dialogue checkup" },
  {
    rule: "dialogue-about-the-topic",
    text: "walk me through it",
    state: () => after("stretching"),
    want: "dialogue stretch",
  },
  { rule: "scope-topic", text: "does tonic water help cramps?", want: "fallback out-of-scope" },
  { rule: "small-talk", text: "thank you", want: "smalltalk thanks" },
  {
    rule: "follow-up-phrase",
    text: "tell me more",
    state: () => after("magnesium"),
    want: "answer magnesium (more)",
  },
  {
    rule: "the-other-one-in-a-question",
    text: "what's the other vitamin people take for it",
    state: () => after("magnesium.supplements"),
    want: "answer vitamin-d.supplements",
  },
  {
    rule: "changes-the-last-answer",
    text: "i'm a roofer, out in the heat all summer, does that change it",
    state: () => after("hydration"),
    want: "answer hydration",
  },
  {
    rule: "same-question-for-someone-else",
    text: "what about my uncle, he's a roofer",
    state: () => after("hydration"),
    want: "answer hydration",
  },
  {
    rule: "item-of-the-last-list",
    text: "tell me more about the first one",
    state: () => after("causes"),
    want: "answer magnesium",
  },
  {
    rule: "what-else-after-one-item",
    text: "not for me. what else is there",
    state: () => after("acupuncture"),
    want: "answer prevention",
  },
  {
    rule: "what-else-besides",
    text: "what else besides nuts",
    state: () => after("magnesium"),
    want: "answer magnesium.food",
  },
  {
    rule: "source-of-the-topic",
    text: "where i get it if no sun",
    state: () => after("vitamin-d.sunlight"),
    want: "answer vitamin-d.food",
  },
  {
    rule: "commonest-of-a-list",
    text: "which one is most common",
    state: () => after("causes"),
    want: "answer causes",
  },
  { rule: "advisory-section", text: "my cramps started when I began a new medicine", want: "answer causes" },
  // "does creatine help?" is now the scope-topic rule's: an unknown subject, named in the reply (ADR 0024).
  { rule: "out-of-scope", text: "creatine and cramps", want: "fallback out-of-scope" },
  {
    rule: "stays-on-topic",
    text: "what can I do about that before bed?",
    state: () => after("stress"),
    want: "answer stress (more)",
  },
  {
    rule: "general-question-kind",
    text: "my legs keep cramping at night what do I do",
    want: "answer prevention",
  },
  {
    rule: "rules-out-from-the-general-answer",
    text: "I already drink plenty, so not that",
    state: () => after("causes"),
    want: "answer causes",
  },
  {
    rule: "comparison",
    text: "stretching or massage, which works better?",
    want: "answer both stretching + massage",
  },
  {
    rule: "only-one-topic-has-the-facet",
    text: "could a shortage of sun be part of it?",
    want: "answer vitamin-d.sunlight",
  },
  {
    rule: "sibling-topics",
    text: "foods with magnesium and vitamin d",
    want: "answer both magnesium.food + vitamin-d.food",
  },
  {
    rule: "two-topics-together",
    text: "water and stretching, how much of each",
    want: "answer both stretching + hydration",
  },
  { rule: "clarify-close-topics", text: "stretching massage?", want: "clarify stretching / massage" },
  {
    rule: "unknown-subject-of-a-general-question",
    text: "how to prevent blisters",
    want: "fallback unknown",
  },
  { rule: "leading-topic", text: "how much magnesium should I take", want: "answer magnesium.supplements" },
  { rule: "unknown-subject-of-an-aspect", text: "what dose of xylitol?", want: "fallback unknown" },
  {
    rule: "aspect-of-both-siblings",
    text: "how much?",
    state: () => ({ ...after("magnesium.food"), also: ["vitamin-d.food"] }),
    want: "answer both magnesium.supplements + vitamin-d.supplements",
  },
  {
    rule: "aspect-of-the-current-topic",
    text: "what dose?",
    state: () => after("magnesium"),
    want: "answer magnesium.supplements",
  },
  {
    rule: "aspect-of-sibling-topics",
    text: "what should I eat for cramps?",
    want: "answer both magnesium.food + vitamin-d.food",
  },
  {
    rule: "aspect-across-topics",
    text: "what dose?",
    want: "clarify magnesium.supplements / vitamin-d.supplements",
  },
  {
    rule: "about-the-last-answer",
    text: "does it soften the muscle?",
    state: () => after("massage"),
    want: "answer massage (more)",
  },
  {
    rule: "points-back",
    text: "can I do it on myself?",
    state: () => after("acupuncture"),
    want: "answer acupuncture (more)",
  },
  { rule: "about-cramps-in-general", text: "my cramps", want: "answer overview" },
  {
    rule: "bare-question-about-the-last-answer",
    text: "how many times?",
    state: () => after("stretching"),
    want: "answer stretching",
  },
  { rule: "fallback", text: "qwxz plorg", want: "fallback unknown" },
];

describe("each rule decides the message it is for", () => {
  for (const { rule, text, state, want } of cases) {
    it(`${rule}: "${text}" -> ${want}`, () => {
      const result = decided(text, state?.());
      expect({ rule: result.rule, decision: summary(result.decision) }).toEqual({ rule, decision: want });
    });
  }

  it("has a test for every rule, in the rules' order", () => {
    expect(cases.map((c) => c.rule)).toEqual(RULES.map((r) => r.name));
  });
});
