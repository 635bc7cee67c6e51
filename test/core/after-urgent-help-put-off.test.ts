// After a red flag, help put off till later or not wanted is a play-down: the reply stays "seek medical help now"
// (ADR 44). Written for this file, not taken from the eval sets; on main 6733892 these follow-ups were thanked.
import { describe, expect, it } from "vitest";
import { createBot, describeReply, sayAll } from "../support/bot.js";

const bot = createBot({ rateLimit: { messages: 1000, windowMs: 60_000 } });
const RED_FLAG = "my calf has been swollen and red since the cramp on Sunday";

describe("after a red flag, help put off or not wanted", () => {
  it.each([
    "ok I'll see the GP next month if it's not better",
    "thanks, I'll phone the surgery after the weekend if it's still there",
    "I'd rather not bother anyone with this, thanks",
  ])("%s -> still 'seek medical help now'", async (text) => {
    const reply = (await sayAll(bot.chat(), [RED_FLAG, text]))[1];
    if (!reply) throw new Error("no reply");
    expect(reply.intent, describeReply(reply)).toBe("urgent");
  });
});
