// The feedback part of the conversation state (ADR 18): what a vote is checked against travels in its own id, so an
// ordinary turn's state is the same with "Helpful?" as without; only a vote writes `voted`. The state stays plain data
// (structuredClone, JSON) and a state saved in the shape before ADR 18 is read in today's.
import { describe, expect, it } from "vitest";
import { Engine } from "../../src/core/engine.js";
import type { ConversationState } from "../../src/core/state.js";
import { restoreState } from "../../src/core/state.js";
import { MemoryFeedbackStore } from "../../src/core/store/feedback-memory.js";
import { MemoryStore } from "../../src/core/store/memory.js";
import { MemoryReviewLog } from "../../src/core/store/review-memory.js";
import type { Reply } from "../../src/core/types.js";
import { loadEnglishWords } from "../../src/node/english-words.js";
import { createBot, ManualClock, openChat, START } from "../support/bot.js";

const QUESTIONS = [
  "how much magnesium should I take?",
  "hello",
  "what causes leg cramps?",
  "what's the capital of France?",
  "how do I stretch my calves?",
  "thanks",
  "what should I eat?",
];

function ask(reply: Reply) {
  if (reply.feedback === undefined) throw new Error(`no feedback on ${reply.intent}: ${reply.text}`);
  return reply.feedback;
}

describe("the feedback state", () => {
  it("is absent after ordinary turns: the states are the same as an engine's without 'Helpful?'", async () => {
    const on = createBot();
    const clock = new ManualClock();
    const offStore = new MemoryStore({ clock });
    const off = new Engine({
      knowledge: on.engine.knowledge,
      intents: { ...on.engine.intents, feedback: undefined },
      words: loadEnglishWords(),
      clock,
      store: offStore,
    });
    const a = on.chat("c");
    const b = openChat(off, "c");
    let asked = 0;
    for (const text of QUESTIONS) {
      if ((await a.say(text)).feedback !== undefined) asked++;
      expect((await b.say(text)).feedback).toBeUndefined();
      expect(JSON.stringify(await on.store.get("conv:c")), text).toBe(
        JSON.stringify(await offStore.get("conv:c")),
      );
    }
    expect(asked).toBeGreaterThan(2);
  });

  it("after a vote holds the answers voted on only, round-trips through structuredClone and JSON, and still refuses a second vote", async () => {
    const feedback = new MemoryFeedbackStore();
    const bot = createBot({ feedback });
    const chat = bot.chat("c");
    const answer = await chat.say("how much magnesium should I take?");
    await chat.say("what causes leg cramps?");
    await chat.press(ask(answer).yes.id);
    const saved = (await bot.store.get("conv:c")) as ConversationState;
    const { section, version } = ask(answer);
    expect(saved.feedback).toEqual({ voted: [`${section}:${version}`] });
    const cloned = structuredClone(saved);
    expect(cloned).toEqual(saved);
    expect(JSON.parse(JSON.stringify(saved))).toEqual(saved);
    expect(restoreState(cloned, bot.clock.now(), 30 * 60_000)).toEqual(saved);
    // The clone, carried into another store (another instance), still knows the vote: not counted again.
    const store = new MemoryStore({ clock: bot.clock });
    await store.set("conv:c", cloned, 60_000);
    const other = createBot({ feedback, store, clock: bot.clock });
    const again = await other.chat("c").press(ask(answer).no.id);
    expect(again.text).toBe(bot.engine.intents.feedback?.already_voted);
    expect((await feedback.counts()).map((c) => [c.section, c.vote, c.count])).toEqual([[section, "yes", 1]]);
  });

  it("keeps the answers voted on across 'start over', so a button from before it counts no second vote", async () => {
    const feedback = new MemoryFeedbackStore();
    const bot = createBot({ feedback });
    const chat = bot.chat("c");
    const before = await chat.say("how much magnesium should I take?");
    await chat.press(ask(before).yes.id);
    expect((await chat.say("start over")).intent).toBe("reset");
    // The same answer again is not asked about, and the old button is refused as already rated.
    expect((await chat.say("how much magnesium should I take?")).feedback).toBeUndefined();
    expect((await chat.press(ask(before).yes.id)).text).toBe(bot.engine.intents.feedback?.already_voted);
    expect((await feedback.counts()).map((c) => [c.section, c.vote, c.count])).toEqual([
      [ask(before).section, "yes", 1],
    ]);
  });

  it("with a review log holds the question of the latest answer only, and round-trips", async () => {
    const bot = createBot({ reviewLog: new MemoryReviewLog() });
    const chat = bot.chat("c");
    await chat.say("how much magnesium should I take?");
    await chat.say("hello");
    const saved = (await bot.store.get("conv:c")) as ConversationState;
    expect(saved.feedback).toEqual({ question: { answer: 1, text: "how much magnesium should I take?" } });
    expect(structuredClone(saved)).toEqual(saved);
  });

  it("saved before ADR 18 (answers asked about, a question tied by key) is read in today's shape", () => {
    const now = START;
    const old = {
      ...restoreState(undefined, now, 1),
      feedback: {
        offered: ["magnesium:0123abcd", "causes:89abcdef"],
        voted: ["causes:89abcdef"],
        question: { answer: "magnesium:0123abcd", text: "how much magnesium should I take?" },
      },
    };
    expect(restoreState(old, now, 60_000).feedback).toEqual({ voted: ["causes:89abcdef"] });
    const bare = { ...old, feedback: { offered: ["magnesium:0123abcd"], voted: [] } };
    expect(restoreState(bare, now, 60_000).feedback).toBeUndefined();
    const current = { ...old, feedback: { voted: ["causes:89abcdef"], question: { answer: 3, text: "x" } } };
    expect(restoreState(current, now, 60_000).feedback).toBe(current.feedback);
  });
});
