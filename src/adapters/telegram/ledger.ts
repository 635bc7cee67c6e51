// The update ledger: handled update ids in the SessionStore, so a redelivered update is answered once — by this
// process, and by any other sharing the store when the store has a lock (Redis): ./ledger-claim.ts.
import type { Logger, SessionStore } from "../../core/types.js";
import { describeError } from "./api-errors.js";
import { claimUpdate, type UpdateClaim } from "./ledger-claim.js";

/** How long a handled update id is remembered: Telegram keeps undelivered updates for 24 hours. */
export const HANDLED_UPDATE_TTL_MS = 24 * 60 * 60 * 1000;

export function handledUpdateKey(updateId: number): string {
  return `telegram:update:${updateId}`;
}

/** What {@link UpdateLedger.begin} found: a first delivery, one already answered, or one being answered now. */
export type LedgerEntry = "new" | "done" | "in-flight";

/**
 * At-least-once delivery with the ledger as dedupe: an update is recorded as done only after its reply was
 * sent (or finally given up on, which is counted), and Telegram's offset or webhook answer confirms it only
 * after that. A crash before the record loses nothing, Telegram delivers the update again; a duplicate reply is
 * possible only for a crash between the send and the record.
 */
export class UpdateLedger {
  /** Ids being handled by this process, so a redelivery meanwhile is not handled twice. */
  private readonly inFlight = new Set<number>();
  /** The cross-process claims this process holds, released by finish() or release(). */
  private readonly claims = new Map<number, UpdateClaim>();

  constructor(
    private readonly store: SessionStore,
    private readonly logger: Logger,
    private readonly token: string,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Starts handling `updateId` unless it was handled before or is being handled. A "new" entry must be ended
   * with {@link finish} (answered) or {@link release} (not answered). If the store fails, the update is handled
   * anyway (and the failure logged): answering twice is better than not at all.
   */
  async begin(updateId: number): Promise<LedgerEntry> {
    if (this.inFlight.has(updateId)) return "in-flight";
    this.inFlight.add(updateId);
    // Another instance may be answering the same update right now (one Redis, two webhooks): wait for its claim,
    // then the ledger below says whether it was answered.
    const claim = await claimUpdate(this.store, updateId, this.logger, this.token);
    if (claim !== undefined) this.claims.set(updateId, claim);
    try {
      if ((await this.store.get(handledUpdateKey(updateId))) === undefined) return "new";
    } catch (err) {
      this.logger.warn(
        { updateId, err: describeError(err, this.token) },
        "telegram: the session store failed reading the update ledger; handling the update anyway",
      );
      return "new";
    }
    this.release(updateId);
    return "done";
  }

  /** Records `updateId` as answered. A store failure is logged: a redelivery of it would be answered again. */
  async finish(updateId: number): Promise<void> {
    try {
      await this.store.set(handledUpdateKey(updateId), { handledAt: this.now() }, HANDLED_UPDATE_TTL_MS);
    } catch (err) {
      this.logger.warn(
        { updateId, err: describeError(err, this.token) },
        "telegram: the session store failed recording an answered update; a redelivery would be answered again",
      );
    } finally {
      this.release(updateId);
    }
  }

  /** Ends handling without a record (ignored updates); a redelivery is looked at again. */
  release(updateId: number): void {
    this.inFlight.delete(updateId);
    const claim = this.claims.get(updateId);
    this.claims.delete(updateId);
    claim?.release();
  }
}
