// The in-memory store as the engine uses it (the shared SessionStore contract lives in test/store/).
import { describe, expect, it } from "vitest";
import type { ConversationState } from "../../../src/core/state.js";
import { MemoryStore } from "../../../src/core/store/memory.js";
import { createBot, ManualClock, MINUTE } from "../../support/bot.js";

describe("MemoryStore", () => {
  it("hands out copies, so changing a value read does not change the stored one", async () => {
    const store = new MemoryStore({ clock: new ManualClock() });
    await store.set("k", { visited: ["magnesium"] }, MINUTE);
    const first = (await store.get("k")) as { visited: string[] };
    first.visited.push("hydration");
    expect(await store.get("k")).toEqual({ visited: ["magnesium"] });
  });

  it("expires an entry exactly when its TTL has passed on the injected clock", async () => {
    const clock = new ManualClock();
    const store = new MemoryStore({ clock });
    await store.set("k", 1, MINUTE);
    clock.advance(MINUTE - 1);
    expect(await store.get("k")).toBe(1);
    clock.advance(1);
    expect(await store.get("k")).toBeUndefined();
  });

  it("writing again renews the TTL", async () => {
    const clock = new ManualClock();
    const store = new MemoryStore({ clock });
    await store.set("k", 1, MINUTE);
    clock.advance(MINUTE - 1);
    await store.set("k", 2, MINUTE);
    clock.advance(MINUTE - 1);
    expect(await store.get("k")).toBe(2);
  });

  it("drops the entry written longest ago when full", async () => {
    const store = new MemoryStore({ clock: new ManualClock(), maxEntries: 2 });
    await store.set("a", 1, MINUTE);
    await store.set("b", 2, MINUTE);
    await store.set("a", 3, MINUTE);
    await store.set("c", 4, MINUTE);
    expect(await store.get("b")).toBeUndefined();
    expect(await store.get("a")).toBe(3);
    expect(await store.get("c")).toBe(4);
  });

  it("deletes and closes", async () => {
    const store = new MemoryStore({ clock: new ManualClock() });
    await store.set("a", 1, MINUTE);
    await store.set("b", 2, MINUTE);
    await store.delete("a");
    expect(await store.get("a")).toBeUndefined();
    await store.close();
    expect(await store.get("b")).toBeUndefined();
  });

  it("holds each conversation's state under conv:<id>, as plain JSON data", async () => {
    const clock = new ManualClock();
    const store = new MemoryStore({ clock });
    const bot = createBot({ clock, store });
    await bot.chat("telegram:42").say("how much magnesium should I take");
    const state = (await store.get("conv:telegram:42")) as ConversationState;
    expect(state).toMatchObject({ v: 1, topic: "magnesium", section: "magnesium.supplements", answers: 1 });
    expect(JSON.parse(JSON.stringify(state))).toEqual(state);
    expect(await store.get("conv:telegram:43")).toBeUndefined();
  });
});
