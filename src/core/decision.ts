/**
 * Role: the decision — what to do with one message. The rules (rules.ts) and the engine's steps make one; transition.ts
 * turns it into the next conversation state and render.ts into the reply. Nothing else passes between them.
 */
import type { DialogueState, DialogueStep } from "./dialogues/dialogue.js";
import type { VoteDecision } from "./feedback.js";
import type { SmallTalk } from "./intents.js";
import type { Section } from "./knowledge.js";
import type { ScopeTopic } from "./scope.js";

/** A fixed message from intents/messages.yaml that is a whole reply (bad input, the rate limit, ...). */
export type NoticeKey =
  | "unsupported"
  | "empty"
  | "too_long"
  | "unreadable"
  | "emoji_only"
  | "not_english"
  | "error";

/** What the rules decide: an answer, a question back, small talk, a dialogue, or "I don't know". */
export type RuleDecision =
  /** `ruledOut`: topics the person already does or ruled out (left out of the suggestions). */
  | { kind: "answer"; section: Section; deeper: boolean; ruledOut?: string[] }
  | { kind: "clarify"; options: Section[]; facet: string | null }
  /**
   * One reply from two (or more) sections, in article order; the first is the reply's `section`. `compare`: the
   * person asked which is better (the reply opens by saying the article does not rank them).
   */
  | { kind: "answer-both"; sections: Section[]; compare?: boolean }
  | { kind: "smalltalk"; intent: SmallTalk["intent"] }
  | { kind: "dialogue"; name: string }
  | { kind: "resume" }
  | { kind: "nothing-more" }
  | { kind: "no-context" }
  /** `scope`: the topic next to the article that the message is about (named in the reply). */
  | {
      kind: "fallback";
      reason: "out-of-scope" | "unknown" | "no-match";
      guesses: Section[];
      scope?: ScopeTopic;
    }
  /** A follow-up to a red flag ("it's probably nothing though?"): "seek help now" again. */
  | { kind: "urgent"; followup: true };

/** A rule's decision after the engine has asked the dialogue it names for its first (or resumed) step. */
export type ActedDecision =
  | Exclude<RuleDecision, { kind: "dialogue" } | { kind: "resume" }>
  /** A dialogue's step. `from`: a started dialogue, a resumed one, or an open one reading the message. */
  | { kind: "step"; name: string; step: DialogueOutcome; from: "start" | "resume" | "answer" }
  /** "Resume" with nothing paused. */
  | { kind: "nothing-paused" };

/** Every decision the engine acts on, from the guard, the safety check, the rate limit, a dialogue or the rules. */
export type Decision =
  | ActedDecision
  /** Bad input, before the message counts: a fixed message; `topics`: offer the topics. `max` fills {max}. */
  | { kind: "notice"; key: NoticeKey; topics: boolean; max?: number }
  /** A red flag: seek medical help now. An open dialogue is paused. */
  | { kind: "urgent"; followup?: undefined }
  /** Too many messages in the window. */
  | { kind: "rate-limited" }
  /** A button whose target no longer exists. */
  | { kind: "unknown-button" }
  /** A question asked mid-dialogue: the dialogue is paused (and offered to resume), the question answered. */
  | { kind: "interrupt"; paused: DialogueState; question: ActedDecision }
  /** A "Helpful?" vote on an answer (feedback.ts). */
  | VoteDecision;

/** A dialogue step that is a reply (an unrecognised message is not). */
export type DialogueOutcome = Exclude<DialogueStep, { type: "unrecognised" }>;
