/**
 * Role: the ports — the platform-neutral shapes every adapter translates to and from.
 * Nothing in here knows about Discord, Telegram or the web: adapters map their updates to an
 * {@link IncomingMessage} and render a {@link Reply} back natively.
 */

/**
 * What kind of reply the engine produced; stable, used by the batch contract and evaluations. A dialogue's steps
 * carry the dialogue's registered name (the shipped ones: "checkup", "stretch").
 */
export type Intent =
  | "answer"
  | "clarify"
  | "fallback"
  | "greeting"
  | "thanks"
  | "goodbye"
  | "help"
  | "urgent"
  | "reset"
  /** The thanks for a "Helpful?" vote (a button press, so never in the batch contract). */
  | "feedback"
  | DialogueIntent;

/** A registered dialogue's name, as the intent of its steps. */
export type DialogueIntent = string & {};

/** A follow-up the user can pick: a button, an inline keyboard key, a quick reply. */
export interface Suggestion {
  /** Short text shown on the button (at most 40 characters). */
  label: string;
  /** Stable id sent back when the button is pressed (ASCII, at most 48 bytes, fits Telegram's callback_data). */
  id: string;
}

/** The article section an answer came from. */
export interface SectionRef {
  id: string;
  heading: string;
}

/** One reply, platform-neutral. */
export interface Reply {
  intent: Intent;
  /**
   * Plain text with light markup adapters can render: `**bold**`, `_italic_`, lines starting with "• ".
   * Includes the source line and, where required, the "not medical advice" line. At most 1,500 characters.
   */
  text: string;
  suggestions: Suggestion[];
  /** The section an answer came from; null for everything that is not an answer. */
  section: SectionRef | null;
  /**
   * Optional: every section an answer from two sibling sections came from, in article order (`section` is the first).
   * Absent on every other reply. The batch contract carries `section` only.
   */
  sections?: SectionRef[];
  /**
   * Optional: a picture that goes with the reply (a stretch step's figure, the check-up result card). Every adapter
   * renders it from this one object; the text alone still carries everything (screen readers, the batch contract).
   */
  image?: ReplyImage;
  /**
   * Optional: ask "Helpful?" under this answer. Set on answers only (never on red-flag replies, small talk or dialogue
   * steps), and at most once per answer.
   */
  feedback?: FeedbackAsk;
}

/** A picture as data: SVG source the adapters show inline or render to PNG once per picture. */
export interface ReplyImage {
  /** Stable name, e.g. "stretch-step-2" or "checkup-card"; with a hash of `svg` it keys any rendered copy. */
  name: string;
  /** Short description of what the picture shows, for screen readers and as the alt text. */
  alt: string;
  /** Self-contained SVG source (no external references, no scripts). */
  svg: string;
  /** Where the SVG lives in the repository, relative to its root; absent for generated pictures (the result card). */
  path?: string;
  /**
   * Optional: what a generated card shows, as data, for platforms that lay it out themselves (the web chat's HTML
   * card). Absent on drawings.
   */
  card?: ReplyCard;
}

/** A result card as data: a title and one row per item, each with its state and, where there is one, its source. */
export interface ReplyCard {
  title: string;
  rows: ReplyCardRow[];
}

export interface ReplyCardRow {
  /** What the row is about ("Water"). */
  label: string;
  /** Stable state id: "fine" (looks fine), "look" (worth a look) or "skipped" (not answered). */
  state: "fine" | "look" | "skipped";
  /** The state as shown ("Looks fine"). */
  stateLabel: string;
  /** The title of the article section the row's tip comes from; null when there is no tip. */
  source: string | null;
  /** The source as shown ("from Calf stretch"); null when there is no tip. */
  sourceLabel: string | null;
}

