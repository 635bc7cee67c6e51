// The chat WebSocket with the real engine: the upgrade's Origin and cookie checks, the frame cap, answers and isolation.
import { afterEach, describe, expect, it } from "vitest";
import {
  type BotMessage,
  CookieClient,
  closeAll,
  openSocket,
  refusedStatus,
  startWebServer,
} from "./support.js";

afterEach(closeAll);

/** A client that loaded the page (so it has the cookie) and the headers its browser would send on the upgrade. */
async function visitor(url: string, origin: string) {
  const client = new CookieClient(url);
  await client.get("/");
  return { client, headers: { cookie: `crampbot_sid=${client.cookie}`, origin } };
}

describe("web adapter: the chat WebSocket", () => {
  it("answers a question and a quick-reply press over the socket", async () => {
    const web = await startWebServer();
    const { client, headers } = await visitor(web.url, web.origin);
    const socket = await openSocket(web.socketUrl, headers);
    socket.send({ type: "message", user: "alice", text: "how much magnesium should I take?" });
    const answer = (await socket.next()) as BotMessage;
    expect(answer).toMatchObject({
      type: "message",
      intent: "answer",
      section: { id: "magnesium.supplements" },
    });
    expect(answer.text).toContain("Not medical advice");
    const next = answer.quick_replies.find((reply) => reply.payload === "section:vitamin-d.supplements");
    expect(next).toBeDefined();
    socket.send({ type: "message", text: next?.title, quick_reply: { payload: next?.payload } });
    const followUp = (await socket.next()) as BotMessage;
    expect(followUp.section?.id).toBe("vitamin-d.supplements");
    expect(web.seen.map((message) => message.conversationId)).toEqual([
      `web:${client.cookie}`,
      `web:${client.cookie}`,
    ]);
    expect(web.seen[1]).toMatchObject({ kind: "button", buttonId: "section:vitamin-d.supplements" });
    socket.ws.close();
  });

  it("shares the conversation with the webhook: both go by the cookie", async () => {
    const web = await startWebServer();
    const { client, headers } = await visitor(web.url, web.origin);
    await client.say("how much magnesium should I take?");
    const socket = await openSocket(web.socketUrl, headers);
    socket.send({ type: "message", text: "same question for vitamin D" });
    expect(((await socket.next()) as BotMessage).section?.id).toBe("vitamin-d.supplements");
    socket.ws.close();
  });

  it("runs the check-up from /checkup", async () => {
    const web = await startWebServer();
    const { headers } = await visitor(web.url, web.origin);
    const socket = await openSocket(web.socketUrl, headers);
    socket.send({ type: "message", text: "/checkup" });
    const first = (await socket.next()) as BotMessage;
    expect(first.intent).toBe("checkup");
    expect(first.quick_replies.map((reply) => reply.payload)).toContain("checkup:water:mid");
    socket.send({ type: "message", text: "1–2 litres", quick_reply: { payload: "checkup:water:mid" } });
    const second = (await socket.next()) as BotMessage;
    expect(second.text).toContain("2/5");
    socket.ws.close();
  });

  it("refuses a foreign Origin with 403 and accepts localhost on the server's port", async () => {
    const web = await startWebServer();
    const { headers } = await visitor(web.url, web.origin);
    expect(await refusedStatus(web.socketUrl, { ...headers, origin: "https://evil.example" })).toBe(403);
    expect(await refusedStatus(web.socketUrl, { ...headers, origin: "null" })).toBe(403);
    expect(await refusedStatus(web.socketUrl, { ...headers, origin: "http://localhost:1" })).toBe(403);
    const local = await openSocket(web.socketUrl, { ...headers, origin: `http://localhost:${web.port}` });
    local.ws.close();
    expect(web.logger.lines.some((line) => line.msg?.includes("foreign origin"))).toBe(true);

    const strict = await startWebServer({ allowedOrigins: ["https://chat.example.com"] });
    const other = await visitor(strict.url, strict.origin);
    expect(await refusedStatus(strict.socketUrl, other.headers)).toBe(403);
    const allowed = await openSocket(strict.socketUrl, {
      ...other.headers,
      origin: "https://chat.example.com",
    });
    allowed.ws.close();
  });

  it("refuses an upgrade without a valid cookie (401) and other paths (404)", async () => {
    const web = await startWebServer();
    expect(await refusedStatus(web.socketUrl, { origin: web.origin })).toBe(401);
    expect(await refusedStatus(web.socketUrl, { origin: web.origin, cookie: "crampbot_sid=forged" })).toBe(
      401,
    );
    const { headers } = await visitor(web.url, web.origin);
    expect(await refusedStatus(`ws://127.0.0.1:${web.port}/other`, headers)).toBe(404);
  });

  it("closes the socket (1009) on a frame over the cap and answers nothing", async () => {
    const web = await startWebServer({ maxMessageBytes: 4096 });
    const { headers } = await visitor(web.url, web.origin);
    const socket = await openSocket(web.socketUrl, headers);
    socket.send({ type: "message", text: "x".repeat(5000) });
    expect(await socket.closed).toBe(1009);
    expect(web.seen).toHaveLength(0);

    const defaults = await startWebServer();
    const other = await visitor(defaults.url, defaults.origin);
    const big = await openSocket(defaults.socketUrl, other.headers);
    big.send({ type: "message", text: "y".repeat(17 * 1024) });
    expect(await big.closed).toBe(1009);
  });

  it("ignores the `user` field: another visitor cannot read or continue a conversation", async () => {
    const web = await startWebServer();
    const alice = await visitor(web.url, web.origin);
    const aliceSocket = await openSocket(web.socketUrl, alice.headers);
    aliceSocket.send({ type: "message", user: "alice", text: "how much magnesium should I take?" });
    await aliceSocket.next();

    const mallory = await visitor(web.url, web.origin);
    const mallorySocket = await openSocket(web.socketUrl, mallory.headers);
    mallorySocket.send({ type: "message", user: "alice", text: "same question for vitamin D" });
    const guess = (await mallorySocket.next()) as BotMessage;
    expect(guess.section?.id).not.toBe("vitamin-d.supplements");
    mallorySocket.send({ type: "message", user: "alice", text: "tell me more" });
    expect(((await mallorySocket.next()) as BotMessage).text).not.toContain("100 mg");

    aliceSocket.send({ type: "message", user: "alice", text: "same question for vitamin D" });
    expect(((await aliceSocket.next()) as BotMessage).section?.id).toBe("vitamin-d.supplements");
    // Nothing of Mallory's turns reached Alice's socket, and the other way round.
    expect(aliceSocket.received).toHaveLength(2);
    expect(mallorySocket.received).toHaveLength(2);
    expect(new Set(web.seen.map((message) => message.conversationId))).toEqual(
      new Set([`web:${alice.client.cookie}`, `web:${mallory.client.cookie}`]),
    );
    aliceSocket.ws.close();
    mallorySocket.ws.close();
  });

  it("answers malformed frames with an error message and keeps the socket open", async () => {
    const web = await startWebServer();
    const { headers } = await visitor(web.url, web.origin);
    const socket = await openSocket(web.socketUrl, headers);
    socket.send("{not json");
    expect(await socket.next()).toMatchObject({ type: "error", error: "bad_json" });
    socket.send({ type: "message", text: ["no"] });
    expect(await socket.next()).toMatchObject({ type: "error", error: "bad_message" });
    socket.send({ type: "message", text: "<script>alert(1)</script>" });
    const reply = (await socket.next()) as BotMessage;
    expect(reply.type).toBe("message");
    expect(web.seen).toHaveLength(1);
    socket.ws.close();
  });

  it("closes a socket that floods messages without waiting for answers (1008)", async () => {
    const web = await startWebServer();
    const { headers } = await visitor(web.url, web.origin);
    const socket = await openSocket(web.socketUrl, headers);
    for (let i = 0; i < 40; i++) socket.send({ type: "message", text: `question ${i}` });
    expect(await socket.closed).toBe(1008);
    expect(web.seen.length).toBeLessThan(40);
  });

  it("closes open sockets with 1001 on close() and takes no new ones", async () => {
    const web = await startWebServer();
    const { headers } = await visitor(web.url, web.origin);
    const socket = await openSocket(web.socketUrl, headers);
    await web.adapter.close();
    expect(await socket.closed).toBe(1001);
    await expect(openSocket(web.socketUrl, headers)).rejects.toThrow();
  });
});
