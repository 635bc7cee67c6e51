// Secrets never reach a log line, and message text never at info: the service started with fake tokens, a webhook
// secret and a password-bearing REDIS_URL, driven over Telegram (webhook) and Discord (DM) at debug and at info.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig, secretsOf } from "../../src/service/config.js";
import { createServiceLogger, REDACTED, secretScrubber } from "../../src/service/logger.js";
import { createService } from "../../src/service/service.js";
import { FakeDiscord } from "../fakes/discord/index.js";
import { fakeUser, privateChat, startFakeTelegram } from "../fakes/telegram-api/server.js";
import { type RedisServer, startRedisServer } from "../support/redis-server.js";
import { describeNeeding, REDIS_SERVER } from "../support/system-programs.js";
import { LogCapture } from "./support.js";

const TELEGRAM_TOKEN = "123456789:AAFakeTokenForLocalTestsOnly_0123456";
const WEBHOOK_SECRET = "Webhook_Secret-For-Log-Tests-0042";
const REDIS_PASSWORD = "pw:S3cret/Redis@Pass-42";
/** Message text that must show at debug and never at info. */
const QUESTION = "how much magnesium should I take for my quokka-shaped cramps?";
const DISCORD_QUESTION = "do bananas help with wombat-sized cramps?";

const alice = fakeUser(11, "Alice", "alice");
const dm = privateChat(alice);

describe("secretScrubber", () => {
  it("replaces the value, its URL-encoded and its JSON-escaped forms, and skips very short values", () => {
    const scrub = secretScrubber(['p@ss/wo"rd', "ab"]);
    expect(scrub('x p@ss/wo"rd y')).toBe(`x ${REDACTED} y`);
    expect(scrub("redis://:p%40ss%2Fwo%22rd@host")).toBe(`redis://:${REDACTED}@host`);
    expect(scrub(JSON.stringify({ v: 'p@ss/wo"rd' }))).toBe(`{"v":"${REDACTED}"}`);
    expect(scrub("ab stays")).toBe("ab stays");
  });
});

describe("service logger", () => {
  it("scrubs known secrets from fields, keys, messages, errors and child bindings; redacts secret fields", () => {
    const capture = new LogCapture();
    const secret = "0123456789:Very-Secret-Token-Value";
    const logger = createServiceLogger({ level: "debug", secrets: [secret], destination: capture });
    logger.info(
      { url: `https://api.telegram.org/bot${secret}/getMe`, nested: { deep: [secret] } },
      `a ${secret}`,
    );
    logger.error(new Error(`request to /bot${secret}/sendMessage failed`), "send failed");
    logger.warn({ err: new TypeError(`bad ${encodeURIComponent(secret)}`) }, "warned %s", secret);
    logger.child({ binding: secret }).info({ [secret]: 1 }, "child");
    logger.info({ token: "anything", headers: { authorization: "Bot abc" }, password: "pw" }, "named fields");
    const entries = capture.entries();
    expect(entries).toHaveLength(5);
    expect(capture.text).not.toContain(secret);
    expect(capture.text).not.toContain("Very-Secret-Token-Value");
    expect(capture.text).toContain(REDACTED);
    expect(entries[1]).toMatchObject({ msg: "send failed", err: { type: "Error" } });
    expect(entries[4]).toMatchObject({
      token: REDACTED,
      password: REDACTED,
      headers: { authorization: REDACTED },
    });
  });

  it("omits a text field at info and above, keeps it at debug", () => {
    const capture = new LogCapture();
    const logger = createServiceLogger({ level: "debug", destination: capture });
    logger.debug({ text: "debug text" }, "d");
    logger.info({ text: "info text" }, "i");
    logger.error({ text: "error text" }, "e");
    expect(capture.entries().map((entry) => entry.text)).toEqual(["debug text", "[omitted]", "[omitted]"]);
  });
});

const describeLive = describeNeeding(
  REDIS_SERVER,
  "service log scrubbing with a REDIS_URL password (test/service/logging.test.ts)",
);

