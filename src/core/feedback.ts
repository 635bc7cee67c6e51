/**
 * Role: feedback on answers — the "Helpful?" ask put on answers, the vote ids and answer versions, the vote
 * decision, the thanks reply, and the recording of a counted vote (in the FeedbackStore, and a "no" in the review
 * log when one is configured). The state it reads (`ConversationState.feedback`) changes only in transition.ts.
 * Text comes from intents/feedback.yaml; without that file no answer asks. Docs: docs/adr/0013-feedback-on-answers.md.
 */
import type { Decision } from "./decision.js";
import { DataError } from "./errors.js";
import { sha256Hex } from "./hash.js";
import type { KnowledgeBase, Section } from "./knowledge.js";
import type { KnowledgeIndex } from "./knowledge-index.js";
import type { Replies } from "./replies.js";
import type { FeedbackData } from "./schemas/feedback.js";
import type { ConversationState } from "./state.js";
import type { FeedbackStore, FeedbackVote, IncomingMessage, Logger, Reply, ReviewLog } from "./types.js";

export type { FeedbackData };

/**
 * The vote decision. `answer` is the answer's number in the conversation (its `answers` count when it asked), so the
 * review log can tell whether the question it keeps belongs to the answer voted on. `repeat`: this conversation
 * already voted on that answer (not counted again); `stale`: the section has been edited since the answer was given
 * (a vote on a text no longer served is not counted; it is refused kindly).
 */
export type VoteDecision = {
  kind: "vote";
  vote: FeedbackVote;
  section: Section;
  version: string;
  answer: number;
  status: "counted" | "repeat" | "stale";
};

/** Suggestion ids fit Telegram's callback_data and Suggestion.id's 48 bytes. */
export const MAX_VOTE_ID_BYTES = 48;
/** Hex digits of an answer version: enough to tell one section's edits apart, short enough for the id. */
const VERSION_DIGITS = 8;
/**
 * Base-36 digits of an answer number in a vote id: 36^6 answers (billions) outlast any conversation, and the id
 * length is checked at load with this many.
 */
const ANSWER_DIGITS = 6;
const VOTE_ID = /^vote:(yes|no):([a-z0-9.-]+):([0-9a-f]{8}):([0-9a-z]{1,6})$/;
/**
 * A vote counts for one of the conversation's last few answers only (older buttons have expired), the window the
 * state's former list of answers asked about kept.
 */
export const OPEN_ANSWERS = 8;
/** Did-you-mean suggestions after a "no". */
const MAX_GUESSES = 4;

/**
 * The stable id of a vote button, "vote:yes:<section>:<version>:<answer>" (`answer` in base 36). It carries all a
 * vote is checked against, so the conversation state keeps nothing per answer asked about (ADR 18).
 */
export function voteId(vote: FeedbackVote, section: string, version: string, answer: number): string {
  return `vote:${vote}:${section}:${version}:${answer.toString(36)}`;
}

/** The vote a button id names, or null when it is not a well-formed vote id. */
export function parseVoteId(
  id: string,
): { vote: FeedbackVote; section: string; version: string; answer: number } | null {
  const match = VOTE_ID.exec(id);
  if (match === null) return null;
  const [, vote, section, version, answer] = match;
  if (vote === undefined || section === undefined || version === undefined || answer === undefined)
    return null;
  return { vote: vote as FeedbackVote, section, version, answer: Number.parseInt(answer, 36) };
}

/** One answer version, as the conversation state remembers a vote on it: "<section>:<version>". */
export function answerKey(section: string, version: string): string {
  return `${section}:${version}`;
}

/** The version of a section's answer: a short hash of its text, so an edited section counts its votes afresh. */
export function answerVersion(section: Section): string {
  return sha256Hex([section.heading, section.answer, section.more].join("\n")).slice(0, VERSION_DIGITS);
}

