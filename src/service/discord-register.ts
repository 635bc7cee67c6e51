/** `crampbot discord-register [--guild ID]`: registers the slash commands globally or for one guild. */
import { discordOptionsFromEnv, registerCommands } from "../adapters/discord/index.js";

export async function discordRegister(
  args: string[],
  env: Record<string, string | undefined>,
): Promise<number> {
  const at = args.indexOf("--guild");
  const guildId = at >= 0 ? args[at + 1] : undefined;
  if (at >= 0 && guildId === undefined) {
    process.stderr.write("crampbot: --guild needs a guild id\n");
    return 2;
  }
  const result = await registerCommands({ ...discordOptionsFromEnv(env), ...(guildId ? { guildId } : {}) });
  process.stdout.write(`Registered ${result.names.map((n) => `/${n}`).join(", ")} (${result.scope}).\n`);
  return 0;
}
