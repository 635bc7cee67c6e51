// Discord's request limits (content length, components, command shapes), answered with its error bodies.
import type { MessageBody } from "./payloads.js";

export interface ApiErrorBody {
  code: number;
  message: string;
  errors?: Record<string, unknown>;
}

export interface ApiError {
  status: number;
  body: ApiErrorBody;
}

export const CONTENT_LIMIT = 2000;
const CUSTOM_ID_LIMIT = 100;
const BUTTON_LABEL_LIMIT = 80;
const ROWS_LIMIT = 5;
const ROW_COMPONENTS_LIMIT = 5;
const ALLOWED_MENTION_TYPES = new Set(["users", "roles", "everyone"]);

export function apiError(status: number, code: number, message: string): ApiError {
  return { status, body: { code, message } };
}

function formError(field: string, code: string, message: string): ApiError {
  return {
    status: 400,
    body: {
      code: 50035,
      message: "Invalid Form Body",
      errors: { [field]: { _errors: [{ code, message }] } },
    },
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Checks a message body the way Discord does; `partial` for edits (an edit may omit everything). */
export function validateMessageBody(body: unknown, partial: boolean): ApiError | null {
  if (!isRecord(body))
    return formError("_root", "DICT_TYPE_CONVERT", "Only dictionaries may be used in a DictType");
  const message = body as MessageBody;
  if (message.content !== undefined && message.content !== null) {
    if (typeof message.content !== "string")
      return formError("content", "BASE_TYPE_STRING", "Must be a string.");
    if (message.content.length > CONTENT_LIMIT) {
      return formError("content", "BASE_TYPE_MAX_LENGTH", `Must be ${CONTENT_LIMIT} or fewer in length.`);
    }
  }
  const components = message.components ?? [];
  if (!Array.isArray(components)) return formError("components", "BASE_TYPE_ARRAY", "Must be an array.");
  const hasContent = typeof message.content === "string" && message.content.length > 0;
  const hasEmbeds = Array.isArray(message.embeds) && message.embeds.length > 0;
  const attachments = validateAttachments(message);
  if (attachments) return attachments;
  const hasFiles = (message.files ?? []).length > 0;
  if (!partial && !hasContent && components.length === 0 && !hasEmbeds && !hasFiles) {
    return apiError(400, 50006, "Cannot send an empty message");
  }
  if (components.length > ROWS_LIMIT) {
    return formError("components", "BASE_TYPE_MAX_LENGTH", `Must be ${ROWS_LIMIT} or fewer in length.`);
  }
  const customIds = new Set<string>();
  for (const [rowIndex, row] of components.entries()) {
    const where = `components.${rowIndex}`;
    if (!isRecord(row) || row.type !== 1 || !Array.isArray(row.components)) {
      return formError(where, "UNION_TYPE_CHOICES", 'Value of field "type" must be one of (1,).');
    }
    if (row.components.length < 1 || row.components.length > ROW_COMPONENTS_LIMIT) {
      return formError(`${where}.components`, "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 5 in length.");
    }
    for (const [index, button] of row.components.entries()) {
      const at = `${where}.components.${index}`;
      if (!isRecord(button) || button.type !== 2) {
        return formError(at, "UNION_TYPE_CHOICES", "Only buttons are emulated by the fake.");
      }
      if (typeof button.label === "string" && button.label.length > BUTTON_LABEL_LIMIT) {
        return formError(
          `${at}.label`,
          "BASE_TYPE_MAX_LENGTH",
          `Must be ${BUTTON_LABEL_LIMIT} or fewer in length.`,
        );
      }
      if (button.style === 5) continue;
      const customId = button.custom_id;
      if (typeof customId !== "string" || customId.length < 1 || customId.length > CUSTOM_ID_LIMIT) {
        return formError(`${at}.custom_id`, "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 100 in length.");
      }
      if (customIds.has(customId)) {
        return formError(
          `${at}.custom_id`,
          "COMPONENT_CUSTOM_ID_DUPLICATED",
          "Component custom id cannot be duplicated",
        );
      }
      customIds.add(customId);
    }
  }
  const mentions = message.allowed_mentions;
  if (mentions !== undefined && mentions !== null) {
    if (!isRecord(mentions)) return formError("allowed_mentions", "DICT_TYPE_CONVERT", "Must be an object.");
    const parse: unknown = mentions.parse ?? [];
    if (!Array.isArray(parse))
      return formError("allowed_mentions.parse", "BASE_TYPE_ARRAY", "Must be an array.");
    for (const type of parse) {
      if (!ALLOWED_MENTION_TYPES.has(type)) {
        return formError(
          "allowed_mentions.parse",
          "ENUM_TYPE_COERCE",
          `Value "${type}" is not a valid enum value.`,
        );
      }
    }
  }
  return null;
}

const COMMAND_NAME = /^[-_\p{Ll}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

/** Checks a bulk-overwrite body: an array of at most 100 commands with valid names and descriptions. */
export function validateCommands(body: unknown): ApiError | null {
  if (!Array.isArray(body)) return formError("_root", "BASE_TYPE_ARRAY", "Must be an array.");
  if (body.length > 100) return formError("_root", "BASE_TYPE_MAX_LENGTH", "Must be 100 or fewer in length.");
  const names = new Set<string>();
  for (const [index, command] of body.entries()) {
    if (!isRecord(command)) return formError(`${index}`, "DICT_TYPE_CONVERT", "Must be an object.");
    const { name, description } = command;
    if (typeof name !== "string" || !COMMAND_NAME.test(name)) {
      return formError(`${index}.name`, "APPLICATION_COMMAND_INVALID_NAME", "Command name is invalid");
    }
    if (names.has(name)) {
      return formError(
        `${index}.name`,
        "APPLICATION_COMMANDS_DUPLICATE_NAME",
        "Application command names must be unique",
      );
    }
    names.add(name);
    const type = command.type ?? 1;
    if (
      type === 1 &&
      (typeof description !== "string" || description.length < 1 || description.length > 100)
    ) {
      return formError(
        `${index}.description`,
        "BASE_TYPE_BAD_LENGTH",
        "Must be between 1 and 100 in length.",
      );
    }
    const options = command.options ?? [];
    if (!Array.isArray(options) || options.length > 25) {
      return formError(`${index}.options`, "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length.");
    }
    for (const [optionIndex, option] of options.entries()) {
      if (!isRecord(option) || typeof option.name !== "string" || !COMMAND_NAME.test(option.name)) {
        return formError(
          `${index}.options.${optionIndex}.name`,
          "APPLICATION_COMMAND_INVALID_NAME",
          "Invalid name",
        );
      }
    }
  }
  return null;
}

/**
 * Uploaded files and their metadata must agree, as Discord checks: every `attachments[i].id` names an uploaded
 * `files[N]` part (or is an existing attachment's snowflake on an edit), at most 10 files, a description of at most
 * 1,024 characters; an embed's `attachment://name` image names an uploaded file.
 */
function validateAttachments(message: MessageBody): ApiError | null {
  const files = message.files ?? [];
  if (files.length > 10) return formError("files", "BASE_TYPE_MAX_LENGTH", "Must be 10 or fewer in length.");
  for (const [i, attachment] of (message.attachments ?? []).entries()) {
    const uploaded = files.some((file) => String(file.index) === String(attachment.id));
    if (!uploaded && !/^\d{17,20}$/.test(String(attachment.id)))
      return formError(`attachments.${i}.id`, "ATTACHMENT_NOT_FOUND", "Unknown attachment id.");
    if (typeof attachment.description === "string" && attachment.description.length > 1024)
      return formError(
        `attachments.${i}.description`,
        "BASE_TYPE_MAX_LENGTH",
        "Must be 1024 or fewer in length.",
      );
  }
  for (const [i, embed] of (message.embeds ?? []).entries()) {
    const url = (embed as { image?: { url?: unknown } } | null)?.image?.url;
    if (typeof url !== "string" || !url.startsWith("attachment://")) continue;
    const name = url.slice("attachment://".length);
    if (!files.some((file) => file.filename === name))
      return formError(
        `embeds.${i}.image.url`,
        "ATTACHMENT_NOT_FOUND",
        `No uploaded file is called ${name}.`,
      );
  }
  return null;
}
