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
