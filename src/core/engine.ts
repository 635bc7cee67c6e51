/**
 * Role: the engine — one platform-neutral message in, one reply out. A turn reads like its description: load the
 * state; guard (bad input) → safety (red flags) → rate limit → open dialogue → decide (rules.ts) → transition
 * (transition.ts) → render (render.ts); save the state. Each step hands the next a decision, never a half-made
 * reply, and no step reads state another replaced. It is given plain values (knowledge, intents, a store, a clock,
 * a logger); src/node/create-engine.ts does the default wiring from files. All state lives in the session store.
 */

import { asksAnewWithHelpInHand } from "./after-urgent.js";
import { Apology } from "./apology.js";
import type { ActedDecision, Decision, RuleDecision } from "./decision.js";
import type { Dialogue, DialogueData, DialogueInput, DialoguePlugin } from "./dialogues/dialogue.js";
import { DIALOGUES } from "./dialogues/registry.js";
import { DataError, DialogueError, StoreError, type StoreOperation } from "./errors.js";
import { Feedback } from "./feedback.js";
import { shortHash } from "./hash.js";
import type { Intents } from "./intents.js";
import type { KnowledgeBase } from "./knowledge.js";
import { KnowledgeIndex } from "./knowledge-index.js";
import type { PreparedTexts } from "./lexicon.js";
import { silentLogger } from "./logger.js";
import { hasReadableContent, nonLatinShare } from "./normalize.js";
import { checkKinds, knownFacets } from "./question-kinds.js";
import { Reader, type Signals } from "./reader.js";
import { Renderer } from "./render.js";
import { Replies } from "./replies.js";
import { asksSomething, decide, RULES, type Rule, target } from "./rules.js";
import { CONTEXT_TTL_MS, type ConversationState, freshState, restoreState } from "./state.js";
import { MemoryFeedbackStore } from "./store/feedback-memory.js";
import { MemoryStore } from "./store/memory.js";
import { isRateLimited, type RateLimit, remember, transitionFor } from "./transition.js";
import {
  type Clock,
  type FeedbackStore,
  type IncomingMessage,
  type Logger,
  type MessageHandler,
  type Reply,
  type ReviewLog,
  type ReviewReason,
  type SessionStore,
  systemClock,
} from "./types.js";

export interface EngineOptions {
  /** The knowledge base (see src/node/load.ts, or build one in memory with knowledge.ts). Required. */
  knowledge: KnowledgeBase;
  /** The intents, plain values (see src/node/load.ts). Required. */
  intents: Intents;
  /** Real English words never "corrected" into a keyword, and everyday ones. Default: none. */
  words?: { english: ReadonlySet<string>; common: ReadonlySet<string> };
  /**
   * The trusted texts' tokens and terms, precomputed with the engine data (lexicon.ts `PreparedTexts`): a faster start,
   * the same engine. Default: none, all computed.
   */
  prepared?: PreparedTexts;
  /** The dialogues offered; each needs its data in `intents.dialogues`. Default: the registry (dialogues/registry.ts). */
  dialogues?: readonly DialoguePlugin<DialogueData>[];
  /** The rules, in order. Default: {@link RULES}. */
  rules?: readonly Rule[];
  /** Where conversation state lives. Default: a new {@link MemoryStore}. */
  store?: SessionStore;
  /**
   * Where "Helpful?" votes on answers are counted (asked only when `intents.feedback` is set). Default: a new
   * {@link MemoryFeedbackStore}. Closed by close().
   */
  feedback?: FeedbackStore;
  /** Time source. Default: the system clock. */
  clock?: Clock;
  /** Structured logger; message text only at debug level. Default: silent. */
  logger?: Logger;
  /** Context expires after this much silence. Default: 30 minutes. */
  contextTtlMs?: number;
  /** Per-conversation rate limit. Default: 20 messages per 60 seconds. */
  rateLimit?: { messages: number; windowMs: number };
  /** Longest message read, in characters. Default: 2,000. */
  maxMessageLength?: number;
  /**
   * Longest wait for one store operation (load, save, lock) before the turn goes on without it, in milliseconds.
   * Default: 2,000.
   */
  storeTimeoutMs?: number;
  /**
   * Told of every store operation that failed or timed out; the reply was still given. Default: none (the failure
   * is logged either way).
   */
  onStoreError?: (operation: TurnStoreOperation, error: unknown) => void;
  /**
   * Where typed messages that got a fallback or a clarifying question go for the maintainer's review (review.ts: the
   * backend redacts them and keeps no id), and questions whose answer was voted unhelpful; while set, the text of the
   * question behind the latest answer is kept in the conversation state until it is voted on or the next answer
   * comes. Best effort, off the reply's path. Default: none (nothing is recorded, no question text is kept).
   */
  reviewLog?: ReviewLog;
}

