// The Telegram adapter under faults (issue 7): malformed updates in both modes, 409s and network errors while
// polling, a crash with updates in flight, replies that cannot be sent, captions, and chat ids kept out of logs.
import { beforeEach, describe, expect, it, onTestFinished, vi } from "vitest";
import {
  createTelegramAdapter,
  handledUpdateKey,
  type Sleep,
  type TelegramAdapter,
  type UndeliveredReason,
} from "../../../src/adapters/telegram/index.js";
import { createEngine } from "../../../src/node/create-engine.js";
import {
  type FakeTelegram,
  type FakeUpdate,
  fakeUser,
  groupChat,
  privateChat,
  startFakeTelegram,
} from "../../fakes/telegram-api/server.js";
import {
  deferred,
  echo,
  MemorySessionStore,
  RecordingLogger,
  recordingSleep,
  ScriptedHandler,
  serveWebhook,
  startBot,
} from "./support.js";

const alice = fakeUser(11, "Alice", "alice");
const dm = privateChat(alice);
const SECRET = "s3cret-webhook-token_0123456789";
const webhookOptions = { webhook: { url: "https://bot.example.test/telegram", secret: SECRET } };

/** The three updates of the fault campaign that used to stop the bot. */
function poison(fake: FakeTelegram): FakeUpdate[] {
  return [
    // A message without `chat`.
    fake.rawUpdate({ message: { message_id: 901, date: 0, from: alice, text: "poison without chat" } }),
    // `message: null`.
    fake.rawUpdate({ message: null }),
    // A callback_query without `from` and `message`.
    fake.rawUpdate({ callback_query: { id: "cbq-poison", chat_instance: "ci-poison", data: "poison" } }),
  ];
}

function skippedIds(logger: RecordingLogger): unknown[] {
  return logger.entries
    .filter((entry) => entry.msg === "telegram: malformed update skipped")
    .map((entry) => (entry.obj as { updateId?: unknown }).updateId);
}

/** A sleep that does not wait, and records the adapter's readiness each time polling backs off. */
function statusRecordingSleep(adapter: () => TelegramAdapter | undefined): {
  sleep: Sleep;
  statuses: string[];
} {
  const statuses: string[] = [];
  const sleep: Sleep = (_ms, signal) => {
    statuses.push(adapter()?.status() ?? "none");
    return new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      setImmediate(resolve);
    });
  };
  return { sleep, statuses };
}

