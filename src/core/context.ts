/**
 * Conversation context: the plain-data state kept per conversation, and the resolution of a message's signals
 * against it — follow-ups ("what dose?"), topic switches that keep the facet ("and for magnesium?"), "tell me more".
 */
import type { DialogueState } from "./dialogues/dialogue.js";
import { GENERAL_TOPICS, type KnowledgeBase, type Section, WHAT_TO_DO_TOPICS } from "./knowledge.js";
import type { DialogueName, Matcher, Signals } from "./matcher.js";
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
  };
}

/** Loaded state if it is current and well-formed; otherwise a fresh one (keeping the rate-limit window). */
export function restoreState(value: unknown, now: number, ttlMs: number): ConversationState {
  if (!isState(value)) return freshState(now);
  if (now - value.updatedAt > ttlMs) return { ...freshState(now), recent: value.recent };
  return value;
}

function isState(value: unknown): value is ConversationState {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Partial<ConversationState>;
  return v.v === 1 && typeof v.updatedAt === "number" && Array.isArray(v.visited) && Array.isArray(v.recent);
}

/** What to do with a message, given its signals and the conversation so far. */
export type Decision =
  | { kind: "answer"; section: Section; deeper: boolean }
  | { kind: "clarify"; options: Section[]; facet: string | null }
  | { kind: "smalltalk"; intent: NonNullable<Signals["smallTalk"]> }
  | { kind: "dialogue"; name: DialogueName }
  | { kind: "resume" }
  | { kind: "nothing-more" }
  | { kind: "no-context" }
  | { kind: "fallback"; reason: "out-of-scope" | "unknown" | "no-match"; guesses: Section[] };

/** Two topics this close are asked about rather than guessed. */
const CLARIFY_RATIO = 0.75;

export class ContextResolver {
  constructor(
    private readonly matcher: Matcher,
    private readonly knowledge: KnowledgeBase,
  ) {}

  resolve(s: Signals, state: ConversationState, text: string): Decision {
    if (s.dialogue !== null && !s.outOfScope) return { kind: "dialogue", name: s.dialogue };
    const contextual = state.topic === null ? null : this.matcher.dialogueInContext(s, state.topic);
    if (contextual !== null && !s.outOfScope && s.topics.size === 0)
      return { kind: "dialogue", name: contextual };
    if (s.smallTalk !== null) return { kind: "smalltalk", intent: s.smallTalk };
    if (s.followup !== null) return this.followup(s.followup, state);

    const ranked = this.matcher.rankTopics(s);
    const top = ranked[0];
    const specific = top !== undefined && !GENERAL_TOPICS.includes(top.topic);

    // Advisories may name the section that answers them ("my cramps began with a new medicine" -> causes).
    const advised = s.redFlags.advisorySections[0];
    const advisedSection = advised === undefined ? undefined : this.knowledge.byId.get(advised);
    if (advisedSection && !specific) return { kind: "answer", section: advisedSection, deeper: false };

    if (s.outOfScope && !(specific && s.anchored)) return this.fallback("out-of-scope", text);

    // "what can I do about that?" while on a specific topic: a general phrase plus a pointer to the last answer.
    const current = state.section === null ? undefined : this.knowledge.byId.get(state.section);
    const staysOnTopic =
      s.pointsBack ||
      (top !== undefined &&
        WHAT_TO_DO_TOPICS.includes(top.topic) &&
        top.score <= 1 &&
        current !== undefined &&
        this.matcher.overlap(s, current.id) > 0);
    if (top && !specific && current && !GENERAL_TOPICS.includes(current.topic) && staysOnTopic) {
      return { kind: "answer", section: current, deeper: !state.moreShown && current.more.length > 0 };
    }

    // A general topic picked up from a phrase like "what helps" gives way to a named aspect ("which supplements help").
    const facet = strongest(s.facets, WITHIN_TOPIC_FACETS);
    const facetFirst = top !== undefined && !specific && facet !== null && (s.facets.get(facet) ?? 0) >= 1;
    if (top && !facetFirst) {
      const second = ranked[1];
      // Two close topics, but the aspect asked about exists for only one of them ("the lack of sun"): that one.
      const withFacet =
        facet === null
          ? []
          : ranked.filter((r) => this.matcher.sectionsWithFacet(facet).some((x) => x.topic === r.topic));
      const onlyOne = withFacet.length === 1 ? withFacet[0] : undefined;
      if (specific && onlyOne && second && second.score >= CLARIFY_RATIO * top.score) {
        const section = this.matcher.sectionOf(onlyOne.topic, s, null);
        if (section) return { kind: "answer", section, deeper: false };
      }
      if (specific && second && second.score >= CLARIFY_RATIO * top.score && second.topic !== state.topic) {
        const options = [top.topic, second.topic]
          .map((t) => this.matcher.sectionOf(t, s, null))
          .filter((x): x is Section => x !== undefined);
        return { kind: "clarify", options, facet };
      }
      if (!specific && this.matcher.unknownMatters(s) && !s.anchored) return this.fallback("unknown", text);
      const carried = this.carriedFacet(s, state, top.topic);
      const section = this.matcher.sectionOf(top.topic, s, carried);
      if (section) return { kind: "answer", section, deeper: false };
    }

    if (facet !== null) {
      if (this.matcher.unknownMatters(s) && !s.anchored) return this.fallback("unknown", text);
      if (state.topic !== null && !GENERAL_TOPICS.includes(state.topic)) {
        const section = this.matcher.sectionOf(state.topic, s, null);
        if (section) return { kind: "answer", section, deeper: false };
      }
      const candidates = this.matcher.sectionsWithFacet(facet);
      const only = candidates[0];
      if (candidates.length === 1 && only) return { kind: "answer", section: only, deeper: false };
      if (candidates.length > 1) return { kind: "clarify", options: candidates, facet };
    }

    // A question about the answer just given ("how hard should I press?" after massage).
    if (current && s.unknown.length === 0 && this.matcher.overlap(s, current.id) > 0) {
      return { kind: "answer", section: current, deeper: !state.moreShown && current.more.length > 0 };
    }

    // "can I do it on myself?" right after an answer: about that answer.
    if (current && s.pointsBack && s.unknown.length === 0 && s.topics.size === 0) {
      return { kind: "answer", section: current, deeper: !state.moreShown && current.more.length > 0 };
    }

    if (s.anchored && s.unknown.length === 0 && s.otherContent <= 1) {
      const overview = this.knowledge.byId.get("overview");
      if (overview) return { kind: "answer", section: overview, deeper: false };
    }
    return this.fallback(s.unknown.length > 0 ? "unknown" : "no-match", text);
  }

