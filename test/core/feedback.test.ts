// "Helpful?" on answers: asked on answers only, a vote counted once per answer, the thanks, and a "no" offering
// the did-you-mean suggestions and sending the question (only while a review log is on) for review.
import { describe, expect, it } from "vitest";
import { answerVersion, parseVoteId, voteId } from "../../src/core/feedback.js";
import type { ConversationState } from "../../src/core/state.js";
import { MemoryFeedbackStore } from "../../src/core/store/feedback-memory.js";
import { MemoryStore } from "../../src/core/store/memory.js";
import type { FeedbackStore, Reply, ReviewLog, ReviewReason } from "../../src/core/types.js";
import { createBot } from "../support/bot.js";

/** A review log that keeps what it is given. */
class RecordingReviewLog implements ReviewLog {
  readonly entries: { text: string; reason: ReviewReason; at: number }[] = [];
  async record(entry: { text: string; reason: ReviewReason; at: number }): Promise<void> {
    this.entries.push(entry);
  }
}

/** A feedback store that is down. */
class BrokenFeedbackStore implements FeedbackStore {
  async record(): Promise<void> {
    throw new Error("down");
  }
  async counts(): Promise<never[]> {
    return [];
  }
  async close(): Promise<void> {}
}

function setup(options: { reviewLog?: ReviewLog; feedback?: FeedbackStore } = {}) {
  const feedback = options.feedback ?? new MemoryFeedbackStore();
  const store = new MemoryStore();
  const bot = createBot({ feedback, store, ...(options.reviewLog ? { reviewLog: options.reviewLog } : {}) });
  return { bot, feedback, store };
}

function defined<T>(value: T | undefined): T {
  if (value === undefined) throw new Error("missing");
  return value;
}

function ask(reply: Reply) {
  if (reply.feedback === undefined) throw new Error(`no feedback on ${reply.intent}: ${reply.text}`);
  return reply.feedback;
}

describe("the ask", () => {
  it("comes with answers: the section, its version, the question and two vote buttons that fit 48 bytes", async () => {
    const { bot } = setup();
    const reply = await bot.chat().say("how much magnesium should I take?");
    const feedback = ask(reply);
    const section = bot.engine.knowledge.byId.get(feedback.section);
    expect(feedback.section).toBe(reply.section?.id);
    expect(feedback.version).toBe(answerVersion(defined(section)));
    expect(feedback.version).toMatch(/^[0-9a-f]{8}$/);
    expect(feedback.question).toBe(bot.engine.intents.feedback?.question);
    // The first answer of the conversation: the vote ids carry its number (base 36).
    expect(feedback.yes.id).toBe(voteId("yes", feedback.section, feedback.version, 1));
    expect(feedback.no.id).toBe(`vote:no:${feedback.section}:${feedback.version}:1`);
    expect(feedback.yes.description.length).toBeGreaterThan(0);
    for (const s of bot.engine.knowledge.sections) {
      expect(Buffer.byteLength(voteId("yes", s.id, answerVersion(s), 36 ** 6 - 1))).toBeLessThanOrEqual(48);
    }
  });

  it("comes with an answer from two sibling sections, naming the first", async () => {
    const { bot } = setup();
    const reply = await bot.chat().say("what should I eat?");
    expect(reply.sections?.length ?? 0).toBeGreaterThan(1);
    expect(ask(reply).section).toBe(reply.section?.id);
  });

  it("never comes with red-flag replies, small talk, dialogue steps, clarify or fallback", async () => {
    const { bot } = setup();
    const chat = bot.chat();
    const replies = [
      await chat.say("hello"),
      await chat.say("my calf is swollen, red and hot and it hurts to walk"),
      await chat.say("thanks"),
      await chat.say("what's the capital of France?"),
      await chat.say("how much?"),
      await chat.say("/checkup"),
      await chat.press("dialogue:stretch"),
    ];
    expect(replies.map((r) => r.intent)).toContain("urgent");
    for (const reply of replies) expect(reply.feedback, `${reply.intent}: ${reply.text}`).toBeUndefined();
  });

  it("an edited section is a new version, so its votes are counted afresh", () => {
    const { bot } = setup();
    const section = defined(bot.engine.knowledge.sections[0]);
    expect(answerVersion({ ...section, answer: `${section.answer} Edited.` })).not.toBe(
      answerVersion(section),
    );
  });

  it("a vote id is read back, and nothing else passes for one", () => {
    expect(parseVoteId("vote:yes:vitamin-d.food:0123abcd:1z")).toEqual({
      vote: "yes",
      section: "vitamin-d.food",
      version: "0123abcd",
      answer: 71,
    });
    for (const id of [
      "vote:maybe:x:0123abcd:1",
      "vote:yes:x:0123abc:1",
      "vote:yes::0123abcd:1",
      "section:x",
      "vote:yes:X:0123abcd:1",
      // Before ADR 18 a vote id carried no answer number: such a button has expired.
      "vote:yes:x:0123abcd",
      "vote:yes:x:0123abcd:",
      "vote:yes:x:0123abcd:1234567",
      "vote:yes:x:0123abcd:-1",
    ])
      expect(parseVoteId(id), id).toBeNull();
  });
});

