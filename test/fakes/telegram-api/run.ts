// Runs the fake Telegram Bot API standalone so a person can chat with a locally started bot from the terminal.
import { createInterface } from "node:readline";
import {
  FAKE_TELEGRAM_TOKEN,
  type FakeMessage,
  fakeUser,
  groupChat,
  privateChat,
  startFakeTelegram,
} from "./server.js";

const HELP = `Type a line to send it to the bot from a private chat. Other inputs:
  :group <text>   send <text> in a group chat (mention the bot or use a /command to get an answer)
  :sticker        send a sticker
  :press <n>      press button <n> (1-based) under the bot's last message
  :calls          list the API calls recorded so far
  :quit           stop`;

const port = Number(process.env.FAKE_TELEGRAM_PORT ?? 8081);
const fake = await startFakeTelegram({ port });
const user = fakeUser(1001, "Alex", "alex");
const chat = privateChat(user);
const group = groupChat(-1001234, "Cramp club");
let lastBotMessage: FakeMessage | undefined;

fake.onCall((call) => {
  if (call.status === 0) return;
  if (call.method !== "sendMessage" || call.status !== 200) {
    if (call.method !== "getUpdates") console.log(`  [${call.method} -> ${call.status}]`);
    return;
  }
  const sent = fake.sentMessages.at(-1);
  if (!sent) return;
  lastBotMessage = sent.message;
  console.log(`\nbot> ${sent.message.text ?? ""}`);
  const rows = (sent.message.reply_markup as { inline_keyboard?: { text: string }[][] } | undefined)
    ?.inline_keyboard;
  const labels = (rows ?? []).flat().map((button, index) => `[${index + 1}] ${button.text}`);
  if (labels.length > 0) console.log(`     ${labels.join("  ")}`);
});

console.log(`Fake Telegram Bot API on ${fake.apiRoot}
Start the bot with TELEGRAM_TOKEN=${FAKE_TELEGRAM_TOKEN} TELEGRAM_API_ROOT=${fake.apiRoot}
${HELP}`);

const input = createInterface({ input: process.stdin });
for await (const line of input) {
  const [command, ...rest] = line.trim().split(" ");
  const argument = rest.join(" ");
  if (command === ":quit") break;
  if (command === ":group") fake.sendText(user, group, argument);
  else if (command === ":sticker") fake.sendMedia(user, chat, "sticker");
  else if (command === ":calls")
    for (const call of fake.calls) console.log(`  ${call.method} ${call.status}`);
  else if (command === ":press") {
    const rows = (
      lastBotMessage?.reply_markup as { inline_keyboard?: { callback_data?: string }[][] } | undefined
    )?.inline_keyboard;
    const data = (rows ?? []).flat()[Number(argument) - 1]?.callback_data;
    if (lastBotMessage && data) fake.pressButton(user, lastBotMessage, data);
    else console.log("  no such button");
  } else if (line.trim() !== "") fake.sendText(user, chat, line.trim());
}
input.close();
await fake.close();
