// How the Discord bot shards (DISCORD_SHARDING, DISCORD_SHARD_COUNT): the settings, their validators and the client
// options they give discord.js. No SDK import: platform.ts validates the variables with these.
//
// Discord requires sharding from 2,500 guilds on: each shard is one gateway connection that receives the events of
// the guilds with (guild_id >> 22) % shard_count == its id (DMs arrive on shard 0). A conversation (a channel or a
// DM) therefore always arrives on the same shard, so per-conversation order needs nothing across shards.
import { DiscordAdapterError } from "./errors.js";

/**
 * - `off`: one gateway connection, no `shard` field in IDENTIFY (fine below 2,500 guilds).
 * - `auto`: discord.js's `shards: "auto"` in this process: it asks GET /gateway/bot for the count and runs every
 *   shard here (or DISCORD_SHARD_COUNT shards).
 * - `process`: discord.js's ShardingManager forks one process per shard (src/service/discord-shard.ts); they share
 *   conversation state through Redis, so REDIS_URL is required.
 */
export type ShardingMode = "off" | "auto" | "process";

export interface DiscordSharding {
  /** Default "off". */
  mode: ShardingMode;
  /** The shard count; undefined (the default) means Discord's recommendation from GET /gateway/bot. */
  shardCount?: number;
}

const MODES: readonly ShardingMode[] = ["off", "auto", "process"];
/** More than any bot needs today (Discord's largest bots run a few thousand shards). */
export const MAX_SHARD_COUNT = 4096;

export function validateShardingMode(raw: string): ShardingMode {
  const mode = raw.trim().toLowerCase();
  if (!(MODES as readonly string[]).includes(mode)) {
    throw new DiscordAdapterError(
      "DISCORD_SHARDING_MALFORMED",
      `DISCORD_SHARDING must be one of ${MODES.join(", ")} (got ${JSON.stringify(raw.slice(0, 40))})`,
    );
  }
  return mode as ShardingMode;
}

export function validateShardCount(raw: string): number {
  const text = raw.trim();
  const count = Number(text);
  if (!/^\d+$/.test(text) || count < 1 || count > MAX_SHARD_COUNT) {
    throw new DiscordAdapterError(
      "DISCORD_SHARD_COUNT_MALFORMED",
      `DISCORD_SHARD_COUNT must be a whole number from 1 to ${MAX_SHARD_COUNT} (got ${JSON.stringify(raw.slice(0, 40))})`,
    );
  }
  return count;
}

/** The problems of the sharding variables together with the others (`valueIn`: a variable's value, blank unset). */
export function shardingProblems(valueIn: (name: string) => string | undefined): string[] {
  const mode = valueIn("DISCORD_SHARDING")?.trim().toLowerCase();
  const problems: string[] = [];
  if (valueIn("DISCORD_SHARD_COUNT") !== undefined && (mode === undefined || mode === "off")) {
    problems.push("DISCORD_SHARD_COUNT is set but DISCORD_SHARDING is off (set it to auto or process)");
  }
  if (mode === "process" && valueIn("REDIS_URL") === undefined) {
    problems.push(
      "DISCORD_SHARDING=process needs REDIS_URL: the shard processes share conversation state through Redis (an SQLite file serves one process)",
    );
  }
  return problems;
}

/**
 * Whether this process is one of a ShardingManager's shard processes: discord.js sets SHARDING_MANAGER in the
 * environment it forks them with (and the client then reads its shard ids from SHARDS and SHARD_COUNT).
 */
export function isShardProcess(env: Record<string, string | undefined> = process.env): boolean {
  return env.SHARDING_MANAGER !== undefined && env.SHARDING_MANAGER !== "";
}

/**
 * The discord.js Client options for sharding in this process: none for `off` and for a shard process (discord.js
 * takes SHARDS / SHARD_COUNT from the environment), `shards: "auto"`, or shards 0..count-1 of `shardCount`.
 */
export function clientShardOptions(
  sharding: DiscordSharding | undefined,
): { shards: "auto" } | { shards: number[]; shardCount: number } | Record<string, never> {
  if (sharding === undefined || sharding.mode !== "auto") return {};
  if (sharding.shardCount === undefined) return { shards: "auto" };
  return {
    shards: Array.from({ length: sharding.shardCount }, (_, id) => id),
    shardCount: sharding.shardCount,
  };
}
