/**
 * The engine: one platform-neutral message in, one reply out. A short middleware chain — observe (logging and the
 * error boundary), session (load, lock, save), input guard, safety (red flags), rate limit, open dialogue, match —
 * over the matcher, the context resolver and the two dialogues. All state lives in the injected session store.
 */
import { createHash } from "node:crypto";
import { join } from "node:path";
import {
  CONTEXT_TTL_MS,
  ContextResolver,
  type ConversationState,
  type Decision,
  freshState,
  restoreState,
} from "./context.js";
import { CHECKUP_BUTTON, Checkup } from "./dialogues/checkup.js";
import type { DialogueInput, DialogueState, DialogueStep } from "./dialogues/dialogue.js";
import { Stretch } from "./dialogues/stretch.js";
import { CrampBotError } from "./errors.js";
import { type Intents, loadIntents } from "./intents.js";
import { type KnowledgeBase, loadKnowledge } from "./knowledge.js";
import { silentLogger } from "./logger.js";
import { Matcher, type Signals } from "./matcher.js";
import { compose, type Middleware } from "./middleware.js";
import { hasReadableContent, nonLatinShare } from "./normalize.js";
import { PACKAGE_ROOT } from "./paths.js";
import { compose as composeText, ids, Replies } from "./replies.js";
import { MemoryStore } from "./store/memory.js";
import type { Clock, IncomingMessage, Logger, MessageHandler, Reply, SessionStore } from "./types.js";

export interface EngineOptions {
  /** Where conversation state lives. Default: a new {@link MemoryStore}. */
  store?: SessionStore;
  /** Time source. Default: the system clock. */
  clock?: Clock;
  /** Structured logger; message text only at debug level. Default: silent. */
  logger?: Logger;
  /** Folder of section files. Default: the package's knowledge/. */
  knowledgeDir?: string;
  /** Folder of intent files. Default: the package's intents/. */
  intentsDir?: string;
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
  onStoreError?: (operation: StoreOperation, error: unknown) => void;
}

/** The store operations a turn makes. */
export type StoreOperation = "get" | "set" | "lock" | "release";

type Settings = Required<Omit<EngineOptions, "store" | "clock" | "logger" | "onStoreError">>;

