// The transition copies a state by one literal and changes the turn's copy in place (ADR 86): for every kind of
// decision, and states of every optional key, the state after it must be what the copies by spread gave (kept here as
// the reference), and the state given must be left as it was.
import { describe, expect, it } from "vitest";
import type { ActedDecision, Decision, DialogueOutcome } from "../../src/core/decision.js";
import type { Section } from "../../src/core/knowledge.js";
import { type ConversationState, freshState, restoreState } from "../../src/core/state.js";
import { remember, transition } from "../../src/core/transition.js";
import type { Reply } from "../../src/core/types.js";

const LIMIT = { messages: 3, windowMs: 60_000 };
const NOW = 5_000_000;

/** The transition as it was written with spreads, for the kinds below (votes aside). */
function bySpreads(state: ConversationState, decision: Decision, now: number): ConversationState {
  const inWindow = (s: ConversationState) => s.recent.filter((t) => now - t < LIMIT.windowMs);
  const counted = (s: ConversationState) => ({ ...s, recent: [...inWindow(s), now].slice(-LIMIT.messages) });
  const stepped = (s: ConversationState, step: DialogueOutcome): ConversationState =>
    step.type === "continue"
      ? { ...s, dialogue: step.state }
      : step.type === "finish"
        ? { ...s, dialogue: null, answers: s.answers + 1 }
        : { ...s, dialogue: null };
  const acted = (s: ConversationState, d: ActedDecision | { kind: "unknown-button" }): ConversationState => {
    switch (d.kind) {
      case "answer": {
        const before = s.ruledOut ?? [];
        const added = d.ruledOut ?? [];
        const ruledOut =
          before.length === 0 && added.length === 0
            ? {}
            : { ruledOut: [...new Set([...before, ...added])].filter((t) => t !== d.section.topic) };
        return {
          ...s,
          ...ruledOut,
          answers: s.answers + 1,
          topic: d.section.topic,
          facet: d.section.facet,
          section: d.section.id,
          moreShown: d.deeper,
          visited: [...s.visited.filter((v) => v !== d.section.id), d.section.id].slice(-32),
          also: [],
        };
      }
      case "answer-both": {
        const [first, ...others] = d.sections;
        if (!first) return s;
        const ids = d.sections.map((x) => x.id);
        return {
          ...s,
          answers: s.answers + 1,
          topic: first.topic,
          facet: first.facet,
          section: first.id,
          moreShown: false,
          visited: [...s.visited.filter((v) => !ids.includes(v)), ...ids].slice(-32),
          also: others.map((x) => x.id),
        };
      }
      case "clarify":
        return { ...s, topic: null, section: null, facet: d.facet, also: [] };
      case "smalltalk":
        if (d.intent !== "reset") return s;
        return s.feedback?.voted === undefined
          ? { ...freshState(now), recent: s.recent }
          : { ...freshState(now), recent: s.recent, feedback: { voted: s.feedback.voted } };
      case "step":
        return stepped(d.from === "answer" ? s : { ...s, paused: null }, d.step);
      case "nothing-paused":
        return { ...s, paused: null };
      default:
        return s;
    }
  };
  const afterRedFlag = (): ConversationState["redFlag"] => {
    if (state.redFlag === null) return null;
    const keeps =
      decision.kind === "smalltalk" && decision.intent !== "goodbye" && decision.intent !== "reset";
    return keeps ? { followups: state.redFlag.followups + 1 } : null;
  };
  switch (decision.kind) {
    case "notice":
      return state;
    case "urgent": {
      const redFlag = { followups: decision.followup ? (state.redFlag?.followups ?? 0) + 1 : 0 };
      const paused = state.dialogue === null ? state : { ...state, paused: state.dialogue, dialogue: null };
      return { ...paused, redFlag };
    }
    case "rate-limited":
      return { ...state, recent: inWindow(state).slice(-LIMIT.messages) };
    case "interrupt":
      return acted(
        { ...counted(state), paused: decision.paused, dialogue: null, redFlag: null },
        decision.question,
      );
    default:
      return { ...acted(counted(state), decision as ActedDecision), redFlag: afterRedFlag() };
  }
}

