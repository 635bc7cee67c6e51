/** What every guided dialogue shares: its plain-data state and the result of one step. */
import type { Suggestion } from "../types.js";

export interface CheckupState {
  kind: "checkup";
  /** Index of the question being asked. */
  step: number;
  /** Option id chosen per question id; skipped questions are absent. */
  answers: Record<string, string>;
  /** The current question was already asked again once. */
  retried: boolean;
}

export interface StretchState {
  kind: "stretch";
  step: number;
}

/** Plain, JSON-serialisable dialogue state: it lives in the session store between messages. */
export type DialogueState = CheckupState | StretchState;

/** The outcome of one dialogue step: a discriminated union the engine switches on. */
export type DialogueStep =
  /** Ask (or tell) the next thing; the dialogue continues with `state`. */
  | { type: "continue"; state: DialogueState; text: string; suggestions: Suggestion[] }
  /** The dialogue ended normally. */
  | { type: "finish"; text: string; suggestions: Suggestion[]; sections: string[] }
  /** The user left ("stop", "cancel"). */
  | { type: "exit"; text: string }
  /** The message is not an answer to the current step; the engine decides what it is. */
  | { type: "unrecognised" };

/** One turn's input to a dialogue. */
export interface DialogueInput {
  /** The button id, when a button was pressed. */
  buttonId?: string;
  /** The text, when the user typed. */
  text?: string;
}
