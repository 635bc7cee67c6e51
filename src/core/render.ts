/**
 * Role: the renderer — `render(decision, state, advisories)` is the only place a reply is assembled, from the
 * decision, the conversation's new state and the "see your doctor soon" notes, with text from intents/ and
 * knowledge/ only.
 */
import { DEFAULT_AFTER_URGENT } from "./after-urgent.js";
import type { Decision } from "./decision.js";
import { voteReply } from "./feedback.js";
import type { Intents } from "./intents.js";
import type { KnowledgeIndex } from "./knowledge-index.js";
import { ids, joinParts, type Replies } from "./replies.js";
import { NO_SCOPE } from "./scope.js";
import type { ConversationState } from "./state.js";
import type { Intent, Reply } from "./types.js";

/** Most suggestions on one reply. */
const MAX_SUGGESTIONS = 5;
/** Unseen sections of the tour offered when there is nothing more to say. */
const TOUR_OFFERED = 3;

export class Renderer {
  constructor(
    private readonly intents: Intents,
    private readonly index: KnowledgeIndex,
    private readonly replies: Replies,
    /** Dialogues offered when the bot is lost or has nothing more to say ("dialogue:<name>"). */
    private readonly offered: readonly string[],
  ) {}

  /** The reply for a decision; `state` is the conversation after it. */
  render(decision: Decision, state: ConversationState, advisories: readonly string[]): Reply {
    const reply = this.body(decision, state, advisories);
    // A question asked while a dialogue waits: answer it, then offer to carry on.
    if (!offersResume(decision) || state.paused === null || state.dialogue !== null) return reply;
    const m = this.intents.messages;
    const name = this.replies.dialogueName(state.paused.kind);
    return {
      ...reply,
      text: joinParts([reply.text, m.resume_offer.replace("{dialogue}", name)]),
      suggestions: [
        { label: m.resume_label.replace("{dialogue}", name), id: ids.resume },
        ...reply.suggestions,
      ].slice(0, MAX_SUGGESTIONS),
    };
  }

  private body(decision: Decision, state: ConversationState, advisories: readonly string[]): Reply {
    const m = this.intents.messages;
    const r = this.replies;
    switch (decision.kind) {
      case "notice": {
        const text =
          decision.key === "too_long" ? m.too_long.replace("{max}", fmt(decision.max)) : m[decision.key];
        return r.plain("fallback", [text], decision.topics ? r.topicSuggestions() : []);
      }
      case "urgent": {
        const urgent = this.intents.urgent;
        // A follow-up ("can it wait?") hears why the answer does not change, then the same urgent reply.
        const prefix = decision.followup
          ? (this.intents.afterUrgent ?? DEFAULT_AFTER_URGENT).reply_prefix
          : null;
        return r.plain("urgent", [prefix, urgent.reply], r.suggestions(urgent.suggestions));
      }
      case "rate-limited":
        return r.plain("fallback", [m.rate_limited]);
      case "unknown-button":
        return r.plain("fallback", [m.unknown_button], r.topicSuggestions());
      case "interrupt":
        return this.body(decision.question, state, advisories);
      case "answer":
        // `state` is after the answer: it is the first when it is the only one, and its section is visited.
        return r.answer(decision.section, {
          first: state.answers === 1,
          deeper: decision.deeper,
          advisories: [...advisories],
          exclude: state.visited,
          omit: this.index.sectionsOfTopics(state.ruledOut ?? []),
        });
      case "answer-both":
        return r.answerBoth(decision.sections, {
          first: state.answers === 1,
          advisories: [...advisories],
          exclude: state.visited,
          compare: decision.compare === true,
        });
      case "clarify": {
        const titles = decision.options.map((o) => `**${o.title}**`);
        const text = m.clarify.replace("{options}", titles.join(m.clarify_joiner));
        return r.plain("clarify", [...advisories, text], r.suggestions(decision.options.map((o) => o.id)));
      }
      case "smalltalk": {
        const talk = this.intents.smallTalk.find((t) => t.intent === decision.intent);
        return r.plain(
          decision.intent,
          [...advisories, talk?.replies[0]],
          r.suggestions(talk?.suggestions ?? []),
        );
      }
      case "step": {
        const { step } = decision;
        const intent: Intent = decision.name;
        if (step.type === "exit") return r.plain(intent, step.parts, r.topicSuggestions());
        const reply = r.plain(intent, [...advisories, ...step.parts], step.suggestions);
        return step.image ? { ...reply, image: step.image } : reply;
      }
      case "nothing-paused":
        return r.plain("fallback", [m.no_context], r.topicSuggestions());
      case "vote":
        return voteReply(decision, this.intents.feedback, state, r, this.index);
      case "nothing-more": {
        const unseen = this.index.tour.filter((id) => !state.visited.includes(id));
        // Still an answer about the current section, so it names that section.
        const current = this.index.section(state.section);
        const reply = r.plain(
          current ? "answer" : "fallback",
          [m.more_none, current ? m.source.replace("{heading}", current.heading) : null],
          r.suggestions([...unseen.slice(0, TOUR_OFFERED), ...this.offered]),
        );
        return current ? { ...reply, section: { id: current.id, heading: current.heading } } : reply;
      }
      case "no-context":
        return r.plain("fallback", [...advisories, m.no_context], r.topicSuggestions());
      case "fallback": {
        if (decision.scope) {
          // A topic next to the article: say honestly it is not covered, with its safe pointer, then what is.
          const scope = this.intents.scope ?? NO_SCOPE;
          const { name, note } = decision.scope;
          const parts = [...advisories, scope.reply.replace("{name}", name), note, scope.reply_suffix];
          return r.plain("fallback", parts, r.topicSuggestions());
        }
        const guesses = decision.guesses.map((g) => g.id);
        if (guesses.length > 0) {
          return r.plain("fallback", [...advisories, m.fallback_with_guess], r.suggestions(guesses));
        }
        return r.plain("fallback", [...advisories, m.fallback[0]], r.topicSuggestions());
      }
    }
  }
}

/** Replies to a question (not a dialogue's own step, a notice or a red flag) may offer a paused dialogue. */
function offersResume(decision: Decision): boolean {
  const kind = decision.kind === "interrupt" ? decision.question.kind : decision.kind;
  return !["notice", "urgent", "rate-limited", "unknown-button", "step", "nothing-paused"].includes(kind);
}

function fmt(value: number | undefined): string {
  return (value ?? 0).toLocaleString("en-GB");
}
