// Conversation context: follow-ups that lean on the answer before ("what dose?", "and for magnesium?", "tell me more"),
// and when that context is forgotten (30 minutes of silence, "start over").
import { beforeAll, describe, expect, it } from "vitest";
import { CONTEXT_TTL_MS, freshState, restoreState } from "../../src/core/state.js";
import type { Reply } from "../../src/core/types.js";
import { type Bot, createBot, describeReply, expectChain, MINUTE, START, sayAll } from "../support/bot.js";

let bot: Bot;
beforeAll(() => {
  bot = createBot({ rateLimit: { messages: 1000, windowMs: 60_000 } });
});

const sections = (replies: Reply[]) => replies.map((r) => r.section?.id ?? r.intent);

describe("follow-up questions in one conversation", () => {
  it("follows a magnesium conversation through 'what dose?', 'can it upset my stomach?' and 'from food?'", async () => {
    const replies = await expectChain(bot.chat(), [
      ["what does magnesium have to do with cramps", "magnesium"],
      ["what dose?", "magnesium.supplements"],
      ["can it upset my stomach?", "magnesium.supplements"],
      ["where do I get it from food?", "magnesium.food"],
    ]);
    expect(replies.every((r) => r.intent === "answer")).toBe(true);
  });

  it("answers 'what dose?' after a magnesium question with the magnesium supplement section", async () => {
    const [, dose] = await sayAll(bot.chat(), ["why is magnesium important", "what dose?"]);
    expect(dose?.section?.id).toBe("magnesium.supplements");
    expect(dose?.text).toContain("100 mg");
  });

  it("keeps the dose facet when the topic switches: 'same question for vitamin D'", async () => {
    await expectChain(bot.chat(), [
      ["magnesium dosage please", "magnesium.supplements"],
      ["same question for vitamin D", "vitamin-d.supplements"],
    ]);
  });

  it("keeps the food facet when the topic switches: 'and for magnesium?'", async () => {
    await expectChain(bot.chat(), [
      ["what should I eat for vitamin D", "vitamin-d.food"],
      ["and for magnesium?", "magnesium.food"],
    ]);
  });

  it("shows the deeper text of the same section for 'tell me more'", async () => {
    const chat = bot.chat();
    const section = bot.engine.knowledge.byId.get("magnesium.supplements");
    const [first, more] = await sayAll(chat, ["how much magnesium should I take", "tell me more"]);
    expect(first?.section?.id).toBe("magnesium.supplements");
    expect(more?.intent).toBe("answer");
    expect(more?.section?.id).toBe("magnesium.supplements");
    expect(more?.text).toContain(section?.more.slice(0, 60));
    expect(more?.text).not.toContain(section?.answer.slice(0, 60));
  });

  it("moves on to another section for 'what else?'", async () => {
    const [first, next] = await sayAll(bot.chat(), ["how much magnesium should I take", "what else?"]);
    expect(first?.section?.id).toBe("magnesium.supplements");
    expect(next?.intent).toBe("answer");
    expect(next?.section?.id).not.toBe("magnesium.supplements");
    expect(bot.engine.knowledge.byId.get("magnesium.supplements")?.followups).toContain(next?.section?.id);
  });

  it("after one remedy, 'what else?' moves on to the list of what to do", async () => {
    const [first, next] = await sayAll(bot.chat(), ["how do I stretch my calves", "what else?"]);
    expect(first?.section?.id).toBe("stretching");
    expect(next?.section?.id).toBe("prevention");
  });

  it("after the deeper text, 'tell me more' goes to a follow-up section", async () => {
    const replies = await sayAll(bot.chat(), [
      "how much magnesium should I take",
      "tell me more",
      "tell me more",
    ]);
    expect(sections(replies)).toEqual(["magnesium.supplements", "magnesium.supplements", "magnesium.food"]);
  });

  it("answers a pressed button 'section:hydration' with the hydration section", async () => {
    const chat = bot.chat();
    await chat.say("how much magnesium should I take");
    const reply = await chat.press("section:hydration");
    expect(reply.intent).toBe("answer");
    expect(reply.section?.id).toBe("hydration");
  });

  it("takes 'yes' as the first suggestion of the last reply", async () => {
    const chat = bot.chat();
    const first = await chat.say("what causes leg cramps");
    const yes = await chat.say("yes");
    expect(yes.section?.id).toBe(first.suggestions[0]?.id.replace("section:", ""));
  });

  it("a clarify question is answered by the choice that follows", async () => {
    const chat = bot.chat();
    const clarify = await chat.say("how much should I take?");
    expect(clarify.intent).toBe("clarify");
    const choice = await chat.say("vitamin d");
    expect(choice.section?.id).toBe("vitamin-d.supplements");
  });

  // BUG: when the follow-ups of a section have all been seen, "tell me more" gets a reply with intent "answer" but no
  // section ("That's everything the article says about this"), breaking the rule that every answer names its section.
  it("every 'answer' reply names its section, even when the article has nothing more to say", async () => {
    const chat = bot.chat();
    for (const id of ["vitamin-d.food", "vitamin-d.supplements", "magnesium.food", "vitamin-d.food"]) {
      await chat.press(`section:${id}`);
    }
    await chat.say("tell me more");
    const reply = await chat.say("tell me more");
    expect(reply.intent === "answer" ? reply.section : "not an answer", describeReply(reply)).not.toBeNull();
  });
});

