// The Discord platform for the service's table: its environment schema, and create(), which loads the adapter
// (and discord.js) only when DISCORD_TOKEN is set: one client (sharded in this process or not), or, with
// DISCORD_SHARDING=process, a ShardingManager forking one process per shard (./shard-manager.ts).
import { z } from "zod";
import { definePlatform } from "../shared/contract.js";
import { checkedBy } from "../shared/env.js";
import type { DiscordAdapterOptions } from "./adapter.js";
import { type DiscordOptions, validateApiRoot, validateApplicationId, validateToken } from "./options.js";
import {
  type DiscordSharding,
  isShardProcess,
  shardingProblems,
  validateShardCount,
  validateShardingMode,
} from "./sharding.js";

/** The platform's settings: the adapter options and how it shards. */
export interface DiscordSettings extends DiscordOptions {
  sharding: DiscordSharding;
}

const schema = z
  .object({
    DISCORD_TOKEN: checkedBy(validateToken),
    DISCORD_APPLICATION_ID: checkedBy(validateApplicationId),
    DISCORD_API_ROOT: checkedBy((raw) => validateApiRoot(raw) ?? raw),
    DISCORD_SHARDING: checkedBy(validateShardingMode),
    DISCORD_SHARD_COUNT: checkedBy(validateShardCount),
  })
  .transform((values): DiscordSettings | undefined =>
    values.DISCORD_TOKEN === undefined || values.DISCORD_APPLICATION_ID === undefined
      ? undefined
      : {
          token: values.DISCORD_TOKEN,
          applicationId: values.DISCORD_APPLICATION_ID,
          ...(values.DISCORD_API_ROOT ? { apiRoot: values.DISCORD_API_ROOT } : {}),
          sharding: {
            mode: values.DISCORD_SHARDING ?? "off",
            ...(values.DISCORD_SHARD_COUNT === undefined ? {} : { shardCount: values.DISCORD_SHARD_COUNT }),
          },
        },
  );

export const discordPlatform = definePlatform({
  name: "discord",
  env: {
    variables: {
      DISCORD_TOKEN: "",
      DISCORD_APPLICATION_ID: "",
      DISCORD_API_ROOT: "",
      DISCORD_SHARDING: "",
      DISCORD_SHARD_COUNT: "",
    },
    schema,
    pairing(isSet, valueIn) {
      const problems: string[] = [];
      if (isSet("DISCORD_TOKEN") && !isSet("DISCORD_APPLICATION_ID")) {
        problems.push(
          "DISCORD_APPLICATION_ID is not set: copy the Application ID from the Discord developer portal (General Information)",
        );
      }
      for (const name of [
        "DISCORD_APPLICATION_ID",
        "DISCORD_API_ROOT",
        "DISCORD_SHARDING",
        "DISCORD_SHARD_COUNT",
      ]) {
        if (isSet(name) && !isSet("DISCORD_TOKEN")) {
          problems.push(`${name} is set but DISCORD_TOKEN is not (set the token to run on Discord)`);
        }
      }
      if (isSet("DISCORD_TOKEN")) problems.push(...shardingProblems(valueIn));
      return problems;
    },
    secrets: (settings) => [settings.token],
  },
  async create(settings, context) {
    if (settings.sharding.mode === "process" && !isShardProcess()) {
      const { createShardManagerAdapter } = await import("./shard-manager.js");
      return createShardManagerAdapter(
        { logger: context.logger },
        { ...settings, drainTimeoutMs: context.drainTimeoutMs, ...(context.overrides as object | undefined) },
      );
    }
    const { createDiscordAdapter } = await import("./adapter.js");
    return createDiscordAdapter(
      { handler: context.handler, logger: context.logger },
      {
        ...settings,
        drainTimeoutMs: context.drainTimeoutMs,
        ...(context.overrides as Partial<DiscordAdapterOptions> | undefined),
      },
    );
  },
});
