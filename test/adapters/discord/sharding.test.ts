// Discord sharding in one process (DISCORD_SHARDING=auto): the real discord.js client asks the fake Discord for the
// shard count (GET /gateway/bot), identifies each shard, and answers the messages of guilds on different shards,
// each once, with each conversation's context kept. Also the sharding variables' validation.
import { setTimeout as sleep } from "node:timers/promises";
import { afterEach, describe, expect, it } from "vitest";
import { discordPlatform } from "../../../src/adapters/discord/platform.js";
import { createEngine } from "../../../src/node/create-engine.js";
import { parseConfig } from "../../../src/service/config.js";
import { Op } from "../../fakes/discord/gateway.js";
import { runDiscordCleanups, setupDiscord } from "../../fakes/discord/harness.js";
import { shardOf } from "../../fakes/discord/shards.js";

afterEach(runDiscordCleanups);

/** How long a test waits after the last expected reply for a duplicate that should never come. */
const SETTLE_MS = 400;

describe("discord: sharding in one process", () => {
  it('with shards "auto" identifies every shard GET /gateway/bot recommends, and answers each shard once, in context', async () => {
    const { fake, logger } = await setupDiscord(
      createEngine(),
      { shards: 2, guilds: 2 },
      { sharding: { mode: "auto" } },
    );
    const shards = await fake.waitForShards(2);
    expect(shards.map(([id, count]) => `${id}/${count}`).sort()).toEqual(["0/2", "1/2"]);
    // Each shard identified on its own connection.
    const identifies = fake.gateway.frames.entries.filter((frame) => frame.op === Op.Identify);
    expect(identifies.map((frame) => (frame.d as { shard?: unknown }).shard)).toEqual(
      expect.arrayContaining([
        [0, 2],
        [1, 2],
      ]),
    );
    expect(new Set(identifies.map((frame) => frame.connection)).size).toBe(2);
    expect(logger.lines.find((line) => line.msg === "discord: connected")?.obj).toMatchObject({
      shards: 2,
      guilds: 2,
    });

    const bob = fake.user("Bob");
    const onShard0 = fake.channel("general", 0);
    const onShard1 = fake.channel("general", 1);
    expect([shardOf(onShard0.guild_id, 2), shardOf(onShard1.guild_id, 2)]).toEqual([0, 1]);

    const first0 = fake.sendGuildMessage(bob, "what does magnesium have to do with cramps?", {
      channel: onShard0,
      mentionBot: true,
    });
    const first1 = fake.sendGuildMessage(bob, "does vitamin D help with cramps?", {
      channel: onShard1,
      mentionBot: true,
    });
    // The fake delivered each to the shard that owns its guild, and only there.
    expect([fake.gateway.shardFor(first0), fake.gateway.shardFor(first1)]).toEqual([0, 1]);
    const [answer0] = await fake.waitForOutgoingCount({ channelId: onShard0.id }, 1);
    const [answer1] = await fake.waitForOutgoingCount({ channelId: onShard1.id }, 1);
    expect(answer0?.body.content).toContain("enzyme");
    expect(answer1?.body.content).toContain("vitamin D");

    // The same follow-up on both shards, answered from each conversation's own context.
    fake.sendGuildMessage(bob, "what dose?", { channel: onShard1, mentionBot: true });
    fake.sendGuildMessage(bob, "what dose?", { channel: onShard0, mentionBot: true });
    const [, dose0] = await fake.waitForOutgoingCount({ channelId: onShard0.id }, 2);
    const [, dose1] = await fake.waitForOutgoingCount({ channelId: onShard1.id }, 2);
    expect(dose0?.body.content).toContain("100 mg");
    expect(dose1?.body.content).toContain("1000 IU");

    // Each message answered once: no duplicate arrives later.
    await sleep(SETTLE_MS);
    expect(fake.outgoing.filter((message) => message.channelId === onShard0.id)).toHaveLength(2);
    expect(fake.outgoing.filter((message) => message.channelId === onShard1.id)).toHaveLength(2);
  });

  it("answers a DM on shard 0, where Discord sends DMs", async () => {
    const { fake } = await setupDiscord(
      createEngine(),
      { shards: 2, guilds: 2 },
      { sharding: { mode: "auto" } },
    );
    await fake.waitForShards(2);
    const alice = fake.user("Alice");
    const question = fake.sendDirectMessage(alice, "what does magnesium have to do with cramps?");
    expect(fake.gateway.shardFor(question)).toBe(0);
    const [answer] = await fake.waitForOutgoingCount({ channelId: question.channel_id }, 1);
    expect(answer?.body.content).toContain("enzyme");
  });

  it("runs DISCORD_SHARD_COUNT shards when it is set, whatever Discord recommends", async () => {
    const { fake } = await setupDiscord(
      createEngine(),
      { shards: 1, guilds: 3, guildShards: 3 },
      { sharding: { mode: "auto", shardCount: 3 } },
    );
    const shards = await fake.waitForShards(3);
    expect(shards.map(([id]) => id).sort()).toEqual([0, 1, 2]);
    const bob = fake.user("Bob");
    const third = fake.channel("general", 2);
    expect(fake.gateway.shardFor({ guild_id: third.guild_id })).toBe(2);
    fake.sendGuildMessage(bob, "what does magnesium have to do with cramps?", {
      channel: third,
      mentionBot: true,
    });
    const [answer] = await fake.waitForOutgoingCount({ channelId: third.id }, 1);
    expect(answer?.body.content).toContain("enzyme");
  });

  it("without DISCORD_SHARDING identifies once, without a shard field (as before)", async () => {
    const { fake } = await setupDiscord(createEngine(), { shards: 1 });
    await fake.waitForSession();
    const identifies = fake.gateway.frames.entries.filter((frame) => frame.op === Op.Identify);
    expect(identifies).toHaveLength(1);
    expect(fake.gateway.shardIds).toEqual([0]);
  });
});

