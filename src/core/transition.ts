/**
 * Role: the state transition — `transition(state, decision, now)` gives the conversation's next state, and
 * `remember(state, reply, now)` records the reply's suggestions. Pure (the state given is never changed), and the only
 * place conversation state changes: reset, dialogue start, step, pause and resume, the topic and facet carried over,
 * the rate-limit window.
 */
import type { ActedDecision, Decision, DialogueOutcome } from "./decision.js";
import { answerKey } from "./feedback.js";
import { type ConversationState, copyState, freshState } from "./state.js";
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
      const next = copyState(state);
      if (state.dialogue !== null) {
        next.paused = state.dialogue;
        next.dialogue = null;
      }
      next.redFlag = { followups: decision.followup ? (state.redFlag?.followups ?? 0) + 1 : 0 };
      return next;
    }
    case "rate-limited": {
      const next = copyState(state);
      next.recent = inWindow(state, now, limit).slice(-limit.messages);
      return next;
    }
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
      const next = counted(state, now, limit);
      next.feedback = feedback;
      return next;
    }
    case "interrupt": {
      const next = counted(state, now, limit);
      next.paused = decision.paused;
      next.dialogue = null;
      next.redFlag = null;
      return acted(next, decision.question, now);
    }
    default: {
      const next = acted(counted(state, now, limit), decision, now);
      next.redFlag = afterRedFlag(state, decision);
      return next;
    }
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
  const next = copyState(state);
  next.updatedAt = now;
  next.suggestions = reply.suggestions;
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

/**
 * The state after an acted decision, changed in place: `state` is the turn's own copy (counted's), never the state the
 * transition was given. Copies are made by one literal and changed by assignment, not spread: on this V8 (Node 20) a
 * spread that has met more than four shapes gives each copy a map of its own, and every later reading of the state
 * then met a new one (ADR 86).
 */
function acted(
  state: ConversationState,
  decision: ActedDecision | { kind: "unknown-button" },
  now: number,
): ConversationState {
  switch (decision.kind) {
    case "answer": {
      const { section, deeper } = decision;
      // (Ruled-out topics first, then `also`: where a state had neither, the order a spread of both gave them.)
      const kept = ruledOut(state, section.topic, decision.ruledOut ?? []);
      if (kept !== undefined) state.ruledOut = kept;
      state.answers = state.answers + 1;
      state.topic = section.topic;
      state.facet = section.facet;
      state.section = section.id;
      state.moreShown = deeper;
      state.visited = [...without(state.visited, section.id), section.id].slice(-MAX_VISITED);
      state.also = [];
      return state;
    }
    case "answer-both": {
      // The first section is the current one (as the reply's `section`); the others are kept for "how much?".
      const [first, ...others] = decision.sections;
      if (!first) return state;
      const ids = decision.sections.map((x) => x.id);
      state.answers = state.answers + 1;
      state.topic = first.topic;
      state.facet = first.facet;
      state.section = first.id;
      state.moreShown = false;
      state.visited = [...state.visited.filter((v) => !ids.includes(v)), ...ids].slice(-MAX_VISITED);
      state.also = others.map((x) => x.id);
      return state;
    }
    case "clarify":
      state.topic = null;
      state.section = null;
      state.facet = decision.facet;
      state.also = [];
      return state;
    case "smalltalk": {
      // Start over: everything but the rate-limit window and the answers already rated is forgotten, a paused
      // dialogue too. The rated answers stay so that a button from before the reset cannot count a second vote.
      if (decision.intent !== "reset") return state;
      const fresh = freshState(now);
      fresh.recent = state.recent;
      if (state.feedback?.voted !== undefined) fresh.feedback = { voted: state.feedback.voted };
      return fresh;
    }
    case "step":
      if (decision.from !== "answer") state.paused = null;
      return stepped(state, decision.step);
    case "nothing-paused":
      state.paused = null;
      return state;
    default:
      return state;
  }
}

/**
 * Topics ruled out so far, plus the answer's; a topic answered about is no longer ruled out (the person asked for
 * it). Kept only when there are any (undefined: none), so states without them keep their shape.
 */
function ruledOut(state: ConversationState, topic: string, added: readonly string[]): string[] | undefined {
  const before = state.ruledOut ?? [];
  if (before.length === 0 && added.length === 0) return undefined;
  return [...new Set([...before, ...added])].filter((t) => t !== topic);
}

/** The state after a dialogue's step, changed in place (see {@link acted}). */
function stepped(state: ConversationState, step: DialogueOutcome): ConversationState {
  switch (step.type) {
    case "continue":
      state.dialogue = step.state;
      return state;
    case "finish":
      state.dialogue = null;
      state.answers = state.answers + 1;
      return state;
    case "exit":
      state.dialogue = null;
      return state;
  }
}

function inWindow(state: ConversationState, now: number, limit: RateLimit): number[] {
  return state.recent.filter((t) => now - t < limit.windowMs);
}

/** This message counts against the rate limit: a copy of the state, the turn's own to change. */
function counted(state: ConversationState, now: number, limit: RateLimit): ConversationState {
  const next = copyState(state);
  next.recent = [...inWindow(state, now, limit), now].slice(-limit.messages);
  return next;
}

/** The list without `id` (a loop, not a closure made per turn: ADR 54). */
function without(list: readonly string[], id: string): string[] {
  const out: string[] = [];
  for (const item of list) if (item !== id) out.push(item);
  return out;
}
