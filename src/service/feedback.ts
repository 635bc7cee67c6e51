/**
 * The service's feedback store: the session store's backend (src/node/store/feedback.ts), with every vote it
 * records also counted in /metrics (`crampbot_feedback_total`). The engine records a vote only once per answer, so
 * this counts what the store counts.
 */
import type { FeedbackStore } from "../core/types.js";
import type { ServiceMetrics } from "./metrics.js";

/** `store`, counting each recorded vote in `metrics` once the store has it. */
export function countingVotes(store: FeedbackStore, metrics: ServiceMetrics): FeedbackStore {
  return {
    async record(vote) {
      await store.record(vote);
      metrics.voted(vote.section, vote.vote);
    },
    counts: () => store.counts(),
    close: () => store.close(),
  };
}
