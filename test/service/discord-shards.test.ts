// DISCORD_SHARDING=process end to end: `crampbot serve` runs discord.js's ShardingManager, which forks one shard
// process per shard GET /gateway/bot recommends; each identifies its own shard at the fake Discord, answers the
// guilds that shard owns, and keeps context in the shared Redis. SIGTERM to serve ends the shard processes too.
import { afterAll, beforeAll, expect, it } from "vitest";
import { FakeDiscord } from "../fakes/discord/fake-discord.js";
import { shardOf } from "../fakes/discord/shards.js";
import { type RedisServer, startRedisServer } from "../support/redis-server.js";
import {
  buildOnce,
  killAll,
  PROCESS_BOUND_MS,
  poll,
  type ServeProcess,
  servingUrl,
  startServe,
  stopServe,
} from "../support/serve-process.js";
import { describeNeeding, REDIS_SERVER } from "../support/system-programs.js";

const describeWithRedis = describeNeeding(REDIS_SERVER, "the Discord shard-process test (needs Redis)");

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describeWithRedis("crampbot serve with DISCORD_SHARDING=process", () => {
  let redis: RedisServer;
  let fake: FakeDiscord;
  let serve: ServeProcess;
  let url: string;

  beforeAll(async () => {
    await buildOnce();
    redis = await startRedisServer();
    fake = await FakeDiscord.start({ shards: 2, guilds: 2 });
    serve = startServe({
      REDIS_URL: redis.url,
      DISCORD_TOKEN: fake.token,
      DISCORD_APPLICATION_ID: fake.applicationId,
      DISCORD_API_ROOT: fake.apiRoot,
      DISCORD_SHARDING: "process",
    });
    url = await servingUrl(serve);
  }, 300_000);

  afterAll(async () => {
    if (serve) await stopServe(serve);
    await killAll();
    await fake?.close();
    await redis?.stop();
  }, 60_000);

  it(
    "forks one process per recommended shard, answers each shard's guild once, in context, and stops them all",
    async () => {
      await fake.waitForShards(2, { timeoutMs: PROCESS_BOUND_MS });
      // Two shard processes (other pids than serve's), each connected with one shard.
      // (A shard counts as ready for the manager a moment before its adapter logs the line.)
      const connected = await poll(() => {
        const lines = serve.logs().filter((line) => line.msg === "discord: connected");
        return lines.length >= 2 ? lines : undefined;
      }, "both shard processes to log in");
      const pids = [...new Set(connected.map((line) => Number(line.pid)))];
      expect(connected.map((line) => line.shards)).toEqual([1, 1]);
      expect(pids).toHaveLength(2);
      expect(pids).not.toContain(serve.child.pid);
      const ready = (await (await fetch(`${url}/readyz`)).json()) as Record<string, unknown>;
      expect(ready).toMatchObject({ status: "ready", checks: { store: "ok", discord: "ok" } });

      const bob = fake.user("Bob");
      const onShard0 = fake.channel("general", 0);
      const onShard1 = fake.channel("general", 1);
      expect([shardOf(onShard0.guild_id, 2), shardOf(onShard1.guild_id, 2)]).toEqual([0, 1]);
      const wait = { timeoutMs: PROCESS_BOUND_MS };
      fake.sendGuildMessage(bob, "what does magnesium have to do with cramps?", {
        channel: onShard0,
        mentionBot: true,
      });
      fake.sendGuildMessage(bob, "does vitamin D help with cramps?", { channel: onShard1, mentionBot: true });
      const [answer0] = await fake.waitForOutgoingCount({ channelId: onShard0.id }, 1, wait);
      const [answer1] = await fake.waitForOutgoingCount({ channelId: onShard1.id }, 1, wait);
      expect(answer0?.body.content).toContain("enzyme");
      expect(answer1?.body.content).toContain("vitamin D");
      fake.sendGuildMessage(bob, "what dose?", { channel: onShard0, mentionBot: true });
      fake.sendGuildMessage(bob, "what dose?", { channel: onShard1, mentionBot: true });
      const [, dose0] = await fake.waitForOutgoingCount({ channelId: onShard0.id }, 2, wait);
      const [, dose1] = await fake.waitForOutgoingCount({ channelId: onShard1.id }, 2, wait);
      expect(dose0?.body.content).toContain("100 mg");
      expect(dose1?.body.content).toContain("1000 IU");
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect(fake.outgoing.filter((message) => message.channelId === onShard0.id)).toHaveLength(2);
      expect(fake.outgoing.filter((message) => message.channelId === onShard1.id)).toHaveLength(2);

      const exit = await stopServe(serve);
      expect(exit.code).toBe(0);
      await poll(() => (pids.some(alive) ? undefined : true), "the shard processes to exit", 5_000);
    },
    PROCESS_BOUND_MS * 2,
  );
});