/** The section an answer decision answered from (the first of siblings); null for every other decision. */
export function answeredSection(decision: Decision): Section | null {
  const acted = decision.kind === "interrupt" ? decision.question : decision;
  if (acted.kind === "answer") return acted.section;
  if (acted.kind === "answer-both") return acted.sections[0] ?? null;
  return null;
}

/** The reply to a vote: thanks; after a "no", the did-you-mean suggestions for the answer's topic. */
export function voteReply(
  decision: VoteDecision,
  data: FeedbackData | undefined,
  state: ConversationState,
  replies: Replies,
  index: KnowledgeIndex,
): Reply {
  if (data === undefined) return replies.plain("fallback", [replies.messages.unknown_button]);
  if (decision.status === "repeat") return replies.plain("feedback", [data.already_voted], state.suggestions);
  if (decision.status === "stale") return replies.plain("feedback", [data.changed], state.suggestions);
  // A "yes" keeps the answer's own suggestions, so "1" still picks its first follow-up.
  if (decision.vote === "yes") return replies.plain("feedback", [data.thanks_yes], state.suggestions);
  const { section } = decision;
  const sameTopic = index.sectionsOfTopics([section.topic]);
  const targets = [...new Set([...sameTopic, ...section.followups])].filter(
    (id) => id !== section.id && !id.startsWith("dialogue:"),
  );
  const guesses = replies.suggestions(targets).slice(0, MAX_GUESSES);
  return replies.plain(
    "feedback",
    [data.thanks_no],
    guesses.length > 0 ? guesses : replies.topicSuggestions(),
  );
}

export interface FeedbackOptions {
  /** intents/feedback.yaml; absent: no answer asks and a vote button counts as expired. */
  data: FeedbackData | undefined;
  knowledge: KnowledgeBase;
  index: KnowledgeIndex;
  store: FeedbackStore;
  /** Where a "no" sends the question that got the answer. Absent: no question text is kept. */
  reviewLog: ReviewLog | undefined;
  logger: Logger;
  /** Longest wait for the store or the review log, in milliseconds. */
  timeoutMs: number;
}

/** What is fixed about one section's ask, worked out once at load: its version, vote key and id prefixes. */
interface SectionAsk {
  version: string;
  key: string;
  yes: string;
  no: string;
}

/** The engine's feedback step: asks on answers, decides votes, records counted ones. */
export class Feedback {
  /** Each section's ask, worked out on its first use: hashing every section's text cost the cold start (ADR 21). */
  private readonly asks = new Map<string, SectionAsk>();

  constructor(private readonly options: FeedbackOptions) {
    for (const section of options.knowledge.sections) {
      // A vote id must fit the platforms' button ids; section ids are short, but say so if one is not. A version is
      // always VERSION_DIGITS hex digits, so the longest id is known without its hash.
      const longest = voteId("yes", section.id, "0".repeat(VERSION_DIGITS), 36 ** ANSWER_DIGITS - 1);
      if (new TextEncoder().encode(longest).length > MAX_VOTE_ID_BYTES)
        throw new DataError(
          section.file,
          "id",
          `is too long for a vote button id (${MAX_VOTE_ID_BYTES} bytes)`,
        );
    }
  }

  /** What is fixed about a section's ask (undefined for an id no section has). */
  private askOf(id: string): SectionAsk | undefined {
    const known = this.asks.get(id);
    if (known !== undefined) return known;
    const section = this.options.knowledge.byId.get(id);
    if (section === undefined) return undefined;
    const version = answerVersion(section);
    const prefix = (vote: FeedbackVote) => `vote:${vote}:${section.id}:${version}:`;
    const ask = { version, key: answerKey(section.id, version), yes: prefix("yes"), no: prefix("no") };
    this.asks.set(id, ask);
    return ask;
  }

  /** Question texts are kept in the state only while a review log takes them. */
  get keepsQuestions(): boolean {
    return this.options.reviewLog !== undefined && this.options.data !== undefined;
  }

