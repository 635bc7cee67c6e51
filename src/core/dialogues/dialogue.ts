/**
 * Role: the dialogue plug-in contract. A guided dialogue (the check-up, the stretch coach, ...) is one data file in
 * intents/ plus one TypeScript file implementing {@link DialoguePlugin}, registered in registry.ts. The engine, the
 * reader and the rules only ever see this interface and the dialogue's name as data.
 */
import type { z } from "zod";
import type { KnowledgeBase } from "../knowledge.js";
import type { Lexicon } from "../lexicon.js";
import type { Replies } from "../replies.js";
import type { ReplyImage, Suggestion } from "../types.js";

/** Plain, JSON-serialisable dialogue state: it lives in the session store between messages. */
export interface DialogueState {
  /** The dialogue's registered name. */
  kind: string;
}

/**
 * The outcome of one dialogue step: a discriminated union the engine switches on. `parts` are the reply's paragraphs,
 * from the dialogue's data; the renderer assembles the reply from them.
 */
export type DialogueStep =
  /** Ask (or tell) the next thing; the dialogue continues with `state`. `image`: a picture that goes with it. */
  | {
      type: "continue";
      state: DialogueState;
      parts: string[];
      suggestions: Suggestion[];
      image?: ReplyImage;
    }
  /** The dialogue ended normally. `image`: a picture that goes with the last reply (the check-up's card). */
  | { type: "finish"; parts: string[]; suggestions: Suggestion[]; sections: string[]; image?: ReplyImage }
  /** The user left ("stop", "cancel"). */
  | { type: "exit"; parts: string[] }
  /** The message is not an answer to the current step; the engine decides what it is. */
  | { type: "unrecognised" };

/** One turn's input to a dialogue. */
export interface DialogueInput {
  /** The button id, when a button was pressed. */
  buttonId?: string;
  /** The text, when the user typed. */
  text?: string;
}

/** A running dialogue: its four steps. */
export interface Dialogue {
  start(): DialogueStep;
  /** Reads the user's answer to the current step (a button or text). */
  answer(state: DialogueState, input: DialogueInput): DialogueStep;
  /** Picks up again after an interruption. */
  resume(state: DialogueState): DialogueStep;
  /** The message was not an answer and not a question worth leaving for: ask again. */
  notUnderstood(state: DialogueState): DialogueStep;
  /**
   * Optional: the section the dialogue is about. A question asked inside it ("how many on each leg?") is read as
   * about that section, as after an answer from it. Default: none (questions are read with the state as it is).
   */
  readonly section?: string;
}

/** What every dialogue's data file holds besides its script. */
export interface DialogueData {
  /** Shown in "carry on with the {dialogue}?" and on its button. */
  display_name: string;
  /** Requests that start it: "/checkup", "quiz me", "walk me through the stretch". */
  examples: string[];
  /** Words only a dialogue request uses: an example with one matches even inside a longer message. */
  trigger_words: string[];
  /** Offered (as a suggestion) when the bot is lost or has nothing more to say. Default: false. */
  offered_when_lost?: boolean;
}

/** What a dialogue's constructor is given. */
export interface DialogueContext {
  lexicon: Lexicon;
  knowledge: KnowledgeBase;
  replies: Replies;
  /**
   * The SVG source of every picture the dialogues' data names, by its path relative to intents/ (as the data names
   * it). The loader reads and checks the files; the core never reads a file. Default: none (no pictures shown).
   */
  pictures: ReadonlyMap<string, string>;
}

/** A picture file a dialogue's data names, and the field that names it (for load errors). */
export interface PictureFile {
  /** Relative to intents/, e.g. "pictures/stretch-1.svg". */
  file: string;
  /** The data field naming it, e.g. "pictures.0.file". */
  field: string;
}

/** A dialogue as registered: its name, how to build it, and its data file's schema. */
export interface DialoguePlugin<D extends DialogueData = DialogueData> {
  /** Registered name: the data file is intents/<name>.yaml, suggestions name it "dialogue:<name>". */
  readonly name: string;
  /**
   * Validates its data file. Default: the schema registered under its name in schemas/dialogues.ts. The built-in
   * dialogues keep theirs there, so that an engine started from the precomputed data never loads zod.
   */
  readonly schema?: z.ZodType<D>;
  /**
   * Texts whose words the dialogue reads in answers, registered with the lexicon after every dialogue's examples (the
   * order the lexicon was always built in).
   */
  vocabulary(data: D): string[];
  /** Optional: the picture files the data names; the loader reads and checks each. Default: none. */
  pictures?(data: D): PictureFile[];
  create(data: D, context: DialogueContext): Dialogue;
}