/** The store operations a turn makes. */
export type TurnStoreOperation = Extract<StoreOperation, "get" | "set" | "lock" | "unlock">;

interface Settings {
  contextTtlMs: number;
  rateLimit: RateLimit;
  maxMessageLength: number;
  storeTimeoutMs: number;
}

const DEFAULTS: Settings = {
  contextTtlMs: CONTEXT_TTL_MS,
  rateLimit: { messages: 20, windowMs: 60_000 },
  maxMessageLength: 2000,
  storeTimeoutMs: 2000,
};

/**
 * How long a conversation's store lock (see {@link SessionStore.lock}) lives if its holder dies mid-turn. A turn takes
 * milliseconds; this only bounds how long other processes wait for a crashed one.
 */
const STORE_LOCK_TTL_MS = 10_000;

/** Longest text scanned for red flags even when it is too long to answer. */
const RED_FLAG_SCAN_LIMIT = 20_000;

/**
 * A conversation's turn queue: the promise its last turn settles, and whether that turn is done. A done queue is
 * kept, for the conversation's next turn to reuse, until {@link QUEUES_KEPT} are held; then every done one is dropped
 * at once. Setting a key and deleting it again every turn made V8 rebuild the map's hash table every few turns, and a
 * long-lived map's tables are made in the old generation, where each stayed as garbage until a full collection: 3 MB
 * of a running engine's heap every 20,000 messages (ADR 87).
 */
interface TurnQueue {
  tail: Promise<unknown>;
  done: boolean;
}

/** Turn queues held before the done ones are dropped: a few hundred bytes each. */
const QUEUES_KEPT = 1024;

/** What the guard read: the message's signals (null for a button) and its advisories. */
interface Read {
  signals: Signals | null;
  /** "See your doctor soon" notes that go first in whatever reply is given. */
  advisories: string[];
}

export class Engine implements MessageHandler {
  readonly knowledge: KnowledgeBase;
  readonly intents: Intents;
  readonly reader: Reader;
  readonly index: KnowledgeIndex;
  private readonly settings: Settings;
  private readonly store: SessionStore;
  /** The in-memory store answers at once and cannot hang: its operations need no timer each (the hot path). */
  private readonly storeIsMemory: boolean;
  private readonly clock: Clock;
  private readonly logger: Logger;
  /**
   * False with the silent logger: a turn's duration and its conversation's hash are then not worked out. The first
   * `performance.now()` loads Node's perf_hooks, and the first hash runs SHA-256 in code not yet compiled, about 2 ms of
   * a `crampbot ask`, which logs nothing (ADR 87).
   */
  private readonly logs: boolean;
  private readonly onStoreError: (operation: TurnStoreOperation, error: unknown) => void;
  private readonly reviewLog: ReviewLog | undefined;
  private readonly renderer: Renderer;
  private readonly rules: readonly Rule[];
  private readonly dialogues = new Map<string, Dialogue>();
  private readonly transition: (
    state: ConversationState,
    decision: Decision,
    now: number,
  ) => ConversationState;
  /** Each conversation's turn queue (see {@link serialised}). */
  private readonly locks = new Map<string, TurnQueue>();
  private readonly feedbackStore: FeedbackStore;
  private readonly feedback: Feedback;
  private readonly apology: Apology;

