// The engine end to end: what every reply promises, bad input, rate limits, concurrency and the error boundary.
import { join } from "node:path";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { loadQuestions } from "../../src/cli/eval.js";
import type { ConversationState } from "../../src/core/state.js";
import type { IncomingMessage, Logger, Reply } from "../../src/core/types.js";
import { type Bot, createBot, describeReply, INTENTS, ManualClock, MINUTE } from "../support/bot.js";
import { ROOT } from "../support/data.js";
import { BrokenStore, HangingStore, ReadOnlyStore, SlowStore } from "../support/stores.js";

let bot: Bot;
beforeAll(() => {
  bot = createBot({ rateLimit: { messages: 100_000, windowMs: 60_000 } });
});

const messages = () => bot.engine.intents.messages;
const NOT_MEDICAL_ADVICE = /not medical advice/i;

/** The promises every reply keeps, whatever was asked. */
function expectWellFormed(reply: Reply, context: string): void {
  const why = `${context} -> ${describeReply(reply)}`;
  expect(INTENTS, why).toContain(reply.intent);
  expect(reply.text.trim().length, why).toBeGreaterThan(0);
  expect(reply.text.length, why).toBeLessThanOrEqual(1500);
  // Quinine is named only to say the article does not cover it and it is not recommended (intents/scope.yaml).
  if (/quinine|tonic/i.test(reply.text)) {
    expect(reply.intent, why).toBe("fallback");
    expect(reply.text, why).toMatch(/doesn't cover quinine[\s\S]*not recommended/);
  }
  for (const s of reply.suggestions) {
    expect(Buffer.byteLength(s.id, "utf8"), `${why}: ${s.id}`).toBeLessThanOrEqual(48);
    expect(s.id, why).toMatch(/^[\x21-\x7e]+$/);
    expect(s.label.length, `${why}: ${s.label}`).toBeLessThanOrEqual(40);
  }
  expect(reply.suggestions.length, why).toBeLessThanOrEqual(5);
}

describe("answers", () => {
  it("every section's answer names its section and shows its heading, short and deep", async () => {
    for (const section of bot.engine.knowledge.sections) {
      const chat = bot.chat();
      const reply = await chat.press(`section:${section.id}`);
      expect(reply.intent).toBe("answer");
      expect(reply.section).toEqual({ id: section.id, heading: section.heading });
      expect(reply.text).toContain(section.heading);
      expect(reply.text).toContain(section.answer.slice(0, 40));
      expectWellFormed(reply, section.id);
      if (section.more.length > 0) {
        const more = await chat.say("tell me more");
        expect(more.section?.id, section.id).toBe(section.id);
        expect(more.text).toContain(section.heading);
        expect(more.text).toContain(section.more.slice(0, 40));
        expectWellFormed(more, `${section.id} more`);
      }
    }
  });

  it("the first answer of a conversation carries the 'not medical advice' line; the second does not", async () => {
    const chat = bot.chat();
    const first = await chat.say("what causes leg cramps");
    const second = await chat.say("how do I stretch my calves");
    expect(first.text).toContain(messages().disclaimer);
    expect(first.text).toMatch(NOT_MEDICAL_ADVICE);
    expect(second.intent).toBe("answer");
    expect(second.text).not.toMatch(NOT_MEDICAL_ADVICE);
  });

  it("every dose answer carries the caution, naming a doctor or pharmacist and pregnancy, first or not", async () => {
    const doseSections = bot.engine.knowledge.sections.filter((s) => s.dose);
    expect(doseSections.map((s) => s.id)).toEqual(
      expect.arrayContaining(["magnesium.supplements", "vitamin-d.supplements"]),
    );
    const chat = bot.chat();
    await chat.say("what causes leg cramps");
    for (const section of doseSections) {
      for (const reply of [await chat.press(`section:${section.id}`), await chat.say("tell me more")]) {
        expect(reply.section?.id).toBe(section.id);
        expect(reply.text, section.id).toMatch(NOT_MEDICAL_ADVICE);
        expect(reply.text, section.id).toMatch(/doctor|pharmacist/);
        expect(reply.text, section.id).toMatch(/pregnan/);
      }
    }
  });

  it("answers typed dose questions with the caution too", async () => {
    for (const question of ["how much magnesium should I take", "how much vitamin d should i take daily"]) {
      const chat = bot.chat();
      await chat.say("what causes cramps");
      const reply = await chat.say(question);
      expect(reply.text, question).toContain(messages().dose_caution);
    }
  });

  it("tells someone whose cramps started with a new medicine to see their doctor", async () => {
    const reply = await bot.chat().say("my doctor put me on statins and now I get leg cramps");
    expect(reply.text).toMatch(/see your doctor/i);
    expectWellFormed(reply, "new medicine");
  });

  it("keeps every reply to the labelled questions within the limits and free of quinine and tonic", async () => {
    const questions = [
      ...loadQuestions(join(ROOT, "test", "eval", "questions.jsonl")),
      ...loadQuestions(join(ROOT, "test", "eval", "holdout.jsonl")),
    ];
    expect(questions.length).toBeGreaterThan(100);
    for (const q of questions) {
      const chat = bot.chat();
      const reply = await chat.say(q.text);
      expectWellFormed(reply, q.text);
      if (reply.intent === "answer") expect(reply.text, q.text).toContain(reply.section?.heading ?? "?");
      expectWellFormed(await chat.say("tell me more"), `${q.text} / more`);
    }
  });
});

describe("bad input never throws and gets a kind reply", () => {
  const send = (message: Partial<IncomingMessage>) => bot.chat().send(message);

  it("asks for a question when the message is empty or blank", async () => {
    for (const text of ["", "   ", "\n\t"]) {
      const reply = await send({ text });
      expect(reply.intent).toBe("fallback");
      expect(reply.text).toBe(messages().empty);
      expect(reply.suggestions.length).toBeGreaterThan(0);
    }
    expect((await send({ text: undefined })).text).toBe(messages().empty);
  });

  it("asks for a shorter message when it is over 2,000 characters (10,000 here)", async () => {
    const reply = await send({ text: "my legs cramp at night and I do not know why. ".repeat(220) });
    expect(reply.intent).toBe("fallback");
    expect(reply.text).toContain("2,000");
    expect(reply.text).toBe(messages().too_long.replace("{max}", "2,000"));
  });

  it("still answers urgently when a red flag is buried in a very long message", async () => {
    const text = `${"I like long walks on the beach. ".repeat(300)}Now my calf is swollen and red. ${"ok ".repeat(500)}`;
    expect(text.length).toBeGreaterThan(10_000);
    const reply = await send({ text });
    expect(reply.intent).toBe("urgent");
  });

  it("says it could not read binary or control characters", async () => {
    const reply = await send({ text: "\u0000\u0001\u0002\u001b\u007f\ufffe" });
    expect(reply.intent).toBe("fallback");
    expect(reply.text).toBe(messages().unreadable);
  });

  it("answers emoji with a friendly note", async () => {
    const reply = await send({ text: "😀🎉🦵" });
    expect(reply.intent).toBe("fallback");
    expect(reply.text).toBe(messages().emoji_only);
  });

  it("says it only speaks English for Chinese text", async () => {
    const reply = await send({ text: "为什么我晚上腿抽筋？" });
    expect(reply.intent).toBe("fallback");
    expect(reply.text).toBe(messages().not_english);
  });

  it("tells a Spanish or German speaker that it only understands English", async () => {
    for (const text of [
      "¿Por qué tengo calambres en las piernas por la noche?",
      "Warum habe ich nachts Wadenkrämpfe?",
    ]) {
      const reply = await send({ text });
      expect(reply.intent, text).toBe("fallback");
      expect(reply.text, text).toBe(messages().not_english);
    }
  });

  it("does not take an English question with one Spanish word for another language", async () => {
    const reply = await send({ text: "I get calambres at night, how much magnesium should I take?" });
    expect(reply.intent).toBe("answer");
  });

  it("asks for text when a sticker or photo arrives", async () => {
    const reply = await send({ kind: "unsupported" });
    expect(reply.intent).toBe("fallback");
    expect(reply.text).toBe(messages().unsupported);
  });

  it("says a button without an id has expired", async () => {
    const reply = await send({ kind: "button" });
    expect(reply.text).toBe(messages().unknown_button);
  });

  it("never rejects, and always replies within the limits, for any string (property)", async () => {
    const text = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.string({ unit: "grapheme", maxLength: 80 }),
      fc.string({ unit: "binary", maxLength: 80 }),
      fc.string({ unit: "grapheme-ascii", minLength: 1900, maxLength: 2100 }),
    );
    await fc.assert(
      fc.asyncProperty(text, async (input) => {
        const reply = await bot.chat().say(input);
        expectWellFormed(reply, JSON.stringify(input.slice(0, 60)));
      }),
      { numRuns: 300 },
    );
  });

  it("never rejects in a conversation of random messages, buttons and dialogue commands (property)", async () => {
    const phrases = [
      "what dose?",
      "tell me more",
      "what else?",
      "yes",
      "no",
      "next",
      "back",
      "stop",
      "skip",
      "resume",
      "/checkup",
      "/stretch",
      "/reset",
      "1.5L",
      "how much magnesium should I take",
      "and for vitamin d?",
      "my calf is swollen",
      "how much zinc should I take",
    ];
    const buttons = [
      "section:hydration",
      "dialogue:resume",
      "dialogue:checkup",
      "stretch:next",
      "checkup:water:low",
      "checkup:stretching:often",
      "more",
      "nonsense",
    ];
    const message = fc.oneof(
      fc.constantFrom(...phrases).map((text): Partial<IncomingMessage> => ({ kind: "text", text })),
      fc
        .string({ unit: "grapheme", maxLength: 40 })
        .map((text): Partial<IncomingMessage> => ({ kind: "text", text })),
      fc.constantFrom(...buttons).map((buttonId): Partial<IncomingMessage> => ({ kind: "button", buttonId })),
      fc.constant<Partial<IncomingMessage>>({ kind: "unsupported" }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(message, { minLength: 1, maxLength: 10 }), async (conversation) => {
        const chat = bot.chat();
        for (const m of conversation) expectWellFormed(await chat.send(m), JSON.stringify(m));
      }),
      { numRuns: 200 },
    );
  });
});

