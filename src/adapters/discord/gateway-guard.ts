// The boundary check of gateway events: a sharding strategy that validates the events the adapter acts on
// (MESSAGE_CREATE, INTERACTION_CREATE) before discord.js sees them, and keeps anything discord.js throws while
// handling an event from escaping (it would be an unhandled rejection and stop the process, web chat included).
import { type IShardingStrategy, SimpleShardingStrategy, type WebSocketOptions } from "discord.js";
import { z } from "zod";
import type { Logger } from "../../core/types.js";
import { errorSummary } from "../shared/errors.js";

/** The @discordjs/ws manager discord.js hands to `ws.buildStrategy`. */
export type GatewayManager = Parameters<NonNullable<WebSocketOptions["buildStrategy"]>>[0];

// Only what discord.js and this adapter read when turning the event into a Message or an Interaction is checked
// (a snowflake must be digits: discord.js turns it into a BigInt); other fields pass through untouched.
const snowflake = z.string().regex(/^\d{1,20}$/);
const user = z.object({ id: snowflake, bot: z.boolean().optional() });
const messageCreate = z.object({
  id: snowflake,
  channel_id: snowflake,
  guild_id: snowflake.optional(),
  author: user,
  content: z.string().optional(),
  mentions: z.array(user).optional(),
  attachments: z.array(z.object({ id: snowflake })).optional(),
  sticker_items: z.array(z.object({ id: snowflake })).optional(),
});
const interactionBase = z
  .object({
    id: snowflake,
    application_id: snowflake,
    type: z.number().int(),
    token: z.string().min(1),
    entitlements: z.array(z.unknown()),
    guild_id: snowflake.optional(),
    channel: z.object({ id: snowflake }).optional(),
    user: user.optional(),
    member: z.object({ user }).optional(),
  })
  .refine((value) => value.user !== undefined || value.member !== undefined, {
    message: "neither user nor member.user",
    path: ["user"],
  });
const commandData = z.object({
  data: z.object({
    id: snowflake,
    name: z.string(),
    type: z.number().int(),
    options: z.array(z.object({ name: z.string(), type: z.number().int() })).optional(),
  }),
});
const componentData = z.object({
  data: z.object({ custom_id: z.string(), component_type: z.number().int() }),
  message: z.object({ id: snowflake, channel_id: snowflake }),
});
/** @discordjs/ws's WebSocketShardEvents.Dispatch (discord.js exports an older enum of the same name). */
const DISPATCH = "dispatch";
const INTERACTION_APPLICATION_COMMAND = 2;
const INTERACTION_MESSAGE_COMPONENT = 3;

function problemsOf(error: z.ZodError): string[] {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.map(String).join(".") || "(root)"}: ${issue.code}`);
}

/**
 * Checks one dispatch's body. Returns the problems (field paths and zod issue codes, never a value) or an
 * empty list; events other than the two the adapter acts on are not checked here.
 */
export function gatewayEventProblems(type: unknown, body: unknown): string[] {
  if (type === "MESSAGE_CREATE") {
    const result = messageCreate.safeParse(body);
    return result.success ? [] : problemsOf(result.error);
  }
  if (type !== "INTERACTION_CREATE") return [];
  const base = interactionBase.safeParse(body);
  if (!base.success) return problemsOf(base.error);
  const specific =
    base.data.type === INTERACTION_APPLICATION_COMMAND
      ? commandData
      : base.data.type === INTERACTION_MESSAGE_COMPONENT
        ? componentData
        : undefined;
  const result = specific?.safeParse(body);
  return result === undefined || result.success ? [] : problemsOf(result.error);
}

/**
 * discord.js's own SimpleShardingStrategy (one shard per id in this process), given a view of the manager whose
 * `emit` checks every event on its way from a shard to discord.js: a malformed MESSAGE_CREATE or
 * INTERACTION_CREATE is logged without content and dropped, and an error thrown while discord.js handles any
 * event is logged instead of rejecting the shard's message loop. The shard has already counted the event's
 * sequence number, so a dropped event is acknowledged like any other. (A view rather than a copy of the strategy:
 * the strategy's shard classes are not part of discord.js's typed surface.)
 */
export function guardedShardingStrategy(manager: GatewayManager, logger: Logger): IShardingStrategy {
  const emit = (event: string, payload: unknown): boolean => {
    const dispatch =
      event === DISPATCH
        ? ((payload as { data?: { t?: unknown; d?: unknown } } | undefined)?.data ?? {})
        : undefined;
    if (dispatch !== undefined) {
      const problems = gatewayEventProblems(dispatch.t, dispatch.d);
      if (problems.length > 0) {
        logger.warn(
          { platform: "discord", event: dispatch.t, problems },
          "discord: malformed gateway event skipped",
        );
        return true;
      }
    }
    try {
      return (manager.emit as (name: string, body: unknown) => boolean).call(manager, event, payload);
    } catch (error) {
      logger.error(
        {
          platform: "discord",
          event: typeof dispatch?.t === "string" ? dispatch.t : event,
          err: errorSummary(error),
        },
        "discord: handling a gateway event failed; skipped",
      );
      return true;
    }
  };
  const view = new Proxy(manager, {
    get(target, property) {
      if (property === "emit") return emit;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  return new SimpleShardingStrategy(view);
}
