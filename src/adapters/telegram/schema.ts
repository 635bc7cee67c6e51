// The boundary check of inbound updates: the fields the adapter reads, validated with zod before anything touches them.
import type { Update } from "node-telegram-bot-api";
import { z } from "zod";

// Only what inbound.ts, chatKeyOf and the ledger read is checked; other fields pass through untouched (Telegram
// adds fields over time, and a field we do not read cannot break us).
const user = z.object({ id: z.number().int(), is_bot: z.boolean() });
const chat = z.object({ id: z.number().int(), type: z.string() });
const entity = z.object({
  type: z.string(),
  offset: z.number().int().nonnegative(),
  length: z.number().int().nonnegative(),
  user: user.optional(),
});
const message = z.object({
  message_id: z.number().int(),
  chat,
  from: user.optional(),
  text: z.string().optional(),
  caption: z.string().optional(),
  entities: z.array(entity).optional(),
  caption_entities: z.array(entity).optional(),
  reply_to_message: z.object({ from: user.optional() }).optional(),
  is_topic_message: z.boolean().optional(),
  message_thread_id: z.number().int().optional(),
});
const callbackQuery = z.object({
  id: z.string(),
  from: user,
  message: z
    .object({
      chat,
      is_topic_message: z.boolean().optional(),
      message_thread_id: z.number().int().optional(),
    })
    .optional(),
  inline_message_id: z.string().optional(),
  data: z.string().optional(),
});
const update = z.object({
  update_id: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  message: message.optional(),
  callback_query: callbackQuery.optional(),
});

export type ParsedUpdate =
  | { ok: true; update: Update }
  | {
      ok: false;
      /** The update's id when it has a usable one (so its offset can still be confirmed). */
      updateId: number | undefined;
      /** Where the update is malformed: field paths and zod issue codes only, never a value. */
      problems: string[];
    };

/** The update_id of `raw` if it is a usable one (a non-negative safe integer). */
export function updateIdOf(raw: unknown): number | undefined {
  if (typeof raw !== "object" || raw === null) return undefined;
  const id = (raw as { update_id?: unknown }).update_id;
  return typeof id === "number" && Number.isSafeInteger(id) && id >= 0 ? id : undefined;
}

/**
 * Checks one update as Telegram (or anyone reaching the webhook) sent it. A valid update is returned as it
 * came (unknown fields kept); an invalid one is described without any of its content, so it can be logged.
 */
export function parseUpdate(raw: unknown): ParsedUpdate {
  const result = update.safeParse(raw);
  if (result.success) return { ok: true, update: raw as Update };
  const problems = result.error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.map(String).join(".") || "(root)"}: ${issue.code}`);
  return { ok: false, updateId: updateIdOf(raw), problems };
}
