// Hot reload gated by the eval: the service over a temporary copy of knowledge/ and intents/. A good edit goes live
// without a restart (seen by the file watcher) and an open dialogue carries on; an edit that breaks a red flag, one
// that drops accuracy below the gate, and one that does not load are refused with one log line, the old answers
// staying live; /metrics shows the data version, the last reload's time and outcome.
import { describe, expect, it, onTestFinished } from "vitest";
import type { IncomingMessage, Reply } from "../../src/core/types.js";
import { createService, type Service } from "../../src/service/service.js";
import { copyData, type DataCopy, INTENTS_DIR, KNOWLEDGE_DIR } from "../support/data.js";
import { LogCapture, testConfig, waitFor } from "./support.js";

interface Running {
  service: Service;
  knowledge: DataCopy;
  intents: DataCopy;
  logs: LogCapture;
  say(conversation: string, text: string): Promise<Reply>;
  metrics(): Promise<string>;
}

async function serving(watchData = false): Promise<Running> {
  const knowledge = copyData(KNOWLEDGE_DIR);
  const intents = copyData(INTENTS_DIR);
  const logs = new LogCapture();
  const service = createService(testConfig({ LOG_LEVEL: "info" }), {
    defaultMetrics: false,
    logDestination: logs,
    data: { knowledgeDir: knowledge.dir, intentsDir: intents.dir },
    watchData,
    reload: { debounceMs: 50 },
  });
  onTestFinished(async () => {
    await service.stop().catch(() => {});
    knowledge.remove();
    intents.remove();
  });
  await service.start();
  const say = (conversation: string, text: string) => {
    const message: IncomingMessage = {
      platform: "test",
      conversationId: conversation,
      userId: "u",
      kind: "text",
      text,
    };
    return service.handler.handle(message);
  };
  const metrics = async () => (await fetch(`${service.url}/metrics`)).text();
  return { service, knowledge, intents, logs, say, metrics };
}

/** The log lines that are warnings about a refused reload. */
function refusals(logs: LogCapture): Record<string, unknown>[] {
  return logs.entries().filter((e) => String(e.msg).startsWith("reload refused"));
}

const CHEST = "i have chest pain and my leg hurts";
const MAGNESIUM = "how much magnesium should I take?";

