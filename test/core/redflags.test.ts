// Medical red flags: checked before anything else; an urgent reply sends the user to a doctor and gives no cramp tips.
import { beforeAll, describe, expect, it } from "vitest";
import type { Reply } from "../../src/core/types.js";
import { type Bot, createBot, describeReply } from "../support/bot.js";

let bot: Bot;
let seekHelpLine: string;
beforeAll(() => {
  bot = createBot({ rateLimit: { messages: 1000, windowMs: 60_000 } });
  seekHelpLine = bot.engine.intents.urgent.reply.split("\n")[0]?.split(". ")[0] ?? "";
});

function expectUrgent(reply: Reply, text: string): void {
  const why = `"${text}" -> ${describeReply(reply)}`;
  expect(reply.intent, why).toBe("urgent");
  expect(reply.text.startsWith(seekHelpLine), why).toBe(true);
  expect(reply.section, why).toBeNull();
  // No cramp tips: no section text, no section buttons.
  expect(reply.text).not.toContain("Source:");
  expect(reply.text).not.toMatch(/magnesium|vitamin|stretch your|litres/i);
  expect(reply.suggestions.filter((s) => s.id.startsWith("section:"))).toEqual([]);
}

describe("urgent symptoms get 'seek medical help' and no cramp tips", () => {
  const cases: [string, string][] = [
    ["my calf is swollen, red and warm after a long flight", "swollen-leg"],
    ["my calf is red and warm to the touch", "red-or-hot-calf"],
    ["I have chest pain and leg cramps", "chest"],
    ["I'm short of breath and my calf hurts", "breathless"],
    ["my leg is numb after the cramp", "numb-or-weak"],
    ["my foot is cold and pale", "cold-pale-foot"],
    ["I've had a cramp for 20 minutes", "cramp-that-will-not-ease"],
    ["this cramp has been going for twenty minutes", "cramp-that-will-not-ease"],
    ["my cramp won't go away", "cramp-that-will-not-ease"],
    ["my cramp wont go away", "cramp-that-will-not-ease"],
    ["I got a cramp after a fall", "after-injury"],
    ["my calf has hurt since my long flight yesterday", "painful-calf-after-immobility"],
    ["could this be a blood clot?", "clot-words"],
  ];
  for (const [text, rule] of cases) {
    it(`treats "${text}" as urgent (${rule})`, async () => {
      expect(bot.engine.reader.read(text).redFlags.urgent).toBe(rule);
      expectUrgent(await bot.chat().say(text), text);
    });
  }

  it("stays urgent when the symptom is asked in capitals with typos", async () => {
    const text = "MY CALF IS SWOLEN AND RED";
    expectUrgent(await bot.chat().say(text), text);
  });

  it("wins over an answer in the same message", async () => {
    const text = "how much magnesium should I take, my leg is numb";
    expectUrgent(await bot.chat().say(text), text);
  });
});

describe("red flags win over open dialogues", () => {
  it("answers urgently in the middle of the check-up", async () => {
    const chat = bot.chat();
    await chat.say("/checkup");
    await chat.say("about a litre");
    expectUrgent(await chat.say("my chest hurts"), "my chest hurts");
  });

  it("answers urgently in the middle of the stretch coach", async () => {
    const chat = bot.chat();
    await chat.say("/stretch");
    await chat.say("next");
    expectUrgent(await chat.say("my leg is numb"), "my leg is numb");
  });

  it("stays urgent even for a red flag pressed between stretch steps", async () => {
    const chat = bot.chat();
    await chat.say("/stretch");
    // "next" would move the stretch on; a red flag must not be read as a step command.
    expectUrgent(await chat.say("next, but my calf is swollen"), "next, but my calf is swollen");
  });
});

describe("negations and near misses are not urgent", () => {
  for (const text of [
    "no swelling, just cramps",
    "my legs aren't swollen, just crampy",
    "no chest pain, just leg cramps",
    "my leg is not numb but it cramps",
    "does a warm bath help cramps",
    "I sleep 5 hours a night and get cramps",
    "I fell asleep and got a cramp",
    "I walk for 30 minutes every evening and still get leg cramps",
    "a cramp that lasted 5 minutes",
    "cold weather makes my cramps worse",
    "is red wine bad for cramps",
  ]) {
    it(`does not treat "${text}" as urgent`, async () => {
      expect(bot.engine.reader.read(text).redFlags.urgent).toBeNull();
      const reply = await bot.chat().say(text);
      expect(reply.intent, describeReply(reply)).not.toBe("urgent");
    });
  }

  // BUG: a duration right *before* its activity is not excluded: the code excludes "I sleep 5 hours" (activity before
  // the number) but its own example "a 10 hour flight" (activity after the number) still fires
  // "cramp-that-will-not-ease", so the user is told to seek medical help now.
  it("does not treat 'I get cramps after a 10 hour flight' as a 10-hour cramp", async () => {
    const reply = await bot.chat().say("I get cramps after a 10 hour flight");
    expect(reply.intent, describeReply(reply)).not.toBe("urgent");
  });

  // BUG: any duration over 10 minutes near a cramp word fires "cramp-that-will-not-ease", whatever it measures:
  // "I stretch for 15 minutes every night but still get cramps" gets "seek medical help now".
  it("does not treat 'I stretch for 15 minutes every night but still get cramps' as urgent", async () => {
    const reply = await bot.chat().say("I stretch for 15 minutes every night but still get cramps");
    expect(reply.intent, describeReply(reply)).not.toBe("urgent");
  });
});

describe("advisories", () => {
  it("tells someone whose cramps began with a new medicine to see their doctor, and still answers", async () => {
    const reply = await bot.chat().say("my cramps started after a new medicine");
    expect(reply.intent).toBe("answer");
    expect(reply.text).toMatch(/see your doctor/i);
    expect(reply.text.indexOf("see your doctor")).toBeLessThan(reply.text.indexOf("Source:"));
    expect(reply.section?.id).toBe("causes");
  });

  it("puts the advisory first even when the question names its own section", async () => {
    const reply = await bot
      .chat()
      .say("I started a new medicine and get leg cramps, how much magnesium should I take?");
    expect(reply.text).toMatch(/^Cramps that began after starting a new medicine/);
    expect(reply.section?.id).toBe("magnesium.supplements");
  });
});

describe("red flags found in everyday wording", () => {
  it("flags breathlessness, a fall and a cramp that will not ease however they are put", async () => {
    const bot = createBot();
    for (const text of [
      "my calf cramped and now I'm struggling to catch my breath",
      "mate i came off a ladder on tuesday and the leg's been cramping ever since",
      "it's been like 15 min and it's still not easing",
    ]) {
      const reply = await bot.chat().say(text);
      expect(reply.intent, `"${text}" -> ${describeReply(reply)}`).toBe("urgent");
    }
  });

  it("does not flag a night of broken sleep or a turn of phrase", async () => {
    const bot = createBot();
    for (const text of [
      "Since the baby arrived I barely get two hours in a row, and now my legs cramp on top of that.",
      "Could less sunshine down here be knocking my vitamin D around?",
    ]) {
      const reply = await bot.chat().say(text);
      expect(reply.intent, `"${text}" -> ${describeReply(reply)}`).not.toBe("urgent");
    }
  });
});
