// Real conversations with the real engine through the real Telegram library and the fake Bot API.
import { describe, expect, it, onTestFinished } from "vitest";
import { createTelegramAdapter } from "../../../src/adapters/telegram/index.js";
import { MemoryStore } from "../../../src/core/store/memory.js";
import { createEngine } from "../../../src/node/create-engine.js";
import { fakeUser, privateChat, startFakeTelegram } from "../../fakes/telegram-api/server.js";
import { RecordingLogger } from "./support.js";

const bob = fakeUser(21, "Bob", "bob");
const dm = privateChat(bob);

async function start() {
  const fake = await startFakeTelegram();
  onTestFinished(() => fake.close());
  const store = new MemoryStore();
  const engine = createEngine({ store });
  const adapter = createTelegramAdapter(
    { handler: engine, store, logger: new RecordingLogger() },
    { token: fake.token, apiRoot: fake.apiRoot, pollingTimeoutSeconds: 5, typingDelayMs: 0 },
  );
  onTestFinished(() => adapter.stop());
  await adapter.start();
  let seen = 0;
  /** Sends a text and resolves with the bot's next sent message. */
  const say = async (text: string) => {
    fake.sendText(bob, dm, text);
    seen++;
    await fake.waitForCalls("sendMessage", seen, { okOnly: true });
    const sent = fake.sentMessages.at(-1);
    if (!sent) throw new Error("no message sent");
    return sent;
  };
  return { fake, say };
}

describe("telegram: conversations with the real engine", () => {
  it("answers a dose question, then a follow-up that switches topic and keeps the aspect", async () => {
    const { say } = await start();
    const first = await say("how much magnesium should I take?");
    expect(first.raw).toContain("100 mg");
    expect(first.raw).toContain("Magnesium Deficiency");
    const second = await say("same question for vitamin D");
    expect(second.raw).toContain("1000 IU");
  });

  it("continues the conversation when an inline button is tapped", async () => {
    const { fake, say } = await start();
    const answer = await say("what causes leg cramps?");
    const keyboard = answer.params.reply_markup as {
      inline_keyboard: { text: string; callback_data: string }[][];
    };
    const button = keyboard.inline_keyboard.flat().find((b) => b.callback_data === "section:magnesium");
    expect(button).toBeDefined();
    fake.pressButton(bob, answer.message, button?.callback_data ?? "");
    await fake.waitForCalls("answerCallbackQuery", 1, { okOnly: true });
    await fake.waitForCalls("sendMessage", 2, { okOnly: true });
    expect(fake.sentMessages.at(-1)?.raw).toContain("enzyme");
  });

  it("runs /checkup to the end with free-text answers and gives tips that cite sections", async () => {
    const { fake, say } = await start();
    expect((await say("/checkup")).raw).toContain("1/5");
    await say("about a litre");
    await say("never");
    await say("rarely");
    await say("hardly any, I work indoors");
    // The tips come with the result card: a photo whose caption starts the text, the rest in a message after it.
    const rest = await say("pretty stressed");
    const tips = `${fake.sentPhotos.at(-1)?.rawCaption}\n\n${rest.raw}`;
    expect(tips).toContain("How to Prevent Leg Cramps › Hydration");
    expect(tips).toContain("The Role of Stress and Mental Well-Being");
  });
});