  /** The facet to keep when the message switches topic without naming an aspect ("and for vitamin D?"). */
  private carriedFacet(s: Signals, state: ConversationState, topic: string): string | null {
    if (state.facet === null || s.facets.size > 0 || topic === state.topic) return null;
    const short = s.analysis.tokenCount <= 3 && s.otherContent === 0;
    return s.switchTopic || short ? state.facet : null;
  }

  private followup(kind: NonNullable<Signals["followup"]>, state: ConversationState): Decision {
    if (kind === "resume" && state.paused !== null) return { kind: "resume" };
    if (kind === "affirm") {
      if (state.paused !== null) return { kind: "resume" };
      const first = state.suggestions[0];
      if (first) return this.target(first.id);
      return { kind: "no-context" };
    }
    const current = state.section === null ? undefined : this.knowledge.byId.get(state.section);
    if (!current) return { kind: "no-context" };
    if ((kind === "more" || kind === "resume") && !state.moreShown && current.more.length > 0) {
      return { kind: "answer", section: current, deeper: true };
    }
    const next = current.followups.find((t) => !state.visited.includes(t) && !t.startsWith("dialogue:"));
    const section = next === undefined ? undefined : this.knowledge.byId.get(next);
    if (section) return { kind: "answer", section, deeper: false };
    return { kind: "nothing-more" };
  }

  /** What a suggestion id asks for. */
  target(id: string): Decision {
    if (id.startsWith("section:")) {
      const section = this.knowledge.byId.get(id.slice("section:".length));
      if (section) return { kind: "answer", section, deeper: false };
    }
    if (id === "dialogue:checkup" || id === "dialogue:stretch") {
      return { kind: "dialogue", name: id.slice("dialogue:".length) as DialogueName };
    }
    if (id === "dialogue:resume") return { kind: "resume" };
    return { kind: "no-context" };
  }

  private fallback(reason: "out-of-scope" | "unknown" | "no-match", text: string): Decision {
    return { kind: "fallback", reason, guesses: reason === "no-match" ? this.matcher.guesses(text, 3) : [] };
  }
}

/** Facets that only choose among one topic's sections, never across topics. */
const WITHIN_TOPIC_FACETS: readonly string[] = ["overview"];

function strongest(map: Map<string, number>, exclude: readonly string[]): string | null {
  let best: string | null = null;
  let bestScore = 0;
  for (const [key, score] of map) {
    if (exclude.includes(key)) continue;
    if (score > bestScore) {
      best = key;
      bestScore = score;
    }
  }
  return best;
}