describe("a vote", () => {
  it("is counted once per answer: a second press is thanked but not counted, and the answer stops asking", async () => {
    const { bot, feedback } = setup();
    const chat = bot.chat();
    const answer = await chat.say("how much magnesium should I take?");
    const { yes, section, version } = ask(answer);
    const first = await chat.press(yes.id);
    expect(first.intent).toBe("feedback");
    expect(first.text).toBe(bot.engine.intents.feedback?.thanks_yes);
    // "yes" keeps the answer's suggestions, so "1" still picks its first follow-up.
    expect(first.suggestions).toEqual(answer.suggestions);
    const second = await chat.press(yes.id);
    expect(second.intent).toBe("feedback");
    expect(second.text).toBe(bot.engine.intents.feedback?.already_voted);
    const third = await chat.press(ask(answer).no.id);
    expect(third.text).toBe(bot.engine.intents.feedback?.already_voted);
    expect(await feedback.counts()).toEqual([{ section, version, vote: "yes", count: 1 }]);
    const again = await chat.say("how much magnesium should I take?");
    expect(again.section?.id).toBe(section);
    expect(again.feedback).toBeUndefined();
  });

  it("'no' offers the did-you-mean suggestions for that topic", async () => {
    const { bot, feedback } = setup();
    const chat = bot.chat();
    const answer = await chat.say("how much magnesium should I take?");
    const { no, section } = ask(answer);
    const reply = await chat.press(no.id);
    expect(reply.intent).toBe("feedback");
    expect(reply.text).toBe(bot.engine.intents.feedback?.thanks_no);
    const topic = bot.engine.knowledge.byId.get(section)?.topic;
    const ids = reply.suggestions.map((s) => s.id);
    expect(ids.length).toBeGreaterThan(0);
    expect(ids).not.toContain(`section:${section}`);
    expect(
      ids.some((id) => bot.engine.knowledge.byId.get(id.slice("section:".length))?.topic === topic),
    ).toBe(true);
    expect((await feedback.counts()).map((c) => [c.section, c.vote, c.count])).toEqual([[section, "no", 1]]);
  });

  it("for an answer this conversation was not asked about counts nothing (a forged or expired button)", async () => {
    const { bot, feedback } = setup();
    const chat = bot.chat();
    const answer = await chat.say("how much magnesium should I take?");
    const other = bot.chat();
    const forged = await other.press(ask(answer).yes.id);
    expect(forged.intent).toBe("fallback");
    expect(forged.text).toBe(bot.engine.intents.messages.unknown_button);
    expect(await chat.press("vote:yes:nosuchsection:0123abcd:1")).toMatchObject({ intent: "fallback" });
    const { section, version } = ask(answer);
    // An answer number this conversation has not reached, or none at all; a section it was never answered from.
    for (const id of [
      `vote:yes:${section}:${version}:2`,
      `vote:yes:${section}:${version}:0`,
      `vote:yes:${section}:${version}`,
      `vote:yes:stretching:${answerVersion(defined(bot.engine.knowledge.byId.get("stretching")))}:1`,
    ])
      expect(await chat.press(id), id).toMatchObject({
        intent: "fallback",
        text: bot.engine.intents.messages.unknown_button,
      });
    expect(await feedback.counts()).toEqual([]);
    // The same conversation's real button still counts after all that.
    expect((await chat.press(ask(answer).yes.id)).text).toBe(bot.engine.intents.feedback?.thanks_yes);
    expect(await feedback.counts()).toHaveLength(1);
  });

  it("on a section edited since the answer (a stale version) is refused kindly and counts nothing", async () => {
    const { bot, feedback } = setup();
    const chat = bot.chat();
    const answer = await chat.say("how much magnesium should I take?");
    const { section } = ask(answer);
    const stale = await chat.press(`vote:no:${section}:00000000:1`);
    expect(stale.intent).toBe("feedback");
    expect(stale.text).toBe(bot.engine.intents.feedback?.changed);
    // The answer's suggestions stay, as after any vote.
    expect(stale.suggestions).toEqual(answer.suggestions);
    expect(await feedback.counts()).toEqual([]);
    // Not remembered as voted: the current version's button still counts.
    await chat.press(ask(answer).no.id);
    expect(await feedback.counts()).toHaveLength(1);
  });

  it("expires after eight more answers", async () => {
    const { bot, feedback } = setup();
    const chat = bot.chat();
    const first = await chat.say("how much magnesium should I take?");
    const questions = ["what causes leg cramps?", "how do I stretch my calves?", "does massage help?"];
    for (let i = 0; i < 8; i++) expect((await chat.say(defined(questions[i % 3]))).intent).toBe("answer");
    expect((await chat.press(ask(first).yes.id)).text).toBe(bot.engine.intents.messages.unknown_button);
    expect(await feedback.counts()).toEqual([]);
  });

  it("is not counted twice when the same answer is given again and voted on again", async () => {
    const { bot, feedback } = setup();
    const chat = bot.chat();
    const first = await chat.say("how much magnesium should I take?");
    await chat.say("what causes leg cramps?");
    await chat.press(ask(first).yes.id);
    // Asked again, the answer does not ask again; a press on the first button again is a repeat.
    expect((await chat.say("how much magnesium should I take?")).feedback).toBeUndefined();
    expect((await chat.press(ask(first).no.id)).text).toBe(bot.engine.intents.feedback?.already_voted);
    expect((await feedback.counts()).map((c) => c.count)).toEqual([1]);
  });

  it("on an earlier answer still counts, once, and leaves an open dialogue open", async () => {
    const { bot, feedback } = setup();
    const chat = bot.chat();
    const first = await chat.say("how much magnesium should I take?");
    await chat.say("how do I stretch my calves?");
    const step = await chat.say("/checkup");
    expect(step.intent).toBe("checkup");
    const vote = await chat.press(ask(first).yes.id);
    expect(vote.intent).toBe("feedback");
    expect(await feedback.counts()).toHaveLength(1);
    const next = await chat.press(defined(step.suggestions[0]).id);
    expect(next.intent).toBe("checkup");
  });

  it("whose store is down is still thanked", async () => {
    const { bot } = setup({ feedback: new BrokenFeedbackStore() });
    const chat = bot.chat();
    const answer = await chat.say("how much magnesium should I take?");
    expect((await chat.press(ask(answer).no.id)).intent).toBe("feedback");
  });
});

