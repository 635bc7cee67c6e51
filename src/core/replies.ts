/**
 * Role: reply parts — the answer text with its source line and the "not medical advice" lines, suggestion buttons
 * with stable ids, and the text joiner. Used by render.ts (and by dialogues for their buttons); no reply text is
 * written here, it all comes from intents/ and knowledge/.
 */
import type { Messages } from "./intents.js";
import type { KnowledgeBase, Section } from "./knowledge.js";
import type { Intent, Reply, Suggestion } from "./types.js";

/** Replies fit in this many characters on every platform. */
export const MAX_REPLY = 1500;

/** Suggestions on an answer from sibling sections (their follow-ups together). */
const MAX_BOTH_SUGGESTIONS = 4;

/** Stable suggestion ids. */
export const ids = {
  section: (id: string) => `section:${id}`,
  resume: "dialogue:resume",
} as const;

export class Replies {
  /**
   * @param dialogueNames each registered dialogue's display name, by name.
   * @param lost the targets offered when the bot does not know (section ids, "dialogue:<name>"), in order.
   */
  constructor(
    private readonly knowledge: KnowledgeBase,
    readonly messages: Messages,
    private readonly dialogueNames: ReadonlyMap<string, string>,
    private readonly lost: readonly string[],
  ) {}

  /** A dialogue's display name ("check-up"). */
  dialogueName(name: string): string {
    return this.dialogueNames.get(name) ?? name;
  }

  /** A suggestion for a follow-up target: a section id or "dialogue:<name>". */
  suggestion(target: string): Suggestion | null {
    if (target.startsWith("dialogue:")) {
      const label = this.dialogueNames.get(target.slice("dialogue:".length));
      return label ? { label: capitalise(label), id: target } : null;
    }
    const section = this.knowledge.byId.get(target);
    return section ? { label: section.title, id: ids.section(section.id) } : null;
  }

  suggestions(targets: readonly string[]): Suggestion[] {
    return targets.map((t) => this.suggestion(t)).filter((s): s is Suggestion => s !== null);
  }

  /**
   * An answer from a section. `first`: the first answer of the conversation (carries the disclaimer);
   * `deeper`: show the "more" paragraph; `advisories`: notes that must come first; `exclude`: section ids already
   * seen, offered only when nothing else is; `omit`: section ids never offered (topics the person ruled out).
   */
  answer(
    section: Section,
    opts: { first: boolean; deeper: boolean; advisories: string[]; exclude?: string[]; omit?: string[] },
  ): Reply {
    const body = opts.deeper && section.more.length > 0 ? section.more : section.answer;
    const notice = section.dose ? this.messages.dose_caution : opts.first ? this.messages.disclaimer : null;
    const text = joinParts([
      ...opts.advisories,
      body,
      this.messages.source.replace("{heading}", section.heading),
      notice,
    ]);
    // `omit` (ruled out by the person) is never offered; `exclude` (already seen) only while others remain.
    const offered = section.followups.filter((t) => !(opts.omit ?? []).includes(t));
    const targets = offered.filter((t) => !(opts.exclude ?? []).includes(t));
    return {
      intent: "answer",
      text,
      suggestions: this.suggestions(targets.length > 0 ? targets : offered),
      section: { id: section.id, heading: section.heading },
    };
  }

  /**
   * One answer from sibling sections, in article order: an optional opening line, each section's answer with its
   * source line, then the dose caution if any gives an amount, else the disclaimer on the conversation's first answer.
   * `section` is the first; `sections` names them all.
   */
  answerBoth(
    sections: readonly Section[],
    opts: { first: boolean; advisories: string[]; exclude?: string[]; compare?: boolean },
  ): Reply {
    const m = this.messages;
    const [one, two] = sections;
    const line = opts.compare === true ? (m.compare ?? m.both) : m.both;
    const opening =
      line && one && two ? line.replace("{first}", one.title).replace("{second}", two.title) : null;
    const notice = sections.some((x) => x.dose) ? m.dose_caution : opts.first ? m.disclaimer : null;
    const text = joinParts([
      ...opts.advisories,
      opening,
      ...sections.flatMap((x) => [x.answer, m.source.replace("{heading}", x.heading)]),
      notice,
    ]);
    const answered = sections.map((x) => x.id);
    const all = [...new Set(sections.flatMap((x) => x.followups))].filter((t) => !answered.includes(t));
    const unseen = all.filter((t) => !(opts.exclude ?? []).includes(t));
    const refs = sections.map((x) => ({ id: x.id, heading: x.heading }));
    return {
      intent: "answer",
      text,
      suggestions: this.suggestions((unseen.length > 0 ? unseen : all).slice(0, MAX_BOTH_SUGGESTIONS)),
      section: refs[0] ?? null,
      sections: refs,
    };
  }

  /** A reply that is not an answer from a section. */
  plain(intent: Intent, parts: (string | null | undefined)[], suggestions: Suggestion[] = []): Reply {
    return { intent, text: joinParts(parts), suggestions, section: null };
  }

  /** The topics offered when the bot does not know (the sections and dialogues with that role). */
  topicSuggestions(): Suggestion[] {
    return this.suggestions(this.lost);
  }
}

/** Joins non-empty parts with blank lines and keeps the result within {@link MAX_REPLY}. */
export function joinParts(parts: (string | null | undefined)[]): string {
  const text = parts.filter((p): p is string => typeof p === "string" && p.length > 0).join("\n\n");
  return text.length <= MAX_REPLY ? text : `${text.slice(0, MAX_REPLY - 1).trimEnd()}…`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
