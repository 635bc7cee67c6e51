/**
 * `crampbot serve` (npm start): parse the configuration, create the service, start it, wait for SIGTERM or SIGINT,
 * stop it. Configuration and start-up problems are one line each on standard error (never a stack trace) and exit 1;
 * so is a DATABASE_PATH folder this user cannot write (./data-dir.ts).
 * A stop that outlasts SHUTDOWN_TIMEOUT_MS exits 1; a second signal exits at once. SIGHUP, and any change to the
 * files of knowledge/ or intents/, reloads the data behind the eval gate (reload.ts).
 */
import type { Platform } from "../adapters/shared/contract.js";
import type { CrampBotError } from "../core/errors.js";
import type { Logger } from "../core/types.js";
import { type Config, parseConfig, secretsOf } from "./config.js";
import { dataDirProblem } from "./data-dir.js";
import { secretScrubber } from "./logger.js";
import { PLATFORMS } from "./platforms.js";
import { createService, type Service } from "./service.js";

type Env = Record<string, string | undefined>;

/** `platforms`: the adapter table (default: all of PLATFORMS; a Discord shard process passes Discord's alone). */
export async function serve(
  env: Env = process.env,
  platforms: readonly Platform[] = PLATFORMS,
): Promise<number> {
  const parsed = parseConfig(env, platforms);
  if (!parsed.ok) {
    for (const problem of parsed.problems) process.stderr.write(`crampbot: ${problem}\n`);
    return 1;
  }
  const config = parsed.config;
  // Before anything starts: a folder SQLite cannot write gets a line that says how to fix it.
  const dataProblem = config.redisUrl ? undefined : dataDirProblem(config.databasePath);
  if (dataProblem) {
    process.stderr.write(`crampbot: ${dataProblem}\n`);
    return 1;
  }
  const scrub = secretScrubber(secretsOf(config));
  const fail = (error: unknown): number => {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`crampbot: ${scrub(message.split("\n")[0] ?? message)}\n`);
    return 1;
  };

  let service: Service;
  try {
    // Every configured platform of the table runs; the web chat always (it needs no token and no other server).
    service = createService(
      config,
      platforms === PLATFORMS ? { watchData: true } : { watchData: true, platforms },
    );
  } catch (error) {
    return fail(error);
  }
  installCrashHandlers(service.logger);
  const running = service;
  const onHangup = () => void running.reload("SIGHUP");
  process.on("SIGHUP", onHangup);
  const signal = waitForSignal();
  const starting = service.start();
  // A signal during start-up stops the service half-started; start() then fails, which is expected.
  starting.catch(() => {});
  try {
    await Promise.race([starting, signal.received]);
  } catch (error) {
    service.logger.error({ err: errorSummary(error) }, "start failed");
    return exitSoon(fail(error));
  }
  if (!signal.wasReceived() && platforms === PLATFORMS) {
    process.stderr.write(
      `CrampBot is running: open ${service.url} for the web chat (health: /healthz, readiness: /readyz, metrics: /metrics). ` +
        `Adapters: ${adapterNames(config) || "none — set TELEGRAM_TOKEN or DISCORD_TOKEN"}. Press Ctrl+C to stop.\n`,
    );
  }
  const name = await signal.received;
  process.off("SIGHUP", onHangup);
  service.logger.info({ signal: name, timeoutMs: config.shutdownTimeoutMs }, "signal received; stopping");
  // The hard limit: whatever still runs after SHUTDOWN_TIMEOUT_MS does not keep the process alive.
  const watchdog = setTimeout(() => {
    process.stderr.write(
      `crampbot: shutdown took longer than SHUTDOWN_TIMEOUT_MS (${config.shutdownTimeoutMs} ms)\n`,
    );
    process.exit(1);
  }, config.shutdownTimeoutMs);
  watchdog.unref();
  const again = () => {
    process.stderr.write("crampbot: second signal; exiting now\n");
    process.exit(1);
  };
  process.once("SIGTERM", again);
  process.once("SIGINT", again);

  let code = 0;
  try {
    await service.stop();
  } catch (error) {
    code = fail(error);
  }
  clearTimeout(watchdog);
  process.off("SIGTERM", again);
  process.off("SIGINT", again);
  return exitSoon(code);
}

/** Everything is closed: should a library still hold a handle open, do not wait for it. */
function exitSoon(code: number): number {
  setTimeout(() => process.exit(code), 500).unref();
  return code;
}

function errorSummary(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: String(error) };
  return { name: error.name, message: error.message, code: (error as CrampBotError).code };
}

/** The configured platforms besides the web chat (which the line names already). */
function adapterNames(config: Config): string {
  const settings = config as unknown as Record<string, unknown>;
  return PLATFORMS.filter((platform) => platform.name !== "web" && settings[platform.name] !== undefined)
    .map((platform) => platform.name)
    .join(", ");
}

function waitForSignal(): { received: Promise<NodeJS.Signals>; wasReceived(): boolean } {
  let got = false;
  const received = new Promise<NodeJS.Signals>((resolve) => {
    const on = (name: NodeJS.Signals) => {
      got = true;
      process.off("SIGTERM", on);
      process.off("SIGINT", on);
      resolve(name);
    };
    process.on("SIGTERM", on);
    process.on("SIGINT", on);
  });
  return { received, wasReceived: () => got };
}

/** An error nothing caught is logged through the scrubbing logger (not Node's default stack dump) and exits 1. */
function installCrashHandlers(logger: Logger): void {
  const crash = (kind: string) => (error: unknown) => {
    const stack = error instanceof Error ? { stack: error.stack } : {};
    logger.error({ err: { ...errorSummary(error), ...stack } }, `${kind}; exiting`);
    process.exit(1);
  };
  process.on("uncaughtException", crash("uncaught exception"));
  process.on("unhandledRejection", crash("unhandled promise rejection"));
}
