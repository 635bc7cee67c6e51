/**
 * Role: the check-up dialogue plug-in (intents/checkup.yaml). Five questions about habits (water, stretching, nuts and seeds, sun or vitamin D, stress and
 * sleep), then tips that each cite their section, with a result card (checkup-card.ts) showing each habit's state.
 * Buttons or free text; an answer not understood is asked again once with an example, then skipped.
 */

import { cardImage } from "../checkup-card.js";
import type { KnowledgeBase } from "../knowledge.js";
import { type Analysis, type Lexicon, PhraseTable, wholeMatch } from "../lexicon.js";
import type { Numbers } from "../numbers.js";
import type { Replies } from "../replies.js";
import type { CheckupData } from "../schemas/checkup.js";
import type { ReplyCardRow, ReplyImage, Suggestion } from "../types.js";
import type { Dialogue, DialogueContext, DialogueInput, DialoguePlugin, DialogueStep } from "./dialogue.js";

export type { CheckupData };

export interface CheckupState {
  kind: "checkup";
  /** Index of the question being asked. */
  step: number;
  /** Option id chosen per question id; skipped questions are absent. */
  answers: Record<string, string>;
  /** The current question was already asked again once. */
  retried: boolean;
}

export const CHECKUP_BUTTON = "checkup:";

export class Checkup implements Dialogue {
  private readonly tables: PhraseTable<string>[];
  private readonly stopWords = new PhraseTable<true>();
  private readonly skipWords = new PhraseTable<true>();

  constructor(
    private readonly data: CheckupData,
    private readonly lexicon: Lexicon,
    private readonly knowledge: KnowledgeBase,
    private readonly replies: Replies,
  ) {
    this.tables = data.questions.map((question) => {
      const table = new PhraseTable<string>();
      for (const option of question.options) {
        for (const pattern of option.patterns) table.set(lexicon.terms(pattern), option.id);
      }
      return table;
    });
    for (const word of data.stop_words) this.stopWords.set(lexicon.terms(word), true);
    for (const word of data.skip_words) this.skipWords.set(lexicon.terms(word), true);
  }

  start(): DialogueStep {
    const state: CheckupState = { kind: "checkup", step: 0, answers: {}, retried: false };
    return this.ask(state, [this.data.intro]);
  }

  /** Re-asks the current question after an interruption. */
  resume(state: CheckupState): DialogueStep {
    return this.ask(state, [this.data.resumed]);
  }

  /** Reads the user's answer to the current question. */
  answer(state: CheckupState, input: DialogueInput): DialogueStep {
    // Another button (a topic, another dialogue) is for the engine to read, whatever the question.
    if (input.buttonId !== undefined && !input.buttonId.startsWith(CHECKUP_BUTTON))
      return { type: "unrecognised" };
    const question = this.data.questions[state.step];
    if (!question) return this.finish(state);
    if (input.buttonId !== undefined) {
      const [, questionId, optionId] = input.buttonId.split(":");
      if (questionId !== question.id || !question.options.some((o) => o.id === optionId))
        return { type: "unrecognised" };
      return this.advance(state, question.id, optionId ?? null, []);
    }
    const analysis = this.lexicon.analyze(input.text ?? "");
    const terms = analysis.terms;
    if (wholeMatch(this.stopWords, terms)) return { type: "exit", parts: [this.data.stopped] };
    if (wholeMatch(this.skipWords, terms)) return this.advance(state, question.id, null, [this.data.skipped]);
    const optionId = this.readOption(state.step, analysis);
    if (optionId === null) return { type: "unrecognised" };
    return this.advance(state, question.id, optionId, []);
  }

  /** The answer was not understood: ask again once with an example, then skip the question. */
  notUnderstood(state: CheckupState): DialogueStep {
    const question = this.data.questions[state.step];
    if (!question) return this.finish(state);
    if (!state.retried) return this.ask({ ...state, retried: true }, [], question.reprompt);
    return this.advance(state, question.id, null, [this.data.skipped]);
  }

  private readOption(step: number, analysis: Analysis): string | null {
    const question = this.data.questions[step];
    const table = this.tables[step];
    if (!question || !table) return null;
    if (question.amount) {
      const litres = readLitres(
        analysis.stems,
        this.lexicon.data.litres_per_unit ?? {},
        this.lexicon.numbers,
      );
      if (litres !== null) {
        if (litres < question.amount.low_below) return "low";
        return litres < question.amount.high_from ? "mid" : "high";
      }
    }
    let best: { value: string; length: number; start: number } | null = null;
    for (const hit of table.everyMatch(analysis.terms)) {
      if (!best || hit.length > best.length) best = hit;
    }
    return best?.value ?? null;
  }

