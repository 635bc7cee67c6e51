/**
 * Role: parsing of the project's data texts (knowledge and intents): YAML and Markdown front matter, validated by
 * schema. Pure — it is given the text; reading files is src/node/files.ts's job. Errors name the file and the field.
 */
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

/** Parses and validates a YAML text; `file` names it in errors. */
export function parseYaml<T>(file: string, text: string, schema: z.ZodType<T>): T {
  return validate(file, schema, parseYamlText(file, text));
}

/** Parses a Markdown text with YAML front matter; validates the front matter and returns it with the body. */
export function parseFrontMatter<T>(
  file: string,
  source: string,
  schema: z.ZodType<T>,
): { meta: T; body: string } {
  const text = source.replace(/^\uFEFF/, "");
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text);
  if (!match) throw new DataError(file, "(front matter)", "is missing: the file must start with a --- block");
  const meta = validate(file, schema, parseYamlText(file, match[1] ?? ""));
  return { meta, body: (match[2] ?? "").trim() };
}
