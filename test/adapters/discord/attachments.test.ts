// Pictures on Discord: each stretch step and the check-up card go as a PNG attachment (alt text as its description)
// shown in an embed, on the reply's first part, buttons as before; each picture is rendered once. Real engine, real
// discord.js, the fake Discord (its REST reads the multipart upload).
import { afterEach, describe, expect, it } from "vitest";
import { DiscordAdapter } from "../../../src/adapters/discord/index.js";
import { PngRenderer, type Rasteriser, resvgRasteriser } from "../../../src/adapters/shared/png.js";
import type { StretchData } from "../../../src/core/dialogues/stretch.js";
import { createEngine } from "../../../src/node/create-engine.js";
import { addDiscordCleanup, runDiscordCleanups, startFakeDiscord } from "../../fakes/discord/harness.js";
import { MemoryLogger } from "../../fakes/discord/memory-logger.js";
import type { OutgoingMessage } from "../../fakes/discord/state.js";

afterEach(runDiscordCleanups);

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

async function start(rasterise: Rasteriser = resvgRasteriser) {
  const fake = await startFakeDiscord();
  const logger = new MemoryLogger();
  const rendered: string[] = [];
  const counting: Rasteriser = (svg, width) => {
    rendered.push(svg);
    return rasterise(svg, width);
  };
  const engine = createEngine();
  const adapter = new DiscordAdapter(
    { handler: engine, logger, pictures: new PngRenderer({ rasterise: counting }) },
    { token: fake.token, applicationId: fake.applicationId, apiRoot: fake.apiRoot, typingDelayMs: 0 },
  );
  addDiscordCleanup(() => adapter.stop());
  await adapter.start();
  return { fake, logger, rendered, engine };
}

/** The attachment the outgoing message uploaded and the embed showing it. */
function expectPicture(sent: OutgoingMessage | undefined, filename: string, alt: string): void {
  const file = sent?.body.files?.[0];
  expect(sent?.body.files).toHaveLength(1);
  expect(file?.filename).toBe(filename);
  expect(file?.contentType).toBe("image/png");
  expect(file?.data.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  expect(sent?.body.attachments?.[0]?.description).toBe(alt);
  expect(sent?.body.embeds).toEqual([
    expect.objectContaining({ image: { url: `attachment://${filename}` } }),
  ]);
  expect(sent?.message.attachments).toEqual([
    expect.objectContaining({ filename, content_type: "image/png", description: alt }),
  ]);
}

describe("discord: pictures", () => {
  it("sends every stretch step with its drawing attached in an embed, the step as text and the buttons", async () => {
    const { fake, rendered, engine } = await start();
    const alice = fake.user("Alice");
    const pictures = (engine.intents.dialogues.stretch as StretchData).pictures ?? [];
    const question = fake.sendDirectMessage(alice, "/stretch");
    let [sent] = await fake.waitForOutgoingCount({ channelId: question.channel_id }, 1);
    for (let step = 1; step <= 6; step++) {
      expectPicture(sent, `stretch-step-${step}.png`, pictures[step - 1]?.alt ?? "?");
      expect(sent?.body.content).toContain(`Step ${step} —`);
      const ids = sent?.body.components?.flatMap((row) => row.components.map((b) => b.custom_id));
      expect(ids).toEqual(["stretch:next", "stretch:stop"]);
      if (step === 6) break;
      // Pressing "Next step": an interaction, deferred, then the reply edited in with the next picture.
      fake.clickButton(alice, sent?.message ?? (undefined as never), "stretch:next");
      sent = (await fake.waitForOutgoingCount({}, step + 1)).at(-1);
    }
    expect(rendered).toHaveLength(6);

    // Another person through the first steps again: no new rendering.
    const bob = fake.user("Bob");
    const again = fake.sendDirectMessage(bob, "/stretch");
    const [first] = await fake.waitForOutgoingCount({ channelId: again.channel_id }, 1);
    expectPicture(first, "stretch-step-1.png", pictures[0]?.alt ?? "?");
    expect(rendered).toHaveLength(6);
  });

  it("sends the check-up card as an attachment with the tips as text", async () => {
    const { fake, rendered } = await start();
    const alice = fake.user("Alice");
    const question = fake.sendDirectMessage(alice, "/checkup");
    let [sent] = await fake.waitForOutgoingCount({ channelId: question.channel_id }, 1);
    const answers = ["water:high", "stretching:sometimes", "nuts:often", "sun:some", "stress:fine"];
    for (const [i, answer] of answers.entries()) {
      fake.clickButton(alice, sent?.message ?? (undefined as never), `checkup:${answer}`);
      sent = (await fake.waitForOutgoingCount({}, i + 2)).at(-1);
    }
    const alt = sent?.body.attachments?.[0]?.description ?? "";
    expectPicture(sent, "checkup-card.png", alt);
    expect(alt).toContain("Stretching: Worth a look, tip from Calf stretch");
    expect(alt).toContain("Water: Looks fine");
    expect(sent?.body.content).toContain("How to Prevent Leg Cramps › Stretching");
    expect(sent?.body.content).toContain("Already looking fine: water, nuts and seeds, stress and sleep.");
    expect(rendered).toHaveLength(1);
  });

  it("sends the text alone, and logs it, when a picture cannot be rendered", async () => {
    const { fake, logger } = await start(async () => {
      throw new Error("no rasteriser here");
    });
    const question = fake.sendDirectMessage(fake.user("Alice"), "/stretch");
    const [sent] = await fake.waitForOutgoingCount({ channelId: question.channel_id }, 1);
    expect(sent?.body.content).toContain("Step 1 —");
    expect(sent?.body.files ?? []).toHaveLength(0);
    expect(logger.dump(["error"])).toContain("discord: rendering a picture failed; sending the text alone");
  });
});
