// The Origin check of the WebSocket upgrade and the webhook: a foreign web page must not talk as our visitor.

import type { IncomingMessage as HttpRequest } from "node:http";
import type { Logger } from "../../core/types.js";

export type OriginVerdict = "allowed" | "absent" | "foreign";

/**
 * Judges the request's Origin header. "absent": no Origin (not a browser, so no visitor's cookie rides along).
 * With `allowed` undefined, the page's own origin (the Host header) and http://localhost:PORT /
 * http://127.0.0.1:PORT for the port the server listens on are allowed; "null" and anything else is foreign.
 */
export function judgeOrigin(req: HttpRequest, allowed: ReadonlySet<string> | undefined): OriginVerdict {
  const header = req.headers.origin;
  if (header === undefined) return "absent";
  let origin: URL;
  try {
    origin = new URL(header);
  } catch {
    return "foreign";
  }
  if (origin.protocol !== "http:" && origin.protocol !== "https:") return "foreign";
  if (allowed !== undefined) return allowed.has(origin.origin) ? "allowed" : "foreign";
  if (origin.host === ownHost(req.headers.host, origin.protocol)) return "allowed";
  const port = req.socket.localPort;
  if (
    port !== undefined &&
    (origin.origin === `http://localhost:${port}` || origin.origin === `http://127.0.0.1:${port}`)
  ) {
    return "allowed";
  }
  return "foreign";
}

/** The Host header as URL#host would spell it for `protocol` (lower case, default port dropped). */
function ownHost(host: string | undefined, protocol: string): string | undefined {
  if (host === undefined || host === "") return undefined;
  try {
    return new URL(`${protocol}//${host}`).host;
  } catch {
    return undefined;
  }
}

/**
 * True (after a warning naming `what` and the origin, clipped) when `req` comes from a foreign origin: the caller
 * then refuses it in its own protocol.
 */
export function isForeignOrigin(
  req: HttpRequest,
  allowed: ReadonlySet<string> | undefined,
  logger: Logger,
  what: string,
): boolean {
  if (judgeOrigin(req, allowed) !== "foreign") return false;
  logger.warn({ origin: req.headers.origin?.slice(0, 100) }, `web: ${what} from a foreign origin refused`);
  return true;
}
