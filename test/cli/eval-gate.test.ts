// The quality gate: the labelled questions and conversations in test/eval/ through a fresh engine.
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import {
  type EvalCase,
  type EvalReport,
  evaluate,
  loadConversations,
  loadQuestions,
} from "../../src/cli/eval.js";
import { createBot, START } from "../support/bot.js";
import { ROOT } from "../support/data.js";

const EVAL_DIR = join(ROOT, "test", "eval");

function describeMisses(cases: EvalCase[]): string {
  const misses = cases.filter((c) => !c.ok);
  return misses
    .map((m) => {
      const want = `${m.expected.intent}${m.expected.section ? `/${m.expected.section}` : ""}`;
      const got = `${m.got.intent}${m.got.section ? `/${m.got.section}` : ""}`;
      return `  [${m.group}] ${JSON.stringify(m.expected.text)} want ${want} got ${got}`;
    })
    .join("\n");
}

describe("eval gate (test/eval/questions.jsonl + conversations.json)", () => {
  let report: EvalReport;
  beforeAll(async () => {
    // A fresh engine, with a rate limit no labelled set can reach.
    const bot = createBot({ rateLimit: { messages: 1_000_000, windowMs: 1 } });
    expect(bot.clock.now()).toBe(START);
    report = await evaluate(
      bot.engine,
      loadQuestions(join(EVAL_DIR, "questions.jsonl")),
      loadConversations(join(EVAL_DIR, "conversations.json")),
    );
  });

  it("runs every labelled question and conversation turn", () => {
    expect(report.cases.length).toBeGreaterThan(350);
    expect(report.byGroup.get("conversation")?.total).toBeGreaterThan(50);
  });

  it("gets at least 95% right overall", () => {
    const correct = report.cases.filter((c) => c.ok).length;
    expect(
      report.accuracy,
      `accuracy ${correct}/${report.cases.length}; misses:\n${describeMisses(report.cases)}`,
    ).toBeGreaterThanOrEqual(0.95);
  });

  it("answers every red-flag question urgently", () => {
    const redFlags = report.cases.filter((c) => c.group === "red-flag");
    expect(redFlags.length).toBeGreaterThan(20);
    const missed = redFlags.filter((c) => c.got.intent !== "urgent");
    expect(missed, `red flags not answered urgently:\n${describeMisses(missed)}`).toEqual([]);
  });

  it("falls back on at least 90% of the out-of-scope questions", () => {
    const outOfScope = report.cases.filter((c) => c.group === "out-of-scope");
    expect(outOfScope.length).toBeGreaterThan(20);
    const missed = outOfScope.filter((c) => c.got.intent !== "fallback");
    const share = (outOfScope.length - missed.length) / outOfScope.length;
    expect(
      share,
      `out-of-scope not answered with a fallback:\n${describeMisses(missed)}`,
    ).toBeGreaterThanOrEqual(0.9);
  });
});
