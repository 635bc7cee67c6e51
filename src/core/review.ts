/**
 * Role: the review log's rules, shared by every backend — what is kept of a message the bot could not answer well.
 * A stored entry is the redacted text, why it was kept and when; never a user, chat or conversation id. Redaction
 * takes out what identifies a person or reaches them (e-mail addresses, phone numbers, long digit runs, @mentions,
 * URLs), each replaced by a marker, so a maintainer still sees the question's shape. Retention is a number of days
 * the backend enforces with its clock; entries older than that are never returned and are deleted.
 */
import type { ReviewLog, ReviewReason } from "./types.js";

/** What a review backend keeps of one message. */
export interface ReviewEntry {
  /** The redacted text. */
  text: string;
  reason: ReviewReason;
  /** When it was recorded, in milliseconds since the epoch. */
  at: number;
}

/** A review log a maintainer can read back (`crampbot review`). */
export interface ReviewStore extends ReviewLog {
  /** Every entry inside the retention window, oldest first. Deletes the older ones. */
  list(): Promise<ReviewEntry[]>;
  /** Deletes entries older than the retention window; resolves with how many went. */
  purge(): Promise<number>;
  close(): Promise<void>;
}

/** The default retention, in days (`REVIEW_RETENTION_DAYS`). */
export const DEFAULT_RETENTION_DAYS = 30;

export const DAY_MS = 24 * 60 * 60 * 1000;

/** Longest text kept: a review entry is a question, not a diary (longer ones are cut, with "…"). */
export const MAX_REVIEW_TEXT = 500;

/** The markers that replace what was taken out. */
export const REDACTED = {
  url: "[link]",
  email: "[email]",
  mention: "[mention]",
  phone: "[phone]",
  number: "[number]",
} as const;

// Order matters: a URL can hold an @ and digits, an e-mail address an @ and a domain, a phone number a long digit run.
const URL_PATTERN = /\b(?:https?:\/\/|ftp:\/\/|www\.)[^\s<>"']+/giu;
/** A bare domain ("cramps.com/page"), looked for after e-mail addresses are out. */
const DOMAIN_PATTERN =
  /\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|net|io|co|uk|de|fr|info|biz|me|ly|app|dev)\b(?:\/[^\s<>"']*)?/giu;
const EMAIL_PATTERN = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
const MENTION_PATTERN = /(?<![\p{L}\p{N}])@[\p{L}\p{N}_.-]+/gu;
/** Seven or more digits, possibly grouped by spaces, dots, dashes or brackets, perhaps after a "+". */
const PHONE_PATTERN = /(?<![\p{L}\p{N}])\+?\(?\d(?:[\s().-]{0,2}\d){6,}(?![\p{L}\p{N}])/gu;
/** Five or more digits in a row (an account, a postcode, a card number...); doses and durations are shorter. */
const DIGITS_PATTERN = /\d{5,}/gu;

/** The text with e-mail addresses, phone numbers, long digit runs, @mentions and URLs replaced by markers. */
export function redact(text: string): string {
  return text
    .replace(URL_PATTERN, REDACTED.url)
    .replace(EMAIL_PATTERN, REDACTED.email)
    .replace(DOMAIN_PATTERN, REDACTED.url)
    .replace(MENTION_PATTERN, REDACTED.mention)
    .replace(PHONE_PATTERN, REDACTED.phone)
    .replace(DIGITS_PATTERN, REDACTED.number);
}

/** What a backend stores for one recorded message: redacted, trimmed, cut to {@link MAX_REVIEW_TEXT}. */
export function reviewEntry(entry: { text: string; reason: ReviewReason; at: number }): ReviewEntry {
  const text = redact(entry.text.replace(/\s+/gu, " ").trim());
  const cut = text.length > MAX_REVIEW_TEXT ? `${text.slice(0, MAX_REVIEW_TEXT - 1)}…` : text;
  return { text: cut, reason: entry.reason, at: Math.round(entry.at) };
}

/** The oldest time still inside the retention window. */
export function retentionCutoff(now: number, retentionDays: number): number {
  return now - retentionDays * DAY_MS;
}

const REASONS: ReadonlySet<string> = new Set<ReviewReason>(["fallback", "clarify", "unhelpful"]);

/** A stored entry read back (JSON from Redis, a row from SQLite), or null when it is not one. */
export function parseReviewEntry(value: unknown): ReviewEntry | null {
  if (typeof value !== "object" || value === null) return null;
  const { text, reason, at } = value as Record<string, unknown>;
  if (typeof text !== "string" || typeof reason !== "string" || !REASONS.has(reason)) return null;
  if (typeof at !== "number" || !Number.isFinite(at)) return null;
  return { text, reason: reason as ReviewReason, at };
}
