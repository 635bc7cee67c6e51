// "Helpful?" in the web chat, through the service over HTTP: an answer's message carries `feedback` (the question
// and the two votes with their spoken labels); a vote is a quick reply, thanked and counted once (a second press is
// not), the count shows in /metrics, and with an SQLite file the votes outlive a restart. The page's own script for
// it is served like chat.js and inserts text only as text.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it, onTestFinished } from "vitest";
import { createService, type Service } from "../../../src/service/service.js";
import { tempDir, testConfig } from "../../service/support.js";
import { ROOT } from "../../support/data.js";
import { CookieClient } from "./support.js";

const PUBLIC = join(ROOT, "src", "adapters", "web", "public");

interface Feedback {
  question: string;
  options: { vote: string; title: string; label: string; payload: string }[];
}

async function started(env: Record<string, string> = {}): Promise<Service> {
  const service = createService(testConfig(env), { defaultMetrics: false });
  onTestFinished(() => service.stop().catch(() => {}));
  await service.start();
  return service;
}

function defined<T>(value: T | undefined): T {
  if (value === undefined) throw new Error("missing");
  return value;
}

async function answerFeedback(client: CookieClient): Promise<Feedback> {
  const [answer] = await client.say("how much magnesium should I take?");
  const feedback = (answer as unknown as { feedback?: Feedback }).feedback;
  if (feedback === undefined) throw new Error("the answer asks nothing");
  return feedback;
}

describe("web chat: feedback on answers", () => {
  it("carries the question and two labelled votes on an answer, and counts a vote once", async () => {
    const service = await started();
    const client = new CookieClient(service.url);
    const feedback = await answerFeedback(client);
    expect(feedback.question).toBe("Was this answer helpful?");
    expect(feedback.options.map((o) => [o.vote, o.title, o.label])).toEqual([
      ["yes", "👍 Helpful", "Yes, this answer was helpful"],
      ["no", "👎 Not really", "No, this answer was not helpful"],
    ]);
    const no = defined(feedback.options[1]);
    expect(no.payload).toMatch(/^vote:no:magnesium\.supplements:[0-9a-f]{8}:[0-9a-z]{1,6}$/);

    const [thanks] = await client.press(no.title, no.payload);
    expect(thanks?.intent).toBe("feedback");
    expect(thanks?.text).toMatch(/^Thanks for telling me/);
    expect(thanks?.quick_replies.length).toBeGreaterThan(0);
    expect(thanks?.quick_replies.map((q) => q.payload)).not.toContain("section:magnesium.supplements");
    expect("feedback" in (thanks ?? {})).toBe(false);
    const [again] = await client.press(no.title, no.payload);
    expect(again?.text).toBe("You've already rated that answer — thank you.");

    // Another visitor pressing the same id counts nothing: the vote is not for an answer it was given.
    const stranger = new CookieClient(service.url);
    const [forged] = await stranger.press(no.title, no.payload);
    expect(forged?.intent).toBe("fallback");

    const metrics = await (await fetch(`${service.url}/metrics`)).text();
    expect(metrics).toContain('crampbot_feedback_total{section="magnesium.supplements",vote="no"} 1');
    expect(metrics).toContain('crampbot_messages_total{platform="web",intent="feedback"} 2');
  });

  it("keeps the votes in the SQLite file across a restart of the service", async () => {
    const dir = tempDir("crampbot-feedback-web-");
    onTestFinished(() => dir.remove());
    const env = { DATABASE_PATH: join(dir.path, "crampbot.db") };
    const first = await started(env);
    const client = new CookieClient(first.url);
    const yes = defined((await answerFeedback(client)).options[0]);
    await client.press(yes.title, yes.payload);
    await first.stop();

    const second = await started(env);
    const other = new CookieClient(second.url);
    const again = defined((await answerFeedback(other)).options[0]);
    await other.press(again.title, again.payload);
    expect((await second.feedback.counts()).map((c) => [c.section, c.vote, c.count])).toEqual([
      ["magnesium.supplements", "yes", 2],
    ]);
    // /metrics counts this instance's votes; the store keeps them all.
    const metrics = await (await fetch(`${second.url}/metrics`)).text();
    expect(metrics).toContain('crampbot_feedback_total{section="magnesium.supplements",vote="yes"} 1');
  });

  it("serves the page's feedback script and styles, which insert text only as text", async () => {
    const service = await started();
    for (const [path, type] of [
      ["/feedback.js", "text/javascript"],
      ["/feedback.css", "text/css"],
    ] as const) {
      const response = await fetch(`${service.url}${path}`);
      expect(response.status, path).toBe(200);
      expect(response.headers.get("content-type"), path).toContain(type);
    }
    const html = readFileSync(join(PUBLIC, "index.html"), "utf8");
    expect(html.indexOf('src="/feedback.js"')).toBeLessThan(html.indexOf('src="/chat.js"'));
    const js = readFileSync(join(PUBLIC, "feedback.js"), "utf8");
    expect(js).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function/);
    expect(js).not.toMatch(/https?:\/\//);
    expect(js).toContain("textContent");
  });
});
