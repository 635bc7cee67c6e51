// The service's review log: REVIEW_LOG and REVIEW_RETENTION_DAYS are validated like every variable; off by default
// nothing is kept; on, fallbacks reach the SQLite file's review table (read back after stop(), as `crampbot review`
// would), without the conversation's id.
import { join } from "node:path";
import { describe, expect, it, onTestFinished } from "vitest";
import { SqliteReviewLog } from "../../src/node/store/review-log.js";
import { parseConfig } from "../../src/service/config.js";
import { createService } from "../../src/service/service.js";
import { tempDir, testConfig, waitFor } from "./support.js";

describe("REVIEW_LOG in the service", () => {
  it("reads REVIEW_LOG and REVIEW_RETENTION_DAYS, off and 30 days by default, one line per problem", () => {
    const defaults = parseConfig({});
    expect(defaults.ok && [defaults.config.reviewLog, defaults.config.reviewRetentionDays]).toEqual([
      false,
      30,
    ]);
    const on = parseConfig({ REVIEW_LOG: "true", REVIEW_RETENTION_DAYS: "7" });
    expect(on.ok && [on.config.reviewLog, on.config.reviewRetentionDays]).toEqual([true, 7]);
    const bad = parseConfig({ REVIEW_LOG: "sometimes", REVIEW_RETENTION_DAYS: "0" });
    expect(bad.ok ? [] : bad.problems).toEqual([
      'REVIEW_LOG must be true or false (got "sometimes")',
      expect.stringMatching(/^REVIEW_RETENTION_DAYS must be a whole number from 1 to 3,650/),
    ]);
  });

  for (const enabled of [true, false]) {
    it(`keeps fallbacks in the SQLite file ${enabled ? "with REVIEW_LOG=true" : "only when asked (off by default)"}`, async () => {
      const dir = tempDir("crampbot-review-service-");
      onTestFinished(() => dir.remove());
      const path = join(dir.path, "crampbot.db");
      const service = createService(
        testConfig({ DATABASE_PATH: path, ...(enabled ? { REVIEW_LOG: "true" } : {}) }),
        { defaultMetrics: false },
      );
      await service.start();
      const conversationId = "web:visitor-cookie-5150";
      const reply = await service.handler.handle({
        platform: "web",
        conversationId,
        userId: "visitor",
        kind: "text",
        text: "is zinc good for cramps? ring 07700 900123",
      });
      expect(reply.intent).toBe("fallback");
      await new Promise((resolve) => setTimeout(resolve, 50));
      await service.stop();
      const log = new SqliteReviewLog({ path });
      onTestFinished(() => log.close());
      if (!enabled) {
        expect(await log.list()).toEqual([]);
        return;
      }
      const entries = await waitFor(async () => {
        const list = await log.list();
        return list.length > 0 ? list : undefined;
      }, "the entry");
      expect(entries.map((e) => [e.text, e.reason])).toEqual([
        ["is zinc good for cramps? ring [phone]", "fallback"],
      ]);
      expect(JSON.stringify(entries)).not.toContain("5150");
    });
  }
});
