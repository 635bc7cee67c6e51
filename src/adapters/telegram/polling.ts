// Long polling: a getUpdates loop that validates each update, confirms a batch only once it is answered, and
// retries every failure but a rejected token with capped backoff, for as long as the adapter runs.
import type { Api, Update } from "node-telegram-bot-api";
import type { Logger } from "../../core/types.js";
import { apiStatus, describeError, retryAfterSeconds } from "./api-errors.js";
import type { PollProblem } from "./health.js";
import type { Sleep } from "./options.js";
import { parseUpdate, updateIdOf } from "./schema.js";

/** The only update kinds the adapter handles; Telegram does not send the others. */
export const ALLOWED_UPDATES = ["message", "callback_query"];

/** 409s are logged on the first one and then once per this many, so a long conflict is visible but not noisy. */
const CONFLICT_LOG_EVERY = 20;
/** The bounded wait of the last getUpdates at stop, which only confirms the answered updates. */
const CONFIRM_TIMEOUT_MS = 2000;

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
  /** Most updates fetched (and handled at once) per getUpdates, 1-100. */
  batchSize: number;
  retryBaseDelayMs: number;
  retryMaxDelayMs: number;
  maxRateLimitWaitMs: number;
  /** Takes one valid update and settles once it is answered (or given up on); must not reject. */
  onUpdate: (update: Update) => Promise<void>;
  /** Told after each getUpdates: undefined when it succeeded, else what failed (readiness). */
  onPoll: (problem: PollProblem | undefined) => void;
}

function backoff(failures: number, baseMs: number, maxMs: number): number {
  return Math.min(baseMs * 2 ** Math.max(0, failures - 1), maxMs);
}

function asError(err: unknown): Error {
  return err instanceof Error ? err : new Error(String(err));
}

/**
 * Polls until `signal` aborts or Telegram rejects the token (401/404, an operator must fix it). Every other
 * failure (network, 5xx, 409 Conflict, 429, another 4xx) is retried with capped backoff, forever.
 *
 * A batch is confirmed (the next getUpdates' offset moves past it) only after every update in it was answered:
 * a crash mid-batch makes Telegram deliver the batch again, and the ledger skips what was already answered.
 * A malformed update is logged without content and skipped; its offset is confirmed with the batch.
 *
 * The library has its own loops (`longPoll`, `Bot.startPolling`), but they treat the first 409 as
 * fatal, retry at a fixed delay, confirm on receipt and cannot take an injected sleep.
 */
export async function runPolling(settings: PollingSettings): Promise<PollingOutcome> {
  const { api, logger, signal } = settings;
  let offset: number | undefined;
  let confirmed: number | undefined;
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
  const params = (timeout: number) => ({
    offset,
    timeout,
    limit: settings.batchSize,
    allowed_updates: ALLOWED_UPDATES,
  });

  while (!signal.aborted) {
    let batch: unknown;
    try {
      batch = await api.getUpdates(params(settings.timeoutSeconds), signal);
      if (!Array.isArray(batch)) throw new TypeError("getUpdates did not return a list");
    } catch (err) {
      if (signal.aborted) break;
      const status = apiStatus(err);
      const summary = describeError(err, settings.token);
      if (status === 401 || status === 404) {
        settings.onPoll("rejected");
        logger.error({ err: summary }, "telegram: Telegram rejected TELEGRAM_TOKEN while polling; stopping");
        return { reason: "unauthorized", error: asError(err) };
      }
      if (status === 409) {
        conflicts += 1;
        settings.onPoll("conflict");
        if (conflicts === 1 || conflicts % CONFLICT_LOG_EVERY === 0) {
          logger.warn(
            { err: summary, conflicts },
            "telegram: 409 Conflict from getUpdates: another process is polling with this TELEGRAM_TOKEN or a webhook is set; stop the other instance (or delete the webhook). Retrying until it is gone",
          );
        }
        if (!(await wait(backoff(conflicts, settings.retryBaseDelayMs, settings.retryMaxDelayMs)))) break;
        continue;
      }
      failures += 1;
      if (status === 429) {
        const waitMs = Math.min((retryAfterSeconds(err) ?? 1) * 1000, settings.maxRateLimitWaitMs);
        logger.warn({ retryAfterMs: waitMs }, "telegram: getUpdates rate limited (429); waiting");
        if (!(await wait(waitMs))) break;
        continue;
      }
      settings.onPoll(status !== undefined && status < 500 ? "rejected" : "unreachable");
      const delayMs = backoff(failures, settings.retryBaseDelayMs, settings.retryMaxDelayMs);
      logger[status !== undefined && status < 500 ? "error" : "warn"](
        { err: summary, failures, delayMs },
        "telegram: getUpdates failed; retrying",
      );
      if (!(await wait(delayMs))) break;
      continue;
    }
    settings.onPoll(undefined);
    if (failures > 0 || conflicts > 0) logger.info({ failures, conflicts }, "telegram: polling resumed");
    failures = 0;
    conflicts = 0;
    confirmed = offset;
    const answering: Promise<void>[] = [];
    for (const raw of batch as unknown[]) {
      const id = updateIdOf(raw);
      if (id !== undefined) offset = Math.max(offset ?? 0, id + 1);
      const parsed = parseUpdate(raw);
      if (!parsed.ok) {
        logger.warn(
          { updateId: parsed.updateId, problems: parsed.problems },
          "telegram: malformed update skipped",
        );
        continue;
      }
      answering.push(settings.onUpdate(parsed.update));
    }
    // Handled in the background (chats in parallel, in order within a chat); the next poll confirms them all.
    await Promise.allSettled(answering);
  }
  if (offset !== undefined && offset !== confirmed) await confirm(settings, offset);
  return { reason: "stopped" };
}

/** Confirms the answered updates at stop, so the next start does not fetch them again (best effort, bounded). */
async function confirm(settings: PollingSettings, offset: number): Promise<void> {
  try {
    await settings.api.getUpdates(
      { offset, timeout: 0, limit: 1, allowed_updates: ALLOWED_UPDATES },
      AbortSignal.timeout(CONFIRM_TIMEOUT_MS),
    );
  } catch (err) {
    settings.logger.debug(
      { err: describeError(err, settings.token) },
      "telegram: confirming the last updates at stop failed; the ledger skips them when they come again",
    );
  }
}