describe("telegram adapter: malformed updates", () => {
  /** Unhandled rejections and uncaught exceptions: in `crampbot serve` the crash handler exits on each. */
  const escaped: unknown[] = [];
  const onEscape = (error: unknown) => escaped.push(error);
  beforeEach(() => {
    escaped.length = 0;
    process.on("unhandledRejection", onEscape);
    process.on("uncaughtException", onEscape);
    return () => {
      process.off("unhandledRejection", onEscape);
      process.off("uncaughtException", onEscape);
      expect(escaped).toEqual([]);
    };
  });

  it("polling: skips each malformed update without its content, confirms it, and answers the next good one", async () => {
    const { fake, handler, logger, adapter } = await startBot();
    const bad = poison(fake).map((update) => fake.enqueue(update));
    const good = fake.sendText(alice, dm, "good after poison");
    const [sent] = await fake.waitForCalls("sendMessage", 1, { okOnly: true });
    expect(sent?.params.text).toBe("You said: good after poison");
    expect(handler.messages.map((message) => message.text)).toEqual(["good after poison"]);
    expect(skippedIds(logger)).toEqual(bad.map((update) => update.update_id));
    expect(logger.dump()).not.toContain("poison");
    // Their offsets are confirmed: the next poll asks past all four, so nothing comes back as a poison message.
    await vi.waitFor(
      () => expect(fake.callsOf("getUpdates").at(-1)?.params.offset).toBe(good.update_id + 1),
      { timeout: 5000 },
    );
    fake.sendText(alice, dm, "and again");
    await fake.waitForCalls("sendMessage", 2, { okOnly: true });
    expect(skippedIds(logger)).toHaveLength(3);
    expect(adapter.status()).toBe("ok");
  });

  it("polling: a batch of only malformed updates is confirmed too", async () => {
    const { fake, logger } = await startBot();
    const bad = poison(fake).map((update) => fake.enqueue(update));
    const last = bad.at(-1)?.update_id ?? 0;
    await vi.waitFor(() => expect(fake.callsOf("getUpdates").at(-1)?.params.offset).toBe(last + 1), {
      timeout: 5000,
    });
    expect(skippedIds(logger)).toEqual(bad.map((update) => update.update_id));
    fake.sendText(alice, dm, "hello");
    await fake.waitForCalls("sendMessage", 1, { okOnly: true });
  });

  it("webhook: answers 200 to each malformed update (so Telegram does not redeliver it) and goes on", async () => {
    const { fake, adapter, handler, logger } = await startBot({ options: webhookOptions });
    const url = await serveWebhook(adapter);
    const bad = [
      ...poison(fake),
      // Wrong types where the adapter reads: a string chat id, a numeric text, an entity list that is not a list.
      fake.rawUpdate({ message: { message_id: 1, date: 0, chat: { id: "x", type: 5 }, from: alice } }),
      fake.rawUpdate({ message: { message_id: 2, date: 0, chat: dm, from: alice, text: 42 } }),
      fake.rawUpdate({ message: { message_id: 3, date: 0, chat: dm, from: alice, text: "x", entities: {} } }),
      fake.rawUpdate({ callback_query: { id: 7, from: alice, data: "x" } }),
    ];
    for (const update of bad) expect((await fake.postToWebhook(url, update)).status).toBe(200);
    expect(skippedIds(logger)).toEqual(bad.map((update) => update.update_id));
    const good = await fake.postToWebhook(url, fake.textUpdate(alice, dm, "good after poison"));
    expect(good.status).toBe(200);
    // The 200 comes once the reply is sent: Telegram's redelivery covers a crash before that.
    expect(fake.callsOf("sendMessage").map((call) => call.status)).toEqual([200]);
    expect(handler.messages.map((message) => message.text)).toEqual(["good after poison"]);
    expect(logger.dump()).not.toContain("poison");
  });

  it("webhook: bodies that are not updates get 400 and change nothing", async () => {
    const { fake, adapter, handler } = await startBot({ options: webhookOptions });
    const url = await serveWebhook(adapter);
    const any = fake.textUpdate(alice, dm, "unused");
    for (const body of ["null", "[]", '"text"', "42", '{"update_id":-1}', '{"update_id":"5"}']) {
      expect((await fake.postToWebhook(url, any, { body })).status).toBe(400);
    }
    expect((await fake.postToWebhook(url, fake.textUpdate(alice, dm, "fine"))).status).toBe(200);
    expect(handler.messages.map((message) => message.text)).toEqual(["fine"]);
  });
});

