// The in-memory store against the shared SessionStore contract, and its errors (no raw key in a message).
import { describe, expect, it } from "vitest";
import { StoreError } from "../../src/core/errors.js";
import { keyHash } from "../../src/core/store/key-hash.js";
import { MemoryStore } from "../../src/core/store/memory.js";
import { describeSessionStoreContract, ManualClock } from "./contract.js";

const clock = new ManualClock();

describeSessionStoreContract("MemoryStore", () => new MemoryStore({ clock }), {
  kind: "manual",
  advance: (ms) => clock.advance(ms),
});

describe("MemoryStore errors", () => {
  it("rejects a value that is not JSON with a StoreError naming the operation and the key's hash only", async () => {
    const key = "conv:web:0123456789abcdef0123456789abcdef";
    const store = new MemoryStore({ clock });
    for (const value of [{ n: 1n }, undefined]) {
      const err = await store.set(key, value, 60_000).then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(err).toBeInstanceOf(StoreError);
      expect((err as StoreError).operation).toBe("set");
      expect((err as StoreError).message).toContain(`#${keyHash(key)}`);
      expect((err as StoreError).message).not.toContain("0123456789abcdef");
    }
    expect(await store.get(key)).toBeUndefined();
  });
});