const section = (id: string, topic: string, facet: string) => ({ id, topic, facet }) as Section;
const FOOD = section("magnesium.food", "magnesium", "food");
const SUN = section("vitamin-d.sun", "vitamin-d", "sunlight");
const CHECKUP = { kind: "checkup", step: 2 } as ConversationState["dialogue"];

const base: ConversationState = {
  ...freshState(NOW - 10_000),
  answers: 3,
  topic: "magnesium",
  facet: "main",
  section: "magnesium",
  visited: ["magnesium", "magnesium.food"],
  suggestions: [{ label: "More", id: "more" }],
  recent: [NOW - 70_000, NOW - 2_000, NOW - 1_000],
};
const STATES: ConversationState[] = [
  freshState(NOW - 100),
  base,
  { ...base, also: ["vitamin-d.food"] },
  { ...base, ruledOut: ["stretching"], also: [] },
  { ...base, also: [], ruledOut: ["magnesium"] },
  { ...base, dialogue: CHECKUP, redFlag: { followups: 1 } },
  { ...base, paused: CHECKUP, feedback: { voted: ["magnesium:1"] } },
];
const steps: DialogueOutcome[] = [
  {
    type: "continue",
    state: { kind: "checkup", step: 3 } as ConversationState["dialogue"] & object,
    parts: [],
    suggestions: [],
  },
  { type: "finish", parts: [], suggestions: [] } as unknown as DialogueOutcome,
  { type: "exit", parts: [], suggestions: [] } as unknown as DialogueOutcome,
];
const DECISIONS: Decision[] = [
  { kind: "notice", key: "empty", topics: false } as Decision,
  { kind: "urgent" },
  { kind: "urgent", followup: true },
  { kind: "rate-limited" },
  { kind: "answer", section: FOOD, deeper: false },
  { kind: "answer", section: SUN, deeper: true, ruledOut: ["stretching", "magnesium"] },
  { kind: "answer-both", sections: [FOOD, SUN] },
  { kind: "answer-both", sections: [] },
  { kind: "clarify", options: [FOOD, SUN], facet: "food" },
  { kind: "smalltalk", intent: "thanks" },
  { kind: "smalltalk", intent: "goodbye" },
  { kind: "smalltalk", intent: "reset" },
  ...steps.flatMap((step) =>
    (["start", "resume", "answer"] as const).map(
      (from): Decision => ({ kind: "step", name: "checkup", step, from }),
    ),
  ),
  { kind: "nothing-paused" },
  { kind: "unknown-button" },
  {
    kind: "interrupt",
    paused: CHECKUP as NonNullable<typeof CHECKUP>,
    question: { kind: "answer", section: FOOD, deeper: false },
  },
];

describe("the state after a decision", () => {
  it("is what copying by spreads gave, for every decision and every shape of state, the state given unchanged", () => {
    for (const state of STATES)
      for (const decision of DECISIONS) {
        const given = structuredClone(state);
        const next = transition(state, decision, NOW, LIMIT);
        expect(next, `${decision.kind} of ${Object.keys(state).join(",")}`).toStrictEqual(
          bySpreads(given, decision, NOW),
        );
        expect(state).toStrictEqual(given);
      }
  });

  it("is remembered with the reply's suggestions and time, the state given unchanged", () => {
    const reply = {
      intent: "smalltalk",
      suggestions: [{ label: "Magnesium", text: "magnesium" }],
    } as unknown as Reply;
    for (const state of STATES) {
      const given = structuredClone(state);
      expect(remember(state, reply, NOW)).toStrictEqual({
        ...given,
        updatedAt: NOW,
        suggestions: reply.suggestions,
      });
      expect(state).toStrictEqual(given);
    }
  });

  it("keeps a key of no current field that a stored state had, through the turn and into the store", () => {
    const stored = { ...base, later: { kept: true } };
    const restored = restoreState(structuredClone(stored), NOW, 60_000);
    const next = transition(restored, { kind: "answer", section: FOOD, deeper: false }, NOW, LIMIT);
    const reply = { intent: "answer", suggestions: [] } as unknown as Reply;
    expect(remember(next, reply, NOW)).toMatchObject({ later: { kept: true }, section: FOOD.id });
  });
});
