/**
 * The adapter table: every platform the service can run, in start order. Adding a platform is a folder under
 * src/adapters/ with a platform.ts, plus its line here (docs/adding-a-platform.md). Each module is small (its
 * environment schema and a create() that imports the adapter), so listing it loads no platform SDK.
 */
import { discordPlatform } from "../adapters/discord/platform.js";
import { telegramPlatform } from "../adapters/telegram/platform.js";
import { webPlatform } from "../adapters/web/platform.js";

export const PLATFORMS = [webPlatform, telegramPlatform, discordPlatform] as const;
