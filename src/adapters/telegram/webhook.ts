// The webhook endpoint: a node:http (req, res) handler that checks the secret in constant time, caps the body,
// and answers once the update is answered (200), skipped as malformed or seen (200), or cannot be taken (503).
import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingMessage as HttpRequest, ServerResponse } from "node:http";
import type { Logger } from "../../core/types.js";
import { updateIdOf } from "./schema.js";

export const SECRET_HEADER = "x-telegram-bot-api-secret-token";

/**
 * What the adapter did with a delivered update: answered it, or skipped it (malformed, or already answered),
 * both confirmed with 200; the others get 503, so Telegram delivers the update again later.
 */
export type AcceptResult = "answered" | "skipped" | "not-ready" | "busy" | "stopping";

export type WebhookRequestHandler = (req: HttpRequest, res: ServerResponse) => void;

export interface WebhookEndpointSettings {
  /** The expected secret; undefined when the adapter runs in polling mode (every request gets 404). */
  secret: string | undefined;
  maxBodyBytes: number;
  logger: Logger;
  /** Validates and handles one update (any JSON object with an update_id); settles once it is answered. */
  accept: (update: unknown) => Promise<AcceptResult>;
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
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, { "content-type": "text/plain; charset=utf-8", ...headers });
  res.end(body);
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
      // Without an update_id it is not a Telegram update at all; anything else is validated by accept().
      if (updateIdOf(update) === undefined) return send(res, 400, "Bad Request");
      // Nothing a sender puts in the body may throw out of this handler (web chat shares the process).
      let accepted: Promise<AcceptResult>;
      try {
        accepted = settings.accept(update);
      } catch (err) {
        accepted = Promise.reject(err);
      }
      accepted.then(
        (result) => {
          if (result === "answered" || result === "skipped") return send(res, 200, "");
          send(res, 503, "Service Unavailable", { "retry-after": "5" });
        },
        (err: unknown) => {
          logger.error(
            { updateId: updateIdOf(update), err: { name: err instanceof Error ? err.name : "NonError" } },
            "telegram: handling a webhook update failed",
          );
          send(res, 500, "Internal Server Error");
        },
      );
    });
  };
}
