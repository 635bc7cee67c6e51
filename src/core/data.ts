/** Loading of the project's data files (knowledge and intents): YAML and Markdown front matter, validated by schema. */
import { readFileSync } from "node:fs";
import yaml from "js-yaml";
import type { z } from "zod";
import { DataError } from "./errors.js";

function validate<T>(file: string, schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue && issue.path.length > 0 ? issue.path.join(".") : "(root)";
  throw new DataError(file, field, issue ? issue.message.toLowerCase() : "is invalid");
}

function parseYamlText(file: string, text: string): unknown {
  try {
    // js-yaml: several times faster than the `yaml` package on our files, which matters for cold start.
    return yaml.load(text, { filename: file });
  } catch (error) {
    throw new DataError(file, "(yaml)", `is not valid YAML: ${(error as Error).message.split("\n")[0]}`, {
      cause: error,
    });
  }
}

/** Reads and validates a YAML file. */
export function loadYamlFile<T>(file: string, schema: z.ZodType<T>): T {
  return validate(file, schema, parseYamlText(file, readText(file)));
}

/** Reads a Markdown file with YAML front matter; validates the front matter and returns it with the body. */
export function loadFrontMatterFile<T>(file: string, schema: z.ZodType<T>): { meta: T; body: string } {
  const text = readText(file).replace(/^\uFEFF/, "");
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text);
  if (!match) throw new DataError(file, "(front matter)", "is missing: the file must start with a --- block");
  const meta = validate(file, schema, parseYamlText(file, match[1] ?? ""));
  return { meta, body: (match[2] ?? "").trim() };
}

function readText(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch (error) {
    throw new DataError(file, "(file)", "cannot be read", { cause: error });
  }
}
