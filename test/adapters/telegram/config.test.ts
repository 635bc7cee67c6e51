// TELEGRAM_TOKEN and webhook configuration errors of the Telegram adapter.
import { describe, expect, it } from "vitest";
import {
  createTelegramAdapter,
  TelegramConfigError,
  telegramOptionsFromEnv,
} from "../../../src/adapters/telegram/index.js";
import { echo, MemorySessionStore, RecordingLogger, ScriptedHandler, startBot } from "./support.js";

const deps = () => ({
  handler: new ScriptedHandler(echo),
  store: new MemorySessionStore(),
  logger: new RecordingLogger(),
});

function configError(run: () => unknown): TelegramConfigError {
  try {
    run();
  } catch (err) {
    if (err instanceof TelegramConfigError) return err;
    throw err;
  }
  throw new Error("expected a TelegramConfigError");
}

describe("telegram adapter: configuration", () => {
  it("names TELEGRAM_TOKEN when the token is missing", () => {
    const err = configError(() => createTelegramAdapter(deps(), { token: "" }));
    expect(err).toBeInstanceOf(Error);
    expect(err.code).toBe("TELEGRAM_TOKEN_MISSING");
    expect(err.message).toContain("TELEGRAM_TOKEN");
  });

  it.each([
    ["no colon", "1234567890abcdefghijklmnopqrstuvwxyz"],
    ["a leading bot", "bot123456:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"],
    ["a trailing newline", "123456:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw\n"],
    ["a placeholder", "your-token-here"],
  ])("rejects a malformed token (%s) without echoing it", (_label, token) => {
    const err = configError(() => createTelegramAdapter(deps(), { token }));
    expect(err.code).toBe("TELEGRAM_TOKEN_MALFORMED");
    expect(err.message).toContain("TELEGRAM_TOKEN");
    expect(err.message).not.toContain(token.trim());
  });

  it("rejects a webhook without https or with a weak secret", () => {
    const token = "123456:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";
    const plain = configError(() =>
      createTelegramAdapter(deps(), {
        token,
        webhook: { url: "http://example.test/hook", secret: "a".repeat(32) },
      }),
    );
    expect(plain.code).toBe("TELEGRAM_WEBHOOK_INVALID");
    const weak = configError(() =>
      createTelegramAdapter(deps(), {
        token,
        webhook: { url: "https://example.test/hook", secret: "short" },
      }),
    );
    expect(weak.code).toBe("TELEGRAM_WEBHOOK_INVALID");
  });

  it("reads options from the environment", () => {
    const token = "123456:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";
    expect(
      telegramOptionsFromEnv({ TELEGRAM_TOKEN: token, TELEGRAM_API_ROOT: "http://127.0.0.1:8081" }),
    ).toEqual({
      token,
      apiRoot: "http://127.0.0.1:8081",
    });
    expect(configError(() => telegramOptionsFromEnv({})).code).toBe("TELEGRAM_TOKEN_MISSING");
    expect(
      configError(() =>
        telegramOptionsFromEnv({ TELEGRAM_TOKEN: token, TELEGRAM_WEBHOOK_URL: "https://x.test/" }),
      ).code,
    ).toBe("TELEGRAM_WEBHOOK_INVALID");
  });

  it("fails start() with TELEGRAM_TOKEN_REJECTED when Telegram refuses the token", async () => {
    const { fake, adapter, logger } = await startBot({
      options: { token: "987654:AAThisTokenIsWellFormedButUnknown00" },
      start: false,
    });
    const err = await adapter.start().then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(err).toBeInstanceOf(TelegramConfigError);
    expect((err as TelegramConfigError).code).toBe("TELEGRAM_TOKEN_REJECTED");
    expect((err as TelegramConfigError).message).toContain("TELEGRAM_TOKEN");
    expect((err as TelegramConfigError).cause).toBeDefined();
    expect(fake.callsOf("getMe").map((call) => call.status)).toEqual([401]);
    expect(fake.callsOf("getUpdates")).toHaveLength(0);
    expect(logger.dump()).not.toContain("AAThisTokenIsWellFormedButUnknown00");
  });

  it("fails start() with TELEGRAM_WEBHOOK_REJECTED when Telegram refuses the webhook", async () => {
    const { adapter } = await startBot({
      options: { webhook: { url: "https://bot.example.test/telegram", secret: "x".repeat(32) } },
      beforeStart: (fake) =>
        fake.failNext("setWebhook", 1, {
          kind: "error",
          code: 400,
          description: "Bad Request: bad webhook: Failed to resolve host: Name or service not known",
        }),
      start: false,
    });
    const err = await adapter.start().then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(err).toBeInstanceOf(TelegramConfigError);
    expect((err as TelegramConfigError).code).toBe("TELEGRAM_WEBHOOK_REJECTED");
    expect((err as TelegramConfigError).message).toContain("Failed to resolve host");
  });
});
