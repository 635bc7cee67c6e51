// The review log's rules: what redaction takes out (and leaves), and which turns the engine records — fallbacks and
// clarifying questions to typed messages, never red flags, small talk, answers or bad input — best effort, without
// ids, and never changing a reply.
import { describe, expect, it } from "vitest";
import { MAX_REVIEW_TEXT, REDACTED, redact, reviewEntry } from "../../src/core/review.js";
import { MemoryReviewLog } from "../../src/core/store/review-memory.js";
import type { ReviewLog } from "../../src/core/types.js";
import { MemoryLogger } from "../fakes/discord/memory-logger.js";
import { createBot, ManualClock, START } from "../support/bot.js";

describe("redact", () => {
  it.each([
    ["mail me at jane.doe+cramps@example.co.uk please", `mail me at ${REDACTED.email} please`],
    ["call +44 7700 900123 tonight", `call ${REDACTED.phone} tonight`],
    ["my number is (555) 123-4567", `my number is ${REDACTED.phone}`],
    ["or 555.123.4567", `or ${REDACTED.phone}`],
    ["card 4111 1111 1111 1111", `card ${REDACTED.phone}`],
    ["patient id 123456 here", `patient id ${REDACTED.number} here`],
    ["@drsmith said so, ask @nurse_jo", `${REDACTED.mention} said so, ask ${REDACTED.mention}`],
    ["see https://example.com/a?b=1&c=@x for it", `see ${REDACTED.url} for it`],
    ["www.cramps.org/page and cramps.com", `${REDACTED.url} and ${REDACTED.url}`],
  ])("takes out %j", (text, expected) => {
    expect(redact(text)).toBe(expected);
  });

  it.each([
    "is 300 mg of magnesium too much?",
    "I drink 1.5L a day and walk 10000 steps",
    "cramp lasted 10 minutes at 3am",
    "I'm 45, is vitamin D3 ok? 2 litres of water?",
    "my email is broken but my calf hurts",
  ])("leaves the question's words and small numbers: %j", (text) => {
    expect(redact(text)).toBe(text.replace("10000", REDACTED.number));
  });

  it("cuts a long text and folds its white space", () => {
    const entry = reviewEntry({ text: `  why\n\n${"so ".repeat(400)}`, reason: "fallback", at: START });
    expect(entry.text.length).toBe(MAX_REVIEW_TEXT);
    expect(entry.text.startsWith("why so so")).toBe(true);
    expect(entry.text.endsWith("…")).toBe(true);
  });
});

describe("the engine's review log", () => {
  function botWithLog(log?: ReviewLog) {
    const logger = new MemoryLogger();
    const clock = new ManualClock();
    const reviewLog = log ?? new MemoryReviewLog({ clock });
    const bot = createBot({ reviewLog, logger, clock });
    return { bot, log: reviewLog, logger };
  }

  it("records fallbacks and clarifying questions to typed messages, redacted, with no id", async () => {
    const { bot, log } = botWithLog();
    const review = log as MemoryReviewLog;
    const chat = bot.chat("conversation-4242-secret");
    const zinc = await chat.say("is zinc good for cramps? mail me at bob@example.com");
    expect(zinc.intent).toBe("fallback");
    const which = await bot.chat("conversation-2").say("how much should I take?");
    expect(which.intent).toBe("clarify");
    const entries = await review.list();
    expect(entries).toEqual([
      { text: `is zinc good for cramps? mail me at ${REDACTED.email}`, reason: "fallback", at: START },
      { text: "how much should I take?", reason: "clarify", at: START },
    ]);
    for (const entry of entries) expect(Object.keys(entry).sort()).toEqual(["at", "reason", "text"]);
    expect(JSON.stringify(entries)).not.toMatch(/conversation|user-|4242|bob@/);
  });

  it("records no red flag, small talk, answer, bad input or button press", async () => {
    const { bot, log } = botWithLog();
    const review = log as MemoryReviewLog;
    const chat = bot.chat();
    const replies = [
      await chat.say("i have chest pain and my leg hurts"),
      await chat.say("hi there"),
      await chat.say("thanks!"),
      await chat.say("how much magnesium should I take?"),
      await chat.say("   "),
      await chat.say("🙂🙂"),
      await chat.say("Wie viel Magnesium soll ich nehmen, bitte?"),
      await chat.press("topic:nothing-like-this"),
    ];
    expect(replies.map((r) => r.intent).slice(0, 4)).toEqual(["urgent", "greeting", "thanks", "answer"]);
    expect(await review.list()).toEqual([]);
  });

  it("never changes a reply when the log fails, and logs the failure without the text", async () => {
    const failing: ReviewLog = {
      record: () =>
        Promise.reject(Object.assign(new Error("disk full while writing zinc question"), { code: "E_X" })),
    };
    const throwing: ReviewLog = {
      record: () => {
        throw new Error("zinc");
      },
    };
    const plain = createBot();
    for (const log of [failing, throwing]) {
      const { bot, logger } = botWithLog(log);
      const text = "is zinc good for cramps?";
      const reply = await bot.chat("c").say(text);
      expect(reply).toEqual(await plain.chat().say(text));
      await new Promise((resolve) => setImmediate(resolve));
      const warnings = logger.at("warn");
      expect(warnings).toHaveLength(1);
      expect(warnings[0]?.msg).toMatch(/^review log: could not record/);
      expect(logger.dump(["info", "warn", "error"])).not.toContain("zinc");
    }
  });

  it("drops entries past the retention window (injected clock)", async () => {
    const clock = new ManualClock();
    const review = new MemoryReviewLog({ clock, retentionDays: 30 });
    await review.record({ text: "old question", reason: "fallback", at: clock.now() });
    clock.advance(29 * 24 * 3600_000);
    await review.record({ text: "newer question", reason: "clarify", at: clock.now() });
    expect((await review.list()).map((e) => e.text)).toEqual(["old question", "newer question"]);
    clock.advance(2 * 24 * 3600_000);
    expect((await review.list()).map((e) => e.text)).toEqual(["newer question"]);
  });

  it("keeps at most maxEntries, the newest, in order, however many are recorded", async () => {
    const clock = new ManualClock();
    const review = new MemoryReviewLog({ clock, maxEntries: 3 });
    for (let i = 1; i <= 10; i++) {
      await review.record({ text: `question ${i}`, reason: "fallback", at: clock.now() });
      clock.advance(1000);
      const texts = (await review.list()).map((e) => e.text);
      expect(texts).toEqual(
        Array.from({ length: Math.min(i, 3) }, (_, k) => `question ${i - Math.min(i, 3) + k + 1}`),
      );
    }
    // Past retention they all go, and the log fills again from empty.
    clock.advance(31 * 24 * 3600_000);
    expect(await review.purge()).toBe(3);
    await review.record({ text: "question 11", reason: "clarify", at: clock.now() });
    expect((await review.list()).map((e) => e.text)).toEqual(["question 11"]);
  });
});