describe("rate limit", () => {
  it("answers three messages a minute, then asks the user to wait, then answers again after the window", async () => {
    const own = createBot({ rateLimit: { messages: 3, windowMs: 60_000 } });
    const chat = own.chat();
    for (const text of ["what causes cramps", "tell me more", "what else?"]) {
      expect((await chat.say(text)).intent, text).toBe("answer");
      own.clock.advance(1000);
    }
    const limited = await chat.say("how do I stretch my calves");
    expect(limited.intent).toBe("fallback");
    expect(limited.text).toBe(own.engine.intents.messages.rate_limited);

    own.clock.advance(60_000);
    const again = await chat.say("how do I stretch my calves");
    expect(again.intent).toBe("answer");
    expect(again.section?.id).toBe("stretching");
  });

  it("limits each conversation on its own", async () => {
    const own = createBot({ rateLimit: { messages: 3, windowMs: 60_000 } });
    const busy = own.chat();
    for (let i = 0; i < 4; i++) await busy.say("hello");
    expect((await busy.say("hello")).text).toBe(own.engine.intents.messages.rate_limited);
    expect((await own.chat().say("hello")).intent).toBe("greeting");
  });

  it("still answers a red flag urgently while the conversation is limited", async () => {
    const own = createBot({ rateLimit: { messages: 3, windowMs: 60_000 } });
    const chat = own.chat();
    for (let i = 0; i < 3; i++) await chat.say("what causes cramps");
    expect((await chat.say("what causes cramps")).text).toBe(own.engine.intents.messages.rate_limited);
    expect((await chat.say("I have chest pain")).intent).toBe("urgent");
  });
});