/** What a "Helpful? yes / no" vote is about: votes are counted per section and per answer version. */
export interface FeedbackAsk {
  /** The section the answer came from (for an answer from two sections, the first). */
  section: string;
  /** The answer's version: a short hash of the section's text, so an edited section counts its votes afresh. */
  version: string;
  /** The question put with the two buttons ("Was this answer helpful?"), from intents/feedback.yaml. */
  question: string;
  /** The two votes as buttons: `id` is the stable vote id ("vote:yes:<section>:<version>", at most 48 bytes). */
  yes: FeedbackOption;
  no: FeedbackOption;
}

/** One vote button: a suggestion plus what screen readers say for it ("Yes, this answer was helpful"). */
export interface FeedbackOption extends Suggestion {
  description: string;
}

/** A "Helpful?" vote. */
export type FeedbackVote = "yes" | "no";

/** Votes of one section version, as a store counts them. */
export interface FeedbackCount {
  section: string;
  version: string;
  vote: FeedbackVote;
  count: number;
}

/**
 * Where "Helpful?" votes are counted, per section, answer version and vote. Implementations: memory (default),
 * SQLite and Redis (src/node/store/), in the session store's backend. The engine records a vote at most once per
 * answer; recording is best effort (a failure is logged and never changes the reply).
 */
export interface FeedbackStore {
  record(vote: { section: string; version: string; vote: FeedbackVote; at: number }): Promise<void>;
  /** Every count so far, in no particular order. */
  counts(): Promise<FeedbackCount[]>;
  close(): Promise<void>;
}

/** What kind of content the platform message carried. Non-text content gets a kind "text only" reply. */
export type MessageKind = "text" | "button" | "unsupported";

/** One platform message, translated by an adapter. */
export interface IncomingMessage {
  /** "cli", "web", "telegram", "discord", "batch", ... */
  platform: string;
  /** Conversation key; context is kept per conversation. Adapters scope it (per chat, per user in a channel). */
  conversationId: string;
  /** The platform's user id (for logs and rate limits; never used as the conversation key by the core). */
  userId: string;
  kind: MessageKind;
  /** The text the user typed (kind "text"). */
  text?: string;
  /** The stable suggestion id of a pressed button (kind "button"). */
  buttonId?: string;
}

/** Anything that answers messages: the engine, or a middleware-wrapped engine. */
export interface MessageHandler {
  handle(message: IncomingMessage): Promise<Reply>;
}

/** Milliseconds since the epoch; injected so tests control time. */
export interface Clock {
  now(): number;
}

/**
 * Where conversation state lives. Values are JSON-serialisable plain data.
 * Implementations: memory (default), SQLite, Redis. Nothing else may hold conversation state.
 */
export interface SessionStore {
  get(key: string): Promise<unknown | undefined>;
  /** ttlMs: how long the entry may live without being written again (stores may expire it after that). */
  set(key: string, value: unknown, ttlMs: number): Promise<void>;
  delete(key: string): Promise<void>;
  close(): Promise<void>;
  /**
   * Optional: a per-conversation lock across processes. Resolves once this caller holds `key` (waiting a bounded
   * time for another holder, else rejecting), with a function that releases it. The lock expires by itself after
   * `ttlMs`, so a holder that dies cannot block others for longer. A store without this method gives in-process
   * ordering only (the engine's own queue): enough for one process, not for several sharing the store.
   */
  lock?(key: string, ttlMs: number): Promise<() => Promise<void>>;
}

/** Why a message was kept for the maintainer's review. */
export type ReviewReason = "fallback" | "clarify" | "unhelpful";

/**
 * Where questions the bot could not answer well go for review (off unless configured). Implementations redact the
 * text and store it without any user, chat or conversation id. Recording is best effort: a failure never changes a
 * reply.
 */
export interface ReviewLog {
  record(entry: { text: string; reason: ReviewReason; at: number }): Promise<void>;
}

/** Minimal structured logger (pino-compatible subset). Message text is never logged at info level. */
export interface Logger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/** The system clock: the one default {@link Clock}. */
export const systemClock: Clock = { now: () => Date.now() };
