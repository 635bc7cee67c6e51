/** Role: the silent logger, the engine's default (src/node/logger.ts writes JSON lines to standard error). */
import type { Logger } from "./types.js";

export const silentLogger: Logger = {
  debug() {},
  info() {},
  warn() {},
  error() {},
};
