// Pictures on Telegram: each stretch step and the check-up card go as sendPhoto (a multipart PNG upload) with the
// reply's text as caption (at most 1,024 characters, the rest in a message after it), the keyboard as before; each
// picture is rendered once, whatever the number of messages. Real engine, real library, the fake Bot API.
import { describe, expect, it, onTestFinished } from "vitest";
import { PngRenderer, type Rasteriser, resvgRasteriser } from "../../../src/adapters/shared/png.js";
import { createTelegramAdapter } from "../../../src/adapters/telegram/index.js";
import { TELEGRAM_CAPTION_LIMIT } from "../../../src/adapters/telegram/photo.js";
import { MemoryStore } from "../../../src/core/store/memory.js";
import { createEngine } from "../../../src/node/create-engine.js";
import {
  type FakeMessage,
  fakeUser,
  parseTelegramHtml,
  privateChat,
  type SentPhoto,
  startFakeTelegram,
} from "../../fakes/telegram-api/server.js";
import { RecordingLogger } from "./support.js";

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const bob = fakeUser(31, "Bob", "bob");
const ann = fakeUser(32, "Ann", "ann");

/** Counts the renderings done through the real rasteriser (injected, not patched). */
function countingRasteriser(inner: Rasteriser = resvgRasteriser) {
  const rendered: string[] = [];
  const rasterise: Rasteriser = async (svg, width) => {
    rendered.push(svg);
    return inner(svg, width);
  };
  return { rasterise, rendered };
}

async function start(rasterise: Rasteriser) {
  const fake = await startFakeTelegram();
  onTestFinished(() => fake.close());
  const store = new MemoryStore();
  const logger = new RecordingLogger();
  const adapter = createTelegramAdapter(
    { handler: createEngine({ store }), store, logger, pictures: new PngRenderer({ rasterise }) },
    { token: fake.token, apiRoot: fake.apiRoot, pollingTimeoutSeconds: 5, typingDelayMs: 0 },
  );
  onTestFinished(() => adapter.stop());
  await adapter.start();
  let photos = 0;
  /** Sends a text (or presses a button under `on`) and resolves with the photo the bot sends for it. */
  const next = async (from: typeof bob, input: string, on?: FakeMessage): Promise<SentPhoto> => {
    if (on) fake.pressButton(from, on, input);
    else fake.sendText(from, privateChat(from), input);
    photos++;
    await fake.waitForCalls("sendPhoto", photos, { okOnly: true });
    return fake.sentPhotos.at(-1) as SentPhoto;
  };
  return { fake, logger, next };
}

function visible(html: string): string {
  const parsed = parseTelegramHtml(html);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.text;
}