describe("no context", () => {
  it("asks back with two suggestions for 'how much should I take?' in a new conversation", async () => {
    const reply = await bot.chat().say("how much should I take?");
    expect(reply.intent).toBe("clarify");
    expect(reply.suggestions).toHaveLength(2);
  });

  it("asks 'more about what?' for 'tell me more' in a new conversation", async () => {
    const reply = await bot.chat().say("tell me more");
    expect(reply.intent).toBe("fallback");
    expect(reply.text).toContain(bot.engine.intents.messages.no_context.slice(0, 20));
  });

  it("says an unknown button has expired", async () => {
    const reply = await bot.chat().press("section:no-such-section");
    expect(reply.intent).toBe("fallback");
    expect(reply.text).toBe(bot.engine.intents.messages.unknown_button);
  });
});

describe("forgetting the context", () => {
  it("keeps the context for 29 minutes of silence", async () => {
    const own = createBot();
    const chat = own.chat();
    await chat.say("how much magnesium should I take");
    own.clock.advance(29 * MINUTE);
    expect((await chat.say("what dose?")).section?.id).toBe("magnesium.supplements");
  });

  it("forgets it after 30 minutes of silence: 'what dose?' then asks which supplement", async () => {
    const own = createBot();
    const chat = own.chat();
    await chat.say("how much magnesium should I take");
    own.clock.advance(30 * MINUTE + 1);
    const reply = await chat.say("what dose?");
    expect(reply.intent, describeReply(reply)).toBe("clarify");
  });

  it("the first answer after the context expired carries the disclaimer again", async () => {
    const own = createBot();
    const chat = own.chat();
    await chat.say("what causes leg cramps");
    own.clock.advance(31 * MINUTE);
    const reply = await chat.say("how do I stretch my calves");
    expect(reply.text).toContain(own.engine.intents.messages.disclaimer);
  });

  for (const command of ["start over", "/reset"]) {
    it(`clears the context on "${command}"`, async () => {
      const chat = bot.chat();
      await chat.say("how much magnesium should I take");
      const reset = await chat.say(command);
      expect(reset.intent).toBe("reset");
      const reply = await chat.say("what dose?");
      expect(reply.intent, describeReply(reply)).toBe("clarify");
    });
  }

  it("'start over' also leaves an open check-up", async () => {
    const chat = bot.chat();
    await chat.say("/checkup");
    await chat.say("start over");
    const reply = await chat.say("how much magnesium should I take");
    expect(reply.intent).toBe("answer");
    expect(reply.suggestions.map((s) => s.id)).not.toContain("dialogue:resume");
  });

  it("start over mid-check-up offers no resume", async () => {
    // The check-up is paused by a question, then the user starts over: nothing is left to carry on with.
    const chat = bot.chat();
    await chat.say("/checkup");
    const question = await chat.say("how much magnesium should I take?");
    expect(question.suggestions[0]?.id).toBe("dialogue:resume");
    const reset = await chat.say("start over");
    expect(reset.intent).toBe("reset");
    expect(reset.text).not.toContain("carry on");
    expect(reset.suggestions.map((s) => s.id)).not.toContain("dialogue:resume");
    const resumed = await chat.say("resume");
    expect(resumed.intent, describeReply(resumed)).not.toBe("checkup");
    const stored = (await bot.store.get(`conv:${chat.id}`)) as { paused: unknown; dialogue: unknown };
    expect(stored.paused).toBeNull();
    expect(stored.dialogue).toBeNull();
  });
});

