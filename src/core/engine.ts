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
}

type Settings = Required<Omit<EngineOptions, "store" | "clock" | "logger">>;

const DEFAULTS: Settings = {
  knowledgeDir: join(PACKAGE_ROOT, "knowledge"),
  intentsDir: join(PACKAGE_ROOT, "intents"),
  contextTtlMs: CONTEXT_TTL_MS,
  rateLimit: { messages: 20, windowMs: 60_000 },
  maxMessageLength: 2000,
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
  private readonly replies: Replies;
  private readonly resolver: ContextResolver;
  private readonly checkup: Checkup;
  private readonly stretch: Stretch;
  private readonly locks = new Map<string, Promise<unknown>>();
  private readonly run: (turn: Turn) => Promise<void>;

  constructor(options: EngineOptions = {}) {
    const { store, clock, logger, ...rest } = options;
    this.settings = { ...DEFAULTS, ...stripUndefined(rest) };
    this.clock = clock ?? { now: () => Date.now() };
    this.store = store ?? new MemoryStore({ clock: this.clock });
    this.logger = logger ?? silentLogger;
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
      this.logger.error(
        {
          err: { message: (error as Error).message, code: (error as { code?: unknown }).code },
          platform: message.platform,
        },
        "handler failed",
      );
      return this.replies.plain("fallback", [this.intents.messages.error]);
    }
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

  private async withStoreLock<T>(conversationId: string, task: () => Promise<T>): Promise<T> {
    if (this.store.lock === undefined) return task();
    const release = await this.store.lock(`lock:conv:${conversationId}`, STORE_LOCK_TTL_MS);
    try {
      return await task();
    } finally {
      // A failed release is not the turn's failure: the state is saved, and the lock expires after its TTL.
      await release().catch((error: unknown) =>
        this.logger.warn(
          {
            err: { message: (error as Error).message, code: (error as { code?: unknown }).code },
            conversation: shortHash(conversationId),
          },
          "releasing the conversation lock failed",
        ),
      );
    }
  }

  private async turn(message: IncomingMessage): Promise<Reply> {
    const now = this.clock.now();
    const key = `conv:${message.conversationId}`;
    const state = restoreState(await this.store.get(key), now, this.settings.contextTtlMs);
    const turn: Turn = { message, now, state, signals: null, advisories: [], decision: null, reply: null };
    await this.run(turn);
    const reply = turn.reply ?? this.replies.plain("fallback", [this.intents.messages.error]);
    turn.state.updatedAt = now;
    turn.state.suggestions = reply.suggestions;
    await this.store.set(key, turn.state, this.settings.contextTtlMs);
    return reply;
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
