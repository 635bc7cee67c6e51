/** The one error base class: every error CrampBot raises carries a stable `code` and, where there is one, a `cause`. */
export class CrampBotError extends Error {
  readonly code: string;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "CrampBotError";
    this.code = code;
  }
}

/** A knowledge or intents file failed validation: names the file and the field. */
export class DataError extends CrampBotError {
  readonly file: string;
  readonly field: string;

  constructor(file: string, field: string, problem: string, options?: { cause?: unknown }) {
    super("E_DATA", `${file}: field "${field}" ${problem}`, options);
    this.name = "DataError";
    this.file = file;
    this.field = field;
  }
}
