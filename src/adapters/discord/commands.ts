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

/** Commands other than /ask are passed to the handler as their own name: "/topics", "/checkup", ... */
const PLAIN_COMMANDS = {
  topics: "Show what I can tell you about night leg cramps",
  checkup: "Start a short check-up of your night cramps",
  stretch: "Walk through the calf stretch step by step",
  reset: "Forget this conversation and start over",
} as const;

export const COMMAND_NAMES = ["ask", ...Object.keys(PLAIN_COMMANDS)] as readonly string[];

/** The slash command definitions (JSON bodies); contexts apply to global registration only. */
export function commandDefinitions(
  scope: "global" | "guild" = "global",
): RESTPutAPIApplicationCommandsJSONBody {
  const builders = [
    new SlashCommandBuilder()
      .setName("ask")
      .setDescription("Ask a question about night leg cramps")
      .addStringOption((option) =>
        option
          .setName(ASK_OPTION)
          .setDescription("Your question, e.g. why do my legs cramp at night?")
          .setRequired(true)
          .setMaxLength(QUESTION_MAX_LENGTH),
      ),
    ...Object.entries(PLAIN_COMMANDS).map(([name, description]) =>
      new SlashCommandBuilder().setName(name).setDescription(description),
    ),
  ];
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
  if (name === "ask") return (question ?? "").trim();
  return Object.hasOwn(PLAIN_COMMANDS, name) ? `/${name}` : null;
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
