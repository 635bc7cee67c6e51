// DISCORD_SHARDING=process: the adapter that runs no client itself but discord.js's ShardingManager, which forks one
// process per shard (src/service/discord-shard.ts: the service with only the Discord platform, its client reading
// its shard id from SHARDS / SHARD_COUNT). The shard processes share conversation state through Redis. A shard
// process that dies is forked again by the manager (respawn); stop() ends them all with SIGTERM, so each drains.
import type { ChildProcess } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { REST, Routes, type Shard, ShardingManager } from "discord.js";
import type { Logger } from "../../core/types.js";
import type { PlatformAdapter } from "../shared/contract.js";
import { errorSummary } from "../shared/errors.js";
import { DiscordAdapterError } from "./errors.js";
import { type DiscordOptions, validateDiscordOptions } from "./options.js";
import type { DiscordSharding } from "./sharding.js";

export interface ShardManagerDeps {
  logger: Logger;
}

export interface ShardManagerOptions extends DiscordOptions {
  sharding: DiscordSharding;
  /** How long stop() waits for each shard process to drain and exit before SIGKILL (default 10 s). */
  drainTimeoutMs?: number;
  /** The shard processes' script. Default: the compiled src/service/discord-shard.ts next to this file's. */
  script?: string;
  /** How long one shard process may take to become ready (default 30 s, discord.js's). */
  spawnTimeoutMs?: number;
}

/** Discord lets one identify bucket start a session every 5 s; discord.js's ShardingManager waits 5.5 s. */
const IDENTIFY_INTERVAL_MS = 5_500;
const DEFAULT_DRAIN_MS = 10_000;
const DEFAULT_SPAWN_TIMEOUT_MS = 30_000;

interface GatewayBot {
  shards: number;
  session_start_limit?: { max_concurrency?: number };
}

export type ShardManagerOutcome = { reason: "stopped" };

export class ShardManagerAdapter implements PlatformAdapter {
  readonly name = "discord";
  readonly finished: Promise<ShardManagerOutcome>;
  readonly #logger: Logger;
  readonly #options: DiscordOptions;
  readonly #sharding: DiscordSharding;
  readonly #script: string;
  readonly #drainMs: number;
  readonly #spawnTimeoutMs: number;
  #settle: (outcome: ShardManagerOutcome) => void = () => {};
  #manager: ShardingManager | null = null;
  #shardCount = 0;
  #state: "idle" | "starting" | "running" | "stopped" = "idle";
  #stopping: Promise<void> | undefined;

  constructor(deps: ShardManagerDeps, options: ShardManagerOptions) {
    this.#logger = deps.logger;
    this.#options = validateDiscordOptions(options);
    this.#sharding = options.sharding;
    this.#script =
      options.script ?? fileURLToPath(new URL("../../service/discord-shard.js", import.meta.url));
    this.#drainMs = options.drainTimeoutMs ?? DEFAULT_DRAIN_MS;
    this.#spawnTimeoutMs = options.spawnTimeoutMs ?? DEFAULT_SPAWN_TIMEOUT_MS;
    this.finished = new Promise((resolve) => {
      this.#settle = resolve;
    });
  }

  /** Asks Discord for the shard count (unless DISCORD_SHARD_COUNT is set) and forks the shards, one by one. */
  async start(): Promise<void> {
    if (this.#state !== "idle") {
      throw new DiscordAdapterError("DISCORD_ALREADY_STARTED", `The Discord adapter is ${this.#state}.`);
    }
    this.#state = "starting";
    try {
      const gateway = await this.#gatewayBot();
      const count = this.#sharding.shardCount ?? Math.max(1, gateway.shards);
      // Shards k and k + max_concurrency share an identify bucket; spacing every spawn by 5.5 s / max_concurrency
      // keeps any two of one bucket 5.5 s apart (each spawn waits for its shard to be ready anyway).
      const concurrency = Math.max(1, gateway.session_start_limit?.max_concurrency ?? 1);
      const delay = Math.ceil(IDENTIFY_INTERVAL_MS / concurrency);
      this.#shardCount = count;
      const manager = new ShardingManager(this.#script, {
        token: this.#options.token,
        totalShards: count,
        mode: "process",
        respawn: true,
      });
      this.#manager = manager;
      manager.on("shardCreate", (shard) => this.#watch(shard));
      await manager.spawn({ amount: count, delay, timeout: this.#spawnTimeoutMs });
    } catch (error) {
      await this.#killAll();
      this.#manager = null;
      if (this.#state === "starting") this.#state = "idle";
      throw error instanceof DiscordAdapterError
        ? error
        : new DiscordAdapterError(
            "DISCORD_SHARDS_FAILED",
            `Starting the Discord shard processes failed: ${error instanceof Error ? error.message : String(error)}`,
            { cause: error },
          );
    }
    if (this.#state !== "starting") return;
    this.#state = "running";
    this.#logger.info({ platform: "discord", shards: this.#shardCount }, "discord: shard processes ready");
  }

  stop(): Promise<void> {
    this.#stopping ??= this.#close();
    return this.#stopping;
  }

  /** "ok" while every shard process reports its client ready; else how many are. */
  status(): string {
    if (this.#state !== "running") return this.#state;
    const ready = [...(this.#manager?.shards.values() ?? [])].filter((shard) => shard.ready).length;
    return ready === this.#shardCount ? "ok" : `not ready (${ready} of ${this.#shardCount} shards)`;
  }

  async #close(): Promise<void> {
    this.#state = "stopped";
    await this.#killAll();
    this.#manager = null;
    this.#logger.info({ platform: "discord", reason: "stopped" }, "discord: shard processes stopped");
    this.#settle({ reason: "stopped" });
  }

  /** SIGTERM to every shard process (each drains like `serve`), SIGKILL to any still running after the drain time. */
  async #killAll(): Promise<void> {
    const shards = [...(this.#manager?.shards.values() ?? [])];
    await Promise.all(
      shards.map(async (shard) => {
        const child: ChildProcess | null = shard.process;
        if (!child || child.exitCode !== null || child.signalCode !== null) return;
        const exited = once(child, "exit");
        shard.kill();
        const timer = setTimeout(() => child.kill("SIGKILL"), this.#drainMs);
        await exited;
        clearTimeout(timer);
      }),
    );
  }

  #watch(shard: Shard): void {
    const shardId = shard.id;
    this.#logger.info({ platform: "discord", shardId }, "discord: shard process forked");
    shard.on("death", (child) => {
      const code = "exitCode" in child ? child.exitCode : undefined;
      if (this.#state === "running") {
        this.#logger.error(
          { platform: "discord", shardId, code },
          "discord: shard process exited; the manager forks it again",
        );
      }
    });
    shard.on("error", (error) =>
      this.#logger.error({ platform: "discord", shardId, err: errorSummary(error) }, "discord: shard error"),
    );
  }

  async #gatewayBot(): Promise<GatewayBot> {
    const rest = new REST(this.#options.apiRoot ? { api: this.#options.apiRoot } : {}).setToken(
      this.#options.token,
    );
    return (await rest.get(Routes.gatewayBot())) as GatewayBot;
  }
}

export function createShardManagerAdapter(
  deps: ShardManagerDeps,
  options: ShardManagerOptions,
): ShardManagerAdapter {
  return new ShardManagerAdapter(deps, options);
}
