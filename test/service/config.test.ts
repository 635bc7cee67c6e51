// The service configuration: defaults, one problem line per bad variable naming it, secrets never echoed.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ConfigError, ENV_DEFAULTS, loadConfig, parseConfig, secretsOf } from "../../src/service/config.js";

const TELEGRAM_TOKEN = "123456789:AAFakeTokenForLocalTestsOnly_0123456";
const DISCORD_TOKEN = "MTEwMDAwMDAwMDAwMDAwMDAwMQ.ZmFrZQ.ZmFrZS1kaXNjb3JkLXRva2VuLWZvci1sb2NhbC11c2U";
const DISCORD_APPLICATION_ID = "1100000000000000001";

function problems(env: Record<string, string>): string[] {
  const result = parseConfig(env);
  if (result.ok) throw new Error("expected problems");
  return result.problems;
}

describe("service config", () => {
  it("has the documented defaults", () => {
    expect(loadConfig({})).toEqual({
      port: 3000,
      host: "127.0.0.1",
      logLevel: "info",
      databasePath: "./data/crampbot.db",
      redisUrl: undefined,
      rateLimitPerMinute: 20,
      maxMessageLength: 2000,
      web: { allowedOrigins: [] },
      telegram: undefined,
      discord: undefined,
      shutdownTimeoutMs: 10_000,
      reviewLog: false,
      reviewRetentionDays: 30,
      engineThread: "main",
    });
  });

  it("treats empty values as unset", () => {
    expect(loadConfig({ PORT: "", REDIS_URL: " ", TELEGRAM_TOKEN: "" }).port).toBe(3000);
  });

  it("names the two places the engine can run when ENGINE_THREAD is neither", () => {
    expect(problems({ ENGINE_THREAD: "both" })).toEqual([
      'ENGINE_THREAD must be main or worker (got "both")',
    ]);
  });

  it("reads every variable", () => {
    const config = loadConfig({
      PORT: "0",
      HOST: "0.0.0.0",
      LOG_LEVEL: "DEBUG",
      DATABASE_PATH: "/data/crampbot.db",
      REDIS_URL: "redis://:pw-secret@cache:6379/1",
      RATE_LIMIT_PER_MINUTE: "60",
      MAX_MESSAGE_LENGTH: "500",
      ALLOWED_ORIGINS: "https://example.com, http://localhost:8080/ ,https://example.com",
      TELEGRAM_TOKEN,
      TELEGRAM_API_ROOT: "http://127.0.0.1:8081",
      TELEGRAM_WEBHOOK_URL: "https://bot.example.com/telegram",
      TELEGRAM_WEBHOOK_SECRET: "a-webhook-secret-0123456789",
      DISCORD_TOKEN,
      DISCORD_APPLICATION_ID,
      DISCORD_API_ROOT: "http://127.0.0.1:47123",
      SHUTDOWN_TIMEOUT_MS: "2500",
      REVIEW_LOG: "true",
      REVIEW_RETENTION_DAYS: "14",
      ENGINE_THREAD: " Worker ",
    });
    expect(config).toEqual({
      port: 0,
      host: "0.0.0.0",
      logLevel: "debug",
      databasePath: "/data/crampbot.db",
      redisUrl: "redis://:pw-secret@cache:6379/1",
      rateLimitPerMinute: 60,
      maxMessageLength: 500,
      web: { allowedOrigins: ["https://example.com", "http://localhost:8080"] },
      telegram: {
        token: TELEGRAM_TOKEN,
        apiRoot: "http://127.0.0.1:8081",
        webhook: { url: "https://bot.example.com/telegram", secret: "a-webhook-secret-0123456789" },
      },
      discord: {
        token: DISCORD_TOKEN,
        applicationId: DISCORD_APPLICATION_ID,
        apiRoot: "http://127.0.0.1:47123",
        sharding: { mode: "off" },
      },
      shutdownTimeoutMs: 2500,
      reviewLog: true,
      reviewRetentionDays: 14,
      engineThread: "worker",
    });
    expect(secretsOf(config).sort()).toEqual(
      [
        TELEGRAM_TOKEN,
        "AAFakeTokenForLocalTestsOnly_0123456",
        "a-webhook-secret-0123456789",
        DISCORD_TOKEN,
        "pw-secret",
      ].sort(),
    );
  });

  it("reports every problem at once, one line each, naming the variable", () => {
    const lines = problems({
      PORT: "80a",
      HOST: "bad host",
      LOG_LEVEL: "loud",
      RATE_LIMIT_PER_MINUTE: "0",
      MAX_MESSAGE_LENGTH: "-5",
      ALLOWED_ORIGINS: "https://ok.example, https://example.com/path",
      SHUTDOWN_TIMEOUT_MS: "soon",
    });
    expect(lines).toHaveLength(7);
    for (const [index, name] of [
      "PORT",
      "HOST",
      "LOG_LEVEL",
      "RATE_LIMIT_PER_MINUTE",
      "MAX_MESSAGE_LENGTH",
      "ALLOWED_ORIGINS",
      "SHUTDOWN_TIMEOUT_MS",
    ].entries()) {
      expect(lines[index]).toMatch(new RegExp(`^${name}\\b`));
    }
    for (const line of lines) expect(line).not.toContain("\n");
    expect(lines[0]).toContain('"80a"');
    expect(lines[5]).toContain("https://example.com/path");
  });

  it("never echoes a secret in a problem line", () => {
    const secrets = {
      TELEGRAM_TOKEN: "bot123:not-really-a-valid-token",
      TELEGRAM_WEBHOOK_SECRET: "short secret!",
      DISCORD_TOKEN: "Bot some.discord.secretvalue",
      DISCORD_APPLICATION_ID: DISCORD_APPLICATION_ID,
      REDIS_URL: "http://user:hunter2-password@cache:6379",
      TELEGRAM_WEBHOOK_URL: "https://bot.example.com/telegram",
    };
    const lines = problems(secrets);
    const text = lines.join("\n");
    expect(lines.map((line) => line.split(" ")[0])).toEqual([
      "REDIS_URL",
      "TELEGRAM_TOKEN",
      "TELEGRAM_WEBHOOK_SECRET",
      "DISCORD_TOKEN",
    ]);
    for (const value of ["not-really-a-valid-token", "short secret!", "discord.secretvalue", "hunter2"]) {
      expect(text).not.toContain(value);
    }
  });

  it("checks variables that only work together", () => {
    expect(problems({ TELEGRAM_TOKEN, TELEGRAM_WEBHOOK_URL: "https://bot.example.com/t" })).toEqual([
      expect.stringMatching(/^TELEGRAM_WEBHOOK_SECRET is not set/),
    ]);
    expect(problems({ TELEGRAM_WEBHOOK_SECRET: "a-webhook-secret-0123456789" })).toEqual([
      expect.stringMatching(/^TELEGRAM_WEBHOOK_SECRET is set but TELEGRAM_TOKEN is not/),
    ]);
    expect(problems({ DISCORD_TOKEN })).toEqual([
      expect.stringMatching(/^DISCORD_APPLICATION_ID is not set/),
    ]);
    expect(problems({ DISCORD_APPLICATION_ID })).toEqual([
      expect.stringMatching(/^DISCORD_APPLICATION_ID is set but DISCORD_TOKEN is not/),
    ]);
    expect(problems({ TELEGRAM_TOKEN, TELEGRAM_WEBHOOK_URL: "http://insecure.example.com/t" })).toEqual([
      expect.stringMatching(/^TELEGRAM_WEBHOOK_URL must be an absolute https:\/\/ URL/),
      expect.stringMatching(/^TELEGRAM_WEBHOOK_SECRET is not set/),
    ]);
  });

  it("throws a ConfigError carrying the problem lines", () => {
    expect(() => loadConfig({ PORT: "99999" })).toThrow(ConfigError);
    try {
      loadConfig({ PORT: "99999" });
    } catch (error) {
      expect((error as ConfigError).problems).toEqual([
        expect.stringMatching(/^PORT must be a whole number/),
      ]);
      expect((error as ConfigError).code).toBe("E_CONFIG");
    }
  });

  it("lists every variable and its default in .env.example, leaving the ones the Docker image sets unset", () => {
    const example = readFileSync(new URL("../../.env.example", import.meta.url), "utf8");
    // The image sets these; a value in an env file made from .env.example would override it.
    const setByImage = ["HOST", "PORT", "DATABASE_PATH", "SHUTDOWN_TIMEOUT_MS"];
    for (const [name, value] of Object.entries(ENV_DEFAULTS)) {
      const line = example.split("\n").find((l) => new RegExp(`^#?\\s*${name}=`).test(l));
      expect(line, name).toBeDefined();
      const commented = setByImage.includes(name) ? "# " : "";
      if (value !== "") expect(line, name).toBe(`${commented}${name}=${value}`);
      if (setByImage.includes(name)) expect(line, name).toMatch(/^# /);
    }
  });
});
