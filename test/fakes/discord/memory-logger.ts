// A Logger that keeps every line in memory, so tests can check what was (and was not) logged.
import type { Logger } from "../../../src/core/types.js";

export type Level = "debug" | "info" | "warn" | "error";

export interface LogLine {
  level: Level;
  obj: object;
  msg?: string;
}

export class MemoryLogger implements Logger {
  readonly lines: LogLine[] = [];

  debug(obj: object, msg?: string): void {
    this.#add("debug", obj, msg);
  }

  info(obj: object, msg?: string): void {
    this.#add("info", obj, msg);
  }

  warn(obj: object, msg?: string): void {
    this.#add("warn", obj, msg);
  }

  error(obj: object, msg?: string): void {
    this.#add("error", obj, msg);
  }

  /** Lines at one level. */
  at(level: Level): LogLine[] {
    return this.lines.filter((line) => line.level === level);
  }

  /** Everything logged, serialised, for "never contains X" checks. */
  dump(levels: Level[] = ["debug", "info", "warn", "error"]): string {
    return this.lines
      .filter((line) => levels.includes(line.level))
      .map((line) => `${line.level} ${line.msg ?? ""} ${safeJson(line.obj)}`)
      .join("\n");
  }

  #add(level: Level, obj: object, msg?: string): void {
    this.lines.push(msg === undefined ? { level, obj } : { level, obj, msg });
  }
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value, (_key, inner: unknown) =>
      inner instanceof Error ? { name: inner.name, message: inner.message, stack: inner.stack } : inner,
    );
  } catch {
    return String(value);
  }
}
