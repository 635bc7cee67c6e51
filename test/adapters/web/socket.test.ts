// The chat WebSocket with the real engine: the upgrade's Origin and cookie checks, the frame cap, answers and isolation.
import { afterEach, describe, expect, it } from "vitest";
import {
  type BotMessage,
  CookieClient,
  closeAll,
  longStory,
  manualClock,
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

  it("hands long messages to the engine: a red flag at the end is answered, else a clear please-shorten", async () => {
    const web = await startWebServer();
    const { headers } = await visitor(web.url, web.origin);
    const socket = await openSocket(web.socketUrl, headers);
    const story = longStory();
    socket.send({ type: "message", text: story });
    const urgent = (await socket.next()) as BotMessage;
    expect(urgent.intent).toBe("urgent");
    expect(web.seen.at(-1)?.text).toBe(story);
    socket.send({ type: "message", text: longStory(100_000, "What should I do about it?") });
    const shorten = (await socket.next()) as BotMessage;
    expect(shorten.intent).toBe("fallback");
    expect(shorten.text).toContain("I can read up to 2,000 characters");
    socket.ws.close();
  });

  it("answers a frame over the cap with an error frame, then closes it (1009) and answers nothing", async () => {
    const web = await startWebServer({ maxMessageBytes: 4096 });
    const { headers } = await visitor(web.url, web.origin);
    const socket = await openSocket(web.socketUrl, headers);
    socket.send({ type: "message", text: "x".repeat(5000) });
    expect(await socket.closed).toBe(1009);
    expect(socket.received).toHaveLength(1);
    const notice = socket.received[0] as { type: string; error: string; message: string };
    expect(notice).toMatchObject({ type: "error", error: "message_too_large" });
    expect(notice.message).toContain("the limit is 4 KB");
    expect(notice.message).toContain("seek medical help now");
    expect(web.seen).toHaveLength(0);

    // The default cap is 1 MiB: just over it is refused the same way.
    const defaults = await startWebServer();
    const other = await visitor(defaults.url, defaults.origin);
    const big = await openSocket(defaults.socketUrl, other.headers);
    big.send({ type: "message", text: "y".repeat(1024 * 1024) });
    expect(await big.closed).toBe(1009);
    expect(big.received).toMatchObject([{ type: "error", error: "message_too_large" }]);
    expect((big.received[0] as { message: string }).message).toContain("the limit is 1 MB");
  });

  it("caps the sockets one client holds open: one more gets an error frame and 1013; others are not affected", async () => {
    const web = await startWebServer({ maxSocketsPerClient: 2 });
    const { headers } = await visitor(web.url, web.origin);
    const first = await openSocket(web.socketUrl, headers);
    const second = await openSocket(web.socketUrl, headers);
    const third = await openSocket(web.socketUrl, headers);
    expect(await third.closed).toBe(1013);
    expect(third.received).toHaveLength(1);
    const notice = third.received[0] as { type: string; error: string; message: string };
    expect(notice).toMatchObject({ type: "error", error: "too_many_sockets" });
    expect(notice.message).toContain("too many windows or tabs");
    const fourth = await openSocket(web.socketUrl, headers);
    expect(await fourth.closed).toBe(1013);
    // One log line for the client, not one per refused socket.
    expect(web.logger.lines.filter((line) => line.msg?.includes("too many chat sockets"))).toHaveLength(1);
    // The open ones still answer, and another client has its own allowance.
    second.send({ type: "message", text: "hello" });
    expect(((await second.next()) as BotMessage).intent).toBe("greeting");
    const stranger = await visitor(web.url, web.origin);
    const theirs = await openSocket(web.socketUrl, stranger.headers);
    theirs.ws.close();
    // Closing one makes room for one.
    first.ws.close();
    await first.closed;
    const again = await openSocket(web.socketUrl, headers);
    again.send({ type: "message", text: "hello" });
    expect(((await again.next()) as BotMessage).intent).toBe("greeting");
    expect(JSON.stringify(web.logger.lines)).not.toContain(headers.cookie.split("=")[1]);
    second.ws.close();
    again.ws.close();
  });

  it("caps new conversations per client address per minute: an error frame, the socket stays open", async () => {
    const clock = manualClock();
    const web = await startWebServer({ newConversationsPerMinute: 1 }, { clock });
    const alice = await visitor(web.url, web.origin);
    const aliceSocket = await openSocket(web.socketUrl, alice.headers);
    aliceSocket.send({ type: "message", text: "hello" });
    expect(((await aliceSocket.next()) as BotMessage).intent).toBe("greeting");
    const bob = await visitor(web.url, web.origin);
    const bobSocket = await openSocket(web.socketUrl, bob.headers);
    bobSocket.send({ type: "message", text: "hello" });
    expect(await bobSocket.next()).toMatchObject({ type: "error", error: "too_many_conversations" });
    // Alice goes on; Bob is admitted once the minute is over, on the same socket.
    aliceSocket.send({ type: "message", text: "thanks" });
    expect(((await aliceSocket.next()) as BotMessage).intent).toBe("thanks");
    clock.advance(60_000);
    bobSocket.send({ type: "message", text: "hello" });
    expect(((await bobSocket.next()) as BotMessage).intent).toBe("greeting");
    expect(web.seen).toHaveLength(3);
    aliceSocket.ws.close();
    bobSocket.ws.close();
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