function expectPng(photo: SentPhoto, filename: string): void {
  expect(photo.file.filename).toBe(filename);
  expect(photo.file.contentType).toBe("image/png");
  expect(photo.file.data.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  // IHDR: the first chunk, 720 pixels wide.
  expect(photo.file.data.subarray(12, 16).toString("latin1")).toBe("IHDR");
  expect(photo.file.data.readUInt32BE(16)).toBe(720);
}

describe("telegram: pictures", () => {
  it("sends every stretch step as a photo with the step as caption and the buttons under it", async () => {
    const { rasterise, rendered } = countingRasteriser();
    const { fake, next } = await start(rasterise);
    let photo = await next(bob, "/stretch");
    const captions: string[] = [];
    for (let step = 1; step <= 6; step++) {
      expectPng(photo, `stretch-step-${step}.png`);
      expect(photo.parseMode).toBe("HTML");
      captions.push(visible(photo.rawCaption));
      const keyboard = photo.params.reply_markup as { inline_keyboard: { callback_data: string }[][] };
      expect(keyboard.inline_keyboard.flat().map((b) => b.callback_data)).toEqual([
        "stretch:next",
        "stretch:stop",
      ]);
      if (step < 6) photo = await next(bob, "stretch:next", photo.message);
    }
    expect(captions[0]).toContain("Step 1 — Position.");
    expect(captions[4]).toContain("6–8 times on this leg");
    expect(captions[5]).toContain("Step 6 — Switch legs.");
    // Short steps: the whole text is the caption, nothing follows it.
    expect(fake.callsOf("sendMessage")).toHaveLength(0);

    // Another conversation through the same steps: the same six PNGs, rendered once each.
    await next(ann, "/stretch");
    for (let step = 2; step <= 6; step++) await next(ann, "stretch:next", fake.sentPhotos.at(-1)?.message);
    expect(rendered).toHaveLength(6);
    const bytes = (name: string) =>
      fake.sentPhotos.filter((p) => p.file.filename === name).map((p) => p.file.data);
    const [first, second] = bytes("stretch-step-3.png");
    expect(first?.equals(second ?? Buffer.alloc(0))).toBe(true);
  });

  it("sends the check-up card as a photo, the text cut into a caption within 1,024 characters and a message", async () => {
    const { rasterise, rendered } = countingRasteriser();
    const { fake, next } = await start(rasterise);
    /** Runs the check-up with a tip for every answer; resolves with the photo after the last question. */
    const checkup = async (from: typeof bob) => {
      const before = fake.callsOf("sendMessage").length;
      fake.sendText(from, privateChat(from), "/checkup");
      const answers = ["water:low", "stretching:rarely", "nuts:rarely", "sun:little"];
      for (const [i, answer] of answers.entries()) {
        await fake.waitForCalls("sendMessage", before + i + 1, { okOnly: true });
        fake.pressButton(from, fake.sentMessages.at(-1)?.message as FakeMessage, `checkup:${answer}`);
      }
      await fake.waitForCalls("sendMessage", before + answers.length + 1, { okOnly: true });
      return next(from, "checkup:stress:high", fake.sentMessages.at(-1)?.message);
    };
    const photo = await checkup(bob);
    expectPng(photo, "checkup-card.png");
    const caption = visible(photo.rawCaption);
    expect(caption.length).toBeLessThanOrEqual(TELEGRAM_CAPTION_LIMIT);
    expect(caption).toContain("Thanks! Based on your answers");
    // Every tip is long, so the rest follows as a message, and the keyboard goes on that last message.
    const rest = await fake
      .waitForCalls("sendMessage", 6, { okOnly: true })
      .then(() => fake.sentMessages.at(-1));
    expect(photo.params.reply_markup).toBeUndefined();
    const keyboard = rest?.params.reply_markup as { inline_keyboard: { callback_data: string }[][] };
    expect(keyboard.inline_keyboard.flat().map((b) => b.callback_data)).toContain("dialogue:stretch");
    const whole = `${caption}\n${rest?.message.text}`;
    for (const source of [
      "› Hydration",
      "› Stretching",
      "› Food sources",
      "› Supplements",
      "Mental Well-Being",
    ])
      expect(whole).toContain(source);
    expect(whole).toContain("Not medical advice");

    // The same answers in another conversation: the same card, rendered once.
    const again = await checkup(ann);
    expect(again.file.data.equals(photo.file.data)).toBe(true);
    expect(rendered).toHaveLength(1);
  });

  it("sends the text alone, and logs it, when a picture cannot be rendered", async () => {
    const failing: Rasteriser = async () => {
      throw new Error("no rasteriser here");
    };
    const { fake, logger } = await start(failing);
    fake.sendText(bob, privateChat(bob), "/stretch");
    await fake.waitForCalls("sendMessage", 1, { okOnly: true });
    expect(fake.sentMessages.at(-1)?.message.text).toContain("Step 1 — Position.");
    expect(fake.callsOf("sendPhoto")).toHaveLength(0);
    expect(logger.at("error").map((e) => e.msg)).toContain(
      "telegram: rendering a picture failed; sending the text alone",
    );
  });
});
