// The PNG renderer: one rendering per picture (name + SVG hash), shared by concurrent messages, a failure not kept;
// and the real rasteriser (resvg) turns the drawings and the card, text included, into PNGs.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  PngRenderer,
  pictureKey,
  type Rasteriser,
  resvgRasteriser,
} from "../../../src/adapters/shared/png.js";
import { cardImage } from "../../../src/core/checkup-card.js";
import type { ReplyImage } from "../../../src/core/types.js";
import { ROOT } from "../../support/data.js";
import { DEJAVU_FONTS, describeNeeding } from "../../support/system-programs.js";

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const svg = (colour: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10" fill="${colour}"/></svg>`;
const picture = (name: string, colour = "#000000"): ReplyImage => ({ name, alt: name, svg: svg(colour) });

/** A rasteriser that counts its calls and answers fixed bytes after a turn of the event loop. */
function counting(): { rasterise: Rasteriser; calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    rasterise: async (source) => {
      calls.push(source);
      await new Promise((resolve) => setImmediate(resolve));
      return new Uint8Array(PNG_SIGNATURE);
    },
  };
}

describe("PngRenderer", () => {
  it("renders a picture once, also for messages sending it at the same time, and names the file", async () => {
    const { rasterise, calls } = counting();
    const renderer = new PngRenderer({ rasterise });
    const results = await Promise.all([1, 2, 3].map(() => renderer.render(picture("stretch-step-1"))));
    await renderer.render(picture("stretch-step-1"));
    expect(calls).toHaveLength(1);
    expect(results.map((r) => r.filename)).toEqual(Array(3).fill("stretch-step-1.png"));
  });

  it("keys the copy by name and SVG hash: a changed drawing renders afresh", async () => {
    const { rasterise, calls } = counting();
    const renderer = new PngRenderer({ rasterise });
    await renderer.render(picture("a", "#000000"));
    await renderer.render(picture("a", "#ffffff"));
    await renderer.render(picture("b", "#000000"));
    expect(calls).toHaveLength(3);
    expect(pictureKey(picture("a"))).toMatch(/^a:[0-9a-f]{64}$/);
  });

  it("does not keep a failed rendering, and forgets the oldest copy past maxEntries", async () => {
    let fail = true;
    const calls: string[] = [];
    const renderer = new PngRenderer({
      maxEntries: 2,
      rasterise: async (source) => {
        calls.push(source);
        if (fail) throw new Error("boom");
        return new Uint8Array(PNG_SIGNATURE);
      },
    });
    await expect(renderer.render(picture("a"))).rejects.toThrow("boom");
    fail = false;
    await renderer.render(picture("a"));
    await renderer.render(picture("b"));
    await renderer.render(picture("c"));
    await renderer.render(picture("a"));
    expect(calls).toHaveLength(5);
  });

  it("renders the shipped drawings with resvg, at the width asked", async () => {
    const drawing = readFileSync(join(ROOT, "intents/pictures/stretch-2.svg"), "utf8");
    const png = Buffer.from(await resvgRasteriser(drawing, 720));
    expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(png.readUInt32BE(16)).toBe(720);
    expect(png.readUInt32BE(20)).toBe(720);
  });
});

describeNeeding(DEJAVU_FONTS, "the card-text rendering test")("the card's PNG", () => {
  it("draws the card's text: the same card with other words gives other pixels", async () => {
    const card = (label: string) =>
      cardImage(
        {
          title: "Habits",
          rows: [{ label, state: "fine", stateLabel: "Fine", source: null, sourceLabel: null }],
        },
        { alt_row: "{habit}: {state}", alt_row_with_source: "{habit}: {state} ({title})" },
      ).svg;
    const one = Buffer.from(await resvgRasteriser(card("Water"), 640));
    const other = Buffer.from(await resvgRasteriser(card("Sleep"), 640));
    expect(one.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(one.equals(other)).toBe(false);
  });
});
