/** Temporary copies of the project's data folders, to break one file at a time. */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { DataError } from "../../src/core/errors.js";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const KNOWLEDGE_DIR = join(ROOT, "knowledge");
export const INTENTS_DIR = join(ROOT, "intents");

export interface DataCopy {
  dir: string;
  file(name: string): string;
  read(name: string): string;
  write(name: string, text: string): void;
  /** Replaces the first occurrence of `from` in a file; fails loudly when it is not there. */
  edit(name: string, from: string | RegExp, to: string): void;
  remove(): void;
}

/** Copies a data folder to a new temporary folder. */
export function copyData(source: string): DataCopy {
  const dir = mkdtempSync(join(tmpdir(), "crampbot-data-"));
  cpSync(source, dir, { recursive: true });
  const file = (name: string) => join(dir, name);
  const read = (name: string) => readFileSync(file(name), "utf8");
  const write = (name: string, text: string) => writeFileSync(file(name), text);
  return {
    dir,
    file,
    read,
    write,
    edit(name, from, to) {
      const before = read(name);
      const after = before.replace(from, to);
      if (after === before) throw new Error(`${name}: nothing to replace for ${String(from)}`);
      write(name, after);
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** The DataError that `load` throws; fails the test if it throws anything else or loads without error. */
export function loadingError(load: () => unknown): DataError {
  try {
    load();
  } catch (error) {
    if (error instanceof DataError) return error;
    throw error;
  }
  throw new Error("loading succeeded, but it should have failed");
}
