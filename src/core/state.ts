/**
 * Role: the conversation state — the plain, JSON-serialisable data kept per conversation, a fresh one, and the
 * restoring of a stored one. It changes only in transition.ts.
 */
import type { DialogueState } from "./dialogues/dialogue.js";
import type { Suggestion } from "./types.js";

/** Context expires after this much silence. */
export const CONTEXT_TTL_MS = 30 * 60 * 1000;

/** Everything CrampBot remembers about one conversation. Plain, JSON-serialisable data. */
export interface ConversationState {
  v: 1;
  /** Last message time (ms); context older than the TTL is dropped. */
  updatedAt: number;
  /** Answers given so far: the first one carries the "not medical advice" line. */
  answers: number;
  topic: string | null;
  facet: string | null;
  section: string | null;
  /**
   * Optional: the sibling sections answered together with `section` ("what should I eat?" answered for both), so a
   * follow-up aspect ("how much?") covers both again. Absent or empty after any other answer.
   */
  also?: string[];
  /** The deeper paragraph of `section` was shown. */
  moreShown: boolean;
  /** Sections answered in this conversation, oldest first (bounded). */
  visited: string[];
  /** The suggestions of the last reply, for "yes" / "1". */
  suggestions: Suggestion[];
  /** The dialogue in progress. */
  dialogue: DialogueState | null;
  /** A dialogue interrupted by a question, offered to resume. */
  paused: DialogueState | null;
  /** Times of recent messages, for the rate limit (bounded). */
  recent: number[];
  /**
   * The conversation had an urgent reply and its follow-ups still belong to it ("can it wait till Monday?");
   * `followups`: how many were answered urgently since. Null when there is no red flag to follow up.
   */
  redFlag: { followups: number } | null;
  /** Topics the person said they already do or ruled out, left out of suggestions. Absent in older states: none. */
  ruledOut?: string[];
  /**
   * "Helpful?" on answers (feedback.ts, ADR 18). What a vote is checked against travels in the vote's own id, so only
   * what votes change is kept: `voted`, the answers ("<section>:<version>") voted on, newest last (bounded; each
   * counted once), written only by a vote; and `question`, the text of the question that got the latest answer and
   * that answer's number (`answers` then), kept only while a review log is configured and dropped once voted or at
   * the next answer. Absent in older states, and in every state of a conversation that never voted (without a
   * review log): none.
   */
  feedback?: { voted?: string[]; question?: { answer: number; text: string } };
}

export function freshState(now: number): ConversationState {
  return {
    v: 1,
    updatedAt: now,
    answers: 0,
    topic: null,
    facet: null,
    section: null,
    moreShown: false,
    visited: [],
    suggestions: [],
    dialogue: null,
    paused: null,
    recent: [],
    redFlag: null,
  };
}

/** Loaded state if it is current and well-formed; otherwise a fresh one (keeping the rate-limit window). */
export function restoreState(value: unknown, now: number, ttlMs: number): ConversationState {
  if (!isState(value)) return freshState(now);
  if (now - value.updatedAt > ttlMs) return { ...freshState(now), recent: value.recent };
  // A state saved before `redFlag` existed has none; one saved before ADR 18 has answers asked about in `feedback`.
  const restored = inOneShape(value);
  return value.feedback === undefined ? restored : { ...restored, feedback: currentFeedback(value.feedback) };
}

/** The keys of {@link freshState}: every state has them (`redFlag` aside, in one saved before it existed). */
const BASE_KEYS: readonly string[] = Object.keys(freshState(0));

/** Every key a state has today: freshState's and the optional ones. */
const STATE_KEYS: ReadonlySet<string> = new Set([...BASE_KEYS, "also", "ruledOut", "feedback"]);

/**
 * States read back with a key of no current field (none is written today), and every copy made of them: copied with
 * a spread, so that the key is kept. `carryOthers` says whether there has been one at all (then the set is asked).
 */
const withOthers = new WeakSet<ConversationState>();
let carryOthers = false;

/**
 * The stored state with its keys in one order (see {@link copyState}), and `redFlag` null when it was saved before
 * red flags existed. A state with a key of no current field, or without one of freshState's, is spread as it is.
 */
function inOneShape(value: ConversationState): ConversationState {
  let keys = 0;
  for (const key in value) {
    if (!STATE_KEYS.has(key)) return spreadWithOthers(value);
    keys++;
  }
  const expected =
    BASE_KEYS.length -
    ("redFlag" in value ? 0 : 1) +
    ("also" in value ? 1 : 0) +
    ("ruledOut" in value ? 1 : 0) +
    ("feedback" in value ? 1 : 0);
  if (keys !== expected) return spreadWithOthers(value);
  const state = copyState(value);
  state.redFlag = value.redFlag ?? null;
  return state;
}

function spreadWithOthers(value: ConversationState): ConversationState {
  const state = { ...value, redFlag: value.redFlag ?? null };
  carryOthers = true;
  withOthers.add(state);
  return state;
}

/**
 * A copy of a state (its own keys and values, the nested data shared), made by one object literal: freshState's keys
 * in its order, then `also`, `ruledOut` and `feedback` when the state has them. A turn copies the state about five
 * times (restoreState, transition.ts, `remember`). Copied by spreads, its states came in ever more shapes: on this
 * V8 (Node 20) a spread that has met more than four shapes makes each copy a map of its own, and every later reading
 * of the state met a new one (ADR 86). A literal's copies share one shape, or one for each optional key added.
 */
export function copyState(value: ConversationState): ConversationState {
  if (carryOthers && withOthers.has(value)) {
    const copy = { ...value };
    withOthers.add(copy);
    return copy;
  }
  const state: ConversationState = {
    v: value.v,
    updatedAt: value.updatedAt,
    answers: value.answers,
    topic: value.topic,
    facet: value.facet,
    section: value.section,
    moreShown: value.moreShown,
    visited: value.visited,
    suggestions: value.suggestions,
    dialogue: value.dialogue,
    paused: value.paused,
    recent: value.recent,
    redFlag: value.redFlag,
  };
  if ("also" in value) state.also = value.also as string[];
  if ("ruledOut" in value) state.ruledOut = value.ruledOut as string[];
  if ("feedback" in value) state.feedback = value.feedback;
  return state;
}

function isState(value: unknown): value is ConversationState {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Partial<ConversationState>;
  return v.v === 1 && typeof v.updatedAt === "number" && Array.isArray(v.visited) && Array.isArray(v.recent);
}

/**
 * The feedback part of a stored state in today's shape: the list of answers asked about (`offered`, before ADR 18)
 * goes, and so does a question text tied to an answer the old way (by key): its answer cannot be told any more.
 */
function currentFeedback(feedback: object): ConversationState["feedback"] {
  const { voted, question } = feedback as { voted?: unknown; question?: { answer?: unknown } };
  if (!("offered" in feedback) && (question === undefined || typeof question.answer === "number"))
    return feedback as ConversationState["feedback"];
  const kept = Array.isArray(voted) ? voted.filter((k): k is string => typeof k === "string") : [];
  return kept.length > 0 ? { voted: kept } : undefined;
}
