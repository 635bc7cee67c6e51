/**
 * The short hash that stands for a store key (or conversation id) in error messages and log lines: the first 12 hex
 * digits of its SHA-256, as the engine logs conversations. Keys hold conversation ids, and a web conversation id is
 * the visitor's bearer cookie: the raw key must never reach a log.
 */
import { createHash } from "node:crypto";

export function keyHash(key: string): string {
  return createHash("sha256").update(key).digest("hex").slice(0, 12);
}

/** How an error message names a key: `key #<hash>`. */
export function keyLabel(key: string): string {
  return `key #${keyHash(key)}`;
}
