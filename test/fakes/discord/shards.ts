// Discord's shard arithmetic for the fake: which shard owns a guild ((guild_id >> 22) % shard_count, DMs on
// shard 0), and guild ids made to land on a chosen shard so a test can put guilds on different shards.
import { snowflake } from "./snowflake.js";

/** The shard that receives a guild's events: Discord's formula, (guild_id >> 22) % shard_count. */
export function shardOf(guildId: string | undefined, shardCount: number): number {
  if (guildId === undefined || shardCount <= 1) return 0;
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}

/**
 * A fresh snowflake whose guild would be owned by `shard` of `shardCount`: the id's timestamp part (what the
 * formula reads) is moved back by at most shardCount - 1 ms until it falls on that shard.
 */
export function guildIdOnShard(shard: number, shardCount: number, at: number = Date.now()): string {
  for (let back = 0; back < Math.max(1, shardCount); back += 1) {
    const id = snowflake(at - back);
    if (shardOf(id, shardCount) === shard) return id;
  }
  throw new Error(`fake discord: no guild id lands on shard ${shard} of ${shardCount}`);
}
