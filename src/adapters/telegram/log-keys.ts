// What the adapter scrubs from error summaries: chat ids and conversation keys (logs carry ../shared/hash.ts instead).

import { escapeRegExp } from "../../core/normalize.js";

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
