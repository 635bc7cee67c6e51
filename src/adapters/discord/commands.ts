// CrampBot's slash commands: their definitions, how a command becomes handler text, and their registration.
import {
  ApplicationIntegrationType,
  DiscordAPIError,
  InteractionContextType,
  REST,
  type RESTPutAPIApplicationCommandsJSONBody,
  Routes,
  SlashCommandBuilder,
} from "discord.js";
import { commandMessage, commandsFor } from "../shared/commands.js";
import { DiscordAdapterError } from "./errors.js";
import {
  type DiscordOptions,
  validateApiRoot,
  validateApplicationId,
  validateGuildId,
  validateToken,
} from "./options.js";

export const ASK_OPTION = "question";
const QUESTION_MAX_LENGTH = 500;

/** The slash commands of intents/commands.yaml offered on Discord. */
const COMMANDS = commandsFor("discord");

export const COMMAND_NAMES: readonly string[] = COMMANDS.map((command) => command.name);

/** The slash command definitions (JSON bodies); contexts apply to global registration only. */
export function commandDefinitions(
  scope: "global" | "guild" = "global",
): RESTPutAPIApplicationCommandsJSONBody {
  const builders = COMMANDS.map((command) => {
    const builder = new SlashCommandBuilder().setName(command.name).setDescription(command.description);
    const { argument } = command;
    if (argument) {
      builder.addStringOption((option) =>
        option
          .setName(argument.name)
          .setDescription(argument.description)
          .setRequired(true)
          .setMaxLength(QUESTION_MAX_LENGTH),
      );
    }
    return builder;
  });
  for (const builder of builders) {
    if (scope === "global") {
      builder
        .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM)
        .setIntegrationTypes(ApplicationIntegrationType.GuildInstall);
    }
  }
  return builders.map((builder) => builder.toJSON());
}

/** The text the handler receives for a command: the question for /ask, "/<name>" otherwise; null if unknown. */
export function commandText(name: string, question: string | null): string | null {
  const command = COMMANDS.find((entry) => entry.name === name);
  return command === undefined ? null : commandMessage(command, question ?? "");
}

export interface RegisterCommandsOptions extends DiscordOptions {
  /** Register for this guild only (instant, handy while developing); otherwise globally. */
  guildId?: string;
}

export interface RegisteredCommands {
  scope: "global" | "guild";
  names: string[];
}

/** PUTs (bulk-overwrites) the slash commands, globally or for one guild. Backs `crampbot discord-register`. */
export async function registerCommands(options: RegisterCommandsOptions): Promise<RegisteredCommands> {
  const token = validateToken(options.token);
  const applicationId = validateApplicationId(options.applicationId);
  const apiRoot = validateApiRoot(options.apiRoot);
  const guildId = options.guildId === undefined ? undefined : validateGuildId(options.guildId);
  const rest = new REST(apiRoot === undefined ? {} : { api: apiRoot }).setToken(token);
  const scope = guildId === undefined ? "global" : "guild";
  const route =
    guildId === undefined
      ? Routes.applicationCommands(applicationId)
      : Routes.applicationGuildCommands(applicationId, guildId);
  try {
    const result = (await rest.put(route, { body: commandDefinitions(scope) })) as Array<{ name: string }>;
    return { scope, names: result.map((command) => command.name) };
  } catch (cause) {
    if (cause instanceof DiscordAPIError && cause.status === 401) {
      throw new DiscordAdapterError(
        "DISCORD_TOKEN_REJECTED",
        "Discord rejected DISCORD_TOKEN (401 Unauthorized).",
        {
          cause,
        },
      );
    }
    const detail = cause instanceof Error ? cause.message : String(cause);
    throw new DiscordAdapterError(
      "DISCORD_REGISTER_FAILED",
      `Registering the slash commands (${scope}) failed: ${detail}. Check DISCORD_APPLICATION_ID${
        guildId === undefined ? "" : " and the guild id (is the bot in that guild?)"
      }.`,
      { cause },
    );
  } finally {
    rest.clearHashSweeper();
    rest.clearHandlerSweeper();
  }
}
