// After a red flag, a message that plays it down or asks to be reassured keeps the answer "seek help now" even when it
// also reads as thanks ("I'll be fine, thanks") or names a topic ("I just need more water right?")
// (intents/after-urgent.yaml `play_down`), while a plain thanks, a goodbye or a clearly new subject is answered as
// such. Also the swelling and duration phrases people use in such chats. Written for issue 10.
import { describe, expect, it } from "vitest";
import { createBot } from "../support/bot.js";

const bot = createBot({ rateLimit: { messages: 1000, windowMs: 60_000 } });
const RED_FLAG = "my calf has been cramping for twenty five minutes and it still won't let go";

describe("after a red flag", () => {
  it.each([
    "it's easing a little now, I'll be fine right",
    "fine thanks, it's gone now, I'm just sore",
    "I just need more water right?",
    "it'll go down once I walk around though?",
    "ok but surely I can wait and see till tomorrow",
    "thanks but I'm fit and healthy, it's just a cramp",
    // Trusting one's own watch, and asking for a tip to end it (after two repeats too: see below).
    "I'm a nurse myself so I'll just keep an eye on it",
    "I'll see how it goes overnight",
    "what can I take to make it stop",
  ])("'%s' still gets 'seek medical help now'", async (text) => {
    const chat = bot.chat();
    expect((await chat.say(RED_FLAG)).intent).toBe("urgent");
    expect((await chat.say(text)).intent).toBe("urgent");
  });

  it.each([
    "which drink would make them go away",
    "I'm a pharmacist, I'll monitor it myself and take magnesium",
    "I'll see how it goes, how much water should I drink?",
  ])("'%s' is still about the red flag after two repeats", async (text) => {
    const chat = bot.chat();
    await chat.say(RED_FLAG);
    await chat.say("it's probably nothing though?");
    await chat.say("can it wait till the morning?");
    expect((await chat.say(text)).intent).toBe("urgent");
  });

  it.each([
    ["ok thanks, I'll get it checked", "thanks"],
    ["bye", "goodbye"],
    ["start over", "reset"],
  ])("'%s' is answered as %s", async (text, intent) => {
    const chat = bot.chat();
    await chat.say(RED_FLAG);
    expect((await chat.say(text)).intent).toBe(intent);
  });
});

describe("swelling against the other leg and a cramp called 'one'", () => {
  it("reads 'swollen compared to the other one' in a cramp chat as a red flag", async () => {
    const chat = bot.chat();
    await chat.say("just got off a long flight and my calf is cramping, why?");
    expect((await chat.say("it looks a bit swollen compared to the other one")).intent).toBe("urgent");
  });

  it("reads 'tonight's one went on for the best part of half an hour' as a long cramp", async () => {
    const chat = bot.chat();
    await chat.say("does rubbing help when a cramp's happening");
    expect((await chat.say("last night's one went on for the best part of half an hour")).intent).toBe(
      "urgent",
    );
  });

  it("leaves a short one alone", async () => {
    const chat = bot.chat();
    await chat.say("does rubbing help when a cramp's happening");
    expect((await chat.say("this one lasted about 20 seconds")).intent).not.toBe("urgent");
  });
});
