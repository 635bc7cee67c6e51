// The gateway connection: heartbeats, reconnects left to discord.js, and a clean stop().
import { afterEach, describe, expect, it } from "vitest";
import { runDiscordCleanups, setupDiscord } from "../../fakes/discord/harness.js";
import { ScriptedHandler } from "../../fakes/discord/index.js";
import { reply } from "../../fakes/discord/scripted-handler.js";

afterEach(runDiscordCleanups);

describe("Discord adapter: gateway connection", () => {
  it("identifies with Guilds, GuildMessages, DirectMessages and MessageContent, and heartbeats", async () => {
    const { fake } = await setupDiscord(new ScriptedHandler(), { heartbeatIntervalMs: 20 });

    const identify = await fake.gateway.frames.waitFor((frame) => frame.op === 2, "IDENTIFY");
    await fake.gateway.frames.waitFor((frame) => frame.op === 1, "a heartbeat");

    const intents = (identify.d as { intents: number }).intents;
    expect(intents).toBe((1 << 0) | (1 << 9) | (1 << 12) | (1 << 15));
  });

  it("resumes after Discord asks it to reconnect, and answers what arrives meanwhile", async () => {
    const { fake } = await setupDiscord();
    const alice = fake.user("Alice");

    fake.gateway.requestReconnect();
    // Sent while the client is reconnecting: replayed by the fake on RESUME, like Discord.
    fake.sendDirectMessage(alice, "are you still there?");
    await fake.gateway.sessionsStarted.waitFor((kind) => kind === "resumed", "a resume");
    const answer = await fake.waitForOutgoing({ via: "channel" });

    expect(answer.body.content).toBe("echo: are you still there?");
    expect(fake.gateway.frames.filter((frame) => frame.op === 6)).toHaveLength(1);
  });

  it("reconnects by itself after the connection drops", async () => {
    const { fake } = await setupDiscord();

    fake.gateway.dropConnection();
    await fake.gateway.sessionsStarted.waitFor((kind) => kind === "resumed", "a resume");
    fake.sendDirectMessage(fake.user("Bob"), "after the drop");
    const answer = await fake.waitForOutgoing({ via: "channel" });

    expect(answer.body.content).toBe("echo: after the drop");
  });

  it("finishes with the close code when Discord closes the gateway for good (token reset)", async () => {
    const { fake, adapter, logger } = await setupDiscord();

    fake.gateway.closeConnection(4004, "Authentication failed.");

    await expect(adapter.finished).resolves.toEqual({ reason: "gateway-closed", code: 4004 });
    expect(logger.at("error").map((line) => line.msg)).toContain("discord: gateway closed for good");
  });

  it("stop() lets a reply in progress finish, then closes the gateway connection", async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const handler = new ScriptedHandler().next(async () => {
      await gate;
      return reply("finished before closing");
    });
    const { fake, adapter } = await setupDiscord(handler);

    fake.sendDirectMessage(fake.user("Alice"), "slow question");
    await handler.waitForCall();
    const stopping = adapter.stop();
    release();
    await stopping;

    expect(fake.outgoing.map((message) => message.body.content)).toEqual(["finished before closing"]);
    expect(fake.gateway.hasOpenConnection).toBe(false);
    await expect(adapter.finished).resolves.toEqual({ reason: "stopped" });
  });
});