  constructor(options: EngineOptions) {
    const {
      store,
      clock,
      logger,
      onStoreError,
      reviewLog,
      knowledge,
      intents,
      words,
      dialogues,
      rules,
      feedback,
      prepared,
      ...rest
    } = options;
    this.reviewLog = reviewLog;
    this.settings = { ...DEFAULTS, ...stripUndefined(rest) };
    this.clock = clock ?? systemClock;
    this.store = store ?? new MemoryStore({ clock: this.clock });
    this.storeIsMemory = this.store.constructor === MemoryStore;
    this.logger = logger ?? silentLogger;
    this.logs = this.logger !== silentLogger;
    this.onStoreError = onStoreError ?? (() => undefined);
    this.knowledge = knowledge;
    this.intents = intents;
    this.rules = rules ?? RULES;
    const plugins = (dialogues ?? DIALOGUES).map((plugin) => {
      // "dialogue:resume" is the resume button's id, so no dialogue may be called that.
      if (!/^[a-z][a-z-]*$/.test(plugin.name) || plugin.name === "resume")
        throw new DialogueError(`"${plugin.name}" cannot be a dialogue's name`);
      const data = intents.dialogues[plugin.name];
      if (data === undefined)
        throw new DataError(`${plugin.name}.yaml`, "(file)", "is missing: the dialogue needs its data");
      return { plugin, data };
    });
    this.reader = new Reader({
      clock: this.clock,
      lexicon: intents.lexicon,
      words,
      knowledge,
      smallTalk: intents.smallTalk,
      urgent: intents.urgent,
      scope: intents.scope,
      newSubject: intents.afterUrgent?.new_subject,
      weakNewSubject: intents.afterUrgent?.weak_new_subject,
      taggedOn: intents.afterUrgent?.tagged_on,
      tiesBack: intents.afterUrgent?.ties_back,
      playDown: intents.afterUrgent?.play_down,
      seeksHelp: intents.afterUrgent?.seeks_help,
      acknowledges: intents.afterUrgent?.acknowledges,
      turnsTo: intents.afterUrgent?.turns_to,
      signWords: intents.afterUrgent?.sign_words,
      kinds: intents.kinds,
      prepared,
      dialogues: plugins.map(({ plugin, data }) => ({
        name: plugin.name,
        data,
        vocabulary: plugin.vocabulary(data),
      })),
    });
    this.apology = new Apology(intents.lexicon.apologies ?? []);
    checkFacets(knowledge, this.reader);
    // A kind's facet must exist; its section may be missing from a knowledge base built in memory (the kind then
    // has no general answer there), as with small talk's suggestions. createEngine() checks both for the files.
    if (intents.kinds) checkKinds(intents.kinds, null, knownFacets(intents.lexicon));
    checkFollowups(knowledge, this.reader.triggers.names);
    this.index = new KnowledgeIndex(knowledge, this.reader);
    const offered = plugins
      .filter(({ data }) => data.offered_when_lost)
      .map(({ plugin }) => `dialogue:${plugin.name}`);
    const names = new Map(plugins.map(({ plugin, data }) => [plugin.name, data.display_name]));
    const replies = new Replies(knowledge, intents.messages, names, [...this.index.lost, ...offered]);
    this.renderer = new Renderer(intents, this.index, replies, offered);
    const pictures = new Map(Object.entries(intents.pictures ?? {}));
    for (const { plugin, data } of plugins) {
      this.dialogues.set(
        plugin.name,
        plugin.create(data, { lexicon: this.reader.lexicon, knowledge, replies, pictures }),
      );
    }
    this.transition = transitionFor(this.settings.rateLimit);
    this.feedbackStore = feedback ?? new MemoryFeedbackStore();
    this.feedback = new Feedback({
      data: intents.feedback,
      knowledge,
      index: this.index,
      store: this.feedbackStore,
      reviewLog,
      logger: this.logger,
      timeoutMs: this.settings.storeTimeoutMs,
    });
    // Built: what is left to work out is messages, which are never in the precomputed texts.
    this.reader.lexicon.forgetPrepared();
  }

