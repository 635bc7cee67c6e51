// POST /api/messages, Botkit's webhook: {"type":"message","text"} in, the array of reply messages out; the cookie is the user.

import type { IncomingMessage as HttpRequest, ServerResponse } from "node:http";
import { errorSummary } from "../shared/errors.js";
import { clientAddress } from "./budget.js";
import type { ChatContext } from "./context.js";
import { readBody, sendError, sendJson } from "./http.js";
import { newSession, sessionCookie, sessionFromRequest } from "./identity.js";
import { isForeignOrigin } from "./origin.js";
import { parseClientMessage } from "./protocol.js";

export type WebhookContext = ChatContext;

export function createWebhookHandler(
  context: WebhookContext,
): (req: HttpRequest, res: ServerResponse) => void {
  const { settings, bot, logger, notices, budget } = context;

  async function handle(req: HttpRequest, res: ServerResponse): Promise<void> {
    if (req.method !== "POST") {
      sendError(res, 405, "method_not_allowed", "POST a JSON chat message to /api/messages.", {
        allow: "POST",
      });
      return;
    }
    if (isForeignOrigin(req, settings.allowedOrigins, logger, "webhook call")) {
      sendError(res, 403, "forbidden_origin", "This origin may not use the chat.");
      return;
    }
    if (!context.isOpen()) {
      sendError(res, 503, "unavailable", "The chat is not available right now; try again shortly.", {
        "retry-after": "5",
      });
      return;
    }
    const known = sessionFromRequest(req, settings.cookieName);
    const session = known ?? newSession();
    // Only a new session needs a header; a known one passes none (no empty object per message).
    const cookieHeaders: Record<string, string> | undefined =
      known === undefined
        ? { "set-cookie": sessionCookie(session, settings.cookieName, settings.secureCookie) }
        : undefined;

    const body = await readBody(req, settings.maxBodyBytes);
    if (!body.ok) {
      if (body.reason === "too-large") {
        // Past the cap nothing was read, so the engine cannot scan it: say so, and how to get help now.
        sendError(res, 413, "payload_too_large", notices.tooLarge(settings.maxBodyBytes), {
          ...cookieHeaders,
          connection: "close",
        });
      }
      return;
    }
    let decoded: unknown;
    try {
      decoded = JSON.parse(body.body.toString("utf8"));
    } catch {
      sendError(
        res,
        400,
        "bad_json",
        'The body must be JSON like {"type":"message","text":"..."}.',
        cookieHeaders,
      );
      return;
    }
    const parsed = parseClientMessage(decoded);
    if (!parsed.ok) {
      sendError(res, 400, "bad_message", parsed.error, cookieHeaders);
      return;
    }
    if (parsed.input === null) {
      sendJson(res, 200, [], cookieHeaders);
      return;
    }
    const admission = budget.admit(session.userId, clientAddress(req));
    if (!admission.ok) {
      if (admission.first) {
        logger.warn({ user: session.userId }, "web: new-conversation cap reached for a client address");
      }
      // No cookie: nothing was started, so there is no conversation to come back to.
      sendError(res, 429, "too_many_conversations", notices.tooManyConversations, {
        "retry-after": String(admission.retryAfterSeconds),
      });
      return;
    }
    const replies = await context.track(bot.runTurn(session, parsed.input));
    sendJson(res, 200, replies, cookieHeaders);
  }

  return (req, res) => {
    handle(req, res).catch((err: unknown) => {
      logger.error({ err: errorSummary(err) }, "web: a webhook turn failed");
      sendError(res, 500, "internal_error", "Something went wrong on our side; please try again.");
    });
  };
}
