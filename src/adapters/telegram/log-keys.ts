// What the adapter logs instead of a chat id or conversation key: the same short hash the engine logs.
import { createHash } from "node:crypto";

/**
 * The first 12 hex digits of SHA-256 of `conversationId`, exactly as src/core/engine.ts logs conversations,
 * so adapter and engine lines of one conversation can be matched without either naming the chat.
 */
export function conversationHash(conversationId: string): string {
  return createHash("sha256").update(conversationId).digest("hex").slice(0, 12);
}
