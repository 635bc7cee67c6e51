// "Helpful?" on Telegram, through the service against the fake Bot API: an answer carries one inline-keyboard row
// of the two votes; a press is a callback query, answered, thanked and counted once (a second press is not), and
// the count shows in /metrics.
import { describe, expect, it, onTestFinished } from "vitest";
import { createService } from "../../../src/service/service.js";
import { fakeUser, privateChat, startFakeTelegram } from "../../fakes/telegram-api/server.js";
import { testConfig } from "../../service/support.js";
import { recordingSleep } from "./support.js";

const alice = fakeUser(21, "Alice", "alice");
const dm = privateChat(alice);

interface Button {
  text: string;
  callback_data: string;
}

describe("Telegram: feedback on answers", () => {
  it("shows one vote row under an answer, answers the callback queries and counts a vote once", async () => {
    const fake = await startFakeTelegram();
    onTestFinished(() => fake.close());
    const service = createService(
      testConfig({ TELEGRAM_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot }),
      {
        defaultMetrics: false,
        telegram: { typingDelayMs: 0, pollingTimeoutSeconds: 5, sleep: recordingSleep().sleep },
      },
    );
    onTestFinished(() => service.stop().catch(() => {}));
    await service.start();

    fake.sendText(alice, dm, "how much magnesium should I take?");
    await fake.waitForCalls("sendMessage", 1, { okOnly: true });
    const answer = fake.sentMessages.at(-1);
    if (answer === undefined) throw new Error("no answer sent");
    const rows = (answer.message.reply_markup as { inline_keyboard: Button[][] } | undefined)
      ?.inline_keyboard;
    const votes = rows?.[0] ?? [];
    expect(votes.map((b) => b.text)).toEqual(["👍 Helpful", "👎 Not really"]);
    expect(votes.map((b) => b.callback_data)).toEqual([
      expect.stringMatching(/^vote:yes:magnesium\.supplements:[0-9a-f]{8}:[0-9a-z]{1,6}$/),
      expect.stringMatching(/^vote:no:magnesium\.supplements:[0-9a-f]{8}:[0-9a-z]{1,6}$/),
    ]);
    // The suggestions keep their own rows below the votes.
    expect(
      rows
        ?.slice(1)
        .flat()
        .every((b) => b.callback_data.startsWith("section:")),
    ).toBe(true);

    // callback_data holds at most 64 bytes.
    for (const b of votes) expect(Buffer.byteLength(b.callback_data)).toBeLessThanOrEqual(64);
    const yes = votes[0]?.callback_data ?? "";
    // A forged vote (an answer this chat never got) is answered kindly and counts nothing.
    fake.pressButton(alice, answer.message, yes.replace(/:[0-9a-z]+$/, ":9"));
    await fake.waitForCalls("sendMessage", 2, { okOnly: true });
    expect(fake.sentMessages.at(-1)?.message.text).toBe(
      "That button has expired. What would you like to know?",
    );
    fake.pressButton(alice, answer.message, yes);
    await fake.waitForCalls("sendMessage", 3, { okOnly: true });
    expect(fake.sentMessages.at(-1)?.message.text).toBe("Thanks for letting me know — glad it helped.");
    fake.pressButton(alice, answer.message, yes);
    await fake.waitForCalls("sendMessage", 4, { okOnly: true });
    expect(fake.sentMessages.at(-1)?.message.text).toBe("You've already rated that answer — thank you.");
    expect((await fake.waitForCalls("answerCallbackQuery", 3, { okOnly: true })).length).toBe(3);

    const metrics = await (await fetch(`${service.url}/metrics`)).text();
    expect(metrics).toContain('crampbot_feedback_total{section="magnesium.supplements",vote="yes"} 1');
    expect(metrics).not.toContain('vote="no"');
    expect(await service.feedback.counts()).toEqual([
      { section: "magnesium.supplements", version: yes.split(":")[3], vote: "yes", count: 1 },
    ]);
  });

  it("asks nothing under small talk or a red-flag reply", async () => {
    const fake = await startFakeTelegram();
    onTestFinished(() => fake.close());
    const service = createService(
      testConfig({ TELEGRAM_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot }),
      {
        defaultMetrics: false,
        telegram: { typingDelayMs: 0, pollingTimeoutSeconds: 5, sleep: recordingSleep().sleep },
      },
    );
    onTestFinished(() => service.stop().catch(() => {}));
    await service.start();
    fake.sendText(alice, dm, "hello");
    await fake.waitForCalls("sendMessage", 1, { okOnly: true });
    fake.sendText(alice, dm, "I have chest pain and my calf is swollen and hot");
    await fake.waitForCalls("sendMessage", 2, { okOnly: true });
    const metrics = await (await fetch(`${service.url}/metrics`)).text();
    expect(metrics).toContain("crampbot_urgent_total 1");
    expect(metrics).toContain('crampbot_messages_total{platform="telegram",intent="greeting"} 1');
    for (const sent of fake.sentMessages) {
      const rows =
        (sent.message.reply_markup as { inline_keyboard: Button[][] } | undefined)?.inline_keyboard ?? [];
      expect(rows.flat().some((b) => b.callback_data.startsWith("vote:"))).toBe(false);
    }
  });
});
