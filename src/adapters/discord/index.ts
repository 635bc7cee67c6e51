// Public API of the Discord adapter, the only module of CrampBot that imports discord.js.
export {
  createDiscordAdapter,
  DiscordAdapter,
  type DiscordAdapterDeps,
  type DiscordAdapterOptions,
  type DiscordRunOutcome,
} from "./adapter.js";
export {
  COMMAND_NAMES,
  commandDefinitions,
  type RegisterCommandsOptions,
  type RegisteredCommands,
  registerCommands,
} from "./commands.js";
export { conversationId } from "./conversation.js";
export { DiscordAdapterError, type DiscordErrorCode } from "./errors.js";
export { type DiscordOptions, discordOptionsFromEnv, validateDiscordOptions } from "./options.js";
export {
  clientShardOptions,
  type DiscordSharding,
  isShardProcess,
  type ShardingMode,
  validateShardCount,
  validateShardingMode,
} from "./sharding.js";
