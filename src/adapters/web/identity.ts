// Who is talking: the server-issued random session id in an HttpOnly cookie, never the client's `user` field.
import { createHash, randomBytes } from "node:crypto";
import type { IncomingMessage as HttpRequest } from "node:http";

/** One browser (or script with a cookie jar): the conversation key and a pseudonym for logs. */
export interface Session {
  /** The cookie value: 16 random bytes, base64url. A bearer secret: never logged, never sent in a body. */
  readonly id: string;
  /** `web:<id>`, the conversation key the handler gets. */
  readonly conversationId: string;
  /** A one-way pseudonym of the id for logs and Botkit's `user` ("web-" and 16 hex digits). */
  readonly userId: string;
}

/** 16 bytes in base64url without padding are exactly 22 characters of this alphabet. */
const SESSION_ID = /^[A-Za-z0-9_-]{22}$/;
/** Browsers cap Max-Age at 400 days. */
export const COOKIE_MAX_AGE_SECONDS = 400 * 24 * 60 * 60;

export function isSessionId(value: string): boolean {
  return SESSION_ID.test(value);
}

/**
 * Sessions seen lately, by id, so a message does not pay a SHA-256 for a pseudonym it had a moment ago. Bounded: past
 * SESSIONS_CACHED the least recently seen one is dropped (and recomputed, the same, if it comes back). A Session is
 * immutable, so sharing one between requests changes nothing.
 */
const SESSIONS_CACHED = 10_000;
const recent = new Map<string, Session>();

export function sessionFor(id: string): Session {
  const known = recent.get(id);
  if (known !== undefined) {
    // Map order is recency: move it to the end.
    recent.delete(id);
    recent.set(id, known);
    return known;
  }
  const digest = createHash("sha256").update(`crampbot-web:${id}`).digest("hex");
  const session: Session = Object.freeze({
    id,
    conversationId: `web:${id}`,
    userId: `web-${digest.slice(0, 16)}`,
  });
  recent.set(id, session);
  if (recent.size > SESSIONS_CACHED) {
    const oldest = recent.keys().next().value;
    if (oldest !== undefined) recent.delete(oldest);
  }
  return session;
}

export function newSession(): Session {
  return sessionFor(randomBytes(16).toString("base64url"));
}

/** The first well-formed value of cookie `name` in the request; undefined when there is none. */
export function sessionFromRequest(req: HttpRequest, name: string): Session | undefined {
  const header = req.headers.cookie;
  if (typeof header !== "string") return undefined;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0 || part.slice(0, eq).trim() !== name) continue;
    let value = part.slice(eq + 1).trim();
    if (value.startsWith('"') && value.endsWith('"') && value.length >= 2) value = value.slice(1, -1);
    if (isSessionId(value)) return sessionFor(value);
  }
  return undefined;
}

/** The Set-Cookie header value that stores `session` in the browser. */
export function sessionCookie(session: Session, name: string, secure: boolean): string {
  const attributes = [`Path=/`, `Max-Age=${COOKIE_MAX_AGE_SECONDS}`, "HttpOnly", "SameSite=Lax"];
  if (secure) attributes.push("Secure");
  return [`${name}=${session.id}`, ...attributes].join("; ");
}