  /** Answers one message. Never throws: a failure becomes a kind error reply. */
  async handle(message: IncomingMessage): Promise<Reply> {
    const started = this.logs ? performance.now() : 0;
    try {
      const reply = await this.serialised(message.conversationId, () => this.turn(message));
      if (!this.logs) return reply;
      const conversation = shortHash(message.conversationId);
      this.logger.info(
        {
          platform: message.platform,
          conversation,
          intent: reply.intent,
          section: reply.section?.id ?? null,
          ms: Math.round((performance.now() - started) * 100) / 100,
        },
        "reply",
      );
      this.logger.debug({ conversation, text: message.text ?? null }, "message");
      return reply;
    } catch (error) {
      const conversation = shortHash(message.conversationId);
      this.logger.error(
        {
          err: {
            message: String((error as Error).message).replaceAll(message.conversationId, conversation),
            code: (error as { code?: unknown }).code,
          },
          platform: message.platform,
          conversation,
        },
        "handler failed",
      );
      return this.failureReply(message);
    }
  }

  /** Whatever failed, a red flag still gets "seek medical help now": the check needs no state. */
  private failureReply(message: IncomingMessage): Reply {
    const state = freshState(0);
    try {
      const text = message.kind === "text" ? (message.text ?? "") : "";
      if (text.length > 0 && this.reader.read(text.slice(0, RED_FLAG_SCAN_LIMIT)).redFlags.urgent !== null) {
        return this.renderer.render({ kind: "urgent" }, state, []);
      }
    } catch {
      // The red-flag check itself failed: the apology below is all that is left.
    }
    return this.renderer.render({ kind: "notice", key: "error", topics: false }, state, []);
  }

  async close(): Promise<void> {
    await Promise.allSettled([...this.locks.values()].map((queue) => queue.tail));
    await Promise.all([this.store.close(), this.feedbackStore.close()]);
  }

  /**
   * Messages of one conversation are handled one at a time, in order, so no update is lost: first in this process
   * (a promise queue per conversation), then, when the store has a lock, across processes sharing the store (the
   * store lock is held around load-handle-save, and only by the turn at the head of this process's queue).
   */
  private serialised<T>(key: string, task: () => Promise<T>): Promise<T> {
    const locks = this.locks;
    let queue = locks.get(key);
    // A queue whose turns are all done holds a settled promise: the next turn starts after it as after a fresh one.
    const previous: Promise<unknown> = queue?.tail ?? Promise.resolve();
    const locked = () => this.withStoreLock(key, task);
    const result = previous.then(locked, locked);
    // One settled-either-way step, which also marks the queue done once its turn is the last: a turn's queue costs
    // two promises after its task, not three.
    const done = (): undefined => {
      if (queue !== undefined && queue.tail === settled) queue.done = true;
      return undefined;
    };
    const settled: Promise<undefined> = result.then(done, done);
    if (queue === undefined) {
      if (locks.size >= QUEUES_KEPT) for (const [id, held] of locks) if (held.done) locks.delete(id);
      queue = { tail: settled, done: false };
      locks.set(key, queue);
    } else {
      queue.tail = settled;
      queue.done = false;
    }
    return result;
  }

  /**
   * Takes the store's conversation lock when it has one. A lock that cannot be had (the store is down, or another
   * holder outlived the wait) does not stop the turn: answering out of order across instances is better than not
   * answering, and the failure is reported.
   */
  private async withStoreLock<T>(conversationId: string, task: () => Promise<T>): Promise<T> {
    const { store } = this;
    if (store.lock === undefined) return task();
    let release: (() => Promise<void>) | null = null;
    try {
      release = await this.bounded(store.lock(`lock:conv:${conversationId}`, STORE_LOCK_TTL_MS), "lock");
    } catch (error) {
      this.storeFailed("lock", conversationId, error);
    }
    try {
      return await task();
    } finally {
      // A failed release is not the turn's failure: the state is saved, and the lock expires after its TTL.
      if (release !== null) {
        await this.bounded(release(), "unlock").catch((error: unknown) =>
          this.storeFailed("unlock", conversationId, error),
        );
      }
    }
  }

