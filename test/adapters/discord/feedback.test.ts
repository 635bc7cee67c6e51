// "Helpful?" on Discord, through the service against the fake Discord: an answer carries one row of two vote
// buttons above its suggestions; a click is thanked and counted once (a second click is not), and the count shows
// in /metrics.
import { afterEach, describe, expect, it, onTestFinished } from "vitest";
import { createService } from "../../../src/service/service.js";
import { runDiscordCleanups, startFakeDiscord } from "../../fakes/discord/harness.js";
import { testConfig } from "../../service/support.js";

afterEach(runDiscordCleanups);

describe("Discord: feedback on answers", () => {
  it("shows two vote buttons under an answer and counts a click once", async () => {
    const fake = await startFakeDiscord();
    const service = createService(
      testConfig({
        DISCORD_TOKEN: fake.token,
        DISCORD_APPLICATION_ID: fake.applicationId,
        DISCORD_API_ROOT: fake.apiRoot,
      }),
      { defaultMetrics: false, discord: { typingDelayMs: 0 } },
    );
    onTestFinished(() => service.stop().catch(() => {}));
    await service.start();
    const alice = fake.user("Alice");

    const sent = fake.sendDirectMessage(alice, "how much magnesium should I take?");
    const answer = await fake.waitForOutgoing({ channelId: sent.channel_id }, { timeoutMs: 8_000 });
    const [votes, ...others] = answer.message.components;
    expect(votes?.components.map((b) => b.label)).toEqual(["👍 Helpful", "👎 Not really"]);
    const [yes, no] = votes?.components.map((b) => b.custom_id ?? "") ?? [];
    expect(yes).toMatch(/^vote:yes:magnesium\.supplements:[0-9a-f]{8}:[0-9a-z]{1,6}$/);
    expect(no).toMatch(/^vote:no:magnesium\.supplements:[0-9a-f]{8}:[0-9a-z]{1,6}$/);
    expect(others.flatMap((row) => row.components).every((b) => b.custom_id?.startsWith("section:"))).toBe(
      true,
    );

    const first = fake.clickButton(alice, answer.message, yes ?? "");
    const thanks = await fake.waitForOutgoing({ interactionId: first.id }, { timeoutMs: 8_000 });
    expect(thanks.body.content).toBe("Thanks for letting me know — glad it helped.");
    const second = fake.clickButton(alice, answer.message, yes ?? "");
    const again = await fake.waitForOutgoing({ interactionId: second.id }, { timeoutMs: 8_000 });
    expect(again.body.content).toBe("You've already rated that answer — thank you.");

    const metrics = await (await fetch(`${service.url}/metrics`)).text();
    expect(metrics).toContain('crampbot_feedback_total{section="magnesium.supplements",vote="yes"} 1');
    expect((await service.feedback.counts()).map((c) => [c.section, c.vote, c.count])).toEqual([
      ["magnesium.supplements", "yes", 1],
    ]);
  });
});
