// The webhook endpoint: a node:http (req, res) handler that checks the secret in constant time, caps the body and acks fast.
import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingMessage as HttpRequest, ServerResponse } from "node:http";
import type { Update } from "node-telegram-bot-api";
import type { Logger } from "../../core/types.js";

export const SECRET_HEADER = "x-telegram-bot-api-secret-token";

/** What the adapter did with a delivered update. Anything but "accepted" makes Telegram deliver it again later. */
export type AcceptResult = "accepted" | "not-ready" | "busy" | "stopping";

export type WebhookRequestHandler = (req: HttpRequest, res: ServerResponse) => void;

export interface WebhookEndpointSettings {
  /** The expected secret; undefined when the adapter runs in polling mode (every request gets 404). */
  secret: string | undefined;
  maxBodyBytes: number;
  logger: Logger;
  accept: (update: Update) => AcceptResult;
}

function digest(value: string): Buffer {
  return createHash("sha256").update(value, "utf8").digest();
}

/** Constant-time comparison; hashing first makes both buffers 32 bytes, so nothing leaks through the length either. */
function secretMatches(received: string | string[] | undefined, expected: Buffer): boolean {
  const value = typeof received === "string" ? received : "";
  const same = timingSafeEqual(digest(value), expected);
  return same && typeof received === "string";
}

function send(res: ServerResponse, status: number, body = "", headers: Record<string, string> = {}): void {
  if (res.headersSent) return;
  res.writeHead(status, { "content-type": "text/plain; charset=utf-8", ...headers });
  res.end(body);
}

function isUpdate(value: unknown): value is Update {
  if (typeof value !== "object" || value === null) return false;
  const id = (value as { update_id?: unknown }).update_id;
  return typeof id === "number" && Number.isSafeInteger(id) && id >= 0;
}

export function createWebhookEndpoint(settings: WebhookEndpointSettings): WebhookRequestHandler {
  const expected = settings.secret === undefined ? undefined : digest(settings.secret);
  const { logger, maxBodyBytes } = settings;

  return (req, res) => {
    if (expected === undefined) return send(res, 404, "Not Found");
    if (req.method !== "POST") return send(res, 405, "Method Not Allowed", { allow: "POST" });
    if (!secretMatches(req.headers[SECRET_HEADER], expected)) {
      logger.warn(
        { hasHeader: req.headers[SECRET_HEADER] !== undefined },
        "telegram: webhook request with a missing or wrong secret token rejected",
      );
      return send(res, 401, "Unauthorized", { connection: "close" });
    }
    const declared = Number(req.headers["content-length"] ?? 0);
    if (declared > maxBodyBytes) return send(res, 413, "Payload Too Large", { connection: "close" });

    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    req.on("data", (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > maxBodyBytes) {
        done = true;
        send(res, 413, "Payload Too Large", { connection: "close" });
        return;
      }
      chunks.push(chunk);
    });
    req.on("error", () => {
      done = true;
    });
    req.on("end", () => {
      if (done) return;
      done = true;
      let update: unknown;
      try {
        update = JSON.parse(Buffer.concat(chunks).toString("utf8"));
      } catch {
        return send(res, 400, "Bad Request");
      }
      if (!isUpdate(update)) return send(res, 400, "Bad Request");
      const result = settings.accept(update);
      if (result === "accepted") return send(res, 200, "");
      send(res, 503, "Service Unavailable", { "retry-after": "5" });
    });
  };
}
