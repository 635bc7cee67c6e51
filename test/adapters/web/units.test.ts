// The web adapter's small parts: client message parsing, reply rendering, the session cookie, Origin rules, options,
// the new-conversation budget and the refusal texts.
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import type { IncomingMessage as HttpRequest } from "node:http";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConversationBudget, clientAddress } from "../../../src/adapters/web/budget.js";
import {
  isSessionId,
  newSession,
  sessionCookie,
  sessionFor,
  sessionFromRequest,
} from "../../../src/adapters/web/identity.js";
import { WebAdapterError, webOptionsFromEnv } from "../../../src/adapters/web/index.js";
import { formatBytes, loadNotices } from "../../../src/adapters/web/notices.js";
import { DEFAULT_INTENTS_DIR, resolveOptions } from "../../../src/adapters/web/options.js";
import { judgeOrigin } from "../../../src/adapters/web/origin.js";
import { parseClientMessage, toIncoming, toOutgoing } from "../../../src/adapters/web/protocol.js";
import { DataError } from "../../../src/core/errors.js";
import { tempDir } from "../../service/support.js";
import { manualClock } from "./support.js";

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

describe("web sessions seen before", () => {
  it("give each id the same pseudonym whether remembered or computed again after being forgotten", () => {
    const id = "B".repeat(22);
    const first = sessionFor(id);
    expect(sessionFor(id)).toEqual(first);
    // More ids than are remembered: the first one is forgotten, then computed again, the same.
    for (let i = 0; i < 10_050; i++) sessionFor(`${String(i).padStart(6, "0")}${"C".repeat(16)}`);
    const again = sessionFor(id);
    expect(again).toEqual(first);
    expect(again.userId).toMatch(/^web-[0-9a-f]{16}$/);
    expect(sessionFor("D".repeat(22)).userId).not.toBe(first.userId);
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
      maxMessageBytes: 1024 * 1024,
      maxBodyBytes: 1024 * 1024,
      cookieName: "crampbot_sid",
      secureCookie: false,
      maxSocketsPerClient: 10,
      newConversationsPerMinute: 60,
      intentsDir: DEFAULT_INTENTS_DIR,
    });
    const bad = [
      { maxMessageBytes: 10 },
      { maxMessageBytes: 16 * 1024 * 1024 + 1 },
      { maxBodyBytes: 1.5 },
      { maxSocketsPerClient: 0 },
      { maxSocketsPerClient: 1001 },
      { newConversationsPerMinute: -1 },
      { newConversationsPerMinute: 2.5 },
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
        WEB_MAX_SOCKETS_PER_CLIENT: "4",
        WEB_NEW_CONVERSATIONS_PER_MINUTE: "0",
      }),
    ).toEqual({
      secureCookie: true,
      maxBodyBytes: 4096,
      maxMessageBytes: 8192,
      cookieName: "sid",
      maxSocketsPerClient: 4,
      newConversationsPerMinute: 0,
    });
    expect(() => webOptionsFromEnv({ WEB_SECURE_COOKIE: "maybe" })).toThrow(/WEB_SECURE_COOKIE/);
    expect(() => webOptionsFromEnv({ WEB_MAX_BODY_BYTES: "lots" })).toThrow(/WEB_MAX_BODY_BYTES/);
    // Out of range: the message names the variable, not only the option.
    expect(() => webOptionsFromEnv({ WEB_MAX_BODY_BYTES: "100" })).toThrow(/^WEB_MAX_BODY_BYTES: /);
    expect(() => webOptionsFromEnv({ WEB_MAX_SOCKETS_PER_CLIENT: "0" })).toThrow(
      /^WEB_MAX_SOCKETS_PER_CLIENT: /,
    );
    expect(() => webOptionsFromEnv({ WEB_NEW_CONVERSATIONS_PER_MINUTE: "-3" })).toThrow(
      /^WEB_NEW_CONVERSATIONS_PER_MINUTE must be a whole number of conversations/,
    );
  });
});

describe("new-conversation budget", () => {
  it("admits `perMinute` new sessions per address per minute, known sessions always, and forgets old windows", () => {
    const clock = manualClock();
    const budget = new ConversationBudget(2, clock);
    expect(budget.admit("a", "10.0.0.1")).toEqual({ ok: true });
    expect(budget.admit("b", "10.0.0.1")).toEqual({ ok: true });
    expect(budget.admit("c", "10.0.0.1")).toEqual({ ok: false, retryAfterSeconds: 60, first: true });
    clock.advance(45_500);
    expect(budget.admit("c", "10.0.0.1")).toEqual({ ok: false, retryAfterSeconds: 15, first: false });
    // Known sessions, and other addresses, are not affected.
    expect(budget.admit("a", "10.0.0.1")).toEqual({ ok: true });
    expect(budget.admit("d", "10.0.0.2")).toEqual({ ok: true });
    clock.advance(14_500);
    expect(budget.admit("c", "10.0.0.1")).toEqual({ ok: true });
    expect(budget.addresses).toBe(2);
    clock.advance(60_000);
    budget.admit("e", "10.0.0.3");
    // The finished windows of 10.0.0.1 and 10.0.0.2 were dropped when a new one started.
    expect(budget.addresses).toBe(1);
    expect(new ConversationBudget(0, clock).admit("x", "10.0.0.1")).toEqual({ ok: true });
  });

  it("keys IPv4 (also mapped) as it is and IPv6 by its /64", () => {
    const from = (remoteAddress: string) =>
      clientAddress({ socket: { remoteAddress } } as unknown as HttpRequest);
    expect(from("203.0.113.7")).toBe("203.0.113.7");
    expect(from("::ffff:203.0.113.7")).toBe("203.0.113.7");
    expect(from("2001:db8:0:1:aaaa::1")).toBe("2001:db8:0:1::/64");
    expect(from("2001:0db8:0000:0001:ffff:ffff:ffff:ffff")).toBe("2001:db8:0:1::/64");
    expect(from("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(from("::1")).toBe("0:0:0:0::/64");
    expect(from("fe80::1%eth0")).toBe("fe80:0:0:0::/64");
  });
});

describe("web refusal texts", () => {
  it("come from intents/messages.yaml, with the limit in words", () => {
    const notices = loadNotices(DEFAULT_INTENTS_DIR);
    expect(notices.tooLarge(1024 * 1024)).toContain("the limit is 1 MB");
    expect(notices.tooManySockets).toMatch(/too many windows/);
    expect(notices.tooManyConversations).toMatch(/try again in a minute/);
    expect(formatBytes(16 * 1024)).toBe("16 KB");
    expect(formatBytes(1536 * 1024)).toBe("1.5 MB");
    expect(formatBytes(16 * 1024 * 1024)).toBe("16 MB");
  });

  it("fails at load, naming the file and field, when one is missing", () => {
    const dir = tempDir("crampbot-notices-");
    try {
      cpSync(DEFAULT_INTENTS_DIR, dir.path, { recursive: true });
      const file = join(dir.path, "messages.yaml");
      writeFileSync(file, readFileSync(file, "utf8").replace(/^web_too_many_sockets:.*$/m, ""));
      expect(() => loadNotices(dir.path)).toThrow(DataError);
      expect(() => loadNotices(dir.path)).toThrow(/messages\.yaml.*web_too_many_sockets/);
    } finally {
      dir.remove();
    }
  });
});
