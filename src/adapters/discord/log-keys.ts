// What the adapter logs instead of a conversation key (it holds user and channel ids): the engine's short hash.
import { createHash } from "node:crypto";

/** The first 12 hex digits of SHA-256 of `conversationId`, exactly as src/core/engine.ts logs conversations. */
export function conversationHash(conversationId: string): string {
  return createHash("sha256").update(conversationId).digest("hex").slice(0, 12);
}