describeLive("service logs with fake tokens, a webhook secret and a REDIS_URL password", () => {
  let redis: RedisServer;
  let discord: FakeDiscord;

  beforeAll(async () => {
    redis = await startRedisServer({ password: REDIS_PASSWORD });
    discord = await FakeDiscord.start();
  }, 20_000);

  afterAll(async () => {
    await discord?.close();
    await redis?.stop();
  });

  async function run(level: "debug" | "info"): Promise<{ capture: LogCapture; secrets: string[] }> {
    const telegram = await startFakeTelegram({ token: TELEGRAM_TOKEN });
    const capture = new LogCapture();
    const env = {
      PORT: "0",
      LOG_LEVEL: level,
      // A database of its own per run: the Telegram ledger remembers update ids, and each fake starts at the same id.
      REDIS_URL: redis.url.replace(/\/0$/, level === "debug" ? "/1" : "/2"),
      TELEGRAM_TOKEN,
      TELEGRAM_API_ROOT: telegram.apiRoot,
      TELEGRAM_WEBHOOK_URL: "https://bot.example.test/telegram",
      TELEGRAM_WEBHOOK_SECRET: WEBHOOK_SECRET,
      DISCORD_TOKEN: discord.token,
      DISCORD_APPLICATION_ID: discord.applicationId,
      DISCORD_API_ROOT: discord.apiRoot,
    };
    const config = loadConfig(env);
    const service = createService(config, {
      logDestination: capture,
      defaultMetrics: false,
      telegram: { typingDelayMs: 0 },
      discord: { typingDelayMs: 0 },
    });
    try {
      await service.start();
      const hook = `${service.url}/telegram`;
      // A good update, one with a wrong secret, and a reply Telegram refuses once (an error log with the token).
      expect((await telegram.postToWebhook(hook, telegram.textUpdate(alice, dm, QUESTION))).status).toBe(200);
      await telegram.waitForCalls("sendMessage", 1, { okOnly: true });
      expect(
        (await telegram.postToWebhook(hook, telegram.textUpdate(alice, dm, "forged"), { secret: "nope" }))
          .status,
      ).toBe(401);
      telegram.failNext("sendMessage", 1, {
        kind: "error",
        code: 400,
        description: "Bad Request: chat not found",
      });
      await telegram.postToWebhook(hook, telegram.textUpdate(alice, dm, "/checkup"));
      await telegram.waitForCalls("sendMessage", 2);
      // A Discord DM.
      const sent = discord.sendDirectMessage(discord.user("Alice"), DISCORD_QUESTION);
      await discord.waitForOutgoing({ channelId: sent.channel_id }, { timeoutMs: 8_000 });
      // The adapters are careful already; a careless log line (a library error carrying the request URL, a config
      // object, message text at info) must be cleaned by the service logger that every adapter gets.
      service.logger.warn(
        {
          err: new Error(`GET ${telegram.apiRoot}/bot${TELEGRAM_TOKEN}/getMe failed`),
          settings: { redis: env.REDIS_URL, header: `Bot ${discord.token}`, hook: WEBHOOK_SECRET },
        },
        `simulated library error (${env.REDIS_URL})`,
      );
      service.logger.info({ text: QUESTION }, "simulated careless log");
      // Readiness (logs nothing secret either) and the log lines of an engine answer are in.
      expect((await fetch(`${service.url}/readyz`)).status).toBe(200);
    } finally {
      await service.stop();
      await telegram.close();
    }
    return { capture, secrets: secretsOf(config) };
  }

  function expectNoSecrets(capture: LogCapture, secrets: string[]): void {
    expect(secrets).toEqual(
      expect.arrayContaining([TELEGRAM_TOKEN, WEBHOOK_SECRET, REDIS_PASSWORD, discord.token]),
    );
    const forms = [...secrets, encodeURIComponent(REDIS_PASSWORD), "AAFakeTokenForLocalTestsOnly_0123456"];
    for (const line of capture.lines) {
      JSON.parse(line); // every line is JSON
      for (const secret of forms) expect(line).not.toContain(secret);
    }
  }

  it("at debug: message text is logged, no secret is", async () => {
    const { capture, secrets } = await run("debug");
    expect(capture.lines.length).toBeGreaterThan(10);
    expect(capture.text).toContain(QUESTION);
    expect(capture.text).toContain(DISCORD_QUESTION);
    expect(capture.text).toContain("crampbot serving");
    expect(capture.text).toContain("redis://***@127.0.0.1");
    expectNoSecrets(capture, secrets);
  }, 30_000);

  it("at info: neither message text nor any secret is logged", async () => {
    const { capture, secrets } = await run("info");
    const messages = capture.entries().map((entry) => entry.msg);
    expect(messages).toEqual(expect.arrayContaining(["crampbot serving", "reply", "stopped"]));
    expect(capture.text).not.toContain("quokka");
    expect(capture.text).not.toContain("wombat");
    expect(capture.text).not.toContain("/checkup");
    expectNoSecrets(capture, secrets);
  }, 30_000);
});
