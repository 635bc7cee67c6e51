// The Telegram adapter in webhook mode: setWebhook at start, the secret header, body limits, fast acks.
import { describe, expect, it } from "vitest";
import { fakeUser, privateChat } from "../../fakes/telegram-api/server.js";
import { serveWebhook, startBot } from "./support.js";

const alice = fakeUser(11, "Alice", "alice");
const dm = privateChat(alice);
const SECRET = "s3cret-webhook-token_0123456789";
const webhookOptions = {
  webhook: { url: "https://bot.example.test/telegram", secret: SECRET, maxBodyBytes: 2048 },
};

describe("telegram adapter: webhook mode", () => {
  it("registers the webhook with its secret at start and never polls", async () => {
    const { fake, adapter } = await startBot({ options: webhookOptions });
    expect(adapter.mode).toBe("webhook");
    expect(adapter.webhookPath).toBe("/telegram");
    const [call] = fake.callsOf("setWebhook");
    expect(call?.params).toMatchObject({
      url: "https://bot.example.test/telegram",
      secret_token: SECRET,
      allowed_updates: ["message", "callback_query"],
    });
    expect(fake.callsOf("setMyCommands")).toHaveLength(1);
    expect(fake.callsOf("getUpdates")).toHaveLength(0);
  });

  it("processes an update delivered with the right secret", async () => {
    const { fake, adapter, handler } = await startBot({ options: webhookOptions });
    const url = await serveWebhook(adapter);
    const response = await fake.postToWebhook(url, fake.textUpdate(alice, dm, "night cramps?"));
    expect(response.status).toBe(200);
    const [sent] = await fake.waitForCalls("sendMessage", 1, { okOnly: true });
    expect(sent?.params.text).toBe("You said: night cramps?");
    expect(handler.messages.map((message) => message.conversationId)).toEqual(["telegram:11"]);
  });

  it("answers 401 to a wrong or missing secret and processes nothing", async () => {
    const { fake, adapter, handler } = await startBot({ options: webhookOptions });
    const url = await serveWebhook(adapter);
    const wrong = await fake.postToWebhook(url, fake.textUpdate(alice, dm, "forged 1"), {
      secret: "not-the-secret",
    });
    const sameLength = await fake.postToWebhook(url, fake.textUpdate(alice, dm, "forged 2"), {
      secret: SECRET.replace("s", "S"),
    });
    const missing = await fake.postToWebhook(url, fake.textUpdate(alice, dm, "forged 3"), { secret: null });
    expect([wrong.status, sameLength.status, missing.status]).toEqual([401, 401, 401]);
    // A genuine update afterwards is the only thing handled.
    await fake.postToWebhook(url, fake.textUpdate(alice, dm, "genuine"));
    await fake.waitForCalls("sendMessage", 1, { okOnly: true });
    expect(handler.messages.map((message) => message.text)).toEqual(["genuine"]);
    expect(fake.callsOf("sendMessage")).toHaveLength(1);
  });

  it("answers a redelivered update once", async () => {
    const { fake, adapter, handler } = await startBot({ options: webhookOptions });
    const url = await serveWebhook(adapter);
    const update = fake.textUpdate(alice, dm, "once please");
    expect((await fake.postToWebhook(url, update)).status).toBe(200);
    expect((await fake.postToWebhook(url, update)).status).toBe(200);
    await fake.postToWebhook(url, fake.textUpdate(alice, dm, "next"));
    await fake.waitForCalls("sendMessage", 2, { okOnly: true });
    expect(handler.messages.map((message) => message.text)).toEqual(["once please", "next"]);
  });

  it("rejects oversized and malformed bodies", async () => {
    const { fake, adapter, handler } = await startBot({ options: webhookOptions });
    const url = await serveWebhook(adapter);
    const big = fake.textUpdate(alice, dm, "x".repeat(4000));
    expect((await fake.postToWebhook(url, big)).status).toBe(413);
    expect((await fake.postToWebhook(url, big, { body: "{not json" })).status).toBe(400);
    expect((await fake.postToWebhook(url, big, { body: '{"message":{}}' })).status).toBe(400);
    const get = await fetch(url);
    expect(get.status).toBe(405);
    expect(handler.messages).toHaveLength(0);
  });

  it("answers 404 in polling mode and 503 before start", async () => {
    const polling = await startBot();
    const pollingUrl = await serveWebhook(polling.adapter);
    const update = polling.fake.textUpdate(alice, dm, "hi");
    expect((await polling.fake.postToWebhook(pollingUrl, update, { secret: SECRET })).status).toBe(404);

    const notStarted = await startBot({ options: webhookOptions, start: false });
    const url = await serveWebhook(notStarted.adapter);
    const early = notStarted.fake.textUpdate(alice, dm, "too early");
    expect((await notStarted.fake.postToWebhook(url, early, { secret: SECRET })).status).toBe(503);
  });
});