  /**
   * One turn: load the state, decide, transition, render, save the state. The store never decides the reply: a load
   * that fails gives a fresh (stateless) turn, whose red-flag check and answer are the same as ever, and a save that
   * fails is reported while the computed reply still goes out. After a failed load nothing is saved, so a passing
   * fault cannot overwrite the real conversation with a fresh one.
   */
  private async turn(message: IncomingMessage): Promise<Reply> {
    const now = this.clock.now();
    const key = `conv:${message.conversationId}`;
    let stored: unknown;
    let loaded = true;
    try {
      stored = await this.bounded(this.store.get(key), "get");
    } catch (error) {
      loaded = false;
      this.storeFailed("get", message.conversationId, error);
    }
    const state = restoreState(stored, now, this.settings.contextTtlMs);
    const { decision, advisories } = this.decideTurn(message, state, now);
    const next = this.transition(state, decision, now);
    const reply = this.feedback.ask(decision, next, this.renderer.render(decision, next, advisories));
    this.review(message, decision, reply, now);
    if (decision.kind === "vote" && decision.status === "counted")
      await this.feedback.record(decision, state, now);
    // The question behind an answer is kept only for the review log, and only while it is on.
    const question =
      message.kind === "text" && reply.feedback !== undefined && this.feedback.keepsQuestions
        ? message.text
        : undefined;
    if (loaded) {
      try {
        await this.bounded(
          this.store.set(key, remember(next, reply, now, question), this.settings.contextTtlMs),
          "set",
        );
      } catch (error) {
        this.storeFailed("set", message.conversationId, error);
      }
    }
    return reply;
  }

  /**
   * A typed question the bot could not answer (fallback) or had to ask back about (clarify) goes to the review log:
   * not bad input or the rate limit (notices), never a red flag or small talk (other intents). Fire and forget: the
   * reply never waits for it, and a failure is logged without the text.
   */
  private review(message: IncomingMessage, decision: Decision, reply: Reply, now: number): void {
    const log = this.reviewLog;
    if (log === undefined || message.kind !== "text" || !message.text) return;
    if (decision.kind === "notice" || decision.kind === "rate-limited") return;
    const reason: ReviewReason | null =
      reply.intent === "fallback" ? "fallback" : reply.intent === "clarify" ? "clarify" : null;
    if (reason === null) return;
    const failed = (error: unknown) =>
      this.logger.warn(
        { err: { code: (error as { code?: unknown })?.code ?? null }, reason },
        "review log: could not record a message; the reply was still given",
      );
    try {
      log.record({ text: message.text, reason, at: now }).catch(failed);
    } catch (error) {
      failed(error);
    }
  }

  /** guard → safety → rate limit → open dialogue → rules: the first step that decides, decides. */
  private decideTurn(
    message: IncomingMessage,
    state: ConversationState,
    now: number,
  ): { decision: Decision; advisories: string[] } {
    const guarded = this.guard(message);
    if ("kind" in guarded) return { decision: guarded, advisories: [] };
    const { signals, advisories } = guarded;
    // Red flags win over everything: dialogues, rate limits, small talk. After earlier turns about cramps, a message
    // needs no cramp word of its own ("been on the loo for four days", "it's been going for 12 minutes now").
    let kept = advisories;
    if (signals?.redFlags.urgent != null) {
      // "ok, I'll get the swollen calf looked at today. what foods have vitamin D?" after the urgent reply: help is in
      // hand, so the question is answered, with the advice kept before it.
      if (!asksAnewWithHelpInHand(signals, state, (t) => this.index.isVague(t)))
        return { decision: { kind: "urgent" }, advisories };
      const advice = this.intents.afterUrgent?.kept_advice ?? "";
      if (advice !== "") kept = [advice, ...advisories];
    } else if (signals?.redFlags.inConversation != null && talksOfCramps(state))
      return { decision: { kind: "urgent" }, advisories };
    if (isRateLimited(state, now, this.settings.rateLimit))
      return { decision: { kind: "rate-limited" }, advisories: kept };
    const decision =
      this.feedback.decide(message, state) ??
      this.openDialogue(message, signals, state) ??
      this.decideMessage(message, signals, state);
    return { decision, advisories: kept };
  }

