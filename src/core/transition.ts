/**
 * Role: the state transition — `transition(state, decision, now)` gives the conversation's next state, and
 * `remember(state, reply, now)` records the reply's suggestions. Pure (the state given is never changed), and the only
 * place conversation state changes: reset, dialogue start, step, pause and resume, the topic and facet carried over,
 * the rate-limit window.
 */
import type { ActedDecision, Decision, DialogueOutcome } from "./decision.js";
import { type ConversationState, freshState } from "./state.js";
import type { Reply } from "./types.js";

/** Sections remembered as visited, newest last. */
const MAX_VISITED = 32;

export interface RateLimit {
  messages: number;
  windowMs: number;
}

/** True when the conversation has had `messages` messages within the window already. */
export function isRateLimited(state: ConversationState, now: number, limit: RateLimit): boolean {
  return inWindow(state, now, limit).length >= limit.messages;
}

/** Builds the transition for a rate limit (the window the state's message times are kept for). */
export function transitionFor(
  limit: RateLimit,
): (state: ConversationState, decision: Decision, now: number) => ConversationState {
  return (state, decision, now) => transition(state, decision, now, limit);
}

/** The state after a decision. */
export function transition(
  state: ConversationState,
  decision: Decision,
  now: number,
  limit: RateLimit,
): ConversationState {
  switch (decision.kind) {
    // Bad input does not count against the rate limit, nor change anything.
    case "notice":
      return state;
    // A red flag pauses an open dialogue, so it can be offered again after.
    case "urgent":
      return state.dialogue === null ? state : { ...state, paused: state.dialogue, dialogue: null };
    case "rate-limited":
      return { ...state, recent: inWindow(state, now, limit).slice(-limit.messages) };
    case "interrupt":
      return acted(
        { ...counted(state, now, limit), paused: decision.paused, dialogue: null },
        decision.question,
        now,
      );
    default:
      return acted(counted(state, now, limit), decision, now);
  }
}

/** The state after a reply: its suggestions are kept for "yes" / "1", and the time for the context's expiry. */
export function remember(state: ConversationState, reply: Reply, now: number): ConversationState {
  return { ...state, updatedAt: now, suggestions: reply.suggestions };
}

function acted(state: ConversationState, decision: ActedDecision | { kind: "unknown-button" }, now: number) {
  switch (decision.kind) {
    case "answer": {
      const { section, deeper } = decision;
      return {
        ...state,
        ...ruledOut(state, section.topic, decision.ruledOut ?? []),
        answers: state.answers + 1,
        topic: section.topic,
        facet: section.facet,
        section: section.id,
        moreShown: deeper,
        visited: [...state.visited.filter((v) => v !== section.id), section.id].slice(-MAX_VISITED),
      };
    }
    case "clarify":
      return { ...state, topic: null, section: null, facet: decision.facet };
    case "smalltalk":
      // Start over: everything but the rate-limit window is forgotten, a paused dialogue too.
      return decision.intent === "reset" ? { ...freshState(now), recent: state.recent } : state;
    case "step": {
      const base = decision.from === "answer" ? state : { ...state, paused: null };
      return stepped(base, decision.step);
    }
    case "nothing-paused":
      return { ...state, paused: null };
    default:
      return state;
  }
}

/**
 * Topics ruled out so far, plus the answer's; a topic answered about is no longer ruled out (the person asked for
 * it). Kept only when there are any, so states without them keep their shape.
 */
function ruledOut(
  state: ConversationState,
  topic: string,
  added: readonly string[],
): { ruledOut?: string[] } {
  const before = state.ruledOut ?? [];
  if (before.length === 0 && added.length === 0) return {};
  return { ruledOut: [...new Set([...before, ...added])].filter((t) => t !== topic) };
}

function stepped(state: ConversationState, step: DialogueOutcome): ConversationState {
  switch (step.type) {
    case "continue":
      return { ...state, dialogue: step.state };
    case "finish":
      return { ...state, dialogue: null, answers: state.answers + 1 };
    case "exit":
      return { ...state, dialogue: null };
  }
}

function inWindow(state: ConversationState, now: number, limit: RateLimit): number[] {
  return state.recent.filter((t) => now - t < limit.windowMs);
}

/** This message counts against the rate limit. */
function counted(state: ConversationState, now: number, limit: RateLimit): ConversationState {
  return { ...state, recent: [...inWindow(state, now, limit), now].slice(-limit.messages) };
}