describe("telegram adapter: polling under faults", () => {
  it("retries 409s and network errors with capped backoff, reports degraded meanwhile, then answers", async () => {
    let bot: TelegramAdapter | undefined;
    const { sleep, statuses } = statusRecordingSleep(() => bot);
    const { fake, adapter, logger } = await startBot({
      options: { sleep, retryMaxDelayMs: 8000 },
      start: false,
      beforeStart: (f) => {
        f.failNext("getUpdates", 8, { kind: "409" });
        f.failNext("getUpdates", 8, { kind: "drop" });
        f.failNext("getUpdates", 3, { kind: "500" });
      },
    });
    bot = adapter;
    await adapter.start();
    fake.sendText(alice, dm, "are you there?");
    const [sent] = await fake.waitForCalls("sendMessage", 1, { okOnly: true });
    expect(sent?.params.text).toBe("You said: are you there?");
    expect(statuses).toHaveLength(19);
    // One failure is a blip; from the second on, /readyz hears the truth, and which truth.
    expect(statuses[0]).toBe("ok");
    for (const status of statuses.slice(1, 8)) expect(status).toMatch(/^degraded \(getUpdates 409 Conflict/);
    for (const status of statuses.slice(8)) expect(status).toMatch(/^degraded \(.*Bot API unreachable\)$/);
    expect(adapter.status()).toBe("ok");
    expect(logger.at("info").some((entry) => entry.msg?.includes("polling resumed"))).toBe(true);
  });

  it("starts while the Bot API is unreachable, reports degraded, and connects in the background", async () => {
    let bot: TelegramAdapter | undefined;
    const { sleep, statuses } = statusRecordingSleep(() => bot);
    const { fake, adapter } = await startBot({
      options: { sleep },
      start: false,
      beforeStart: (f) => f.failNext("getMe", 3, { kind: "drop" }),
    });
    bot = adapter;
    await adapter.start(); // resolves: the service (and its web chat) does not wait for Telegram
    fake.sendText(alice, dm, "hello once you are up");
    const [sent] = await fake.waitForCalls("sendMessage", 1, { okOnly: true });
    expect(sent?.params.text).toBe("You said: hello once you are up");
    expect(statuses.slice(0, 3)).toEqual(
      Array(3).fill("degraded (Bot API unreachable at start; connecting)"),
    );
    expect(fake.callsOf("getMe").map((call) => call.status)).toEqual([-1, -1, -1, 200]);
    expect(adapter.status()).toBe("ok");
  });

  it("still fails start at once for a rejected token, and stops if the token is rejected while connecting", async () => {
    const rejected = await startBot({
      start: false,
      beforeStart: (f) => f.failNext("getMe", 1, { kind: "error", code: 401, description: "Unauthorized" }),
    });
    await expect(rejected.adapter.start()).rejects.toMatchObject({ code: "TELEGRAM_TOKEN_REJECTED" });

    const later = await startBot({
      start: false,
      beforeStart: (f) => {
        f.failNext("getMe", 1, { kind: "drop" });
        f.failNext("getMe", 1, { kind: "error", code: 401, description: "Unauthorized" });
      },
    });
    await later.adapter.start();
    expect(await later.adapter.finished).toMatchObject({ reason: "unauthorized" });
  });

  // A regression guard for the offset bookkeeping around failures (it passed before the fixes too).
  it("keeps its offset across failures: nothing fetched before a failure is lost or answered twice", async () => {
    const { fake, handler } = await startBot();
    fake.sendText(alice, dm, "one");
    await fake.waitForCalls("sendMessage", 1, { okOnly: true });
    fake.failNext("getUpdates", 5, { kind: "drop" });
    fake.sendText(alice, dm, "two");
    fake.sendText(alice, dm, "three");
    await fake.waitForCalls("sendMessage", 3, { okOnly: true });
    expect(handler.messages.map((message) => message.text)).toEqual(["one", "two", "three"]);
  });
});

describe("telegram adapter: at-least-once delivery", () => {
  it("loses no update when it crashes mid-handling: a new adapter on the same ledger answers the rest once", async () => {
    const fake = await startFakeTelegram();
    const store = new MemorySessionStore();
    const chats = [11, 12, 13].map((id) => fakeUser(id, `User${id}`));
    // The first process answers "quick" and hangs on everything else, then dies.
    const hang = deferred();
    const first = new ScriptedHandler(async (message) => {
      if (message.text !== "quick") await hang.promise;
      return echo(message);
    });
    const { sleep } = recordingSleep();
    const options = {
      token: fake.token,
      apiRoot: fake.apiRoot,
      pollingTimeoutSeconds: 5,
      typingDelayMs: 0,
      sleep,
    };
    const crashed = createTelegramAdapter({ handler: first, store, logger: new RecordingLogger() }, options);
    const [u1, u2, u3] = chats;
    if (!u1 || !u2 || !u3) throw new Error("three users");
    const quick = fake.sendText(u1, privateChat(u1), "quick");
    fake.sendText(u1, privateChat(u1), "queued behind quick");
    fake.sendText(u2, privateChat(u2), "for two");
    fake.sendText(u3, privateChat(u3), "for three");
    fake.sendText(u3, privateChat(u3), "queued in three");
    await crashed.start();
    await vi.waitFor(() => expect(store.entries.has(handledUpdateKey(quick.update_id))).toBe(true), {
      timeout: 5000,
    });
    await vi.waitFor(() => expect(first.messages).toHaveLength(4), { timeout: 5000 });
    // "Crash": the first adapter never finishes nor confirms anything. A restarted one takes over the token.
    const handler = new ScriptedHandler(echo);
    const restarted = createTelegramAdapter({ handler, store, logger: new RecordingLogger() }, options);
    try {
      await restarted.start();
      await fake.waitForCalls("sendMessage", 5, { okOnly: true });
      const texts = fake.sentMessages.map((sent) => sent.message.text).sort();
      expect(texts).toEqual(
        [
          "You said: quick",
          "You said: queued behind quick",
          "You said: for two",
          "You said: for three",
          "You said: queued in three",
        ].sort(),
      );
      // The answered one was not handled again (the ledger); the four in flight were (Telegram redelivered them).
      expect(handler.messages.map((message) => message.text)).not.toContain("quick");
      expect(handler.messages).toHaveLength(4);
    } finally {
      await restarted.stop();
      await fake.close();
      hang.resolve();
      await crashed.stop();
    }
  });

  it("answers the webhook only after the reply is sent and recorded, so a crash before is redelivered", async () => {
    const gate = deferred();
    const { fake, adapter, store } = await startBot({
      options: webhookOptions,
      script: async (message) => {
        await gate.promise;
        return echo(message);
      },
    });
    const url = await serveWebhook(adapter);
    const update = fake.textUpdate(alice, dm, "record me");
    let answered = false;
    const response = fake.postToWebhook(url, update).then((result) => {
      answered = true;
      return result;
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    // Still handling: Telegram has no 200 yet, and the ledger has no record a restarted process would trust.
    expect(answered).toBe(false);
    expect(store.entries.has(handledUpdateKey(update.update_id))).toBe(false);
    gate.resolve();
    expect((await response).status).toBe(200);
    expect(fake.callsOf("sendMessage").map((call) => call.status)).toEqual([200]);
    expect(store.entries.has(handledUpdateKey(update.update_id))).toBe(true);
  });

  it("retries a failing sendMessage with backoff, then counts the reply as undelivered and goes on", async () => {
    const undelivered: UndeliveredReason[] = [];
    const fake = await startFakeTelegram();
    onTestFinished(() => fake.close());
    const logger = new RecordingLogger();
    const store = new MemorySessionStore();
    const { sleep, waits } = recordingSleep();
    const adapter = createTelegramAdapter(
      {
        handler: new ScriptedHandler(echo),
        store,
        logger,
        onUndelivered: (reason) => undelivered.push(reason),
      },
      { token: fake.token, apiRoot: fake.apiRoot, pollingTimeoutSeconds: 5, typingDelayMs: 0, sleep },
    );
    onTestFinished(() => adapter.stop());
    await adapter.start();

    // Two transient failures, then it goes through: delivered, not counted.
    fake.failNext("sendMessage", 1, { kind: "drop" });
    fake.failNext("sendMessage", 1, { kind: "500" });
    fake.sendText(alice, dm, "first");
    await fake.waitForCalls("sendMessage", 1, { okOnly: true });
    expect(fake.callsOf("sendMessage").map((call) => call.status)).toEqual([-1, 500, 200]);
    expect(waits).toEqual([1000, 2000]);
    expect(undelivered).toEqual([]);

    // Four transient failures (every attempt): given up, logged, counted once.
    fake.failNext("sendMessage", 4, { kind: "500" });
    const lost = fake.sendText(alice, dm, "second");
    await vi.waitFor(() => expect(undelivered).toEqual(["unreachable"]), { timeout: 5000 });
    expect(
      fake
        .callsOf("sendMessage")
        .slice(3)
        .map((call) => call.status),
    ).toEqual([500, 500, 500, 500]);
    expect(waits.slice(2)).toEqual([1000, 2000, 4000]);
    expect(logger.at("error").filter((entry) => entry.msg?.includes("reply not delivered"))).toHaveLength(1);
    // Recorded as handled all the same: a reply that cannot be sent does not block the chat forever.
    await vi.waitFor(() => expect(store.entries.has(handledUpdateKey(lost.update_id))).toBe(true));

    // A refusal is not retried: the bot was blocked.
    fake.failNext("sendMessage", 1, {
      kind: "error",
      code: 403,
      description: "Forbidden: bot was blocked by the user",
    });
    fake.sendText(alice, dm, "third");
    await vi.waitFor(() => expect(undelivered).toEqual(["unreachable", "blocked"]), { timeout: 5000 });
    expect(fake.callsOf("sendMessage")).toHaveLength(8);

    fake.sendText(alice, dm, "fourth");
    await fake.waitForCalls("sendMessage", 2, { okOnly: true });
    expect(fake.sentMessages.map((sent) => sent.message.text)).toEqual([
      "You said: first",
      "You said: fourth",
    ]);
    expect(adapter.status()).toBe("ok");
  });

  it("reports degraded while replies keep failing because the Bot API is unreachable", async () => {
    const { fake, adapter } = await startBot({ options: { sendAttempts: 2 } });
    fake.failNext("sendMessage", 4, { kind: "drop" });
    fake.sendText(alice, dm, "one");
    fake.sendText(alice, dm, "two");
    await vi.waitFor(() => expect(fake.callsOf("sendMessage")).toHaveLength(4), { timeout: 5000 });
    await vi.waitFor(() => expect(adapter.status()).toMatch(/^degraded \(sendMessage failing/));
    fake.sendText(alice, dm, "three");
    await fake.waitForCalls("sendMessage", 1, { okOnly: true });
    await vi.waitFor(() => expect(adapter.status()).toBe("ok"));
  });
});

describe("telegram adapter: captions", () => {
  async function engineBot() {
    const fake = await startFakeTelegram();
    onTestFinished(() => fake.close());
    const store = new MemorySessionStore();
    const engine = createEngine({ store });
    const intents: string[] = [];
    const handler = {
      async handle(message: Parameters<typeof engine.handle>[0]) {
        const reply = await engine.handle(message);
        intents.push(reply.intent);
        return reply;
      },
    };
    const adapter = createTelegramAdapter(
      { handler, store, logger: new RecordingLogger() },
      { token: fake.token, apiRoot: fake.apiRoot, pollingTimeoutSeconds: 5, typingDelayMs: 0 },
    );
    onTestFinished(() => adapter.stop());
    await adapter.start();
    return { fake, intents };
  }

  it("reads a photo's caption as text: a red flag in it gets the urgent reply", async () => {
    const { fake, intents } = await engineBot();
    fake.sendMedia(alice, dm, "photo", { caption: "my calf is swollen, red and hot after the cramp" });
    await fake.waitForCalls("sendMessage", 1, { okOnly: true });
    expect(intents).toEqual(["urgent"]);
    expect(fake.sentMessages[0]?.message.text).toMatch(/medical help|urgent|doctor|emergency|now/i);
  });

  it("reads a document's caption as a question, and still says so for a photo without one", async () => {
    const { fake, handler } = await startBot();
    fake.sendMedia(alice, dm, "document", { caption: "is magnesium in this list?" });
    fake.sendMedia(alice, dm, "photo");
    await fake.waitForCalls("sendMessage", 2, { okOnly: true });
    expect(handler.messages.map((message) => [message.kind, message.text])).toEqual([
      ["text", "is magnesium in this list?"],
      ["unsupported", undefined],
    ]);
  });

  it("in a group, answers a captioned photo that mentions the bot and ignores one that does not", async () => {
    const { fake, handler } = await startBot();
    const group = groupChat(-100500, "Cramp club");
    fake.sendMedia(alice, group, "photo", { caption: "look at this" });
    fake.sendMedia(alice, group, "photo", { caption: "@CrampTestBot does stretching help?" });
    await fake.waitForCalls("sendMessage", 1, { okOnly: true });
    expect(handler.messages.map((message) => message.text)).toEqual(["does stretching help?"]);
  });
});

describe("telegram adapter: no chat id in any log line", () => {
  it("logs the conversation's short hash, never a chat id, through failures of every kind", async () => {
    const person = fakeUser(730_519_284, "Private Person");
    const chat = privateChat(person);
    const group = groupChat(-1_009_876_543_210, "Secret group");
    const ids = [String(person.id), String(group.id), String(Math.abs(group.id))];
    const { fake, logger } = await startBot({
      options: { typingDelayMs: 0 },
      script: (message, call) => {
        if (call === 2) throw new Error(`engine failed for ${message.conversationId}`);
        return echo(message);
      },
    });
    const calls = (count: number) =>
      vi.waitFor(() => expect(fake.callsOf("sendMessage")).toHaveLength(count), { timeout: 5000 });
    fake.sendText(person, chat, "hello");
    await calls(1);
    fake.sendText(person, chat, "handler fails");
    await calls(2);
    fake.failNext("sendMessage", 4, { kind: "500" });
    fake.sendText(person, chat, "send fails");
    await calls(6);
    fake.failNext("sendMessage", 1, { kind: "error", code: 400, description: "Bad Request: chat not found" });
    fake.sendText(person, group, "@CrampTestBot in the group");
    await calls(7);
    fake.failNext("sendMessage", 1, { kind: "error", code: 403, description: "Forbidden: bot was kicked" });
    fake.sendText(person, chat, "blocked");
    await calls(8);
    fake.enqueue(fake.rawUpdate({ message: { message_id: 5, date: 0, from: person, text: "no chat" } }));
    fake.enqueue(
      fake.rawUpdate({ message: { message_id: 6, date: 0, chat: { id: group.id }, from: person } }),
    );
    fake.sendText(person, chat, "last");
    await fake.waitForCalls("sendMessage", 3, { okOnly: true });
    await vi.waitFor(() =>
      expect(logger.entries.filter((e) => e.msg?.includes("not delivered"))).toHaveLength(3),
    );
    const everything = logger.dump();
    expect(logger.entries.length).toBeGreaterThan(10);
    for (const id of ids) expect(everything).not.toContain(id);
    // What is logged instead: the same 12-hex-digit hash the engine logs.
    expect(everything).toMatch(/"conversation":"[0-9a-f]{12}"/);
  });
});
