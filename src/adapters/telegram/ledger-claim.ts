// The update ledger's claim across processes: when several instances share one store (Redis) and Telegram's
// webhook reaches more than one of them with the same update (a retry after a timeout, a load balancer sending it
// elsewhere), only the instance holding the update's claim answers it; the other waits for the claim, then finds
// the update in the ledger and skips it. The claim is the store's lock (SET NX PX in Redis); a store without a
// lock (memory, SQLite: one process) needs none, and gets none.
import type { Logger, SessionStore } from "../../core/types.js";
import { describeError } from "./api-errors.js";

/**
 * How long a claim lives if its holder dies mid-update, and so the longest another instance waits for it. A reply
 * normally goes out in milliseconds; one whose sending is still being retried after this may be answered twice.
 */
export const UPDATE_CLAIM_TTL_MS = 30_000;

export function updateClaimKey(updateId: number): string {
  return `lock:telegram:update:${updateId}`;
}

/** A held claim: release() lets the next claimant in (failures are logged; the claim then expires by itself). */
export interface UpdateClaim {
  release(): void;
}

/**
 * Takes the update's claim, waiting while another instance holds it. Undefined when the store has no lock, or
 * when the claim could not be had (the store failed, or the holder outlived the wait): the update is then handled
 * anyway (answering twice is better than not at all), and the failure is logged.
 */
export async function claimUpdate(
  store: SessionStore,
  updateId: number,
  logger: Logger,
  token: string,
): Promise<UpdateClaim | undefined> {
  if (store.lock === undefined) return undefined;
  let unlock: () => Promise<void>;
  try {
    unlock = await store.lock(updateClaimKey(updateId), UPDATE_CLAIM_TTL_MS);
  } catch (err) {
    logger.warn(
      { updateId, err: describeError(err, token) },
      "telegram: claiming the update in the session store failed; handling it anyway",
    );
    return undefined;
  }
  return {
    release() {
      unlock().catch((err: unknown) =>
        logger.warn(
          { updateId, err: describeError(err, token) },
          "telegram: releasing the update's claim failed; it expires by itself",
        ),
      );
    },
  };
}
