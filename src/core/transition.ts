/**
 * Role: the state transition — `transition(state, decision, now)` gives the conversation's next state, and
 * `remember(state, reply, now)` records the reply's suggestions. Pure (the state given is never changed), and the only
 * place conversation state changes: reset, dialogue start, step, pause and resume, the topic and facet carried over,
 * the rate-limit window.
 */
import type { ActedDecision, Decision, DialogueOutcome } from "./decision.js";
import { answerKey } from "./feedback.js";
import { type ConversationState, freshState } from "./state.js";
import type { Reply } from "./types.js";

/** Sections remembered as visited, newest last. */
const MAX_VISITED = 32;
/**
 * Answers remembered as voted on, newest last (each counted once). Written only by a vote, so the state an ordinary
 * turn reads and writes is the same size with "Helpful?" as without (ADR 18).
 */
const MAX_VOTED = 32;

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
    // A red flag pauses an open dialogue, so it can be offered again after; its follow-ups are counted.
    case "urgent": {
      const redFlag = { followups: decision.followup ? (state.redFlag?.followups ?? 0) + 1 : 0 };
      const paused = state.dialogue === null ? state : { ...state, paused: state.dialogue, dialogue: null };
      return { ...paused, redFlag };
    }
    case "rate-limited":
      return { ...state, recent: inWindow(state, now, limit).slice(-limit.messages) };
    // A vote counts against the rate limit; a counted one is remembered, so it is counted once, and the question
    // text of the answer voted on goes.
    case "vote": {
      if (decision.status !== "counted") return counted(state, now, limit);
      const key = answerKey(decision.section.id, decision.version);
      const { question, voted = [] } = state.feedback ?? {};
      const feedback = {
        voted: [...voted.filter((k) => k !== key), key].slice(-MAX_VOTED),
        ...(question !== undefined && question.answer !== decision.answer ? { question } : {}),
      };
      return { ...counted(state, now, limit), feedback };
    }
    case "interrupt":
      return acted(
        { ...counted(state, now, limit), paused: decision.paused, dialogue: null, redFlag: null },
        decision.question,
        now,
      );
    default:
      return { ...acted(counted(state, now, limit), decision, now), redFlag: afterRedFlag(state, decision) };
  }
}

/**
 * What is left of a red flag after a reply that is not urgent: thanks, hello or help keep it (and count as a
 * follow-up: "thanks, but can it wait?" is still about it); goodbye, start over and any other answer end it.
 */
function afterRedFlag(state: ConversationState, decision: Decision): ConversationState["redFlag"] {
  if (state.redFlag === null) return null;
  const keeps = decision.kind === "smalltalk" && decision.intent !== "goodbye" && decision.intent !== "reset";
  return keeps ? { followups: state.redFlag.followups + 1 } : null;
}

/**
 * The state after a reply: its suggestions are kept for "yes" / "1", and the time for the context's expiry. Only
 * while a review log is on (`question` given, the text that got the reply) does an answer that asks "Helpful?" keep
 * that text, tied to the answer's number; any answer drops the question text of the one before. Without a review
 * log nothing here touches `feedback`, so an ordinary turn's state is the same as without "Helpful?".
 */
export function remember(
  state: ConversationState,
  reply: Reply,
  now: number,
  question?: string,
): ConversationState {
  const next = { ...state, updatedAt: now, suggestions: reply.suggestions };
  if (reply.intent !== "answer" || (question === undefined && state.feedback?.question === undefined))
    return next;
  // The answer replaces the question kept (or drops it). Spelled out, not with rest patterns: this runs on every
  // answer while a review log is on, and V8's object rest is a slow generic copy (ADR 23).
  const voted = state.feedback?.voted;
  const kept = question !== undefined && reply.feedback !== undefined;
  if (kept || voted !== undefined) {
    const feedback: NonNullable<ConversationState["feedback"]> = {};
    if (voted !== undefined) feedback.voted = voted;
    if (kept) feedback.question = { answer: state.answers, text: question };
    next.feedback = feedback;
  } else delete next.feedback;
  return next;
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
        visited: [...without(state.visited, section.id), section.id].slice(-MAX_VISITED),
        also: [],
      };
    }
    case "answer-both": {
      // The first section is the current one (as the reply's `section`); the others are kept for "how much?".
      const [first, ...others] = decision.sections;
      if (!first) return state;
      const ids = decision.sections.map((x) => x.id);
      return {
        ...state,
        answers: state.answers + 1,
        topic: first.topic,
        facet: first.facet,
        section: first.id,
        moreShown: false,
        visited: [...state.visited.filter((v) => !ids.includes(v)), ...ids].slice(-MAX_VISITED),
        also: others.map((x) => x.id),
      };
    }
    case "clarify":
      return { ...state, topic: null, section: null, facet: decision.facet, also: [] };
    case "smalltalk":
      // Start over: everything but the rate-limit window and the answers already rated is forgotten, a paused
      // dialogue too. The rated answers stay so that a button from before the reset cannot count a second vote.
      if (decision.intent !== "reset") return state;
      return state.feedback?.voted === undefined
        ? { ...freshState(now), recent: state.recent }
        : { ...freshState(now), recent: state.recent, feedback: { voted: state.feedback.voted } };
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

/** The list without `id` (a loop, not a closure made per turn: ADR 54). */
function without(list: readonly string[], id: string): string[] {
  const out: string[] = [];
  for (const item of list) if (item !== id) out.push(item);
  return out;
}
