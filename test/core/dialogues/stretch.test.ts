// The stretch coach: the article's calf stretch one step at a time, driven by "next", "back" and "stop".
import { beforeAll, describe, expect, it } from "vitest";
import type { StretchData } from "../../../src/core/dialogues/stretch.js";
import type { Reply } from "../../../src/core/types.js";
import { type Bot, createBot } from "../../support/bot.js";

let bot: Bot;
beforeAll(() => {
  bot = createBot({ rateLimit: { messages: 1000, windowMs: 60_000 } });
});

const data = () => bot.engine.intents.dialogues.stretch as StretchData;

describe("the stretch coach", () => {
  it("walks through every step on 'next': position, lean, hold, release, 6–8 times per leg, switch legs", async () => {
    const chat = bot.chat();
    const replies: Reply[] = [await chat.say("/stretch")];
    for (let i = 0; i < data().steps.length; i++) replies.push(await chat.say("next"));

    const [start, ...rest] = replies;
    expect(start?.intent).toBe("stretch");
    expect(start?.text).toContain(data().intro);
    const steps = [start, ...rest.slice(0, -1)].map((r) => r?.text ?? "");
    expect(steps).toHaveLength(6);
    const expected = [/position/i, /lean/i, /hold/i, /release/i, /6–8 times on this leg/, /switch legs/i];
    steps.forEach((text, i) => {
      expect(text).toContain(data().steps[i]);
      expect(text).toMatch(expected[i] as RegExp);
    });
    for (const reply of replies.slice(0, -1)) {
      expect(reply.suggestions.map((s) => s.id)).toEqual(["stretch:next", "stretch:stop"]);
    }

    const finished = rest.at(-1);
    expect(finished?.intent).toBe("stretch");
    expect(finished?.text).toContain(data().finished);
    expect(finished?.suggestions.map((s) => s.id)).toEqual([
      "section:massage",
      "section:hydration",
      "dialogue:checkup",
    ]);
  });

  it("understands other ways of saying next ('done', 'ok', 'got it')", async () => {
    const chat = bot.chat();
    await chat.say("/stretch");
    expect((await chat.say("done")).text).toContain(data().steps[1]);
    expect((await chat.say("ok")).text).toContain(data().steps[2]);
    expect((await chat.say("got it")).text).toContain(data().steps[3]);
  });

  it("goes one step back on 'back', and stays at the first step", async () => {
    const chat = bot.chat();
    await chat.say("/stretch");
    await chat.say("next");
    await chat.say("next");
    expect((await chat.say("back")).text).toBe(data().steps[1]);
    expect((await chat.say("back")).text).toBe(data().steps[0]);
    expect((await chat.say("back")).text).toBe(data().steps[0]);
  });

  it("stops on 'stop' and then answers questions again", async () => {
    const chat = bot.chat();
    await chat.say("/stretch");
    await chat.say("next");
    const stop = await chat.say("stop");
    expect(stop.intent).toBe("stretch");
    expect(stop.text).toBe(data().stopped);
    const after = await chat.say("next");
    expect(after.intent).not.toBe("stretch");
  });

  it("works with the buttons it offers", async () => {
    const chat = bot.chat();
    await chat.say("/stretch");
    expect((await chat.press("stretch:next")).text).toBe(data().steps[1]);
    expect((await chat.press("stretch:stop")).text).toBe(data().stopped);
  });

  it("shows the current step again when the message is not a step command", async () => {
    const chat = bot.chat();
    await chat.say("/stretch");
    await chat.say("next");
    const again = await chat.say("hmm blah");
    expect(again.intent).toBe("stretch");
    expect(again.text).toBe(data().steps[1]);
  });

  it("answers a real question mid-stretch and resumes at the same step", async () => {
    const chat = bot.chat();
    await chat.say("/stretch");
    await chat.say("next");
    const answer = await chat.say("how much magnesium should I take?");
    expect(answer.intent).toBe("answer");
    expect(answer.suggestions[0]?.id).toBe("dialogue:resume");
    expect(answer.text).toContain("stretch coach");
    const resumed = await chat.press("dialogue:resume");
    expect(resumed.text).toContain(data().resumed);
    expect(resumed.text).toContain(data().steps[1]);
  });

  it("starts from the stretching answer's 'coach me' suggestion", async () => {
    const chat = bot.chat();
    const answer = await chat.say("how do I stretch my calves");
    expect(answer.suggestions.map((s) => s.id)).toContain("dialogue:stretch");
    const start = await chat.press("dialogue:stretch");
    expect(start.intent).toBe("stretch");
    expect(start.text).toContain(data().steps[0]);
  });
});
