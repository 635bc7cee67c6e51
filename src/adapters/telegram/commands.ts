// The bot's slash commands: the menu registered with setMyCommands (intents/commands.yaml), and how command text
// reaches the core.
import { commandsFor } from "../shared/commands.js";

/** Shown in Telegram's command menu; the core understands each as the text "/<command>". */
export const TELEGRAM_COMMANDS: readonly { command: string; description: string }[] = commandsFor(
  "telegram",
).map((entry) => ({ command: entry.name, description: entry.description }));

const KNOWN = new Set<string>(TELEGRAM_COMMANDS.map((entry) => entry.command));

export interface ParsedCommand {
  /** Lower-cased command name without the slash. */
  name: string;
  /** The @botname the command was addressed to, if any (without "@"). */
  target: string | undefined;
  /** Text after the command, trimmed. */
  args: string;
  /** Whether it is one of {@link TELEGRAM_COMMANDS}. */
  known: boolean;
}

const COMMAND = /^\/([A-Za-z0-9_]{1,32})(?:@([A-Za-z0-9_]{3,64}))?(?:\s+([\s\S]*))?$/;

/** Parses a message text that starts with a bot command; undefined otherwise. */
export function parseCommand(text: string): ParsedCommand | undefined {
  const match = COMMAND.exec(text.trim());
  if (!match?.[1]) return undefined;
  const name = match[1].toLowerCase();
  return { name, target: match[2], args: (match[3] ?? "").trim(), known: KNOWN.has(name) };
}

/** The text handed to the core: "/name" (plus arguments, except for /start's deep-link payload), @botname stripped. */
export function commandText(command: ParsedCommand): string {
  if (command.name === "start" || command.args === "") return `/${command.name}`;
  return `/${command.name} ${command.args}`;
}
