// The web adapter's HTTP side with the real engine: Botkit's webhook POST /api/messages, the session cookie, limits.
import { afterEach, describe, expect, it } from "vitest";
import { MemoryStore } from "../../../src/core/store/memory.js";
import {
  type BotMessage,
  CookieClient,
  closeAll,
  cookieValue,
  longStory,
  manualClock,
  startWebServer,
} from "./support.js";

const MAGNESIUM = "how much magnesium should I take?";
const SAME_FOR_D = "same question for vitamin D";
const COOKIE = /^crampbot_sid=([A-Za-z0-9_-]{22}); Path=\/; Max-Age=\d{7,}; HttpOnly; SameSite=Lax$/;

afterEach(closeAll);

async function errorOf(response: Response): Promise<string> {
  return ((await response.json()) as { error: string }).error;
}

describe("web adapter: webhook POST /api/messages", () => {
  it("answers a question with the reply array: text, section, quick replies and intent", async () => {
    const web = await startWebServer();
    const client = new CookieClient(web.url);
    const response = await client.post({ type: "message", user: "alice", text: MAGNESIUM });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    const replies = (await response.json()) as BotMessage[];
    expect(replies).toHaveLength(1);
    const reply = replies[0] as BotMessage;
    expect(reply).toMatchObject({
      type: "message",
      intent: "answer",
      section: {
        id: "magnesium.supplements",
        heading: "What Causes Leg Cramps? › Magnesium Deficiency › Supplements",
      },
    });
    expect(reply.text).toContain("**100 mg, two to three times a day**");
    expect(reply.text).toContain("Not medical advice");
    expect(reply.quick_replies).toContainEqual({
      title: "Vitamin D supplements",
      payload: "section:vitamin-d.supplements",
    });
    // An answer also asks "Helpful?" (docs/adr/0013; its shape: test/adapters/web/feedback.test.ts).
    expect(Object.keys(reply).sort()).toEqual([
      "feedback",
      "intent",
      "quick_replies",
      "section",
      "text",
      "type",
    ]);
  });

  it("issues an HttpOnly SameSite=Lax cookie and keys the conversation by it, not by `user`", async () => {
    const web = await startWebServer();
    const client = new CookieClient(web.url);
    await client.say(MAGNESIUM, { user: "alice" });
    expect(client.lastSetCookie).toMatch(COOKIE);
    const id = client.cookie;
    // The follow-up with the same cookie is not issued a new one and uses the context.
    const [followUp] = await client.say(SAME_FOR_D, { user: "somebody-else" });
    expect(client.lastSetCookie).toBeNull();
    expect(followUp?.section?.id).toBe("vitamin-d.supplements");
    expect(web.seen.map((message) => message.conversationId)).toEqual([`web:${id}`, `web:${id}`]);
    expect(web.seen.every((message) => message.platform === "web" && message.kind === "text")).toBe(true);
    expect(JSON.stringify(web.seen)).not.toMatch(/alice|somebody-else/);
  });

  it("sets the Secure attribute and another cookie name when asked", async () => {
    const web = await startWebServer({ secureCookie: true, cookieName: "__Host-chat" });
    const client = new CookieClient(web.url, "__Host-chat");
    await client.say("hello");
    expect(client.lastSetCookie).toMatch(
      /^__Host-chat=[A-Za-z0-9_-]{22}; Path=\/; .*HttpOnly; SameSite=Lax; Secure$/,
    );
  });

  it("turns a quick-reply payload into a button press", async () => {
    const web = await startWebServer();
    const client = new CookieClient(web.url);
    const [answer] = await client.say(MAGNESIUM);
    const food = answer?.quick_replies.find((reply) => reply.payload === "section:magnesium.food");
    expect(food).toBeDefined();
    const [reply] = await client.press(food?.title ?? "", food?.payload ?? "");
    expect(reply?.section?.id).toBe("magnesium.food");
    expect(web.seen.at(-1)).toMatchObject({ kind: "button", buttonId: "section:magnesium.food" });
    expect(web.seen.at(-1)?.text).toBeUndefined();
  });

  it("gives every turn its own session and text when many conversations post at once", async () => {
    // One Botkit turn function serves every turn (ADR 28): each must still find its own inputs, by its own body.
    const web = await startWebServer();
    const clients = Array.from({ length: 12 }, () => new CookieClient(web.url));
    await Promise.all(clients.map((client) => client.say("hello")));
    const texts = [MAGNESIUM, "what about vitamin D?", "stretches for cramps"];
    const before = web.seen.length;
    const answers = await Promise.all(
      clients.map((client, n) => client.post({ type: "message", text: `${texts[n % 3]} ${n}` })),
    );
    for (const answer of answers) expect(answer.status).toBe(200);
    const turns = web.seen.slice(before);
    expect(turns).toHaveLength(clients.length);
    for (const [n, client] of clients.entries()) {
      const turn = turns.find((message) => message.text === `${texts[n % 3]} ${n}`);
      expect(turn?.conversationId).toBe(`web:${client.cookie}`);
    }
    expect(new Set(turns.map((message) => message.conversationId)).size).toBe(clients.length);
  });

  it("keeps another client out of the conversation, with or without a cookie of its own", async () => {
    const web = await startWebServer();
    const alice = new CookieClient(web.url);
    await alice.say(MAGNESIUM, { user: "alice" });

    // No cookie, but Alice's `user` value: a new session, no context.
    const mallory = new CookieClient(web.url);
    const [guess] = await mallory.say(SAME_FOR_D, { user: "alice" });
    expect(mallory.cookie).toBeDefined();
    expect(mallory.cookie).not.toBe(alice.cookie);
    expect(guess?.section?.id).not.toBe("vitamin-d.supplements");
    const [more] = await mallory.press("Tell me more", "more");
    expect(more?.text).not.toContain("100 mg");

    // A client with its own cookie.
    const bob = new CookieClient(web.url);
    await bob.get("/");
    const [bobs] = await bob.say(SAME_FOR_D, { user: "alice" });
    expect(bobs?.section?.id).not.toBe("vitamin-d.supplements");

    // Alice's context is untouched by both.
    const [hers] = await alice.say(SAME_FOR_D, { user: "alice" });
    expect(hers?.section?.id).toBe("vitamin-d.supplements");
    const conversations = new Set(web.seen.map((message) => message.conversationId));
    expect(conversations).toEqual(
      new Set([`web:${alice.cookie}`, `web:${mallory.cookie}`, `web:${bob.cookie}`]),
    );
    // The session id is a bearer secret: the adapter never logs it.
    const logged = JSON.stringify(web.logger.lines);
    for (const id of [alice.cookie, mallory.cookie, bob.cookie]) expect(logged).not.toContain(id);
  });

  it("replaces a malformed cookie with a new one", async () => {
    const web = await startWebServer();
    for (const bad of ["short", "x".repeat(23), "a+b/c=d".padEnd(22, "A"), ""]) {
      const client = new CookieClient(web.url);
      client.cookie = bad;
      await client.say("hello");
      expect(client.lastSetCookie).toMatch(COOKIE);
      expect(client.cookie).not.toBe(bad);
      expect(web.seen.at(-1)?.conversationId).toBe(`web:${client.cookie}`);
    }
  });

  it("keeps the conversation across a restart: the cookie is only the key to the store", async () => {
    const store = new MemoryStore();
    const first = await startWebServer({}, { store });
    const client = new CookieClient(first.url);
    await client.say(MAGNESIUM);
    await first.adapter.close();
    await first.close();

    const second = await startWebServer({}, { store });
    const restarted = new CookieClient(second.url);
    restarted.cookie = client.cookie;
    const [reply] = await restarted.say(SAME_FOR_D);
    expect(restarted.lastSetCookie).toBeNull();
    expect(reply?.section?.id).toBe("vitamin-d.supplements");
  });

  it("hands long messages to the engine: a red flag at the end is answered, else a clear please-shorten", async () => {
    const web = await startWebServer();
    const client = new CookieClient(web.url);
    const story = longStory();
    expect(story.length).toBeGreaterThanOrEqual(2250);
    expect(story.length).toBeLessThanOrEqual(2300);
    expect(story.indexOf("swollen")).toBeGreaterThan(2000);
    const [urgent] = await client.say(story);
    expect(urgent?.intent).toBe("urgent");
    expect(urgent?.text).toContain("Please seek medical help now");
    // The engine got the whole text, not a cut one.
    expect(web.seen.at(-1)?.text).toBe(story);

    // 20,000 and 200,000 characters without a red flag: the engine's "please shorten", not a 413.
    for (const length of [20_000, 200_000]) {
      const [shorten] = await client.say(longStory(length, "What should I do about it?"));
      expect(shorten?.intent).toBe("fallback");
      expect(shorten?.text).toContain("I can read up to 2,000 characters");
    }
  });

  it("refuses a body over the cap (1 MiB by default) with 413 and an honest message", async () => {
    const web = await startWebServer();
    const client = new CookieClient(web.url);
    const big = await client.post({ type: "message", text: "x".repeat(1024 * 1024) });
    expect(big.status).toBe(413);
    const body = (await big.json()) as { error: string; message: string };
    expect(body.error).toBe("payload_too_large");
    expect(body.message).toContain("the limit is 1 MB");
    expect(body.message).toContain("I have not read any of it");
    expect(body.message).toContain("seek medical help now");
    expect(body.message).not.toMatch(/one chat message at a time/);

    const small = await startWebServer({ maxBodyBytes: 2048 });
    const chunked = await fetch(`${small.url}/api/messages`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      // A stream has no Content-Length: the cap applies while reading.
      body: new Blob([JSON.stringify({ type: "message", text: "y".repeat(3000) })]).stream(),
      duplex: "half",
    } as RequestInit);
    expect(chunked.status).toBe(413);
    expect(((await chunked.json()) as { message: string }).message).toContain("the limit is 2 KB");
    // Just under the cap is read and answered.
    const under = await new CookieClient(small.url).post({ type: "message", text: "z".repeat(1900) });
    expect(under.status).toBe(200);
    expect(web.seen).toHaveLength(0);
    expect(small.seen).toHaveLength(1);
  });

  it("caps new conversations per client address per minute with a polite 429; known ones go on", async () => {
    const clock = manualClock();
    const web = await startWebServer({ newConversationsPerMinute: 3 }, { clock });
    const known = new CookieClient(web.url);
    await known.say("hello");
    await new CookieClient(web.url).say("hello");
    // A cookie the server never issued is a new conversation too.
    const forged = new CookieClient(web.url);
    forged.cookie = "A".repeat(22);
    await forged.say("hello");

    const refused = await new CookieClient(web.url).post({ type: "message", text: "hello" });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(59);
    expect(refused.headers.get("set-cookie")).toBeNull();
    const body = (await refused.json()) as { error: string; message: string };
    expect(body.error).toBe("too_many_conversations");
    expect(body.message).toContain("Please try again in a minute");
    const again = new CookieClient(web.url);
    again.cookie = "B".repeat(22);
    expect((await again.post({ type: "message", text: "hi" })).status).toBe(429);
    expect(web.seen).toHaveLength(3);
    // One log line per address and minute, however many are refused.
    const capLines = web.logger.lines.filter((line) => line.msg?.includes("new-conversation cap"));
    expect(capLines).toHaveLength(1);

    // Conversations already going are not affected.
    expect((await known.say(MAGNESIUM))[0]?.intent).toBe("answer");
    expect((await forged.say("thanks"))[0]?.intent).toBe("thanks");
    // A minute later there is room again.
    clock.advance(60_000);
    expect((await again.say("hello"))[0]?.intent).toBe("greeting");
    expect(JSON.stringify(web.logger.lines)).not.toContain("B".repeat(22));

    // 0: no cap.
    const open = await startWebServer({ newConversationsPerMinute: 0 }, { clock });
    for (let i = 0; i < 5; i++) await new CookieClient(open.url).say("hello");
    expect(open.seen).toHaveLength(5);
  });

  it("answers bad JSON, bad fields and other methods with a JSON error", async () => {
    const web = await startWebServer();
    const client = new CookieClient(web.url);
    const notJson = await client.post("{not json");
    expect(notJson.status).toBe(400);
    expect(await errorOf(notJson)).toBe("bad_json");
    const badText = await client.post({ type: "message", text: 42 });
    expect(badText.status).toBe(400);
    expect(await badText.json()).toEqual({ error: "bad_message", message: '"text" must be a string.' });
    const badPayload = await client.post({ type: "message", quick_reply: { payload: 7 } });
    expect(badPayload.status).toBe(400);
    const array = await client.post([1, 2]);
    expect(array.status).toBe(400);
    const get = await fetch(`${web.url}/api/messages`);
    expect(get.status).toBe(405);
    expect(get.headers.get("allow")).toBe("POST");
    // A Botkit client event other than a message is accepted and needs no answer.
    const hello = await client.post({ type: "hello", user: "x" });
    expect(hello.status).toBe(200);
    expect(await hello.json()).toEqual([]);
    expect(web.seen).toHaveLength(0);
  });

  it("refuses a browser call from a foreign origin and accepts the page's own", async () => {
    const web = await startWebServer();
    const client = new CookieClient(web.url);
    const foreign = await client.post({ type: "message", text: "hi" }, { origin: "https://evil.example" });
    expect(foreign.status).toBe(403);
    expect(await errorOf(foreign)).toBe("forbidden_origin");
    const own = await client.post({ type: "message", text: "hi" }, { origin: web.origin });
    expect(own.status).toBe(200);
    const localhost = await client.post(
      { type: "message", text: "hi" },
      { origin: `http://localhost:${web.port}` },
    );
    expect(localhost.status).toBe(200);
    const nullOrigin = await client.post({ type: "message", text: "hi" }, { origin: "null" });
    expect(nullOrigin.status).toBe(403);

    const strict = await startWebServer({ allowedOrigins: ["https://chat.example.com"] });
    const other = new CookieClient(strict.url);
    expect((await other.post({ text: "hi" }, { origin: "https://chat.example.com" })).status).toBe(200);
    expect((await other.post({ text: "hi" }, { origin: strict.origin })).status).toBe(403);
  });

  it("returns text with <script> as JSON data only, never as HTML", async () => {
    const web = await startWebServer();
    const client = new CookieClient(web.url);
    const attack = "<script>alert(1)</script><img src=x onerror=alert(2)>";
    const response = await client.post({ type: "message", text: attack });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    const replies = await response.json();
    expect(Array.isArray(replies)).toBe(true);
    expect(web.seen.at(-1)?.text).toBe(attack);
  });

  it("stops answering after close()", async () => {
    const web = await startWebServer();
    expect(web.adapter.ready()).toBe(true);
    await web.adapter.close();
    expect(web.adapter.ready()).toBe(false);
    const response = await new CookieClient(web.url).post({ text: "hi" });
    expect(response.status).toBe(503);
    expect(cookieValue(response.headers.get("set-cookie"))).toBeUndefined();
  });
});
