// Real conversations with the real engine through the real discord.js client and the fake Discord.
import { afterEach, describe, expect, it } from "vitest";
import { createEngine } from "../../../src/node/create-engine.js";
import { runDiscordCleanups, setupDiscord } from "../../fakes/discord/harness.js";

afterEach(runDiscordCleanups);

describe("discord: conversations with the real engine", () => {
  it("answers a DM question and a follow-up that uses its context", async () => {
    const { fake } = await setupDiscord(createEngine());
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
    const { fake } = await setupDiscord(createEngine());
    const alice = fake.user("Alice");
    const question = fake.sendDirectMessage(alice, "how do I stretch my calves?");
    const [answer] = await fake.waitForOutgoingCount({ channelId: question.channel_id }, 1);
    if (!answer) throw new Error("no answer");
    fake.clickButton(alice, answer.message, "dialogue:stretch");
    const replies = await fake.waitForOutgoingCount({}, 2);
    expect(replies.at(-1)?.body.content).toContain("Step 1");
  });
});
