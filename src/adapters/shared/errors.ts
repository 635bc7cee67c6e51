// Role: the one log-safe error summary: name, message, code, status and method; never a body, a URL or a stack
// of user data, and every given secret replaced by a placeholder.

export interface ErrorSummary {
  name: string;
  message: string;
  code?: string | number;
  status?: number;
  method?: string;
}

/** Placeholder for a scrubbed secret. */
export const SCRUBBED = "<secret>";

/**
 * Summarises `error` for a log line. `secrets`: values that must not appear (tokens); each occurrence in the
 * message becomes {@link SCRUBBED}. `message` overrides the error's own message (a library's better description).
 */
export function errorSummary(
  error: unknown,
  secrets: readonly string[] = [],
  overrides: Partial<ErrorSummary> = {},
): ErrorSummary {
  const scrub = (text: string) =>
    secrets.reduce((out, secret) => (secret === "" ? out : out.split(secret).join(SCRUBBED)), text);
  if (!(error instanceof Error)) return { name: "NonError", message: scrub(String(error)) };
  const { code, status, method } = error as { code?: unknown; status?: unknown; method?: unknown };
  const summary: ErrorSummary = { name: error.name, message: error.message };
  if (typeof code === "string" || typeof code === "number") summary.code = code;
  if (typeof status === "number") summary.status = status;
  if (typeof method === "string") summary.method = method;
  Object.assign(summary, overrides);
  summary.message = scrub(summary.message);
  return summary;
}
