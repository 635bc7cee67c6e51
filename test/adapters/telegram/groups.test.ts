// The Telegram adapter in group chats: who it answers, and one conversation per person.
import { describe, expect, it } from "vitest";
import { fakeUser, groupChat } from "../../fakes/telegram-api/server.js";
import { startBot } from "./support.js";

const alice = fakeUser(11, "Alice", "alice");
const bob = fakeUser(22, "Bob", "bob");
const group = groupChat(-100555, "Night owls");

describe("telegram adapter: group chats", () => {
  it("ignores a message without a mention and answers a mention", async () => {
    const { fake, handler } = await startBot();
    fake.sendText(alice, group, "my calves hurt every night");
    const mention = fake.sendText(alice, group, "@CrampTestBot what helps with calf cramps?");
    const [sent] = await fake.waitForCalls("sendMessage", 1, { okOnly: true });
    expect(handler.messages).toEqual([
      {
        platform: "telegram",
        conversationId: "telegram:-100555:11",
        userId: "11",
        kind: "text",
        text: "what helps with calf cramps?",
      },
    ]);
    expect(sent?.params).toMatchObject({
      chat_id: -100555,
      reply_parameters: { message_id: mention.message?.message_id, allow_sending_without_reply: true },
    });
  });

  it("answers its commands, with or without @botname, and ignores commands for other bots", async () => {
    const { fake, handler } = await startBot();
    fake.sendText(alice, group, "/help@OtherBot");
    fake.sendText(alice, group, "/weather");
    fake.sendText(alice, group, "/checkup@CrampTestBot");
    fake.sendText(alice, group, "/stretch");
    await fake.waitForCalls("sendMessage", 2, { okOnly: true });
    fake.sendText(alice, group, "@CrampTestBot thanks");
    await fake.waitForCalls("sendMessage", 3, { okOnly: true });
    expect(handler.messages.map((message) => message.text)).toEqual(["/checkup", "/stretch", "thanks"]);
  });

  it("answers a reply to its own message, and a sticker only when it replies to the bot", async () => {
    const { fake, handler } = await startBot();
    fake.sendText(alice, group, "/topics");
    await fake.waitForCalls("sendMessage", 1, { okOnly: true });
    const botMessage = fake.sentMessages[0]?.message;
    if (!botMessage) throw new Error("no bot message");
    fake.sendMedia(bob, group, "sticker");
    fake.sendText(bob, group, "what about magnesium?", { replyTo: botMessage });
    fake.sendMedia(bob, group, "sticker", { replyTo: botMessage });
    await fake.waitForCalls("sendMessage", 3, { okOnly: true });
    expect(handler.messages.slice(1)).toEqual([
      {
        platform: "telegram",
        conversationId: "telegram:-100555:22",
        userId: "22",
        kind: "text",
        text: "what about magnesium?",
      },
      { platform: "telegram", conversationId: "telegram:-100555:22", userId: "22", kind: "unsupported" },
    ]);
  });

  it("keeps a separate conversation for each person in a group", async () => {
    const { fake, handler } = await startBot();
    fake.sendText(alice, group, "@CrampTestBot hello");
    fake.sendText(bob, group, "@CrampTestBot hello too");
    await fake.waitForCalls("sendMessage", 2, { okOnly: true });
    const ids = handler.messages.map((message) => [message.userId, message.conversationId]);
    expect(ids).toEqual([
      ["11", "telegram:-100555:11"],
      ["22", "telegram:-100555:22"],
    ]);
  });

  it("gives a button tap in a group to the person who tapped", async () => {
    const { fake, handler } = await startBot({
      script: (message) => ({
        intent: "answer",
        text: message.kind === "button" ? "More on stretching." : "Pick one",
        suggestions: message.kind === "button" ? [] : [{ label: "Stretch", id: "stretch" }],
        section: null,
      }),
    });
    fake.sendText(alice, group, "/topics");
    await fake.waitForCalls("sendMessage", 1, { okOnly: true });
    const botMessage = fake.sentMessages[0]?.message;
    if (!botMessage) throw new Error("no bot message");
    fake.pressButton(bob, botMessage, "stretch");
    await fake.waitForCalls("sendMessage", 2, { okOnly: true });
    expect(fake.callsOf("answerCallbackQuery").map((call) => call.status)).toEqual([200]);
    expect(handler.messages[1]).toEqual({
      platform: "telegram",
      conversationId: "telegram:-100555:22",
      userId: "22",
      kind: "button",
      buttonId: "stretch",
    });
  });
});
