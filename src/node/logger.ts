/** Role: a JSON-lines logger to standard error (outer ring). Message text is never logged at info. */
import type { Logger } from "../core/types.js";

export type LogLevel = "debug" | "info" | "warn" | "error" | "silent";

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

/** One JSON object per line on standard error (pino's shape: level, time, msg and fields). */
export function stderrLogger(level: LogLevel = "info"): Logger {
  const min = ORDER[level];
  const write = (name: LogLevel) => (obj: object, msg?: string) => {
    if (ORDER[name] < min) return;
    const fields =
      obj instanceof Error ? { err: { message: obj.message, code: (obj as { code?: unknown }).code } } : obj;
    process.stderr.write(`${JSON.stringify({ level: name, time: Date.now(), ...fields, msg })}\n`);
  };
  return { debug: write("debug"), info: write("info"), warn: write("warn"), error: write("error") };
}
