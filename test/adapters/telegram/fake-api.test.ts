// Checks the fake Telegram Bot API itself over plain HTTP, so adapter tests can trust what it answers.
import { describe, expect, it, onTestFinished } from "vitest";
import {
  type FakeTelegram,
  fakeUser,
  groupChat,
  privateChat,
  startFakeTelegram,
} from "../../fakes/telegram-api/server.js";

const alice = fakeUser(11, "Alice", "alice");

async function fake(): Promise<FakeTelegram> {
  const server = await startFakeTelegram();
  onTestFinished(() => server.close());
  return server;
}

async function call(server: FakeTelegram, method: string, init: RequestInit = {}, token = server.token) {
  const response = await fetch(`${server.apiRoot}/bot${token}/${method}`, { method: "POST", ...init });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const json = (params: unknown): RequestInit => ({
  headers: { "content-type": "application/json" },
  body: JSON.stringify(params),
});

describe("fake Telegram Bot API", () => {
  it("routes /bot<token>/<method> and refuses other tokens and unknown methods", async () => {
    const server = await fake();
    expect((await call(server, "getMe")).body).toMatchObject({
      ok: true,
      result: { is_bot: true, username: "CrampTestBot" },
    });
    expect((await call(server, "getMe", {}, "1:wrong")).status).toBe(401);
    expect((await call(server, "noSuchMethod")).status).toBe(404);
    expect(server.calls.map((entry) => entry.method)).toEqual(["getMe", "getMe", "noSuchMethod"]);
  });

  it("accepts JSON, urlencoded and multipart bodies", async () => {
    const server = await fake();
    server.textUpdate(alice, privateChat(alice), "register the chat");
    const markup = { inline_keyboard: [[{ text: "A", callback_data: "a" }]] };
    await call(server, "sendMessage", json({ chat_id: 11, text: "json", reply_markup: markup }));
    await call(server, "sendMessage", {
      body: new URLSearchParams({ chat_id: "11", text: "form", reply_markup: JSON.stringify(markup) }),
    });
    const form = new FormData();
    form.set("chat_id", "11");
    form.set("text", "multipart");
    form.set("document", new Blob(["%PDF"]), "a.pdf");
    await call(server, "sendMessage", { body: form });
    const params = server.callsOf("sendMessage").map((entry) => entry.params);
    expect(params[0]).toMatchObject({ chat_id: 11, text: "json", reply_markup: markup });
    expect(params[1]).toMatchObject({ chat_id: 11, text: "form", reply_markup: markup });
    expect(params[2]).toMatchObject({
      chat_id: 11,
      text: "multipart",
      document: { filename: "a.pdf", size: 4 },
    });
    expect(server.sentMessages.map((sent) => sent.message.message_id)).toEqual([2, 3, 4]);
  });

  it("enforces Telegram's rules on text, HTML, callback_data and chats", async () => {
    const server = await fake();
    server.textUpdate(alice, privateChat(alice), "hi");
    const send = (params: Record<string, unknown>) =>
      call(server, "sendMessage", json({ chat_id: 11, ...params }));
    expect((await send({ text: "a <b>bold</b> &amp; fine", parse_mode: "HTML" })).status).toBe(200);
    expect((await send({ text: "<b>&", parse_mode: "HTML" })).body.description).toMatch(
      /can't parse entities/,
    );
    expect((await send({ text: "x".repeat(4097) })).body.description).toBe(
      "Bad Request: message is too long",
    );
    expect((await send({ text: " " })).status).toBe(400);
    const data = "x".repeat(65);
    const markup = { inline_keyboard: [[{ text: "A", callback_data: data }]] };
    expect((await send({ text: "k", reply_markup: markup })).body.description).toBe(
      "Bad Request: BUTTON_DATA_INVALID",
    );
    expect((await call(server, "sendMessage", json({ chat_id: 999, text: "who?" }))).body.description).toBe(
      "Bad Request: chat not found",
    );
  });

  it("holds a long poll until an update arrives, and honours offset", async () => {
    const server = await fake();
    const poll = call(server, "getUpdates", json({ timeout: 10 }));
    await server.waitForCalls("getUpdates", 1);
    const queued = server.sendText(alice, groupChat(-5), "/help");
    const first = await poll;
    expect(first.body.result).toEqual([queued]);
    expect(queued.message?.entities).toEqual([{ type: "bot_command", offset: 0, length: 5 }]);
    const again = await call(server, "getUpdates", json({ timeout: 0 }));
    expect(again.body.result).toEqual([queued]);
    const confirmed = await call(server, "getUpdates", json({ offset: queued.update_id + 1, timeout: 0 }));
    expect(confirmed.body.result).toEqual([]);
  });

  it("answers 409 to an older long poll when a newer one arrives, and while a webhook is set", async () => {
    const server = await fake();
    const older = call(server, "getUpdates", json({ timeout: 10 }));
    await server.waitForCalls("getUpdates", 1);
    const newer = call(server, "getUpdates", json({ timeout: 10 }));
    expect((await older).status).toBe(409);
    server.sendText(alice, privateChat(alice), "wake up");
    expect((await newer).status).toBe(200);
    await call(server, "setWebhook", json({ url: "https://x.test/hook", secret_token: "abc" }));
    expect((await call(server, "getUpdates")).body.description).toMatch(/webhook is active/);
    expect((await call(server, "setWebhook", json({ url: "http://x.test/hook" }))).status).toBe(400);
  });

  it("injects 429, 500, 409 and dropped connections for the next N calls", async () => {
    const server = await fake();
    server.failNext("getMe", 1, { kind: "429", retryAfter: 3 });
    server.failNext("getMe", 1, { kind: "500" });
    server.failNext("getMe", 1, { kind: "409" });
    server.failNext("getMe", 1, { kind: "drop" });
    expect((await call(server, "getMe")).body).toMatchObject({
      error_code: 429,
      parameters: { retry_after: 3 },
    });
    expect((await call(server, "getMe")).status).toBe(500);
    expect((await call(server, "getMe")).status).toBe(409);
    await expect(call(server, "getMe")).rejects.toThrow();
    expect((await call(server, "getMe")).status).toBe(200);
    await expect(server.waitForCalls("getMe", 9, { timeoutMs: 20 })).rejects.toThrow(/waited 20 ms/);
  });

  it("tracks callback queries and edits", async () => {
    const server = await fake();
    const chat = privateChat(alice);
    server.textUpdate(alice, chat, "hi");
    await call(server, "sendMessage", json({ chat_id: 11, text: "pick" }));
    const sent = server.sentMessages[0]?.message;
    if (!sent) throw new Error("not sent");
    const tap = server.callbackUpdate(alice, sent, "a");
    const id = tap.callback_query?.id;
    expect((await call(server, "answerCallbackQuery", json({ callback_query_id: id }))).status).toBe(200);
    expect((await call(server, "answerCallbackQuery", json({ callback_query_id: id }))).status).toBe(400);
    const edit = (text: string) =>
      call(server, "editMessageText", json({ chat_id: 11, message_id: sent.message_id, text }));
    expect((await edit("picked")).body).toMatchObject({ ok: true, result: { text: "picked" } });
    expect((await edit("picked")).body.description).toMatch(/not modified/);
    expect((await call(server, "sendChatAction", json({ chat_id: 11, action: "typing" }))).status).toBe(200);
  });
});
