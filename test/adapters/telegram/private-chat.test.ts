// The Telegram adapter in private chats, driven through the real library against the fake Bot API.
import { describe, expect, it, vi } from "vitest";
import { TELEGRAM_COMMANDS } from "../../../src/adapters/telegram/index.js";
import { fakeUser, privateChat } from "../../fakes/telegram-api/server.js";
import { deferred, echo, reply, startBot } from "./support.js";

const alice = fakeUser(11, "Alice", "alice");
const dm = privateChat(alice);

describe("telegram adapter: private chats", () => {
  it("registers the command menu at start", async () => {
    const { fake } = await startBot();
    const [call] = fake.callsOf("setMyCommands");
    expect(call?.status).toBe(200);
    expect(fake.commands).toEqual(TELEGRAM_COMMANDS.map((entry) => ({ ...entry })));
    expect(TELEGRAM_COMMANDS.map((entry) => entry.command)).toEqual([
      "start",
      "help",
      "topics",
      "checkup",
      "stretch",
      "reset",
    ]);
  });

  it("answers a question", async () => {
    const { fake, handler } = await startBot();
    fake.sendText(alice, dm, "Why do my legs cramp at night?");
    const [sent] = await fake.waitForCalls("sendMessage", 1, { okOnly: true });
    expect(handler.messages).toEqual([
      {
        platform: "telegram",
        conversationId: "telegram:11",
        userId: "11",
        kind: "text",
        text: "Why do my legs cramp at night?",
      },
    ]);
    expect(sent?.params).toMatchObject({
      chat_id: 11,
      parse_mode: "HTML",
      text: "You said: Why do my legs cramp at night?",
    });
    expect(sent?.params.reply_parameters).toBeUndefined();
  });

  it("passes commands to the core as /name text, without @botname or /start payload", async () => {
    const { fake, handler } = await startBot();
    fake.sendText(alice, dm, "/help@CrampTestBot");
    fake.sendText(alice, dm, "/start from-website");
    fake.sendText(alice, dm, "/TOPICS");
    await fake.waitForCalls("sendMessage", 3, { okOnly: true });
    expect(handler.messages.map((message) => message.text)).toEqual(["/help", "/start", "/topics"]);
  });

  it("renders suggestions as an inline keyboard and answers a button tap", async () => {
    const longId = `topic:${"x".repeat(70)}`;
    const { fake, handler } = await startBot({
      script: (message) =>
        message.kind === "button"
          ? reply(`Here is more about ${message.buttonId ?? ""}.`)
          : reply("Pick a topic:", [
              { label: "Stretches", id: "topic:stretch" },
              { label: "Magnesium", id: "topic:magnesium" },
              { label: "Too long", id: longId },
            ]),
    });
    fake.sendText(alice, dm, "topics please");
    const [first] = await fake.waitForCalls("sendMessage", 1, { okOnly: true });
    expect(first?.params.reply_markup).toEqual({
      inline_keyboard: [
        [
          { text: "Stretches", callback_data: "topic:stretch" },
          { text: "Magnesium", callback_data: "topic:magnesium" },
        ],
      ],
    });
    const botMessage = fake.sentMessages[0]?.message;
    if (!botMessage) throw new Error("no bot message");

    const tap = fake.pressButton(alice, botMessage, "topic:stretch");
    const answered = await fake.waitForCalls("sendMessage", 2, { okOnly: true });
    const [ack] = fake.callsOf("answerCallbackQuery");
    expect(ack?.params.callback_query_id).toBe(tap.callback_query?.id);
    expect(ack?.status).toBe(200);
    expect(handler.messages[1]).toEqual({
      platform: "telegram",
      conversationId: "telegram:11",
      userId: "11",
      kind: "button",
      buttonId: "topic:stretch",
    });
    expect(answered[1]?.params).toMatchObject({ chat_id: 11, text: "Here is more about topic:stretch." });
  });

  it("gives a sticker the handler's answer for kind unsupported", async () => {
    const { fake, handler } = await startBot({ script: echo });
    fake.sendMedia(alice, dm, "sticker");
    const [sent] = await fake.waitForCalls("sendMessage", 1, { okOnly: true });
    expect(handler.messages).toEqual([
      { platform: "telegram", conversationId: "telegram:11", userId: "11", kind: "unsupported" },
    ]);
    expect(sent?.params.text).toBe("I can only read text messages.");
  });

  it("splits a 5,000-character answer at paragraph boundaries, keyboard on the last part", async () => {
    const paragraphs = Array.from({ length: 10 }, (_, n) => `Paragraph ${n}: ${"leg cramp ".repeat(49)}end.`);
    const long = paragraphs.join("\n\n");
    expect(long.length).toBeGreaterThan(5000);
    const { fake } = await startBot({
      script: (_message, call) => (call === 1 ? reply(long, [{ label: "More", id: "more" }]) : reply("pong")),
    });
    fake.sendText(alice, dm, "tell me everything");
    fake.sendText(alice, dm, "ping");
    // Answers in a chat go out in order, so "pong" comes after every part of the long answer.
    const sent = await fake.waitForCalls("sendMessage", 3, { okOnly: true });
    expect(sent[2]?.params.text).toBe("pong");
    const parts = fake.sentMessages.slice(0, 2).map((entry) => entry.message.text ?? "");
    expect(parts).toHaveLength(2);
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(4096);
    for (const paragraph of paragraphs)
      expect(parts.filter((part) => part.includes(paragraph))).toHaveLength(1);
    expect(parts.join("\n\n")).toBe(long);
    const markups = sent.map((call) => call.params.reply_markup);
    expect(markups[0]).toBeUndefined();
    expect(markups[1]).toEqual({ inline_keyboard: [[{ text: "More", callback_data: "more" }]] });
  });

  it("answers a redelivered update only once", async () => {
    const { fake, handler, store } = await startBot();
    const first = fake.sendText(alice, dm, "first");
    await fake.waitForCalls("sendMessage", 1, { okOnly: true });
    fake.redeliver(first);
    fake.sendText(alice, dm, "second");
    await fake.waitForCalls("sendMessage", 2, { okOnly: true });
    expect(handler.messages.map((message) => message.text)).toEqual(["first", "second"]);
    expect(fake.callsOf("sendMessage")).toHaveLength(2);
    expect(await store.get(`telegram:update:${first.update_id}`)).toBeDefined();
  });

  it("waits out a 429 (retry_after) and still sends the message", async () => {
    const { fake, waits, logger } = await startBot();
    fake.failNext("sendMessage", 1, { kind: "429", retryAfter: 1 });
    fake.sendText(alice, dm, "hello");
    await fake.waitForCalls("sendMessage", 1, { okOnly: true });
    expect(fake.callsOf("sendMessage").map((call) => call.status)).toEqual([429, 200]);
    expect(waits).toContain(1000);
    expect(logger.at("warn").some((entry) => entry.msg?.includes("429"))).toBe(true);
  });

  it("waits out a 429 with the real timer when no sleep is injected", async () => {
    const { fake } = await startBot({ options: { sleep: undefined } });
    fake.failNext("sendMessage", 1, { kind: "429", retryAfter: 1 });
    fake.sendText(alice, dm, "hello");
    await fake.waitForCalls("sendMessage", 1, { okOnly: true });
    expect(fake.callsOf("sendMessage").map((call) => call.status)).toEqual([429, 200]);
  });

  it("logs a handler error, apologises, and answers the next update", async () => {
    const { fake, logger, adapter, handler } = await startBot({
      script: (message, call) => {
        if (call === 1) throw new Error("engine exploded");
        return echo(message);
      },
    });
    fake.sendText(alice, dm, "my secret symptom");
    fake.sendText(alice, dm, "second try");
    const sent = await fake.waitForCalls("sendMessage", 2, { okOnly: true });
    expect(sent[0]?.params.text).toMatch(/something went wrong/i);
    expect(sent[1]?.params.text).toBe("You said: second try");
    expect(handler.messages).toHaveLength(2);
    const [failure] = logger.at("error");
    expect(failure?.msg).toMatch(/handler failed/);
    expect(failure?.obj).toMatchObject({ err: { name: "Error", message: "engine exploded" } });
    expect(logger.dump(["info", "warn", "error"])).not.toContain("my secret symptom");
    expect(logger.dump()).not.toContain(fake.token);
    expect(adapter.mode).toBe("polling");
  });

  it("escapes HTML in user text and renders the core's markup", async () => {
    const { fake } = await startBot({
      script: (message) =>
        reply(`**You wrote:** ${message.text ?? ""}\n• _gently_ stretch\n• keep snake_case_words`),
    });
    fake.sendText(alice, dm, '<b>& "x" </i>');
    const [sent] = await fake.waitForCalls("sendMessage", 1, { okOnly: true });
    expect(sent?.params.text).toBe(
      '<b>You wrote:</b> &lt;b&gt;&amp; "x" &lt;/i&gt;\n• <i>gently</i> stretch\n• keep snake_case_words',
    );
    expect(fake.sentMessages[0]?.message.text).toBe(
      'You wrote: <b>& "x" </i>\n• gently stretch\n• keep snake_case_words',
    );
  });

  it("resumes polling after a network error", async () => {
    const { fake, logger, waits } = await startBot({
      options: { requestRetries: 0 },
      beforeStart: (f) => f.failNext("getUpdates", 2, { kind: "drop" }),
    });
    fake.sendText(alice, dm, "still there?");
    const [sent] = await fake.waitForCalls("sendMessage", 1, { okOnly: true });
    expect(sent?.params.text).toBe("You said: still there?");
    expect(
      fake
        .callsOf("getUpdates")
        .slice(0, 2)
        .map((call) => call.status),
    ).toEqual([-1, -1]);
    expect(logger.at("warn").filter((entry) => entry.msg?.includes("getUpdates failed"))).toHaveLength(2);
    expect(waits.slice(0, 2)).toEqual([1000, 2000]);
    expect(logger.at("info").some((entry) => entry.msg?.includes("polling resumed"))).toBe(true);
  });

  it("reports 409 Conflict in one log line and keeps polling", async () => {
    const { fake, logger } = await startBot({
      beforeStart: (f) => f.failNext("getUpdates", 3, { kind: "409" }),
    });
    fake.sendText(alice, dm, "hi");
    await fake.waitForCalls("sendMessage", 1, { okOnly: true });
    const conflictLines = logger.entries.filter((entry) => entry.msg?.includes("409"));
    expect(conflictLines).toHaveLength(1);
    expect(conflictLines[0]?.level).toBe("warn");
    expect(conflictLines[0]?.msg).toMatch(/another process is polling/);
  });

  it("never gives up on 409s: polling goes on until the other poller is gone", async () => {
    const { fake, logger, adapter, waits } = await startBot({
      beforeStart: (f) => f.failNext("getUpdates", 30, { kind: "409" }),
    });
    fake.sendText(alice, dm, "still polling?");
    const [sent] = await fake.waitForCalls("sendMessage", 1, { okOnly: true });
    expect(sent?.params.text).toBe("You said: still polling?");
    expect(fake.callsOf("getUpdates").filter((call) => call.status === 409)).toHaveLength(30);
    // Capped backoff: doubling from 1 s up to 30 s, then 30 s for as long as it lasts.
    expect(waits.slice(0, 7)).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000]);
    expect(Math.max(...waits)).toBe(30000);
    // One line for the first 409 and one per 20 more, not one per retry.
    expect(logger.entries.filter((entry) => entry.msg?.includes("409"))).toHaveLength(2);
    expect(adapter.status()).toBe("ok");
  });

  it("deletes a leftover webhook before polling", async () => {
    const { fake } = await startBot({
      beforeStart: (f) => {
        f.webhook = { url: "https://old.example.test/hook" };
      },
    });
    fake.sendText(alice, dm, "hello");
    await fake.waitForCalls("sendMessage", 1, { okOnly: true });
    expect(fake.callsOf("deleteWebhook")[0]?.params).toEqual({ drop_pending_updates: false });
    expect(fake.webhook).toBeUndefined();
  });

  it("survives a 500 from Telegram (the library retries it)", async () => {
    const { fake } = await startBot({ options: { requestRetries: 1 } });
    fake.failNext("sendMessage", 1, { kind: "500" });
    fake.sendText(alice, dm, "hello");
    await fake.waitForCalls("sendMessage", 1, { okOnly: true });
    expect(fake.callsOf("sendMessage").map((call) => call.status)).toEqual([500, 200]);
  });

  it("shows typing while a slow handler works", async () => {
    const gate = deferred();
    const { fake } = await startBot({
      options: { typingDelayMs: 1 },
      script: async (message) => {
        await gate.promise;
        return echo(message);
      },
    });
    fake.sendText(alice, dm, "take your time");
    const [typing] = await fake.waitForCalls("sendChatAction", 1);
    expect(typing?.params).toEqual({ chat_id: 11, action: "typing" });
    gate.resolve();
    await fake.waitForCalls("sendMessage", 1, { okOnly: true });
  });

  it("stop() stops polling and waits for updates being handled", async () => {
    const gate = deferred();
    const { fake, adapter, handler } = await startBot({
      script: async (message) => {
        await gate.promise;
        return echo(message);
      },
    });
    fake.sendText(alice, dm, "slow one");
    await vi.waitFor(() => expect(handler.messages).toHaveLength(1), { timeout: 5000 });
    let stopped = false;
    const stopping = adapter.stop().then(() => {
      stopped = true;
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(stopped).toBe(false);
    gate.resolve();
    await stopping;
    expect(fake.callsOf("sendMessage").map((call) => call.status)).toEqual([200]);
    expect(await adapter.finished).toEqual({ reason: "stopped" });
    const polls = fake.callsOf("getUpdates").length;
    fake.sendText(alice, dm, "after stop");
    await new Promise((resolve) => setImmediate(resolve));
    expect(fake.callsOf("getUpdates")).toHaveLength(polls);
  });
});
