// A place the person names ("we moved to Wollongong", "in wollongong?? ...") is context, never an unknown subject:
// found after a marker's last word (place_before) or where a message opens (place_opening), and only there.
import { describe, expect, it } from "vitest";
import { createBot } from "../support/bot.js";

const { engine } = createBot();
const lexicon = engine.reader.lexicon;

describe("places named in a message", () => {
  it.each([
    "we moved to wollongong last year",
    "i live up here in wollongong",
    "up here in wollongong",
    "in wollongong?? so never enough then",
    "what about in wollongong",
  ])("are no unknown subject: %s", (text) => {
    expect(lexicon.analyze(text).unknown).not.toContain("wollongong");
  });

  it.each(["wollongong last year", "so in wollongong it is"])(
    "are unknown words without a marker before them or at the opening: %s",
    (text) => {
      expect(lexicon.analyze(text).unknown).toContain("wollongong");
    },
  );
});
