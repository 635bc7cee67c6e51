/**
 * Role: turning a conversation state into the JSON every store keeps, with one error for a value that has no JSON
 * form. Stores keep JSON, never the caller's objects, so callers never share (and mutate) one value; the memory store
 * keeps a plain copy instead, equal to what this JSON reads back (plain-copy.ts, ADR 33).
 */
import { StoreError } from "../errors.js";
import { keyLabel } from "./key-hash.js";

/** `value` as JSON; a StoreError naming `store` and the key's hash when it cannot be written as JSON. */
export function serialise(store: string, key: string, value: unknown): string {
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch (err) {
    throw new StoreError("set", `${store}: the value for ${keyLabel(key)} is not JSON-serialisable`, {
      cause: err,
    });
  }
  if (json === undefined) {
    throw new StoreError("set", `${store}: the value for ${keyLabel(key)} is not JSON-serialisable`);
  }
  return json;
}
