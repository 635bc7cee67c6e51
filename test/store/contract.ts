// The behaviour every SessionStore must have, run against each implementation by its own test file.
import { afterEach, describe, expect, it } from "vitest";
import type { Clock, SessionStore } from "../../src/core/types.js";

/** A clock tests move by hand. */
export class ManualClock implements Clock {
  constructor(private time = 1_700_000_000_000) {}

  now(): number {
    return this.time;
  }

  advance(ms: number): void {
    this.time += ms;
  }
}

/**
 * How the suite makes entries expire: "manual" stores read the clock `advance` moves; "real" stores (Redis)
 * expire by wall time, so the suite writes short TTLs and polls, within a bound, until the entry is gone.
 */
export type ClockControl = { kind: "manual"; advance(ms: number): void } | { kind: "real" };

const LONG_TTL = 60_000;
/** Real-time expiry: the short TTL written, and how long to poll before giving up (generous for slow CI). */
const SHORT_TTL = 50;
const EXPIRY_BOUND_MS = 10_000;

async function pollUntilGone(store: SessionStore, key: string): Promise<boolean> {
  const deadline = Date.now() + EXPIRY_BOUND_MS;
  while (Date.now() < deadline) {
    if ((await store.get(key)) === undefined) return true;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return false;
}

export function describeSessionStoreContract(
  name: string,
  makeStore: () => SessionStore | Promise<SessionStore>,
  clockControl: ClockControl,
): void {
  describe(`${name}: SessionStore contract`, () => {
    const opened: SessionStore[] = [];
    let counter = 0;

    async function open(): Promise<SessionStore> {
      const store = await makeStore();
      opened.push(store);
      return store;
    }

    /** A key no other test uses, so stores sharing a backend (one Redis) cannot see each other's entries. */
    function key(label: string): string {
      counter += 1;
      return `contract:${counter}:${label}`;
    }

    afterEach(async () => {
      await Promise.all(opened.splice(0).map((store) => store.close()));
    });

    it("returns undefined for a key never written", async () => {
      const store = await open();
      expect(await store.get(key("missing"))).toBeUndefined();
    });

    it("round-trips nested plain data and hands out copies", async () => {
      const store = await open();
      const k = key("nested");
      const value = {
        dialogue: { name: "checkup", step: 2, answers: ["yes", "no", null], done: false },
        counts: { asked: 3, ratio: 0.25, negative: -1 },
        text: "Crampes nocturnes — 夜のこむら返り 🦵",
        empty: { list: [], object: {}, string: "" },
      };
      await store.set(k, value, LONG_TTL);
      value.counts.asked = 99; // Changing the caller's object after set must not change what was stored.

      const first = (await store.get(k)) as typeof value;
      expect(first).toEqual({ ...value, counts: { ...value.counts, asked: 3 } });
      first.dialogue.answers.push("mutated");
      const second = await store.get(k);
      expect(second).not.toBe(first);
      expect(second).toEqual({ ...value, counts: { ...value.counts, asked: 3 } });
    });

    it.each([
      ["null", null],
      ["false", false],
      ["zero", 0],
      ["an empty string", ""],
      ["an empty array", []],
    ])("stores %s as a value, distinct from a missing key", async (_label, value) => {
      const store = await open();
      const k = key("falsy");
      await store.set(k, value, LONG_TTL);
      expect(await store.get(k)).toEqual(value);
    });

    it("overwrites an existing key", async () => {
      const store = await open();
      const k = key("overwrite");
      await store.set(k, { version: 1 }, LONG_TTL);
      await store.set(k, { version: 2, extra: true }, LONG_TTL);
      expect(await store.get(k)).toEqual({ version: 2, extra: true });
    });

    it("deletes a key, and deleting a missing key is fine", async () => {
      const store = await open();
      const k = key("delete");
      const other = key("kept");
      await store.set(k, "gone soon", LONG_TTL);
      await store.set(other, "kept", LONG_TTL);
      await store.delete(k);
      await store.delete(key("never-written"));
      expect(await store.get(k)).toBeUndefined();
      expect(await store.get(other)).toBe("kept");
    });

    if (clockControl.kind === "manual") {
      it("expires an entry once its TTL has passed (injected clock)", async () => {
        const store = await open();
        const k = key("ttl");
        await store.set(k, "short-lived", 1_000);
        clockControl.advance(999);
        expect(await store.get(k)).toBe("short-lived");
        clockControl.advance(2);
        expect(await store.get(k)).toBeUndefined();
      });

      it("restarts the TTL when a key is written again", async () => {
        const store = await open();
        const stale = key("stale");
        const fresh = key("fresh");
        await store.set(stale, 1, 1_000);
        await store.set(fresh, 1, 1_000);
        clockControl.advance(600);
        await store.set(fresh, 2, 1_000);
        clockControl.advance(600);
        expect(await store.get(stale)).toBeUndefined();
        expect(await store.get(fresh)).toBe(2);
      });
    } else {
      it("expires an entry once its TTL has passed (real time, bounded polling)", async () => {
        const store = await open();
        const k = key("ttl");
        await store.set(k, "short-lived", SHORT_TTL);
        expect(await pollUntilGone(store, k)).toBe(true);
      });

      it("restarts the TTL when a key is written again", async () => {
        const store = await open();
        const stale = key("stale");
        const fresh = key("fresh");
        await store.set(stale, 1, SHORT_TTL);
        await store.set(fresh, 1, SHORT_TTL);
        await store.set(fresh, 2, LONG_TTL);
        expect(await pollUntilGone(store, stale)).toBe(true);
        expect(await store.get(fresh)).toBe(2);
      });
    }

    it("keeps keys with ':' and unicode apart, byte for byte", async () => {
      const store = await open();
      const base = key("");
      const names = [
        `${base}telegram:chat:-100123:user:42`,
        `${base}telegram:chat:-100123:user:42:`,
        `${base}:leading`,
        `${base}日本語:キー`,
        `${base}emoji 🦵 key`,
        `${base}caf\u00e9`, // NFC
        `${base}cafe\u0301`, // NFD: looks the same, is a different key
      ];
      await Promise.all(names.map((name, i) => store.set(name, { i, name }, LONG_TTL)));
      for (const [i, name] of names.entries()) {
        expect(await store.get(name)).toEqual({ i, name });
      }
    });

    it("keeps 200 concurrent writes to different keys", async () => {
      const store = await open();
      const base = key("concurrent");
      const keys = Array.from({ length: 200 }, (_, i) => `${base}:${i}`);
      await Promise.all(keys.map((k, i) => store.set(k, { i, square: i * i }, LONG_TTL)));
      const values = await Promise.all(keys.map((k) => store.get(k)));
      expect(values).toEqual(keys.map((_, i) => ({ i, square: i * i })));
    });

    it("closes idempotently", async () => {
      const store = await open();
      await store.set(key("before-close"), 1, LONG_TTL);
      await store.close();
      await expect(store.close()).resolves.toBeUndefined();
      await expect(Promise.all([store.close(), store.close()])).resolves.toBeDefined();
    });

    it("closes idempotently when never used", async () => {
      const store = await open();
      await Promise.all([store.close(), store.close()]);
      await expect(store.close()).resolves.toBeUndefined();
    });
  });
}
