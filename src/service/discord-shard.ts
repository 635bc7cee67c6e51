/**
 * One Discord shard process (DISCORD_SHARDING=process): discord.js's ShardingManager (src/adapters/discord/
 * shard-manager.ts) forks this file with SHARDING_MANAGER, SHARDS and SHARD_COUNT set, and the client reads its
 * shard from them. It is `crampbot serve` with the Discord platform alone: the same configuration (Redis required),
 * logs, SIGTERM drain and exit codes; its HTTP server (/healthz, /readyz, /metrics) takes any free port on
 * 127.0.0.1, so it never competes with the parent's web chat.
 */
import { discordPlatform } from "../adapters/discord/platform.js";
import { serve } from "./serve.js";

process.exitCode = await serve({ ...process.env, PORT: "0", HOST: "127.0.0.1" }, [discordPlatform]);