describe("concurrency", () => {
  it("answers 20 messages of one conversation sent at once, and the stored state counts all of them", async () => {
    const clock = new ManualClock();
    const store = new SlowStore(clock);
    const own = createBot({ clock, store, rateLimit: { messages: 100, windowMs: 60_000 } });
    const chat = own.chat("busy");
    const replies = await Promise.all(
      Array.from({ length: 20 }, () => chat.say("how much magnesium should I take")),
    );
    expect(replies.map((r) => r.section?.id)).toEqual(Array(20).fill("magnesium.supplements"));
    const state = (await store.get("conv:busy")) as ConversationState;
    expect(state.answers).toBe(20);
    expect(state.recent).toHaveLength(20);
    expect(store.writes).toBe(20);
  });

  it("answers a conversation's turns in order after it went quiet, and holds no more queues than it needs", async () => {
    const clock = new ManualClock();
    const store = new SlowStore(clock);
    const own = createBot({ clock, store, rateLimit: { messages: 100, windowMs: 60_000 } });
    const chat = own.chat("again");
    await chat.say("how much magnesium should I take");
    // Its queue is done; the next burst queues after it, and every turn is counted.
    await Promise.all(Array.from({ length: 5 }, () => chat.say("how much magnesium should I take")));
    expect(((await store.get("conv:again")) as ConversationState).answers).toBe(6);
    // Many conversations, one turn each: the queues of finished turns are dropped once there are a thousand or so.
    for (let i = 0; i < 1500; i++)
      await own.engine.handle({
        platform: "test",
        conversationId: `c${i}`,
        userId: "u",
        kind: "text",
        text: "hello",
      });
    const queues = (own.engine as unknown as { locks: Map<string, unknown> }).locks;
    expect(queues.size).toBeLessThanOrEqual(1025);
    expect(queues.size).toBeGreaterThan(0);
  });

  it("keeps concurrent conversations apart", async () => {
    const clock = new ManualClock();
    const store = new SlowStore(clock);
    const own = createBot({ clock, store });
    const a = own.chat("a");
    const b = own.chat("b");
    await Promise.all([a.say("what should I eat for vitamin D"), b.say("how much magnesium should I take")]);
    const [ra, rb] = await Promise.all([a.say("and for magnesium?"), b.say("same question for vitamin D")]);
    expect(ra.section?.id).toBe("magnesium.food");
    expect(rb.section?.id).toBe("vitamin-d.supplements");
  });
});

