// Long polling: a getUpdates loop with offset, backoff on failures, bounded 409 retries and 429 waits.
import type { Api, Update } from "node-telegram-bot-api";
import type { Logger } from "../../core/types.js";
import type { Sleep } from "./config.js";
import { apiStatus, describeError, retryAfterSeconds } from "./errors.js";

/** The only update kinds the adapter handles; Telegram does not send the others. */
export const ALLOWED_UPDATES = ["message", "callback_query"];

export type PollingOutcome =
  | { reason: "stopped" }
  | { reason: "conflict" | "unauthorized" | "fatal"; error: Error };

export interface PollingSettings {
  api: Api;
  logger: Logger;
  token: string;
  sleep: Sleep;
  signal: AbortSignal;
  timeoutSeconds: number;
  maxConflictRetries: number;
  retryBaseDelayMs: number;
  retryMaxDelayMs: number;
  maxRateLimitWaitMs: number;
  /** Awaited before each getUpdates (back-pressure while many updates are in flight). */
  beforePoll: () => Promise<void>;
  /** Takes one update; must not throw and should not block (handling happens in the background). */
  onUpdate: (update: Update) => void;
}

function backoff(failures: number, baseMs: number, maxMs: number): number {
  return Math.min(baseMs * 2 ** Math.max(0, failures - 1), maxMs);
}

function asError(err: unknown): Error {
  return err instanceof Error ? err : new Error(String(err));
}

/**
 * Polls until `signal` aborts or polling cannot go on (token rejected, too many 409s, another 4xx).
 * The offset moves past an update as soon as it is handed to `onUpdate`.
 *
 * The library has its own loops (`longPoll`, `Bot.startPolling`), but they treat the first 409 as
 * fatal, retry at a fixed delay and cannot take an injected sleep; this loop is the same idea with
 * those three points handled.
 */
export async function runPolling(settings: PollingSettings): Promise<PollingOutcome> {
  const { api, logger, signal } = settings;
  let offset: number | undefined;
  let failures = 0;
  let conflicts = 0;
  const wait = async (ms: number): Promise<boolean> => {
    try {
      await settings.sleep(ms, signal);
    } catch {
      // aborted while waiting
    }
    return !signal.aborted;
  };

  while (!signal.aborted) {
    await settings.beforePoll();
    if (signal.aborted) break;
    let updates: Update[];
    try {
      updates = await api.getUpdates(
        { offset, timeout: settings.timeoutSeconds, allowed_updates: ALLOWED_UPDATES },
        signal,
      );
    } catch (err) {
      if (signal.aborted) break;
      const status = apiStatus(err);
      const summary = describeError(err, settings.token);
      if (status === 409) {
        conflicts += 1;
        if (conflicts > settings.maxConflictRetries) {
          logger.error({ err: summary, conflicts }, "telegram: still 409 Conflict; giving up polling");
          return { reason: "conflict", error: asError(err) };
        }
        if (conflicts === 1) {
          logger.warn(
            { err: summary, maxRetries: settings.maxConflictRetries },
            "telegram: 409 Conflict from getUpdates: another process is polling with this TELEGRAM_TOKEN or a webhook is set; stop the other instance (or delete the webhook). Retrying a few times",
          );
        }
        if (!(await wait(backoff(conflicts, settings.retryBaseDelayMs, settings.retryMaxDelayMs)))) break;
        continue;
      }
      if (status === 429) {
        const waitMs = Math.min((retryAfterSeconds(err) ?? 1) * 1000, settings.maxRateLimitWaitMs);
        logger.warn({ retryAfterMs: waitMs }, "telegram: getUpdates rate limited (429); waiting");
        if (!(await wait(waitMs))) break;
        continue;
      }
      if (status === 401 || status === 404) {
        logger.error({ err: summary }, "telegram: Telegram rejected TELEGRAM_TOKEN while polling; stopping");
        return { reason: "unauthorized", error: asError(err) };
      }
      if (status !== undefined && status < 500) {
        logger.error({ err: summary }, "telegram: getUpdates failed with a client error; stopping polling");
        return { reason: "fatal", error: asError(err) };
      }
      failures += 1;
      const delayMs = backoff(failures, settings.retryBaseDelayMs, settings.retryMaxDelayMs);
      logger.warn({ err: summary, failures, delayMs }, "telegram: getUpdates failed; retrying");
      if (!(await wait(delayMs))) break;
      continue;
    }
    if (failures > 0 || conflicts > 0) logger.info({ failures, conflicts }, "telegram: polling resumed");
    failures = 0;
    conflicts = 0;
    for (const update of updates) {
      offset = Math.max(offset ?? 0, update.update_id + 1);
      settings.onUpdate(update);
    }
  }
  return { reason: "stopped" };
}
