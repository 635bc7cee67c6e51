/** Role: reading the project's data files (outer ring): YAML and Markdown front matter, parsed and validated. */
import { readFileSync } from "node:fs";
import type { z } from "zod";
import { parseFrontMatter, parseYaml } from "../core/data.js";
import { DataError } from "../core/errors.js";

/** Reads and validates a YAML file. */
export function loadYamlFile<T>(file: string, schema: z.ZodType<T>): T {
  return parseYaml(file, readText(file), schema);
}

/** Reads a Markdown file with YAML front matter; validates the front matter and returns it with the body. */
export function loadFrontMatterFile<T>(file: string, schema: z.ZodType<T>): { meta: T; body: string } {
  return parseFrontMatter(file, readText(file), schema);
}

/** A file's text; a file that cannot be read is a data error naming it. */
export function readText(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch (error) {
    throw new DataError(file, "(file)", "cannot be read", { cause: error });
  }
}
