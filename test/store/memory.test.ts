// The in-memory store against the shared SessionStore contract.
import { MemoryStore } from "../../src/core/store/memory.js";
import { describeSessionStoreContract, ManualClock } from "./contract.js";

const clock = new ManualClock();

describeSessionStoreContract("MemoryStore", () => new MemoryStore({ clock }), {
  kind: "manual",
  advance: (ms) => clock.advance(ms),
});
