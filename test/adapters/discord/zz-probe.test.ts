import { afterEach, describe, expect, it } from "vitest";
import { runDiscordCleanups, setupDiscord } from "../../fakes/discord/harness.js";

afterEach(runDiscordCleanups);
const seen: unknown[] = [];
process.on("unhandledRejection", (e) => { seen.push(["rej", String(e)]); });
process.on("uncaughtException", (e) => { seen.push(["exc", String(e)]); });

describe("probe", () => {
  it("malformed", async () => {
    const { fake, handler, logger } = await setupDiscord();
    const alice = fake.user("Alice");
    fake.dispatch("MESSAGE_CREATE", { id: "1", channel_id: "2" });
    fake.dispatch("MESSAGE_CREATE", null);
    fake.dispatch("INTERACTION_CREATE", { id: "3" });
    fake.dispatch("INTERACTION_CREATE", { id: "4", type: 3 });
    fake.dispatch("MESSAGE_CREATE", { id: "5", channel_id: "2", author: null, content: "x" });
    fake.dispatch("INTERACTION_CREATE", null);
    const q = fake.sendDirectMessage(alice, "hello");
    const answer = await fake.waitForOutgoing({ channelId: q.channel_id });
    console.log("ANSWER", answer.body.content, JSON.stringify(seen), JSON.stringify(logger.lines ?? logger).slice(0, 3000));
    expect(true).toBe(true);
  });
});