describe("the review log", () => {
  it("gets the question behind an answer voted 'no', once, and only that", async () => {
    const reviewLog = new RecordingReviewLog();
    const { bot } = setup({ reviewLog });
    const chat = bot.chat();
    const yes = await chat.say("is magnesium any good for cramps?");
    await chat.press(ask(yes).yes.id);
    const answer = await chat.say("how much magnesium should I take?");
    await chat.press(ask(answer).no.id);
    await chat.press(ask(answer).no.id);
    expect(reviewLog.entries).toEqual([
      { text: "how much magnesium should I take?", reason: "unhelpful", at: bot.clock.now() },
    ]);
  });

  it("keeps the question text in the state only while on, and drops it once voted or at the next answer", async () => {
    const reviewLog = new RecordingReviewLog();
    const on = setup({ reviewLog });
    const chat = on.bot.chat("c");
    const state = async () => (await on.store.get("conv:c")) as ConversationState;
    const first = await chat.say("how much magnesium should I take?");
    expect((await state()).feedback?.question).toEqual({
      answer: 1,
      text: "how much magnesium should I take?",
    });
    await chat.say("hello");
    expect((await state()).feedback?.question?.text).toBe("how much magnesium should I take?");
    const second = await chat.say("how do I stretch my calves?");
    expect((await state()).feedback?.question).toEqual({ answer: 2, text: "how do I stretch my calves?" });
    // A "no" on the first answer now: its question is gone, so nothing goes for review.
    await chat.press(ask(first).no.id);
    expect(reviewLog.entries).toEqual([]);
    expect((await state()).feedback?.question?.text).toBe("how do I stretch my calves?");
    await chat.press(ask(second).yes.id);
    expect((await state()).feedback?.question).toBeUndefined();
    expect(reviewLog.entries).toEqual([]);
    const off = setup();
    const quiet = off.bot.chat("c");
    await quiet.say("how much magnesium should I take?");
    const saved = JSON.stringify(await off.store.get("conv:c"));
    expect(saved).not.toContain("how much magnesium");
  });
});
