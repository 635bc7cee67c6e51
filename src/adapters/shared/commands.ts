// Role: the bot's commands as data (intents/commands.yaml), for every platform's command menu and help.
import { join } from "node:path";
import { z } from "zod";
import { loadYamlFile } from "../../node/files.js";
import { DEFAULT_INTENTS_DIR } from "./apology.js";

const commandSchema = z.object({
  name: z.string().regex(/^[a-z0-9_]{1,32}$/),
  description: z.string().min(1).max(100),
  sends: z.string().min(1),
  argument: z
    .object({ name: z.string().regex(/^[a-z0-9_]{1,32}$/), description: z.string().min(1).max(100) })
    .optional(),
  platforms: z.array(z.string().min(1)).min(1),
});

const schema = z.object({ commands: z.array(commandSchema).min(1) });

export type Command = z.infer<typeof commandSchema>;

const cache = new Map<string, Command[]>();

/** Every command of `intentsDir`/commands.yaml (read once per folder); throws DataError naming the bad field. */
export function loadCommands(intentsDir: string = DEFAULT_INTENTS_DIR): Command[] {
  let commands = cache.get(intentsDir);
  if (commands === undefined) {
    commands = loadYamlFile(join(intentsDir, "commands.yaml"), schema).commands;
    cache.set(intentsDir, commands);
  }
  return commands;
}

/** The commands offered on `platform`, in the file's order. */
export function commandsFor(platform: string, intentsDir?: string): Command[] {
  return loadCommands(intentsDir).filter((command) => command.platforms.includes(platform));
}

/** The text the handler receives for `command`: its `sends`, with "{question}" replaced by the argument. */
export function commandMessage(command: Command, argument = ""): string {
  return command.sends.replace("{question}", argument.trim()).trim();
}
