// "Helpful?" in the terminal chat: the line under an answer, `+`/`-` right after it as the vote (counted once, and
// in the service's /metrics when the chat talks to the service's handler), and `+`/`-` anywhere else as plain text.
import { PassThrough, Writable } from "node:stream";
import { describe, expect, it, onTestFinished } from "vitest";
import { runChat } from "../../src/cli/chat.js";
import { createService } from "../../src/service/service.js";
import { testConfig } from "../service/support.js";

/** Runs a chat over `lines` against `handler` and returns everything it printed. */
async function chat(handler: Parameters<typeof runChat>[0], lines: string[]): Promise<string> {
  const input = new PassThrough();
  const chunks: string[] = [];
  const output = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  input.end(`${lines.join("\n")}\n`);
  expect(await runChat(handler, input, output)).toBe(0);
  return chunks.join("");
}

describe("terminal chat: feedback on answers", () => {
  it("offers + and - under an answer, counts the vote typed right after it once, and shows it in /metrics", async () => {
    const service = createService(testConfig(), { defaultMetrics: false });
    onTestFinished(() => service.stop().catch(() => {}));
    await service.start();
    const text = await chat(service.handler, [
      "how much magnesium should I take?",
      "+",
      "+",
      "hello",
      "-",
      "/quit",
    ]);
    const replies = text.split("crampbot> ").slice(1);
    expect(replies[0]).toContain("Was this answer helpful? Type + (👍 Helpful) or - (👎 Not really).");
    expect(replies[1]).toMatch(/^Thanks for letting me know — glad it helped\./);
    // The thanks asks nothing, so the next "+" is plain text again, as is "-" after small talk.
    expect(replies[1]).not.toContain("Type +");
    expect(replies[2]).not.toMatch(/^Thanks|already rated/);
    expect(replies[4]).not.toMatch(/^Thanks|already rated/);

    const metrics = await (await fetch(`${service.url}/metrics`)).text();
    expect(metrics).toContain('crampbot_feedback_total{section="magnesium.supplements",vote="yes"} 1');
    expect(metrics).toContain('crampbot_messages_total{platform="cli",intent="feedback"} 1');
    expect((await service.feedback.counts()).map((c) => [c.vote, c.count])).toEqual([["yes", 1]]);
  });
});
