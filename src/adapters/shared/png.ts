// Role: PNG copies of reply pictures for the platforms that cannot show SVG (Telegram, Discord): each picture is
// rendered once, keyed by its name and a hash of its SVG, and then served from memory. The rasteriser (resvg) is
// imported lazily, on the first picture, so `crampbot ask`/`batch` and every text-only path never load it.
import { createHash } from "node:crypto";
import type { ReplyImage } from "../../core/types.js";

/** Turns SVG source into PNG bytes `width` pixels wide (the height follows the viewBox). */
export type Rasteriser = (svg: string, width: number) => Promise<Uint8Array>;

export interface PngRendererOptions {
  /** The rasteriser. Default: {@link resvgRasteriser} (@resvg/resvg-js, loaded on first use). */
  rasterise?: Rasteriser;
  /** Width of every PNG in pixels. Default: 720 (sharp on a phone, a few tens of kilobytes). */
  width?: number;
  /** Most PNGs kept; the oldest goes first. Default: 256 (six drawings and the check-up cards people get). */
  maxEntries?: number;
}

/** The PNG and a file name for it ("stretch-step-2.png"). */
export interface RenderedPicture {
  png: Uint8Array;
  filename: string;
}

/** The key of a picture's rendered copy: its name and the SHA-256 of its SVG (a changed drawing renders afresh). */
export function pictureKey(image: ReplyImage): string {
  return `${image.name}:${createHash("sha256").update(image.svg).digest("hex")}`;
}

export class PngRenderer {
  private readonly rasterise: Rasteriser;
  private readonly width: number;
  private readonly maxEntries: number;
  /** The promise, not the bytes: two messages with one picture at once still render it once. */
  private readonly cache = new Map<string, Promise<Uint8Array>>();

  constructor(options: PngRendererOptions = {}) {
    this.rasterise = options.rasterise ?? resvgRasteriser;
    this.width = options.width ?? 720;
    this.maxEntries = options.maxEntries ?? 256;
  }

  /** The picture as PNG, rendered on first use. A failed rendering is not kept, so the next message tries again. */
  async render(image: ReplyImage): Promise<RenderedPicture> {
    const key = pictureKey(image);
    let png = this.cache.get(key);
    if (png === undefined) {
      png = this.rasterise(image.svg, this.width);
      this.cache.set(key, png);
      if (this.cache.size > this.maxEntries) {
        const oldest = this.cache.keys().next().value;
        if (oldest !== undefined) this.cache.delete(oldest);
      }
      png.catch(() => {
        if (this.cache.get(key) === png) this.cache.delete(key);
      });
    }
    return { png: await png, filename: `${image.name.replace(/[^a-z0-9-]/gi, "-")}.png` };
  }
}

/** The fonts the card's text asks for first; the Docker image installs them (fonts-dejavu-core). */
const DEFAULT_FONT = "DejaVu Sans";

/** @resvg/resvg-js, imported on the first call. System fonts are loaded for the card's text. */
export const resvgRasteriser: Rasteriser = async (svg, width) => {
  const { Resvg } = await import("@resvg/resvg-js");
  const resvg = new Resvg(svg, {
    fitTo: { mode: "width", value: width },
    font: { loadSystemFonts: true, defaultFontFamily: DEFAULT_FONT },
  });
  return resvg.render().asPng();
};

let shared: PngRenderer | undefined;

/** The process's one renderer (created on first use), so Telegram and Discord share every rendered copy. */
export function sharedPngRenderer(): PngRenderer {
  shared ??= new PngRenderer();
  return shared;
}
