/**
 * Role: the stretch-coach dialogue plug-in (intents/stretch.yaml): the article's calf stretch one step at a time (position, lean, hold, release, repetitions per
 * leg, switch legs), driven by "next" / "done", "back" and "stop". Each step may carry its line drawing
 * (intents/pictures/, named with its alt text in `pictures`, one per step).
 */
import { type Lexicon, PhraseTable, wholeMatch } from "../lexicon.js";
import type { Replies } from "../replies.js";
import type { StretchData } from "../schemas/stretch.js";
import type { ReplyImage } from "../types.js";
import type {
  Dialogue,
  DialogueContext,
  DialogueInput,
  DialoguePlugin,
  DialogueStep,
  PictureFile,
} from "./dialogue.js";

export type { StretchData };

export interface StretchState {
  kind: "stretch";
  step: number;
}

export const STRETCH_NEXT = "stretch:next";
export const STRETCH_STOP = "stretch:stop";

export class Stretch implements Dialogue {
  private readonly next = new PhraseTable<true>();
  private readonly back = new PhraseTable<true>();
  private readonly stop = new PhraseTable<true>();
  readonly section: string;

  constructor(
    private readonly data: StretchData,
    private readonly lexicon: Lexicon,
    private readonly replies: Replies,
    private readonly pictures: ReadonlyMap<string, string> = new Map(),
  ) {
    this.section = data.section;
    for (const [table, words] of [
      [this.next, data.next_words],
      [this.back, data.back_words],
      [this.stop, data.stop_words],
    ] as const) {
      for (const word of words) table.set(lexicon.terms(word), true);
    }
  }

  start(): DialogueStep {
    return this.show(0, [this.data.intro]);
  }

  resume(state: StretchState): DialogueStep {
    return this.show(state.step, [this.data.resumed]);
  }

  answer(state: StretchState, input: DialogueInput): DialogueStep {
    if (input.buttonId === STRETCH_NEXT) return this.show(state.step + 1, []);
    if (input.buttonId === STRETCH_STOP) return { type: "exit", parts: [this.data.stopped] };
    if (input.buttonId !== undefined) return { type: "unrecognised" };
    const terms = this.lexicon.analyze(input.text ?? "").terms;
    if (wholeMatch(this.stop, terms)) return { type: "exit", parts: [this.data.stopped] };
    if (wholeMatch(this.back, terms)) return this.show(Math.max(0, state.step - 1), []);
    if (wholeMatch(this.next, terms)) return this.show(state.step + 1, []);
    return { type: "unrecognised" };
  }

  /** Not a step command: show the current step again so the user knows what to say. */
  notUnderstood(state: StretchState): DialogueStep {
    return this.show(state.step, []);
  }

  private show(step: number, notes: string[]): DialogueStep {
    const text = this.data.steps[step];
    if (text === undefined) {
      return {
        type: "finish",
        parts: [...notes, this.data.finished],
        suggestions: this.replies.suggestions(this.data.finished_suggestions),
        sections: [this.data.section],
      };
    }
    const state: StretchState = { kind: "stretch", step };
    const image = this.image(step);
    return {
      type: "continue",
      state,
      parts: [...notes, text],
      suggestions: [
        { label: this.data.next_label, id: STRETCH_NEXT },
        { label: this.data.stop_label, id: STRETCH_STOP },
      ],
      ...(image ? { image } : {}),
    };
  }

  /** The step's drawing; none when the data names no picture or its file was not loaded. */
  private image(step: number): ReplyImage | undefined {
    const picture = this.data.pictures?.[step];
    const svg = picture ? this.pictures.get(picture.file) : undefined;
    if (!picture || svg === undefined) return undefined;
    return { name: `stretch-step-${step + 1}`, alt: picture.alt, svg, path: `intents/${picture.file}` };
  }
}

/** The stretch coach as registered in registry.ts. */
export const stretchDialogue: DialoguePlugin<StretchData> = {
  name: "stretch",
  // "Next" and "stop" are read in answers ("back" never was registered: kept as it was).
  vocabulary: (data) => [[...data.next_words, ...data.stop_words].join(" ")],
  pictures: (data): PictureFile[] =>
    (data.pictures ?? []).map((picture, i) => ({ file: picture.file, field: `pictures.${i}.file` })),
  create: (data, { lexicon, replies, pictures }: DialogueContext) =>
    new Stretch(data, lexicon, replies, pictures),
};