const TOKEN = "MTEwMDAwMDAwMDAwMDAwMDAwMQ.ZmFrZQ.ZmFrZS1kaXNjb3JkLXRva2VuLWZvci1sb2NhbC11c2U";
const APP = "1100000000000000001";
const base = { DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: APP };

describe("discord: the sharding variables", () => {
  it("are off by default, and auto / process with an optional count when set", () => {
    const off = parseConfig(base, [discordPlatform]);
    expect(off.ok && off.config.discord?.sharding).toEqual({ mode: "off" });
    const auto = parseConfig({ ...base, DISCORD_SHARDING: "Auto", DISCORD_SHARD_COUNT: "4" }, [
      discordPlatform,
    ]);
    expect(auto.ok && auto.config.discord?.sharding).toEqual({ mode: "auto", shardCount: 4 });
    const process = parseConfig(
      { ...base, DISCORD_SHARDING: "process", REDIS_URL: "redis://127.0.0.1:6379" },
      [discordPlatform],
    );
    expect(process.ok && process.config.discord?.sharding).toEqual({ mode: "process" });
  });

  it("report a bad mode, a bad count, a count without sharding and process mode without Redis, one line each", () => {
    const problems = (env: Record<string, string>) => {
      const result = parseConfig({ ...base, ...env }, [discordPlatform]);
      return result.ok ? [] : result.problems;
    };
    expect(problems({ DISCORD_SHARDING: "many" })).toEqual([
      'DISCORD_SHARDING must be one of off, auto, process (got "many")',
    ]);
    expect(problems({ DISCORD_SHARDING: "auto", DISCORD_SHARD_COUNT: "0" })).toEqual([
      'DISCORD_SHARD_COUNT must be a whole number from 1 to 4096 (got "0")',
    ]);
    expect(problems({ DISCORD_SHARD_COUNT: "2" })).toEqual([
      "DISCORD_SHARD_COUNT is set but DISCORD_SHARDING is off (set it to auto or process)",
    ]);
    expect(problems({ DISCORD_SHARDING: "process" })).toEqual([
      "DISCORD_SHARDING=process needs REDIS_URL: the shard processes share conversation state through Redis (an SQLite file serves one process)",
    ]);
    expect(
      parseConfig({ DISCORD_SHARDING: "auto" }, [discordPlatform]).ok ? [] : ["set without token"],
    ).toEqual(["set without token"]);
  });
});