  private advance(
    state: CheckupState,
    questionId: string,
    optionId: string | null,
    notes: string[],
  ): DialogueStep {
    const answers = optionId === null ? state.answers : { ...state.answers, [questionId]: optionId };
    const next: CheckupState = { kind: "checkup", step: state.step + 1, answers, retried: false };
    if (next.step >= this.data.questions.length) return this.finish(next, notes);
    return this.ask(next, notes);
  }

  private ask(state: CheckupState, notes: string[], override?: string): DialogueStep {
    const question = this.data.questions[state.step];
    if (!question) return this.finish(state);
    const suggestions: Suggestion[] = question.options.map((o) => ({
      label: o.label,
      id: `${CHECKUP_BUTTON}${question.id}:${o.id}`,
    }));
    return { type: "continue", state, parts: [...notes, override ?? question.text], suggestions };
  }

  private finish(state: CheckupState, notes: string[] = []): DialogueStep {
    const tips: string[] = [];
    const sections: string[] = [];
    const rows: ReplyCardRow[] = [];
    const card = this.data.card;
    for (const question of this.data.questions) {
      const chosen = state.answers[question.id];
      const tip = chosen ? this.data.tips[question.id]?.[chosen] : undefined;
      const section = tip ? this.knowledge.byId.get(tip.section) : undefined;
      if (card) {
        // A habit with a tip is worth a look; answered without one, it looks fine; skipped, it is not answered.
        const state = chosen === undefined ? "skipped" : tip && section ? "look" : "fine";
        const label = card.habits[question.id] ?? question.id;
        const source = section?.title ?? null;
        const sourceLabel = source === null ? null : card.source.replace("{title}", source);
        rows.push({ label, state, stateLabel: card.states[state], source, sourceLabel });
      }
      if (!tip || !section) continue;
      tips.push(`• ${tip.text} ${this.data.tip_source.replace("{title}", section.heading)}`);
      sections.push(section.id);
    }
    const anyDose = sections.some((id) => this.knowledge.byId.get(id)?.dose);
    const messages = this.replies.messages;
    const fine = rows.filter((row) => row.state === "fine").map((row) => row.label.toLowerCase());
    // With some tips, say which habits already look fine: the text alone carries all the card shows.
    const fineLine =
      card && tips.length > 0 && fine.length > 0
        ? card.fine_line.replace("{habits}", fine.join(card.fine_joiner))
        : null;
    const body =
      tips.length > 0
        ? [this.data.tips_intro, tips.join("\n"), fineLine].filter((p) => p !== null).join("\n\n")
        : this.data.all_good;
    const parts = [...notes, body, anyDose ? messages.dose_caution : messages.disclaimer];
    const image: ReplyImage | undefined = card ? cardImage({ title: card.title, rows }, card) : undefined;
    return {
      type: "finish",
      parts,
      suggestions: this.replies.suggestions(this.data.closing_suggestions),
      sections,
      ...(image ? { image } : {}),
    };
  }
}

/** A bare number from this on is millilitres. */
const MILLILITRES_FROM = 100;
/** A bare number up to this is litres; above it (and below {@link MILLILITRES_FROM}), glasses. */
const LITRES_UP_TO = 4;

/**
 * Litres from "1.5 l", "about a litre", "6 glasses", "2000 ml", "half a litre", or a bare number; `perUnit` is the
 * lexicon's `litres_per_unit` (stemmed unit words), `numbers` its number words.
 */
export function readLitres(
  stems: readonly string[],
  litresPerUnit: Readonly<Record<string, number>>,
  numbers: Numbers,
): number | null {
  for (let i = 0; i < stems.length; i++) {
    const perUnit = litresPerUnit[stems[i] ?? ""];
    if (perUnit === undefined || i === 0) continue;
    let amount = numbers.parse(stems[i - 1] ?? "");
    if (amount === null) continue;
    if (amount === 1 && stems[i - 2] === "half") amount = 0.5;
    return amount * perUnit;
  }
  // A bare number counts only when written in digits: "a lot" is not one litre.
  const digits = stems
    .filter((t) => /^\d/.test(t))
    .map(Number)
    .filter((n) => n > 0);
  const bare = digits.length === 1 && stems.length <= 3 ? digits[0] : undefined;
  if (bare === undefined) return null;
  if (bare >= MILLILITRES_FROM) return bare / 1000;
  return bare <= LITRES_UP_TO ? bare : bare * (litresPerUnit.glass ?? 0.25);
}

/** The check-up as registered in registry.ts. */
export const checkupDialogue: DialoguePlugin<CheckupData> = {
  name: "checkup",
  // Option patterns and stop words are read in answers (skip words never were registered: kept as they were).
  vocabulary: (data) => [
    data.questions.flatMap((q) => q.options.flatMap((o) => o.patterns)).join(" "),
    data.stop_words.join(" "),
  ],
  create: (data, { lexicon, knowledge, replies }: DialogueContext) =>
    new Checkup(data, lexicon, knowledge, replies),
};
