/**
 * Role: the errors. One base class: every error CrampBot raises carries a stable `code` and, where there is one, a
 * `cause`. The core's own codes are one union; adapters and the service add theirs (each its own union).
 */

/** The codes the core raises: invalid data, a store failure or time-out, an invalid dialogue registration. */
export type CoreErrorCode = "E_DATA" | "E_STORE" | "E_STORE_TIMEOUT" | "E_DIALOGUE";

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
  declare readonly code: "E_DATA";
  readonly file: string;
  readonly field: string;

  constructor(file: string, field: string, problem: string, options?: { cause?: unknown }) {
    super("E_DATA", `${file}: field "${field}" ${problem}`, options);
    this.name = "DataError";
    this.file = file;
    this.field = field;
  }
}

/** What a session store was doing when it failed: a bounded set, used as a metrics label. */
export type StoreOperation =
  | "open"
  | "get"
  | "set"
  | "delete"
  | "lock"
  | "unlock"
  | "check"
  | "sweep"
  | "close";

/**
 * A session store failed. Carries the operation, never the key: keys hold conversation ids (a web id is the
 * visitor's bearer cookie), so a message names a key by its short hash only (see store/key-hash.ts).
 */
export class StoreError extends CrampBotError {
  declare readonly code: "E_STORE" | "E_STORE_TIMEOUT";
  readonly operation: StoreOperation;

  constructor(
    operation: StoreOperation,
    message: string,
    options?: { cause?: unknown; code?: "E_STORE" | "E_STORE_TIMEOUT" },
  ) {
    super(options?.code ?? "E_STORE", message, options);
    this.name = "StoreError";
    this.operation = operation;
  }
}

/** A dialogue plug-in that cannot be registered (a reserved or duplicate name). */
export class DialogueError extends CrampBotError {
  declare readonly code: "E_DIALOGUE";

  constructor(message: string) {
    super("E_DIALOGUE", message);
    this.name = "DialogueError";
  }
}