const DEFAULTS: Settings = {
  knowledgeDir: join(PACKAGE_ROOT, "knowledge"),
  intentsDir: join(PACKAGE_ROOT, "intents"),
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
const MAX_VISITED = 32;

/** One message on its way through the chain. */
interface Turn {
  message: IncomingMessage;
  now: number;
  state: ConversationState;
  signals: Signals | null;
  /** "See your doctor soon" notes that go first in whatever reply is given. */
  advisories: string[];
  /** A decision already made for this message (by the dialogue step, when a question interrupts it). */
  decision: Decision | null;
  reply: Reply | null;
}

export class Engine implements MessageHandler {
  readonly knowledge: KnowledgeBase;
  readonly intents: Intents;
  readonly matcher: Matcher;
  private readonly settings: Settings;
  private readonly store: SessionStore;
  private readonly clock: Clock;
  private readonly logger: Logger;
  private readonly onStoreError: (operation: StoreOperation, error: unknown) => void;
  private readonly replies: Replies;
  private readonly resolver: ContextResolver;
  private readonly checkup: Checkup;
  private readonly stretch: Stretch;
  private readonly locks = new Map<string, Promise<unknown>>();
  private readonly run: (turn: Turn) => Promise<void>;

  constructor(options: EngineOptions = {}) {
    const { store, clock, logger, onStoreError, ...rest } = options;
    this.settings = { ...DEFAULTS, ...stripUndefined(rest) };
    this.clock = clock ?? { now: () => Date.now() };
    this.store = store ?? new MemoryStore({ clock: this.clock });
    this.logger = logger ?? silentLogger;
    this.onStoreError = onStoreError ?? (() => undefined);
    this.knowledge = loadKnowledge(this.settings.knowledgeDir);
    this.intents = loadIntents(this.settings.intentsDir);
    this.matcher = new Matcher(this.knowledge, this.intents);
    this.replies = new Replies(this.knowledge, this.intents.messages);
    this.resolver = new ContextResolver(this.matcher, this.knowledge);
    this.checkup = new Checkup(this.intents.checkup, this.intents.lexicon, this.knowledge, this.replies);
    this.stretch = new Stretch(this.intents.stretch, this.intents.lexicon, this.replies);
    const chain: Middleware<Turn>[] = [this.guard, this.safety, this.rateLimit, this.dialogue, this.match];
    this.run = compose(chain);
  }

  /** Answers one message. Never throws: a failure becomes a kind error reply. */
  async handle(message: IncomingMessage): Promise<Reply> {
    const started = performance.now();
    try {
      const reply = await this.serialised(message.conversationId, () => this.turn(message));
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
    try {
      const text = message.kind === "text" ? (message.text ?? "") : "";
      if (
        text.length > 0 &&
        this.matcher.signals(text.slice(0, RED_FLAG_SCAN_LIMIT)).redFlags.urgent !== null
      ) {
        const urgent = this.intents.urgent;
        return this.replies.plain("urgent", [urgent.reply], this.replies.suggestions(urgent.suggestions));
      }
    } catch {
      // The red-flag check itself failed: the apology below is all that is left.
    }
    return this.replies.plain("fallback", [this.intents.messages.error]);
  }

  async close(): Promise<void> {
    await Promise.allSettled(this.locks.values());
    await this.store.close();
  }

  /**
   * Messages of one conversation are handled one at a time, in order, so no update is lost: first in this process
   * (a promise queue per conversation), then, when the store has a lock, across processes sharing the store (the
   * store lock is held around load-handle-save, and only by the turn at the head of this process's queue).
   */
  private serialised<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.locks.get(key) ?? Promise.resolve();
    const locked = () => this.withStoreLock(key, task);
    const result = previous.then(locked, locked);
    const settled = result.then(
      () => undefined,
      () => undefined,
    );
    this.locks.set(key, settled);
    void settled.then(() => {
      if (this.locks.get(key) === settled) this.locks.delete(key);
    });
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
        await this.bounded(release(), "release").catch((error: unknown) =>
          this.storeFailed("release", conversationId, error),
        );
      }
    }
  }

  /**
   * One turn: load the state, run the chain, save the state. The store never decides the reply: a load that fails
   * gives a fresh (stateless) turn, whose red-flag check and answer are the same as ever, and a save that fails is
   * reported while the computed reply still goes out. After a failed load nothing is saved, so a passing fault
   * cannot overwrite the real conversation with a fresh one.
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
    const turn: Turn = { message, now, state, signals: null, advisories: [], decision: null, reply: null };
    await this.run(turn);
    const reply = turn.reply ?? this.replies.plain("fallback", [this.intents.messages.error]);
    turn.state.updatedAt = now;
    turn.state.suggestions = reply.suggestions;
    if (loaded) {
      try {
        await this.bounded(this.store.set(key, turn.state, this.settings.contextTtlMs), "set");
      } catch (error) {
        this.storeFailed("set", message.conversationId, error);
      }
    }
    return reply;
  }

  /** A store operation that takes longer than `storeTimeoutMs` counts as failed (it may still finish later). */
  private bounded<T>(operation: Promise<T>, name: StoreOperation): Promise<T> {
    const ms = this.settings.storeTimeoutMs;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new CrampBotError("E_STORE_TIMEOUT", `store ${name} took longer than ${ms} ms`)),
        ms,
      );
    });
    return Promise.race([operation, timeout]).finally(() => clearTimeout(timer));
  }

  /** Logs (with the conversation's short hash, never its key) and reports a failed store operation. */
  private storeFailed(operation: StoreOperation, conversationId: string, error: unknown): void {
    const conversation = shortHash(conversationId);
    const err = error as { message?: unknown; code?: unknown };
    const message = String(err?.message ?? error).replaceAll(conversationId, conversation);
    this.logger.warn(
      { err: { message, code: err?.code }, operation, conversation },
      "store operation failed; the reply was still given",
    );
    this.onStoreError(operation, error);
  }

  /** Bad input gets a clear, kind reply: non-text, empty, too long, unreadable, emoji only, another language. */
  private guard: Middleware<Turn> = async (turn, next) => {
    const { message } = turn;
    const m = this.intents.messages;
    if (message.kind === "unsupported") {
      turn.reply = this.replies.plain("fallback", [m.unsupported]);
      return;
    }
    if (message.kind === "button") return next();
    const text = message.text ?? "";
    if (text.trim().length === 0) {
      turn.reply = this.replies.plain("fallback", [m.empty], this.replies.topicSuggestions());
      return;
    }
    if (text.length > this.settings.maxMessageLength) {
      // Too long to answer, but never too long to catch a red flag.
      const scanned = this.matcher.signals(text.slice(0, RED_FLAG_SCAN_LIMIT));
      turn.signals = scanned;
      if (scanned.redFlags.urgent !== null) return next();
      const tooLong = m.too_long.replace("{max}", this.settings.maxMessageLength.toLocaleString("en-GB"));
      turn.reply = this.replies.plain("fallback", [tooLong]);
      return;
    }
    if (!hasReadableContent(text)) {
      const emoji = /\p{Extended_Pictographic}/u.test(text);
      turn.reply = this.replies.plain(
        "fallback",
        [emoji ? m.emoji_only : m.unreadable],
        this.replies.topicSuggestions(),
      );
      return;
    }
    const signals = this.matcher.signals(text);
    turn.signals = signals;
    const { analysis } = signals;
    // Another language: another script, or mostly non-English words among which some are another language's.
    const foreign =
      nonLatinShare(text) > 0.5 ||
      (analysis.tokenCount >= 3 &&
        analysis.foreignCount >= 1 &&
        analysis.nonEnglishCount * 2 >= analysis.tokenCount);
    if (foreign && signals.redFlags.urgent === null) {
      turn.reply = this.replies.plain("fallback", [m.not_english]);
      return;
    }
    turn.advisories = signals.redFlags.advisories;
    return next();
  };

  /** Red flags win over everything: dialogues, rate limits, small talk. */
  private safety: Middleware<Turn> = async (turn, next) => {
    if (turn.signals?.redFlags.urgent == null) return next();
    const urgent = this.intents.urgent;
    if (turn.state.dialogue !== null) {
      turn.state.paused = turn.state.dialogue;
      turn.state.dialogue = null;
    }
    turn.reply = this.replies.plain("urgent", [urgent.reply], this.replies.suggestions(urgent.suggestions));
  };

  private rateLimit: Middleware<Turn> = async (turn, next) => {
    const { messages, windowMs } = this.settings.rateLimit;
    const recent = turn.state.recent.filter((t) => turn.now - t < windowMs);
    const limited = recent.length >= messages;
    if (!limited) recent.push(turn.now);
    turn.state.recent = recent.slice(-messages);
    if (limited) {
      turn.reply = this.replies.plain("fallback", [this.intents.messages.rate_limited]);
      return;
    }
    return next();
  };

  /** An open dialogue reads the message first; a real question is answered and the dialogue offered to resume. */
  private dialogue: Middleware<Turn> = async (turn, next) => {
    const { state, message, signals } = turn;
    const active = state.dialogue;
    if (active === null) return next();
    if (signals?.smallTalk === "reset") return next();
    const input: DialogueInput =
      message.kind === "button" ? { buttonId: message.buttonId ?? "" } : { text: message.text ?? "" };
    const step = this.stepDialogue(active, input);
    if (step.type !== "unrecognised") {
      turn.reply = this.applyStep(turn, active.kind, step);
      return;
    }
    if (message.kind === "button") return next();
    const decision = signals ? this.resolver.resolve(signals, state, message.text ?? "") : null;
    const interrupts =
      decision !== null &&
      // A clarifying question is too weak a signal to leave a dialogue for: the answer is re-asked instead.
      (decision.kind === "answer" ||
        (decision.kind === "dialogue" && decision.name !== active.kind) ||
        (decision.kind === "smalltalk" && decision.intent !== "reset") ||
        (decision.kind === "fallback" && decision.reason === "out-of-scope"));
    if (!interrupts) {
      const retry =
        active.kind === "checkup" ? this.checkup.notUnderstood(active) : this.stretch.notUnderstood(active);
      turn.reply = this.applyStep(turn, active.kind, retry);
      return;
    }
    state.paused = active;
    state.dialogue = null;
    turn.decision = decision;
    return next();
  };

  private match: Middleware<Turn> = async (turn) => {
    const { message, state } = turn;
    let decision: Decision;
    if (message.kind === "button") {
      decision = this.resolver.target(message.buttonId ?? "");
      if (decision.kind === "no-context") {
        turn.reply = this.replies.plain(
          "fallback",
          [this.intents.messages.unknown_button],
          this.replies.topicSuggestions(),
        );
        return;
      }
    } else if (turn.decision) {
      decision = turn.decision;
    } else if (turn.signals) {
      decision = this.resolver.resolve(turn.signals, state, message.text ?? "");
    } else {
      return;
    }
    turn.reply = this.decide(turn, decision);
    // A question asked mid-dialogue: answer it, then offer to carry on.
    const paused = state.paused;
    if (paused && turn.reply.intent !== "urgent" && state.dialogue === null && decision.kind !== "resume") {
      const name = this.intents.messages.dialogue_names[paused.kind];
      turn.reply = {
        ...turn.reply,
        text: composeText([turn.reply.text, this.intents.messages.resume_offer.replace("{dialogue}", name)]),
        suggestions: [
          { label: this.intents.messages.resume_label.replace("{dialogue}", name), id: ids.resume },
          ...turn.reply.suggestions,
        ].slice(0, 5),
      };
    }
  };

  private decide(turn: Turn, decision: Decision): Reply {
    const { state } = turn;
    const m = this.intents.messages;
    const advisories = turn.advisories;
    switch (decision.kind) {
      case "answer": {
        const { section, deeper } = decision;
        const reply = this.replies.answer(section, {
          first: state.answers === 0,
          deeper,
          advisories,
          exclude: state.visited,
        });
        state.answers++;
        state.topic = section.topic;
        state.facet = section.facet;
        state.section = section.id;
        state.moreShown = deeper;
        state.visited = [...state.visited.filter((v) => v !== section.id), section.id].slice(-MAX_VISITED);
        return reply;
      }
      case "clarify": {
        const titles = decision.options.map((o) => `**${o.title}**`);
        const text = m.clarify.replace("{options}", titles.join(m.clarify_joiner));
        state.topic = null;
        state.section = null;
        state.facet = decision.facet;
        return this.replies.plain(
          "clarify",
          [...advisories, text],
          this.replies.suggestions(decision.options.map((o) => o.id)),
        );
      }
      case "smalltalk": {
        const talk = this.intents.smallTalk.find((t) => t.intent === decision.intent);
        if (decision.intent === "reset") {
          const recent = state.recent;
          turn.state = { ...freshState(turn.now), recent };
        }
        return this.replies.plain(
          decision.intent,
          [...advisories, talk?.replies[0]],
          this.replies.suggestions(talk?.suggestions ?? []),
        );
      }
      case "dialogue": {
        state.paused = null;
        const step = decision.name === "checkup" ? this.checkup.start() : this.stretch.start();
        return this.applyStep(turn, decision.name, step);
      }
      case "resume": {
        const paused = state.paused;
        state.paused = null;
        if (paused === null)
          return this.replies.plain("fallback", [m.no_context], this.replies.topicSuggestions());
        const step = paused.kind === "checkup" ? this.checkup.resume(paused) : this.stretch.resume(paused);
        return this.applyStep(turn, paused.kind, step);
      }
      case "nothing-more": {
        const unseen = [
          "causes",
          "prevention",
          "stretching",
          "hydration",
          "magnesium",
          "vitamin-d",
          "stress",
        ].filter((id) => !state.visited.includes(id));
        // Still an answer about the current section, so it names that section.
        const current = state.section === null ? undefined : this.knowledge.byId.get(state.section);
        const reply = this.replies.plain(
          current ? "answer" : "fallback",
          [m.more_none, current ? m.source.replace("{heading}", current.heading) : null],
          this.replies.suggestions([...unseen.slice(0, 3), "dialogue:checkup"]),
        );
        return current ? { ...reply, section: { id: current.id, heading: current.heading } } : reply;
      }
      case "no-context":
        return this.replies.plain("fallback", [...advisories, m.no_context], this.replies.topicSuggestions());
      case "fallback": {
        const guesses = decision.guesses.map((g) => g.id);
        if (guesses.length > 0) {
          return this.replies.plain(
            "fallback",
            [...advisories, m.fallback_with_guess],
            this.replies.suggestions(guesses),
          );
        }
        return this.replies.plain(
          "fallback",
          [...advisories, m.fallback[0]],
          this.replies.topicSuggestions(),
        );
      }
    }
  }

  private stepDialogue(active: DialogueState, input: DialogueInput): DialogueStep {
    if (
      input.buttonId !== undefined &&
      active.kind === "checkup" &&
      !input.buttonId.startsWith(CHECKUP_BUTTON)
    ) {
      return { type: "unrecognised" };
    }
    return active.kind === "checkup"
      ? this.checkup.answer(active, input)
      : this.stretch.answer(active, input);
  }

  private applyStep(turn: Turn, kind: "checkup" | "stretch", step: DialogueStep): Reply {
    const { state } = turn;
    switch (step.type) {
      case "continue":
        state.dialogue = step.state;
        return this.replies.plain(kind, [...turn.advisories, step.text], step.suggestions);
      case "finish":
        state.dialogue = null;
        state.answers++;
        return this.replies.plain(kind, [...turn.advisories, step.text], step.suggestions);
      case "exit":
        state.dialogue = null;
        return this.replies.plain(kind, [step.text], this.replies.topicSuggestions());
      case "unrecognised":
        return this.replies.plain("fallback", [this.intents.messages.error]);
    }
  }
}

/** Builds an engine with defaults merged once; see {@link EngineOptions}. */
export function createEngine(options: EngineOptions = {}): Engine {
  return new Engine(options);
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function shortHash(value: string): string {
  return createHash("sha256").update(value).digest("hex").slice(0, 12);
}
