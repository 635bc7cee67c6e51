// Small node:http helpers: JSON answers with a clear message, and a request body read with a size cap.
import type { IncomingMessage as HttpRequest, ServerResponse } from "node:http";
import { SECURITY_HEADERS } from "./assets.js";

export type BodyResult = { ok: true; body: Buffer } | { ok: false; reason: "too-large" | "aborted" };

/** The headers of every JSON answer but its length, merged once rather than on every answer. */
const JSON_HEADERS: Readonly<Record<string, string>> = {
  ...SECURITY_HEADERS,
  "content-type": "application/json; charset=utf-8",
  "cache-control": "no-store",
};

/**
 * Sends `{"error": code, "message": message}` (or any JSON value) with no-store and nosniff. `headers` are added
 * last (they may replace one of the fixed ones); a chat message from a known session passes none.
 */
export function sendJson(
  res: ServerResponse,
  status: number,
  value: unknown,
  headers?: Readonly<Record<string, string | string[]>>,
): void {
  if (res.headersSent) return;
  const body = JSON.stringify(value);
  const all: Record<string, string | string[] | number> = {
    ...JSON_HEADERS,
    "content-length": Buffer.byteLength(body),
  };
  if (headers !== undefined) Object.assign(all, headers);
  res.writeHead(status, all);
  res.end(body);
}

export function sendError(
  res: ServerResponse,
  status: number,
  error: string,
  message: string,
  headers?: Readonly<Record<string, string | string[]>>,
): void {
  sendJson(res, status, { error, message }, headers);
}

/** Reads the whole body, giving up as soon as it is known to exceed `maxBytes` (declared or streamed). */
export function readBody(req: HttpRequest, maxBytes: number): Promise<BodyResult> {
  return new Promise((resolve) => {
    const declared = Number(req.headers["content-length"] ?? 0);
    if (Number.isFinite(declared) && declared > maxBytes) {
      req.resume();
      resolve({ ok: false, reason: "too-large" });
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (result: BodyResult) => {
      if (done) return;
      done = true;
      resolve(result);
    };
    req.on("data", (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > maxBytes) {
        chunks.length = 0;
        finish({ ok: false, reason: "too-large" });
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => finish({ ok: true, body: Buffer.concat(chunks) }));
    req.on("error", () => finish({ ok: false, reason: "aborted" }));
    req.on("close", () => finish({ ok: false, reason: "aborted" }));
  });
}
