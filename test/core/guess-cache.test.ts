/**
 * The did-you-mean guesses are remembered per short text (ADR 21): asking again gives what Fuse gave the first time,
 * per limit, and each caller gets its own list.
 */
import { describe, expect, it } from "vitest";
import { createEngine } from "../../src/node/create-engine.js";

describe("did-you-mean guesses, remembered", () => {
  const engine = createEngine({ artefact: false });

  it("gives the same guesses again, per limit, and a list of its own to each caller", () => {
    const first = engine.index.guesses("magnesum dose", 3).map((s) => s.id);
    expect(first).toEqual(["magnesium.supplements", "magnesium"]);
    const mine = engine.index.guesses("magnesum dose", 3);
    mine.pop();
    expect(engine.index.guesses("magnesum dose", 3).map((s) => s.id)).toEqual(first);
    expect(engine.index.guesses("magnesum dose", 1).map((s) => s.id)).toEqual(["magnesium.supplements"]);
    expect(engine.index.guesses("cancel", 3)).toEqual([]);
  });
});