describe("conversation state", () => {
  it("starts fresh, as plain JSON data", () => {
    const state = freshState(START);
    expect(JSON.parse(JSON.stringify(state))).toEqual(state);
    expect(state).toMatchObject({
      v: 1,
      updatedAt: START,
      answers: 0,
      topic: null,
      dialogue: null,
      recent: [],
    });
  });

  it("is restored when current, dropped when older than the TTL, keeping the rate-limit window", () => {
    const state = { ...freshState(START), topic: "magnesium", answers: 2, recent: [START] };
    expect(restoreState(state, START + CONTEXT_TTL_MS, CONTEXT_TTL_MS).topic).toBe("magnesium");
    const expired = restoreState(state, START + CONTEXT_TTL_MS + 1, CONTEXT_TTL_MS);
    expect(expired.topic).toBeNull();
    expect(expired.answers).toBe(0);
    expect(expired.recent).toEqual([START]);
  });

  it("replaces anything that is not a state with a fresh one", () => {
    for (const junk of [undefined, null, 42, "state", { v: 2 }, { v: 1, updatedAt: "now" }]) {
      expect(restoreState(junk, START, CONTEXT_TTL_MS)).toEqual(freshState(START));
    }
  });
});

describe("reading what is really asked", () => {
  it("answers a story by the sentence that asks: foods, not supplements, when pills are turned down", async () => {
    await expectChain(bot.chat(), [
      [
        "I'm trying to avoid supplements because my stomach is sensitive. If I want more magnesium from my diet, what should I add?",
        "magnesium.food",
      ],
    ]);
    await expectChain(bot.chat(), [
      ["I'd rather not take pills, can I get enough magnesium from my diet?", "magnesium.food"],
    ]);
  });

  it("takes the topic from the story and the aspect from the question", async () => {
    await expectChain(bot.chat(), [
      [
        "My mum is 80 and housebound, and her GP suggested vitamin D for her cramps. What sort of dose is sensible to start with?",
        "vitamin-d.supplements",
      ],
    ]);
  });

  it("stays on the remedy being discussed when asked what to do about it", async () => {
    await expectChain(bot.chat(), [
      ["could stress be causing my cramps?", "stress"],
      ["what can I do about that before bed?", "stress"],
    ]);
  });

  it("picks the only topic that has the aspect asked about instead of asking which", async () => {
    await expectChain(bot.chat(), [["could a lack of sun be part of it?", "vitamin-d.sunlight"]]);
  });
});

describe("small talk and typos in everyday phrasing", () => {
  it("takes 'thank you, that's actually reassuring' as thanks, but not a request that merely contains 'good'", async () => {
    await expectChain(bot.chat(), [["thank you, that's actually reassuring", "thanks"]]);
    await expectChain(bot.chat(), [["can you recommend a good physio in Leeds", "fallback"]]);
  });

  it("corrects a typo to the real word rather than to a listed misspelling", async () => {
    await expectChain(bot.chat(), [["wats the take home mesage", "summary"]]);
  });
});
