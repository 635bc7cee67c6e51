// The check-up dialogue: five habit questions, answered with buttons or free text, then tips citing their sections.
import { beforeAll, describe, expect, it } from "vitest";
import type { CheckupData } from "../../../src/core/dialogues/checkup.js";
import { readLitres } from "../../../src/core/dialogues/checkup.js";
import { PhraseTable, wholeMatch } from "../../../src/core/lexicon.js";
import type { ConversationState } from "../../../src/core/state.js";
import { MemoryStore } from "../../../src/core/store/memory.js";
import type { Reply } from "../../../src/core/types.js";
import { type Bot, type Chat, createBot, describeReply, ManualClock } from "../../support/bot.js";

let bot: Bot;
beforeAll(() => {
  bot = createBot({ rateLimit: { messages: 1000, windowMs: 60_000 } });
});

const data = () => bot.engine.intents.dialogues.checkup as CheckupData;
const units = () => bot.engine.intents.lexicon.litres_per_unit ?? {};
const numbers = () => bot.engine.reader.lexicon.numbers;
const question = (n: number) => data().questions[n]?.text ?? "";

/** The question a reply asks, as "n/5", or null. */
function asked(reply: Reply): string | null {
  return /\*\*(\d)\/5\*\*/.exec(reply.text)?.[1] ?? null;
}

/** Every tip line of a final reply, and the section heading it cites. */
function tipLines(reply: Reply): string[] {
  return reply.text.split("\n").filter((line) => line.startsWith("• "));
}

function expectTipsCiteSections(reply: Reply): void {
  const headings = bot.engine.knowledge.sections.map((s) => s.heading);
  const lines = tipLines(reply);
  expect(lines.length).toBeGreaterThan(0);
  for (const line of lines) {
    const cited = /\(([^()]+)\)$/.exec(line)?.[1];
    expect(headings, line).toContain(cited);
  }
}

describe("the check-up from start to end", () => {
  it("asks five questions and gives tips after free-text answers", async () => {
    const chat = bot.chat();
    const start = await chat.say("/checkup");
    expect(start.intent).toBe("checkup");
    expect(start.text).toContain(data().intro);
    expect(start.text).toContain(question(0));
    expect(start.suggestions.map((s) => s.id)).toEqual([
      "checkup:water:low",
      "checkup:water:mid",
      "checkup:water:high",
    ]);

    const answers = ["about a litre", "no", "rarely", "hardly any", "pretty stressed"];
    const replies: Reply[] = [];
    for (const answer of answers) replies.push(await chat.say(answer));
    expect(replies.slice(0, 4).map(asked)).toEqual(["2", "3", "4", "5"]);
    const last = replies[4] as Reply;
    expect(last.intent).toBe("checkup");
    expect(last.text).toContain(data().tips_intro);
    expectTipsCiteSections(last);
    // One tip per answer that has one: water mid, stretching rarely, nuts rarely, sun little, stress high.
    expect(tipLines(last)).toEqual([
      expect.stringContaining(data().tips.water?.mid?.text ?? "?"),
      expect.stringContaining(data().tips.stretching?.rarely?.text ?? "?"),
      expect.stringContaining(data().tips.nuts?.rarely?.text ?? "?"),
      expect.stringContaining(data().tips.sun?.little?.text ?? "?"),
      expect.stringContaining(data().tips.stress?.high?.text ?? "?"),
    ]);
    expect(last.suggestions.map((s) => s.id)).toEqual([
      "dialogue:stretch",
      "section:massage",
      "section:acupuncture",
    ]);
    // The vitamin D supplement tip gives a dose: the dose caution comes with it.
    expect(last.text).toContain(bot.engine.intents.messages.dose_caution);
  });

  it("reads water amounts in litres: '1.5L' is 1–2 litres, '6 glasses' too, '3 litres' is plenty", async () => {
    for (const [answer, option] of [
      ["1.5L", "mid"],
      ["6 glasses", "mid"],
      ["3 litres", "high"],
      ["half a litre", "low"],
      ["about a litre", "mid"],
    ] as const) {
      const chat = bot.chat();
      await chat.say("/checkup");
      await chat.say(answer);
      for (const text of ["often", "daily", "plenty"]) await chat.say(text);
      const last = await chat.say("fine");
      if (option === "high") {
        // Every other answer was good too: nothing to improve.
        expect(last.text, `${answer}: ${describeReply(last)}`).toContain(data().all_good);
      } else {
        expect(tipLines(last).join("\n"), answer).toContain(data().tips.water?.[option]?.text);
      }
    }
  });

  it("goes through with buttons and ends with 'all good' when every habit is fine", async () => {
    const chat = bot.chat();
    await chat.say("/checkup");
    const presses = [
      "checkup:water:high",
      "checkup:stretching:often",
      "checkup:nuts:often",
      "checkup:sun:plenty",
      "checkup:stress:fine",
    ];
    const replies: Reply[] = [];
    for (const id of presses) replies.push(await chat.press(id));
    expect(replies.slice(0, 4).map(asked)).toEqual(["2", "3", "4", "5"]);
    const last = replies[4] as Reply;
    expect(last.text).toContain(data().all_good);
    expect(tipLines(last)).toEqual([]);
    expect(last.text).toContain(bot.engine.intents.messages.disclaimer);
  });

  it("gives a tip citing its section for each button answer that needs one", async () => {
    const chat = bot.chat();
    await chat.say("/checkup");
    for (const id of [
      "checkup:water:low",
      "checkup:stretching:sometimes",
      "checkup:nuts:sometimes",
      "checkup:sun:some",
      "checkup:stress:some",
    ]) {
      await chat.press(id);
    }
    // The check-up is over: a stale check-up button now expires.
    const stale = await chat.press("checkup:water:low");
    expect(stale.intent).toBe("fallback");
  });

  it("treats a button from another question as expired and stays at the current question", async () => {
    const chat = bot.chat();
    await chat.say("/checkup");
    const reply = await chat.press("checkup:stress:fine");
    expect(reply.intent).toBe("fallback");
    expect(reply.text).toBe(bot.engine.intents.messages.unknown_button);
    const next = await chat.say("1.5L");
    expect(asked(next)).toBe("2");
  });
});