  /**
   * A vote button's decision; null for anything that is not a vote. Everything is checked against the vote id
   * itself: a known section, an answer among this conversation's last {@link OPEN_ANSWERS} that answered from that
   * section (so a forged, another visitor's or expired id counts nothing), not voted on yet (else a "repeat"), and
   * the section's text unchanged since (else "stale").
   */
  decide(message: IncomingMessage, state: ConversationState): Decision | null {
    if (message.kind !== "button" || !(message.buttonId ?? "").startsWith("vote:")) return null;
    const parsed = parseVoteId(message.buttonId ?? "");
    const section = parsed === null ? undefined : this.options.index.section(parsed.section);
    if (parsed === null || section === undefined || this.options.data === undefined)
      return { kind: "unknown-button" };
    const { vote, version, answer } = parsed;
    if (answer < 1 || answer > state.answers || answer <= state.answers - OPEN_ANSWERS)
      return { kind: "unknown-button" };
    if (!state.visited.includes(section.id)) return { kind: "unknown-button" };
    const decided = (status: VoteDecision["status"]): VoteDecision => ({
      kind: "vote",
      vote,
      section,
      version,
      answer,
      status,
    });
    if (state.feedback?.voted?.includes(answerKey(section.id, version))) return decided("repeat");
    if (this.askOf(section.id)?.version !== version) return decided("stale");
    return decided("counted");
  }

  /**
   * The reply, given "Helpful?" when it is an answer this conversation has not voted on yet (`reply` must be this
   * turn's own, fresh from the renderer). Its vote ids carry the answer's number (`next.answers`, counting this answer).
   */
  ask(decision: Decision, next: ConversationState, reply: Reply): Reply {
    const { data } = this.options;
    if (data === undefined || reply.intent !== "answer") return reply;
    const section = answeredSection(decision);
    const fixed = section === null ? undefined : this.askOf(section.id);
    if (section === null || fixed === undefined) return reply;
    if (next.feedback?.voted?.includes(fixed.key)) return reply;
    const answer = next.answers.toString(36);
    // Set on the reply the renderer has just made for this turn (it is new every time, shared with nothing), rather
    // than copied with a spread: this runs on every answer (ADR 23).
    reply.feedback = {
      section: section.id,
      version: fixed.version,
      question: data.question,
      yes: { label: data.yes_label, id: fixed.yes + answer, description: data.yes_description },
      no: { label: data.no_label, id: fixed.no + answer, description: data.no_description },
    };
    return reply;
  }

  /**
   * Records a counted vote; after a "no", also the question that got the answer in the review log. `before` is
   * the state the vote was decided on. Best effort: a failure is logged (without any text) and the reply stands.
   * Only a counted vote gets here (the engine checks), so no other turn pays for the call.
   */
  async record(decision: VoteDecision, before: ConversationState, now: number): Promise<void> {
    const { store, reviewLog } = this.options;
    const { vote, version } = decision;
    const section = decision.section.id;
    await this.attempt("feedback", store.record({ section, version, vote, at: now }));
    const question = before.feedback?.question;
    if (vote !== "no" || reviewLog === undefined || question?.answer !== decision.answer) return;
    await this.attempt("review", reviewLog.record({ text: question.text, reason: "unhelpful", at: now }));
  }
  private async attempt(target: "feedback" | "review", operation: Promise<void>): Promise<void> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`no answer within ${this.options.timeoutMs} ms`)),
        this.options.timeoutMs,
      );
    });
    try {
      await Promise.race([operation, timeout]);
    } catch (error) {
      const err = error as { message?: unknown; code?: unknown };
      this.options.logger.warn(
        { err: { message: String(err?.message ?? error), code: err?.code }, target },
        target === "feedback" ? "feedback vote not recorded" : "unhelpful answer not sent to the review log",
      );
    } finally {
      clearTimeout(timer);
    }
  }
}