// Building an engine and running the gate take seconds on a loaded 2-core machine.
describe("hot reload gated by the eval", { timeout: 90_000 }, () => {
  it("puts a good knowledge edit live without a restart, and an open dialogue carries on", async () => {
    const bot = await serving(true);
    const before = bot.service.reloader.version;
    expect(await bot.metrics()).toContain(`crampbot_data_info{version="${before}"} 1`);
    expect(await bot.metrics()).toContain('crampbot_data_reload_info{outcome="none"} 1');

    const first = await bot.say("dialogue", "/checkup");
    expect(first.intent).toBe("checkup");
    const water = await bot.say("asker", "how much water should i drink a day?");
    expect(water.section?.id).toBe("hydration");
    expect(water.text).not.toContain("A very common culprit");

    bot.knowledge.edit(
      "hydration.md",
      "Not drinking enough is another common culprit.",
      "A very common culprit is not drinking enough.",
    );
    const outcome = await waitFor(
      () =>
        bot.service.reloader.lastReload?.result === "applied" ? bot.service.reloader.lastReload : undefined,
      "the watched edit to be applied",
      40_000,
    );
    expect(outcome.trigger).toBe("watch");
    expect(outcome.version).not.toBe(before);
    expect(bot.service.reloader.version).toBe(outcome.version);

    const again = await bot.say("asker", "how much water should i drink a day?");
    expect(again.section?.id).toBe("hydration");
    expect(again.text).toContain("A very common culprit is not drinking enough.");

    // The check-up opened before the swap answers its second question now (its state is plain data in the store).
    const next = await bot.say("dialogue", "about a litre");
    expect(next.intent).toBe("checkup");
    expect(next.text).not.toBe(first.text);
    const firstOption = first.suggestions[0]?.id ?? "";
    expect(next.suggestions.map((s) => s.id)).not.toContain(firstOption);

    const metrics = await bot.metrics();
    expect(metrics).toContain(`crampbot_data_info{version="${outcome.version}"} 1`);
    expect(metrics).not.toContain(`version="${before}"`);
    expect(metrics).toContain('crampbot_data_reload_info{outcome="applied"} 1');
    expect(metrics).toContain('crampbot_data_reloads_total{outcome="applied"} 1');
    const at = /^crampbot_data_reload_timestamp_seconds (\S+)$/m.exec(metrics)?.[1];
    expect(Number(at)).toBeCloseTo(outcome.at / 1000, 3);
    expect(refusals(bot.logs)).toEqual([]);
  });

  it("refuses an edit that breaks a red flag (SIGHUP path); the old answers stay live", async () => {
    const bot = await serving();
    const before = bot.service.reloader.version;
    expect((await bot.say("a", CHEST)).intent).toBe("urgent");
    bot.intents.edit("urgent.yaml", "[chest, heart,", "[thorax,");

    const outcome = await bot.service.reload("SIGHUP");
    expect(outcome.result).toBe("refused");
    expect(outcome.reason).toMatch(/^the eval gate fell short: red-flag: 34\/35 answered urgently/);
    expect(bot.service.reloader.version).toBe(before);
    expect((await bot.say("b", CHEST)).intent).toBe("urgent");

    const lines = refusals(bot.logs);
    expect(lines).toHaveLength(1);
    expect(lines[0]?.level).toBe(40);
    expect(String(lines[0]?.msg)).toContain("red-flag");
    const metrics = await bot.metrics();
    expect(metrics).toContain(`crampbot_data_info{version="${before}"} 1`);
    expect(metrics).toContain('crampbot_data_reload_info{outcome="refused"} 1');
  });

  it("refuses a knowledge edit that drops accuracy below the gate; the old answers stay live", async () => {
    const bot = await serving();
    const answer = await bot.say("a", MAGNESIUM);
    // A section that claims everyone's words: many questions now get the acupuncture answer.
    bot.knowledge.edit(
      "acupuncture.md",
      "keywords:\n",
      "keywords:\n  - magnesium\n  - vitamin d\n  - water\n  - stretch\n  - stretching\n  - massage\n  - stress\n" +
        "  - food\n  - supplements\n  - cramps\n  - leg cramps\n  - how much\n",
    );
    const outcome = await bot.service.reload();
    expect(outcome.result).toBe("refused");
    expect(outcome.reason).toMatch(
      /^the eval gate fell short: overall: \d+\.\d% \(\d+\/\d+\) right \(the gate is 95\.0%\)$/,
    );
    const still = await bot.say("b", MAGNESIUM);
    expect(still.section?.id).toBe(answer.section?.id);
    expect(still.text).toBe(answer.text);
    expect(refusals(bot.logs)).toHaveLength(1);
  });

  it("refuses a file that does not load, naming the file and field in one line", async () => {
    const bot = await serving();
    bot.knowledge.edit("hydration.md", "facet: overview", "facet: nonsense");
    const outcome = await bot.service.reload();
    expect(outcome.result).toBe("refused");
    expect(outcome.reason).toContain('hydration.md: field "facet"');
    const lines = refusals(bot.logs);
    expect(lines).toHaveLength(1);
    expect(String(lines[0]?.msg)).toContain('hydration.md: field "facet"');
    expect((await bot.say("a", "how much water should i drink a day?")).section?.id).toBe("hydration");
  });

  it("answers messages while the gate runs, and reports unchanged files as unchanged", async () => {
    const bot = await serving();
    bot.knowledge.edit("hydration.md", "another common culprit", "another usual culprit");
    const reloading = bot.service.reload();
    let settled = false;
    void reloading.then(() => {
      settled = true;
    });
    const reply = await bot.say("a", MAGNESIUM);
    expect(reply.intent).toBe("answer");
    expect(settled).toBe(false);
    expect((await reloading).result).toBe("applied");
    // An editor's swap file is not data: the version stays.
    bot.knowledge.write(".hydration.md.swp", "half-saved");
    expect((await bot.service.reload()).result).toBe("unchanged");
    expect(await bot.metrics()).toContain('crampbot_data_reloads_total{outcome="unchanged"} 1');
  });
});