/** A logger that keeps every record, for tests that read what was logged. */
function recordingLogger(): { records: { level: string; obj: object; msg?: string }[]; logger: Logger } {
  const records: { level: string; obj: object; msg?: string }[] = [];
  const keep = (level: string) => (obj: object, msg?: string) => {
    records.push({ level, obj, msg });
  };
  return {
    records,
    logger: { debug: keep("debug"), info: keep("info"), warn: keep("warn"), error: keep("error") },
  };
}

describe("failures", () => {
  it("still answers, statelessly, when every store call fails, and reports each failure", async () => {
    const failed: string[] = [];
    const own = createBot({ store: new BrokenStore(), onStoreError: (operation) => failed.push(operation) });
    const reply = await own.chat().say("how much magnesium should I take");
    expect(reply.intent).toBe("answer");
    expect(reply.section?.id).toBe("magnesium.supplements");
    // The load failed, so nothing is saved: a passing fault never overwrites the real conversation.
    expect(failed).toEqual(["get"]);
  });

  it.each([
    ["fails", () => new BrokenStore()],
    ["never answers", () => new HangingStore()],
    ["is read-only", () => new ReadOnlyStore(new ManualClock())],
  ])("answers a red flag with 'seek medical help now' when the store %s", async (_, makeStore) => {
    const own = createBot({ store: makeStore(), storeTimeoutMs: 20 });
    for (const text of ["my calf is swollen, red and hot", "cramp with chest pain and I can't breathe"]) {
      const reply = await own.chat().say(text);
      expect(reply.intent).toBe("urgent");
      expect(reply.text.startsWith(own.engine.intents.urgent.reply.slice(0, 20))).toBe(true);
    }
  });

  it("gives the computed answer when the save fails, and keeps the conversation key out of the log", async () => {
    const { records, logger } = recordingLogger();
    const failed: string[] = [];
    const clock = new ManualClock();
    const own = createBot({
      clock,
      store: new ReadOnlyStore(clock),
      logger,
      onStoreError: (operation) => failed.push(operation),
    });
    const reply = await own.chat("web:visitor-cookie-secret").say("which nuts have magnesium?");
    expect(reply.section?.id).toBe("magnesium.food");
    expect(failed).toEqual(["lock", "set"]);
    const logged = JSON.stringify(records);
    expect(records.filter((r) => r.level === "warn")).toHaveLength(2);
    expect(logged).not.toContain("visitor-cookie-secret");
  });

  it("does not wait on a store that never answers for longer than the store timeout", async () => {
    const store = new HangingStore();
    const own = createBot({ store, storeTimeoutMs: 20 });
    const reply = await own.chat("h").say("hello");
    expect(reply.intent).toBe("greeting");
    // The lock and the load were tried, timed out, and the turn went on; nothing was saved after a failed load.
    expect(store.pending).toEqual(["lock lock:conv:h", "get conv:h"]);
  });

  it("leaves no store timer behind once a turn is answered, whether the store answered or failed", async () => {
    // A timer left for each store operation would keep a stopping service alive for the whole store timeout.
    const timers = () => process.getActiveResourcesInfo().filter((kind) => kind === "Timeout").length;
    const before = timers();
    const slow = createBot({ store: new SlowStore(new ManualClock()), storeTimeoutMs: 60_000 });
    await slow.chat("t").say("how much magnesium should I take");
    await slow.chat("t").say("and vitamin D?");
    const broken = createBot({ store: new BrokenStore(), storeTimeoutMs: 60_000 });
    expect((await broken.chat("u").say("hello")).intent).toBe("greeting");
    expect(timers()).toBeLessThanOrEqual(before);
  });

  it("never logs the message text or the raw conversation id at info level", async () => {
    const { records, logger } = recordingLogger();
    const own = createBot({ logger });
    await own.chat("alice-private-chat").say("my secret question about magnesium");
    const info = records.filter((r) => r.level === "info");
    expect(info).toHaveLength(1);
    expect(info[0]?.obj).toMatchObject({ intent: "answer", section: "magnesium" });
    const logged = JSON.stringify(info);
    expect(logged).not.toContain("secret");
    expect(logged).not.toContain("alice-private-chat");
  });

  it("closes cleanly, waiting for messages in flight", async () => {
    const own = createBot();
    const pending = own.chat().say("hello");
    await own.engine.close();
    expect((await pending).intent).toBe("greeting");
  });
});

describe("time", () => {
  it("uses only the injected clock: a conversation an hour apart starts over", async () => {
    const own = createBot();
    const chat = own.chat();
    await chat.say("how much magnesium should I take");
    own.clock.advance(60 * MINUTE);
    expect((await chat.say("what dose?")).intent).toBe("clarify");
  });
});
