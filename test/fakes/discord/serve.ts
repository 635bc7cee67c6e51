// Runs the fake Discord by hand: prints the DISCORD_* variables for `npm start`, turns typed lines into events.
import { createInterface } from "node:readline";
import { FakeDiscord } from "./fake-discord.js";
import type { ApiMessage } from "./payloads.js";

const HELP = `Type a line and press Enter:
  some text            Alice sends the bot a DM
  @some text           Alice mentions the bot in #general
  /ask some question   Alice runs /ask in the DM (also /topics, /checkup, /stretch, /reset)
  #2                   Alice clicks button 2 of the bot's last message with buttons
  help                 this list`;

function flag(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

const port = Number(flag("--port") ?? process.env.FAKE_DISCORD_PORT ?? 0);
const fake = await FakeDiscord.start({
  port,
  // Fixed identity, so the variables stay valid across restarts of the fake.
  applicationId: "1100000000000000001",
  token: "MTEwMDAwMDAwMDAwMDAwMDAwMQ.ZmFrZQ.ZmFrZS1kaXNjb3JkLXRva2VuLWZvci1sb2NhbC11c2U",
});
const alice = fake.user("Alice");
let lastWithButtons: ApiMessage | undefined;

process.stdout.write(`Fake Discord listening.
  export DISCORD_API_ROOT=${fake.apiRoot}
  export DISCORD_TOKEN=${fake.token}
  export DISCORD_APPLICATION_ID=${fake.applicationId}
(gateway ${fake.gateway.url}; this token only works against the fake)

${HELP}
`);

void (async () => {
  await fake.waitForSession({ timeoutMs: 2 ** 31 - 1 });
  process.stdout.write("\n[a bot connected]\n");
})();

void (async () => {
  for (let from = 0; ; from += 1) {
    const sent = await fake.state.outgoing.waitFor(() => true, "anything", { from, timeoutMs: 2 ** 31 - 1 });
    const buttons = sent.message.components.flatMap((row) => row.components);
    if (buttons.length > 0) lastWithButtons = sent.message;
    const labels = buttons
      .map((button, index) => `[#${index + 1} ${button.label ?? button.custom_id}]`)
      .join(" ");
    process.stdout.write(`\nbot (${sent.via}):\n${sent.body.content ?? ""}\n${labels}\n`);
  }
})();

function onLine(line: string): void {
  const text = line.trim();
  if (text === "") return;
  if (text === "help") {
    process.stdout.write(`${HELP}\n`);
    return;
  }
  if (!fake.gateway.hasSession) {
    process.stdout.write("No bot connected yet: start it with the variables above.\n");
    return;
  }
  if (text.startsWith("@")) {
    fake.sendGuildMessage(alice, text.slice(1).trim(), { mentionBot: true });
  } else if (text.startsWith("#")) {
    const button = lastWithButtons?.components.flatMap((row) => row.components)[Number(text.slice(1)) - 1];
    if (!lastWithButtons || !button?.custom_id) {
      process.stdout.write("No such button.\n");
      return;
    }
    fake.clickButton(alice, lastWithButtons, button.custom_id);
  } else if (text.startsWith("/")) {
    const [name = "", ...rest] = text.slice(1).split(/\s+/);
    fake.runSlashCommand(alice, name, name === "ask" ? { options: { question: rest.join(" ") } } : {});
  } else {
    fake.sendDirectMessage(alice, text);
  }
}

const lines = createInterface({ input: process.stdin });
lines.on("line", onLine);
lines.on("close", () => {
  void fake.close().then(() => process.exit(0));
});
process.on("SIGINT", () => {
  void fake.close().then(() => process.exit(0));
});