  /** Bad input gets a clear, kind notice: non-text, empty, too long, unreadable, emoji only, another language. */
  private guard(message: IncomingMessage): Read | Decision {
    if (message.kind === "unsupported") return { kind: "notice", key: "unsupported", topics: false };
    if (message.kind === "button") return { signals: null, advisories: [] };
    const text = message.text ?? "";
    if (text.trim().length === 0) return { kind: "notice", key: "empty", topics: true };
    const max = this.settings.maxMessageLength;
    if (text.length > max) {
      // Too long to answer, but never too long to catch a red flag.
      const scanned = this.reader.read(text.slice(0, RED_FLAG_SCAN_LIMIT));
      if (scanned.redFlags.urgent !== null) return { signals: scanned, advisories: [] };
      return { kind: "notice", key: "too_long", topics: false, max };
    }
    if (!hasReadableContent(text)) {
      const emoji = /\p{Extended_Pictographic}/u.test(text);
      return { kind: "notice", key: emoji ? "emoji_only" : "unreadable", topics: true };
    }
    const signals = this.readPastApology(text);
    const { analysis } = signals;
    // Another language: another script, or mostly non-English words among which some are another language's.
    const foreign =
      nonLatinShare(text) > 0.5 ||
      (analysis.tokenCount >= 3 &&
        analysis.foreignCount >= 1 &&
        analysis.nonEnglishCount * 2 >= analysis.tokenCount);
    if (foreign && signals.redFlags.urgent === null)
      return { kind: "notice", key: "not_english", topics: false };
    return { signals, advisories: signals.redFlags.advisories };
  }

  /**
   * The message's signals; after a short apology for the message before ("sorry cat on the keyboard. what causes night
   * cramps") the rest's, when the apology names nothing of its own (no topic, aspect, question kind, correction, small
   * talk or topic next to the article: "Sorry, I have stomach cramp, not the leg. Same reason?"). A red flag anywhere
   * in the message still counts: then the whole is read as it is.
   */
  private readPastApology(text: string): Signals {
    const split = this.apology.split(text);
    if (split === null) return this.reader.read(text);
    const whole = this.reader.read(text);
    if (whole.redFlags.urgent !== null) return whole;
    const said = this.reader.read(split.apology);
    const namesSomething =
      said.topics.size > 0 ||
      said.facets.size > 0 ||
      said.kind !== null ||
      said.corrects ||
      said.smallTalk !== null ||
      said.scope !== null ||
      said.redFlags.advisories.length > 0;
    return namesSomething ? whole : this.reader.read(split.rest);
  }

  /**
   * An open dialogue reads the message first. What it does not recognise is decided by the rules: a real question
   * pauses the dialogue (and is answered); anything weaker is asked again. A button it does not know is left to the
   * rules with the dialogue still open. Start over always goes to the rules.
   */
  private openDialogue(
    message: IncomingMessage,
    signals: Signals | null,
    state: ConversationState,
  ): Decision | null {
    const active = state.dialogue;
    const dialogue = active === null ? undefined : this.dialogues.get(active.kind);
    if (active === null || dialogue === undefined || signals?.smallTalk === "reset") return null;
    const input: DialogueInput =
      message.kind === "button" ? { buttonId: message.buttonId ?? "" } : { text: message.text ?? "" };
    const step = dialogue.answer(active, input);
    if (step.type !== "unrecognised") return { kind: "step", name: active.kind, step, from: "answer" };
    if (message.kind === "button" || signals === null) return null;
    // A question inside a dialogue about a section ("how many on each leg?" in the stretch coach) is about that
    // section, as it would be right after an answer from it.
    const about = dialogue.section === undefined ? undefined : this.index.section(dialogue.section);
    const context = about ? { ...state, topic: about.topic, facet: about.facet, section: about.id } : state;
    const decision = decide(signals, context, this.index, this.rules);
    // "ok ball of my foot is on the step. next" tells how the stretch goes, in the stretch's own words: no question.
    const tells =
      decision.kind === "answer" && decision.section.id === dialogue.section && !asksSomething(signals);
    const interrupts =
      !tells &&
      // A clarifying question is too weak a signal to leave a dialogue for: the answer is re-asked instead.
      (decision.kind === "answer" ||
        decision.kind === "answer-both" ||
        (decision.kind === "dialogue" && decision.name !== active.kind) ||
        (decision.kind === "smalltalk" && decision.intent !== "reset") ||
        (decision.kind === "fallback" && decision.reason === "out-of-scope"));
    if (interrupts) return { kind: "interrupt", paused: active, question: this.act(decision, state) };
    const retry = dialogue.notUnderstood(active);
    if (retry.type === "unrecognised") return { kind: "notice", key: "error", topics: false };
    return { kind: "step", name: active.kind, step: retry, from: "answer" };
  }

