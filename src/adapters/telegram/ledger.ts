// Remembers handled update ids in the SessionStore so an update Telegram delivers twice is handled once.
import type { Logger, SessionStore } from "../../core/types.js";
import { describeError } from "./errors.js";

/** How long a handled update id is remembered: Telegram keeps undelivered updates for 24 hours. */
export const HANDLED_UPDATE_TTL_MS = 24 * 60 * 60 * 1000;

export function handledUpdateKey(updateId: number): string {
  return `telegram:update:${updateId}`;
}

export class UpdateLedger {
  /** Ids being claimed right now, so two concurrent deliveries cannot both pass the store check. */
  private readonly claiming = new Set<number>();

  constructor(
    private readonly store: SessionStore,
    private readonly logger: Logger,
    private readonly token: string,
  ) {}

  /**
   * True when this is the first delivery of `updateId` (and records it); false for a redelivery.
   * The id is recorded before the update is handled: a crash mid-handling loses that update rather
   * than answering it twice. If the store fails, the update is handled anyway (and the failure logged).
   */
  async claim(updateId: number): Promise<boolean> {
    if (this.claiming.has(updateId)) return false;
    this.claiming.add(updateId);
    const key = handledUpdateKey(updateId);
    try {
      if ((await this.store.get(key)) !== undefined) return false;
      await this.store.set(key, { handledAt: Date.now() }, HANDLED_UPDATE_TTL_MS);
      return true;
    } catch (err) {
      this.logger.warn(
        { updateId, err: describeError(err, this.token) },
        "telegram: session store failed; handling the update anyway",
      );
      return true;
    } finally {
      this.claiming.delete(updateId);
    }
  }
}
