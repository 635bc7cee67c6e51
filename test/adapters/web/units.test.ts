// The web adapter's small parts: client message parsing, reply rendering, the session cookie, Origin rules, options.
import type { IncomingMessage as HttpRequest } from "node:http";
import { describe, expect, it } from "vitest";
import {
  isSessionId,
  newSession,
  sessionCookie,
  sessionFor,
  sessionFromRequest,
} from "../../../src/adapters/web/identity.js";
import { WebAdapterError, webOptionsFromEnv } from "../../../src/adapters/web/index.js";
import { resolveOptions } from "../../../src/adapters/web/options.js";
import { judgeOrigin } from "../../../src/adapters/web/origin.js";
import { parseClientMessage, toIncoming, toOutgoing } from "../../../src/adapters/web/protocol.js";

function request(headers: Record<string, string>, localPort = 8080): HttpRequest {
  return { headers, socket: { localPort } } as unknown as HttpRequest;
}

describe("web protocol", () => {
  it("reads text, quick-reply payloads and other Botkit events; ignores `user`", () => {
    expect(parseClientMessage({ type: "message", user: "x", text: "hi" })).toEqual({
      ok: true,
      input: { kind: "text", text: "hi" },
    });
    expect(parseClientMessage({ text: "no type" })).toEqual({
      ok: true,
      input: { kind: "text", text: "no type" },
    });
    expect(parseClientMessage({ type: "message" })).toEqual({ ok: true, input: { kind: "text", text: "" } });
    expect(parseClientMessage({ type: "message", text: "Yes", quick_reply: { payload: "more" } })).toEqual({
      ok: true,
      input: { kind: "button", buttonId: "more", title: "Yes" },
    });
    expect(parseClientMessage({ type: "welcome_back", user: "x" })).toEqual({ ok: true, input: null });
    for (const bad of [null, "text", [1], { type: 1 }, { text: 5 }, { quick_reply: { payload: "" } }]) {
      expect(parseClientMessage(bad).ok).toBe(false);
    }
    expect(parseClientMessage({ quick_reply: { payload: "p".repeat(101) } }).ok).toBe(false);
  });

  it("keys the handler's message by the session and renders a reply as a Botkit message", () => {
    const session = sessionFor("A".repeat(22));
    expect(toIncoming(session, { kind: "text", text: "hi" })).toEqual({
      platform: "web",
      conversationId: `web:${"A".repeat(22)}`,
      userId: session.userId,
      kind: "text",
      text: "hi",
    });
    expect(session.userId).toMatch(/^web-[0-9a-f]{16}$/);
    expect(session.userId).not.toContain("AAAA");
    const outgoing = toOutgoing({
      intent: "answer",
      text: "**Hi**",
      suggestions: [{ label: "More", id: "more" }],
      section: { id: "s", heading: "H" },
    });
    expect(outgoing).toEqual({
      type: "message",
      text: "**Hi**",
      quick_replies: [{ title: "More", payload: "more" }],
      section: { id: "s", heading: "H" },
      intent: "answer",
    });
  });
});

describe("web session cookie", () => {
  it("issues 128 random bits as base64url and reads only well-formed values", () => {
    const ids = new Set(Array.from({ length: 200 }, () => newSession().id));
    expect(ids.size).toBe(200);
    for (const id of ids) expect(isSessionId(id)).toBe(true);
    const id = newSession().id;
    expect(sessionFromRequest(request({ cookie: `a=1; crampbot_sid=${id}; b=2` }), "crampbot_sid")?.id).toBe(
      id,
    );
    expect(sessionFromRequest(request({ cookie: `crampbot_sid="${id}"` }), "crampbot_sid")?.id).toBe(id);
    expect(
      sessionFromRequest(request({ cookie: `crampbot_sid=bad; crampbot_sid=${id}` }), "crampbot_sid")?.id,
    ).toBe(id);
    expect(sessionFromRequest(request({ cookie: `xcrampbot_sid=${id}` }), "crampbot_sid")).toBeUndefined();
    expect(sessionFromRequest(request({ cookie: `crampbot_sid=${id}x` }), "crampbot_sid")).toBeUndefined();
    expect(sessionFromRequest(request({}), "crampbot_sid")).toBeUndefined();
    expect(sessionCookie(sessionFor(id), "crampbot_sid", true)).toBe(
      `crampbot_sid=${id}; Path=/; Max-Age=34560000; HttpOnly; SameSite=Lax; Secure`,
    );
  });
});

describe("web origin rules", () => {
  it("allows the page's own origin and localhost on the listening port by default", () => {
    const host = { host: "chat.example.com" };
    expect(judgeOrigin(request({ ...host }), undefined)).toBe("absent");
    expect(judgeOrigin(request({ ...host, origin: "https://chat.example.com" }), undefined)).toBe("allowed");
    expect(
      judgeOrigin(request({ host: "chat.example.com:443", origin: "https://chat.example.com" }), undefined),
    ).toBe("allowed");
    expect(judgeOrigin(request({ ...host, origin: "http://localhost:8080" }), undefined)).toBe("allowed");
    expect(judgeOrigin(request({ ...host, origin: "http://127.0.0.1:8080" }), undefined)).toBe("allowed");
    expect(judgeOrigin(request({ ...host, origin: "http://127.0.0.1:9999" }), undefined)).toBe("foreign");
    expect(judgeOrigin(request({ ...host, origin: "https://chat.example.com.evil.test" }), undefined)).toBe(
      "foreign",
    );
    expect(judgeOrigin(request({ ...host, origin: "null" }), undefined)).toBe("foreign");
    const allowed = resolveOptions({ allowedOrigins: ["https://Chat.Example.com/"] }).allowedOrigins;
    expect(judgeOrigin(request({ ...host, origin: "https://chat.example.com" }), allowed)).toBe("allowed");
    expect(judgeOrigin(request({ host: "localhost:8080", origin: "http://localhost:8080" }), allowed)).toBe(
      "foreign",
    );
  });
});

describe("web options", () => {
  it("has the documented defaults and rejects bad values", () => {
    expect(resolveOptions()).toEqual({
      allowedOrigins: undefined,
      maxMessageBytes: 16384,
      maxBodyBytes: 16384,
      cookieName: "crampbot_sid",
      secureCookie: false,
    });
    const bad = [
      { maxMessageBytes: 10 },
      { maxBodyBytes: 1.5 },
      { cookieName: "a b" },
      { cookieName: "__Host-sid" },
      { allowedOrigins: ["chat.example.com"] },
      { allowedOrigins: ["https://chat.example.com/path"] },
    ];
    for (const options of bad) {
      expect(() => resolveOptions(options)).toThrow(WebAdapterError);
    }
    expect(resolveOptions({ allowedOrigins: [] }).allowedOrigins).toBeUndefined();
  });

  it("reads WEB_* variables", () => {
    expect(webOptionsFromEnv({})).toEqual({});
    expect(
      webOptionsFromEnv({
        WEB_SECURE_COOKIE: "true",
        WEB_MAX_BODY_BYTES: "4096",
        WEB_MAX_MESSAGE_BYTES: "8192",
        WEB_COOKIE_NAME: "sid",
      }),
    ).toEqual({
      secureCookie: true,
      maxBodyBytes: 4096,
      maxMessageBytes: 8192,
      cookieName: "sid",
    });
    expect(() => webOptionsFromEnv({ WEB_SECURE_COOKIE: "maybe" })).toThrow(/WEB_SECURE_COOKIE/);
    expect(() => webOptionsFromEnv({ WEB_MAX_BODY_BYTES: "lots" })).toThrow(/WEB_MAX_BODY_BYTES/);
  });
});