  /** The rules' decision for a typed message, or a pressed button's target. */
  private decideMessage(
    message: IncomingMessage,
    signals: Signals | null,
    state: ConversationState,
  ): Decision {
    if (message.kind === "button") {
      const decision = target(message.buttonId ?? "", this.index);
      return decision.kind === "no-context" ? { kind: "unknown-button" } : this.act(decision, state);
    }
    if (signals === null) return { kind: "notice", key: "error", topics: false };
    return this.act(decide(signals, state, this.index, this.rules), state);
  }

  /** A rule's decision to start or resume a dialogue becomes that dialogue's step. */
  private act(decision: RuleDecision, state: ConversationState): ActedDecision {
    if (decision.kind === "dialogue") {
      const step = this.dialogues.get(decision.name)?.start();
      if (step === undefined || step.type === "unrecognised") return { kind: "no-context" };
      return { kind: "step", name: decision.name, step, from: "start" };
    }
    if (decision.kind === "resume") {
      const paused = state.paused;
      const step = paused === null ? undefined : this.dialogues.get(paused.kind)?.resume(paused);
      if (paused === null || step === undefined || step.type === "unrecognised")
        return { kind: "nothing-paused" };
      return { kind: "step", name: paused.kind, step, from: "resume" };
    }
    return decision;
  }

  /** A store operation that takes longer than `storeTimeoutMs` counts as failed (it may still finish later). */
  private bounded<T>(operation: Promise<T>, name: TurnStoreOperation): Promise<T> {
    if (this.storeIsMemory) return operation;
    const ms = this.settings.storeTimeoutMs;
    // What Promise.race with a timer's promise and a finally() did, in one promise: settled by whichever comes first,
    // the timer cleared when the operation does. Two store operations a turn (four with Redis's lock) each spared
    // the race's and the finally's promises and reactions.
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(
            new StoreError(name, `store ${name} took longer than ${ms} ms`, { code: "E_STORE_TIMEOUT" }),
          ),
        ms,
      );
      operation.then(
        (value) => {
          clearTimeout(timer);
          resolve(value);
        },
        (error: unknown) => {
          clearTimeout(timer);
          reject(error);
        },
      );
    });
  }

  /** Logs (with the conversation's short hash, never its key) and reports a failed store operation. */
  private storeFailed(operation: TurnStoreOperation, conversationId: string, error: unknown): void {
    const conversation = shortHash(conversationId);
    const err = error as { message?: unknown; code?: unknown };
    const message = String(err?.message ?? error).replaceAll(conversationId, conversation);
    this.logger.warn(
      { err: { message, code: err?.code }, operation, conversation },
      "store operation failed; the reply was still given",
    );
    this.onStoreError(operation, error);
  }
}

/** Every section's facet is one the lexicon knows (its facet table). */
function checkFacets(knowledge: KnowledgeBase, reader: Reader): void {
  const facets = new Set([
    ...Object.keys(reader.lexicon.data.facets),
    ...Object.keys(reader.lexicon.data.weak_facets),
  ]);
  for (const section of knowledge.sections) {
    if (!facets.has(section.facet))
      throw new DataError(section.file, "facet", `"${section.facet}" is not a facet of intents/lexicon.yaml`);
  }
}

/** Every "dialogue:<name>" follow-up names a registered dialogue. */
function checkFollowups(knowledge: KnowledgeBase, dialogues: ReadonlySet<string>): void {
  for (const section of knowledge.sections) {
    for (const followup of section.followups) {
      if (followup.startsWith("dialogue:") && !dialogues.has(followup.slice("dialogue:".length)))
        throw new DataError(section.file, "followups", `names an unknown dialogue "${followup}"`);
    }
  }
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/**
 * The conversation has had a turn about cramps (an answer, a topic, a red flag): in a bot about one article on leg
 * cramps, what follows is said of the cramps even without the word.
 */
function talksOfCramps(state: ConversationState): boolean {
  return state.answers > 0 || state.topic !== null || state.visited.length > 0 || state.redFlag !== null;
}
