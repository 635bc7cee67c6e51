/**
 * Role: what one side of the engine's thread (engine-thread.ts, engine-worker.ts) issues in a turn of its event loop,
 * posted together at the end of that turn, in order (ADR 61): under load many turns cross in one postMessage.
 */
import type { Posted } from "./protocol.js";

export class Outbox<T> {
  private queued: T[] = [];
  private scheduled = false;

  /**
   * @param post posts one message or several (the port's postMessage).
   * @param unposted called for a message that will not clone even when posted alone, with the error.
   */
  constructor(
    private readonly post: (posted: Posted<T>) => void,
    private readonly unposted: (message: T, error: unknown) => void,
  ) {}

  /** Queues `message` after everything queued before it, for this turn of the event loop's post. */
  push(message: T): void {
    this.queued.push(message);
    if (this.scheduled) return;
    this.scheduled = true;
    // After the I/O callbacks of this turn of the loop: whatever they issue joins the same post.
    setImmediate(this.flush);
  }

  /**
   * Posts what is queued, in order, in one message. Should it not clone (a value that is not plain), each message
   * is posted alone, and one that still does not goes to `unposted`.
   */
  readonly flush = (): void => {
    this.scheduled = false;
    const batch = this.queued;
    if (batch.length === 0) return;
    this.queued = [];
    try {
      this.post(batch.length === 1 ? (batch[0] as T) : batch);
    } catch {
      for (const message of batch) {
        try {
          this.post(message);
        } catch (error) {
          this.unposted(message, error);
        }
      }
    }
  };
}
