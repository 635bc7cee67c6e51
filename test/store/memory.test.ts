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

describe("MemoryStore when full", () => {
  it("drops the entry written longest ago, a rewritten key counting from its last write", async () => {
    const store = new MemoryStore({ clock, maxEntries: 3 });
    for (const key of ["a", "b", "c"]) await store.set(key, key, 60_000);
    await store.set("a", "a2", 60_000);
    await store.set("d", "d", 60_000); // full: "b" is the oldest written
    expect(await store.get("b")).toBeUndefined();
    expect(await store.get("a")).toBe("a2");
    await store.set("e", "e", 60_000); // then "c"
    expect(await store.get("c")).toBeUndefined();
    await store.set("d", "d2", 60_000);
    await store.set("f", "f", 60_000); // then "a" (written before "e" and "d")
    expect(await store.get("a")).toBeUndefined();
    expect([await store.get("d"), await store.get("e"), await store.get("f")]).toEqual(["d2", "e", "f"]);
  });
});
