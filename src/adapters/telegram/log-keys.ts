// What the adapter logs instead of a chat id or conversation key: the same short hash the engine logs.
import { createHash } from "node:crypto";

/**
 * The first 12 hex digits of SHA-256 of `conversationId`, exactly as src/core/engine.ts logs conversations,
 * so adapter and engine lines of one conversation can be matched without either naming the chat.
 */
export function conversationHash(conversationId: string): string {
  return createHash("sha256").update(conversationId).digest("hex").slice(0, 12);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * Replaces every occurrence of `ids` (a conversation id, a chat or user id) in the string fields of an error
 * summary with a placeholder, so an error raised below the adapter (a store key in a message) cannot carry a
 * chat id into a log line. Numeric ids are matched as whole numbers only.
 */
export function withoutIds<T extends object>(summary: T, ids: readonly string[]): T {
  const patterns = ids
    .filter((id) => id !== "")
    .sort((a, b) => b.length - a.length)
    .map(
      (id) => new RegExp(/^-?\d+$/.test(id) ? `(?<!\\d)${escapeRegExp(id)}(?!\\d)` : escapeRegExp(id), "g"),
    );
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(summary)) {
    out[key] =
      typeof value === "string"
        ? patterns.reduce((text, pattern) => text.replace(pattern, "<id>"), value)
        : value;
  }
  return out as T;
}
