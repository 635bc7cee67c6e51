// The Discord adapter at its boundary (issue 7): malformed gateway events are logged without content and skipped,
// an event discord.js chokes on cannot reject into the process, and the bot keeps answering.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runDiscordCleanups, setupDiscord } from "../../fakes/discord/harness.js";
import { snowflake } from "../../fakes/discord/snowflake.js";

afterEach(runDiscordCleanups);

/** Unhandled rejections and uncaught exceptions while a test runs: each would stop `crampbot serve`. */
const escaped: unknown[] = [];
const onEscape = (error: unknown) => escaped.push(error);
beforeEach(() => {
  escaped.length = 0;
  process.on("unhandledRejection", onEscape);
  process.on("uncaughtException", onEscape);
  return () => {
    process.off("unhandledRejection", onEscape);
    process.off("uncaughtException", onEscape);
  };
});

describe("Discord adapter: malformed gateway events", () => {
  it("skips malformed messages and interactions without their content and answers the next good message", async () => {
    const { fake, handler, logger } = await setupDiscord();
    const alice = fake.user("Alice");
    const good = fake.directMessagePayload(alice, "poison text");
    const interaction = {
      id: snowflake(),
      application_id: fake.applicationId,
      token: "aW50ZXJhY3Rpb24tdG9rZW4",
      entitlements: [],
      version: 1,
    };
    const malformed: [string, unknown][] = [
      ["MESSAGE_CREATE", null],
      ["MESSAGE_CREATE", { ...good, author: undefined }],
      ["MESSAGE_CREATE", { ...good, author: null }],
      ["MESSAGE_CREATE", { ...good, id: "not-a-snowflake" }],
      ["MESSAGE_CREATE", { ...good, mentions: [{ id: 42 }] }],
      ["INTERACTION_CREATE", null],
      // A slash command from nobody (neither user nor member), one without data, a click without its message.
      ["INTERACTION_CREATE", { ...interaction, type: 2, data: { id: snowflake(), name: "topics", type: 1 } }],
      ["INTERACTION_CREATE", { ...interaction, type: 2, user: alice }],
      [
        "INTERACTION_CREATE",
        { ...interaction, type: 3, user: alice, data: { custom_id: "x", component_type: 2 } },
      ],
    ];
    for (const [type, body] of malformed) fake.dispatch(type, body);
    const question = fake.sendDirectMessage(alice, "why do my legs cramp?");
    const answer = await fake.waitForOutgoing({ channelId: question.channel_id });

    expect(answer.body.content).toBe("echo: why do my legs cramp?");
    expect(handler.calls.map((message) => message.text)).toEqual(["why do my legs cramp?"]);
    const skipped = logger.lines.filter((line) => line.msg === "discord: malformed gateway event skipped");
    expect(skipped.map((line) => (line.obj as { event?: unknown }).event)).toEqual(
      malformed.map(([type]) => type),
    );
    expect(logger.dump()).not.toContain("poison");
    expect(escaped).toEqual([]);
  });

  it("logs an event discord.js cannot handle instead of letting it reject, and goes on", async () => {
    const { fake, logger } = await setupDiscord();
    const alice = fake.user("Alice");
    // Valid where the adapter looks, broken where discord.js looks (embeds must be a list).
    fake.dispatch("MESSAGE_CREATE", { ...fake.directMessagePayload(alice, "first"), embeds: "broken" });
    fake.dispatch("GUILD_CREATE", { id: snowflake(), channels: "broken", roles: 7 });
    const question = fake.sendDirectMessage(alice, "still there?");
    const answer = await fake.waitForOutgoing({ channelId: question.channel_id });

    expect(answer.body.content).toBe("echo: still there?");
    const failed = logger.lines.filter(
      (line) => line.msg === "discord: handling a gateway event failed; skipped",
    );
    expect(failed.map((line) => (line.obj as { event?: unknown }).event)).toEqual([
      "MESSAGE_CREATE",
      "GUILD_CREATE",
    ]);
    expect(escaped).toEqual([]);
  });
});
