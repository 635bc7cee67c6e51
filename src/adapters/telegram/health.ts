// The adapter's readiness as /readyz shows it: "ok", or "degraded (...)" while the Bot API keeps failing.

/** Consecutive failures before the adapter reports itself degraded: one blip is not an outage. */
export const DEGRADED_AFTER_FAILURES = 2;

export type PollProblem = "unreachable" | "conflict" | "rejected";

const POLL_DETAIL: Record<PollProblem, string> = {
  unreachable: "getUpdates failing: Bot API unreachable",
  conflict: "getUpdates 409 Conflict: another process polls this token or a webhook is set",
  rejected: "getUpdates refused by the Bot API",
};

export class TelegramHealth {
  private reachedAtStart = true;
  private pollFailures = 0;
  private pollProblem: PollProblem = "unreachable";
  private sendFailures = 0;

  /** start() could not reach the Bot API and keeps trying in the background. */
  connecting(): void {
    this.reachedAtStart = false;
  }

  connected(): void {
    this.reachedAtStart = true;
  }

  pollFailed(problem: PollProblem): void {
    this.pollFailures += 1;
    this.pollProblem = problem;
  }

  pollSucceeded(): void {
    this.pollFailures = 0;
  }

  /** A reply given up on because the Bot API could not be reached (not a per-chat refusal such as 403). */
  sendUnreachable(): void {
    this.sendFailures += 1;
  }

  sendSucceeded(): void {
    this.sendFailures = 0;
  }

  /** "ok", or "degraded (<why>)". */
  status(): string {
    if (!this.reachedAtStart) return "degraded (Bot API unreachable at start; connecting)";
    if (this.pollFailures >= DEGRADED_AFTER_FAILURES) return `degraded (${POLL_DETAIL[this.pollProblem]})`;
    if (this.sendFailures >= DEGRADED_AFTER_FAILURES)
      return "degraded (sendMessage failing: Bot API unreachable)";
    return "ok";
  }
}
