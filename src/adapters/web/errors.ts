// WebAdapterError: configuration and start-up failures of the web chat adapter, with a stable `code`.
import { CrampBotError } from "../../core/errors.js";

export type WebAdapterErrorCode = "WEB_OPTIONS_INVALID" | "WEB_ASSETS_MISSING";

/** Thrown at creation for bad options (or a malformed WEB_* variable) and for missing page assets. */
export class WebAdapterError extends CrampBotError {
  override readonly name = "WebAdapterError";
  declare readonly code: WebAdapterErrorCode;

  /** `options.cause`: the underlying error (for example the failed file read). */
  constructor(code: WebAdapterErrorCode, message: string, options: { cause?: unknown } = {}) {
    super(code, message, options);
  }
}

/** A log-safe summary of any error: name, message, code; never a request body or a cookie. */
export function describeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { error: String(error) };
  const summary: Record<string, unknown> = { name: error.name, message: error.message };
  const { code } = error as { code?: unknown };
  if (code !== undefined) summary.code = code;
  if (error.stack) summary.stack = error.stack;
  return summary;
}
