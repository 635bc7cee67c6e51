/**
 * The short hash that stands for a store key (or conversation id) in error messages and log lines: the engine's own
 * conversation hash (the first 12 hex digits of its SHA-256). Keys hold conversation ids, and a web conversation id
 * is the visitor's bearer cookie: the raw key must never reach a log.
 */
import { shortHash } from "../hash.js";

export function keyHash(key: string): string {
  return shortHash(key);
}

/** How an error message names a key: `key #<hash>`. */
export function keyLabel(key: string): string {
  return `key #${keyHash(key)}`;
}
