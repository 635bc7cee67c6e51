// Real conversations with the real engine through the real discord.js client and the fake Discord.
import { afterEach, describe, expect, it } from "vitest";
import { DiscordAdapter } from "../../../src/adapters/discord/index.js";
import { createEngine } from "../../../src/core/engine.js";
import { FakeDiscord, MemoryLogger } from "../../fakes/discord/index.js";

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function start() {
  const fake = await FakeDiscord.start();
  cleanups.push(() => fake.close());
  const engine = createEngine();
  const adapter = new DiscordAdapter(
    { handler: engine, logger: new MemoryLogger() },
    { token: fake.token, applicationId: fake.applicationId, apiRoot: fake.apiRoot },
  );
  cleanups.push(() => adapter.stop());
  await adapter.start();
  return fake;
}

describe("discord: conversations with the real engine", () => {
  it("answers a DM question and a follow-up that uses its context", async () => {
    const fake = await start();
    const alice = fake.user("Alice");
    const question = fake.sendDirectMessage(alice, "what does magnesium have to do with cramps?");
    const [first] = await fake.waitForOutgoingCount({ channelId: question.channel_id }, 1);
    expect(first?.body.content).toContain("enzyme");
    fake.sendDirectMessage(alice, "what dose?");
    const [, second] = await fake.waitForOutgoingCount({ channelId: question.channel_id }, 2);
    expect(second?.body.content).toContain("100 mg");
    expect(second?.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
  });

  it("continues the same conversation when a suggestion button is clicked", async () => {
    const fake = await start();
    const alice = fake.user("Alice");
    const question = fake.sendDirectMessage(alice, "how do I stretch my calves?");
    const [answer] = await fake.waitForOutgoingCount({ channelId: question.channel_id }, 1);
    if (!answer) throw new Error("no answer");
    fake.clickButton(alice, answer.message, "dialogue:stretch");
    const replies = await fake.waitForOutgoingCount({}, 2);
    expect(replies.at(-1)?.body.content).toContain("Step 1");
  });
});
