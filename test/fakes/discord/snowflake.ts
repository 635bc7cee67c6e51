// Snowflake ids and interaction tokens shaped like Discord's, so discord.js can parse them.
import { randomBytes } from "node:crypto";

const DISCORD_EPOCH = 1420070400000n;
let increment = 0n;

/** A fresh snowflake for "now": ms since the Discord epoch << 22, a fake worker id and a counter. */
export function snowflake(at: number = Date.now()): string {
  increment = (increment + 1n) & 0xfffn;
  return (((BigInt(at) - DISCORD_EPOCH) << 22n) | (1n << 17n) | increment).toString();
}

/** A URL-safe base64 interaction token, like the ones Discord sends. */
export function interactionToken(): string {
  return `aW50ZXJhY3Rpb246${randomBytes(48).toString("base64url")}`;
}

/** A bot token in Discord's three-part shape (base64 user id, timestamp, HMAC); never valid on discord.com. */
export function fakeBotToken(userId: string): string {
  const id = Buffer.from(userId).toString("base64url");
  return `${id}.${randomBytes(4).toString("base64url")}.${randomBytes(28).toString("base64url")}`;
}