describe("answers the check-up does not understand", () => {
  it("asks again once with an example, then skips the question", async () => {
    const chat = bot.chat();
    await chat.say("/checkup");
    const again = await chat.say("purple elephants");
    expect(again.intent).toBe("checkup");
    expect(again.text).toBe(data().questions[0]?.reprompt);
    expect(again.text).toMatch(/for example/);
    const skipped = await chat.say("purple elephants");
    expect(skipped.text).toContain(data().skipped);
    expect(asked(skipped)).toBe("2");
  });

  it("skips a question on 'skip'", async () => {
    const chat = bot.chat();
    await chat.say("/checkup");
    const reply = await chat.say("skip");
    expect(reply.text).toContain(data().skipped);
    expect(asked(reply)).toBe("2");
  });

  it("leaves the check-up on 'stop'", async () => {
    const chat = bot.chat();
    await chat.say("/checkup");
    await chat.say("1.5L");
    const stop = await chat.say("stop");
    expect(stop.intent).toBe("checkup");
    expect(stop.text).toBe(data().stopped);
    const after = await chat.say("rarely");
    expect(after.intent).not.toBe("checkup");
  });
});

describe("a real question in the middle of the check-up", () => {
  async function interrupted(): Promise<{ chat: Chat; reply: Reply }> {
    const chat = bot.chat();
    await chat.say("/checkup");
    await chat.say("1.5L");
    const reply = await chat.say("wait, how much magnesium should I take?");
    return { chat, reply };
  }

  it("is answered, with a resume suggestion first", async () => {
    const { reply } = await interrupted();
    expect(reply.intent).toBe("answer");
    expect(reply.section?.id).toBe("magnesium.supplements");
    expect(reply.suggestions[0]?.id).toBe("dialogue:resume");
    expect(reply.text).toContain("carry on with the check-up");
  });

  it("resumes at the same question when the resume button is pressed", async () => {
    const { chat } = await interrupted();
    const resumed = await chat.press("dialogue:resume");
    expect(resumed.intent).toBe("checkup");
    expect(resumed.text).toContain(data().resumed);
    expect(resumed.text).toContain(question(1));
  });

  it("resumes at the same question on 'resume' typed", async () => {
    const { chat } = await interrupted();
    const resumed = await chat.say("resume");
    expect(asked(resumed)).toBe("2");
    const next = await chat.say("rarely");
    expect(asked(next)).toBe("3");
  });
});

describe("the check-up state is plain data", () => {
  it("continues at the same question after the stored state is copied into a new store and a new engine", async () => {
    const clock = new ManualClock();
    const store = new MemoryStore({ clock });
    const first = createBot({ clock, store });
    const chat = first.chat("moving-house");
    await chat.say("/checkup");
    await chat.say("1.5L");
    const third = await chat.say("most days");
    expect(asked(third)).toBe("3");

    const stored = (await store.get("conv:moving-house")) as ConversationState;
    expect(stored.dialogue).toEqual({
      kind: "checkup",
      step: 2,
      answers: { water: "mid", stretching: "often" },
      retried: false,
    });
    const copy = structuredClone(stored);
    expect(JSON.parse(JSON.stringify(copy))).toEqual(stored);

    const newStore = new MemoryStore({ clock });
    await newStore.set("conv:moving-house", copy, 30 * 60_000);
    const second = createBot({ clock, store: newStore });
    clock.advance(60_000);
    const next = await second.chat("moving-house").say("rarely");
    expect(asked(next)).toBe("4");
    const restored = (await newStore.get("conv:moving-house")) as ConversationState;
    expect(restored.dialogue).toMatchObject({
      step: 3,
      answers: { water: "mid", stretching: "often", nuts: "rarely" },
    });
  });
});

describe("reading free-text answers", () => {
  it("reads litres from amounts people type", () => {
    expect(readLitres(["1.5", "l"], units(), numbers())).toBe(1.5);
    expect(readLitres(["about", "a", "litre"], units(), numbers())).toBe(1);
    expect(readLitres(["half", "a", "litre"], units(), numbers())).toBe(0.5);
    expect(readLitres(["6", "glass"], units(), numbers())).toBe(1.5);
    expect(readLitres(["2000", "ml"], units(), numbers())).toBe(2);
    expect(readLitres(["2"], units(), numbers())).toBe(2);
    expect(readLitres(["8"], units(), numbers())).toBe(2);
    expect(readLitres(["1500"], units(), numbers())).toBe(1.5);
    expect(readLitres(["a", "lot"], units(), numbers())).toBeNull();
    expect(readLitres(["no"], units(), numbers())).toBeNull();
  });

  it("matches a phrase that makes up the whole message, a filler word aside", () => {
    const table = new PhraseTable<true>();
    table.set(["stop"], true);
    expect(wholeMatch(table, ["stop"])).toBe(true);
    expect(wholeMatch(table, ["please", "stop"])).toBe(true);
    expect(wholeMatch(table, ["do", "not", "stop", "now"])).toBe(false);
    expect(wholeMatch(table, [])).toBe(false);
  });
});
