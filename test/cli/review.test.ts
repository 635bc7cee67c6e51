// `crampbot review`: the review log (a real SQLite file named by DATABASE_PATH, as `serve` writes it) grouped by what
// the questions are about, with counts and today's answer; `--export` writes unlabelled eval lines that
// `crampbot eval --set=FILE` refuses until they are labelled, and runs once they are.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Writable } from "node:stream";
import { describe, expect, it, onTestFinished } from "vitest";
import { loadQuestions, runEval } from "../../src/cli/eval.js";
import { runReview } from "../../src/cli/review.js";
import { DataError } from "../../src/core/errors.js";
import { createEngine } from "../../src/node/create-engine.js";
import { SqliteReviewLog } from "../../src/node/store/review-log.js";
import { tempDir } from "../service/support.js";
import { ROOT } from "../support/data.js";

class Text extends Writable {
  text = "";
  override _write(chunk: Buffer, _encoding: string, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

const ASKED = [
  ["is zinc good for cramps?", "fallback"],
  ["is zinc good for cramps?", "fallback"],
  ["is zinc good for cramps?", "fallback"],
  ["how much should I take?", "clarify"],
  ["how much should i take", "clarify"],
  ["can I use pickle juice for cramps", "fallback"],
  ["my flux capacitor hums", "fallback"],
] as const;

async function reviewLogFile(): Promise<{ path: string; dir: string }> {
  const dir = tempDir("crampbot-review-cli-");
  onTestFinished(() => dir.remove());
  const path = join(dir.path, "crampbot.db");
  const log = new SqliteReviewLog({ path });
  for (const [text, reason] of ASKED) await log.record({ text, reason, at: Date.now() });
  await log.close();
  return { path, dir: dir.path };
}

async function review(args: string[], path: string): Promise<{ code: number; out: string; err: string }> {
  const output = new Text();
  const errors = new Text();
  const code = await runReview(args, {
    env: { DATABASE_PATH: path },
    output,
    errors,
    makeEngine: () => createEngine(),
  });
  return { code, out: output.text, err: errors.text };
}

describe("crampbot review", () => {
  it("lists the entries grouped by what they are about, with counts and today's answer", async () => {
    const { path } = await reviewLogFile();
    const { code, out } = await review([], path);
    expect(code).toBe(0);
    expect(out).toMatch(/^7 entries in \d+ groups/);
    // The three zinc questions are one group, counted 3, with the fallback the bot gives now.
    const zinc = out.split("\n\n").find((block) => block.includes('"is zinc good for cramps?"')) ?? "";
    expect(zinc).toMatch(/—\s+3 \(fallback 3\)/);
    expect(zinc).toMatch(/now: fallback: /);
    expect(zinc).toContain('  3× "is zinc good for cramps?"');
    // Two spellings of one question share the reader's signals, so one group; today it still asks which.
    const which = out.split("\n\n").find((block) => block.includes('"how much should I take?"')) ?? "";
    expect(which).toMatch(/—\s+2 \(clarify 2\)/);
    expect(which).toContain("now: clarify");
    expect(out).toContain("scope: pickle-juice");
  });

  it("says so when there is no review log", async () => {
    const dir = tempDir("crampbot-review-cli-");
    onTestFinished(() => dir.remove());
    const { code, err } = await review([], join(dir.path, "none.db"));
    expect(code).toBe(1);
    expect(err).toContain("REVIEW_LOG=true");
  });

  it("exports unlabelled eval lines that `crampbot eval --set` runs once they are labelled", async () => {
    const { path, dir } = await reviewLogFile();
    const file = join(dir, "review-2026-12.jsonl");
    const { code, out } = await review(["--export", file], path);
    expect(code).toBe(0);
    expect(out).toContain(`wrote 5 unlabelled lines to ${file}`);
    const lines = readFileSync(file, "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(5);
    for (const line of lines) {
      expect(line).toMatchObject({ intent: "", section: null, group: "review" });
      expect(typeof line.text).toBe("string");
    }

    // Unlabelled, the set is refused with the line and the field named.
    const refused = new Text();
    await expect(runEval(createEngine, [`--set=${file}`], refused)).rejects.toThrow(DataError);
    await expect(runEval(createEngine, [`--set=${file}`], refused)).rejects.toThrow(
      `${file}:1: field "intent" is not labelled`,
    );

    // The maintainer labels each line (here: with what the bot answers now, so the run is all right) ...
    const labelled = lines.map((line) => {
      const [intent, section] = String(line.now).split("/");
      return JSON.stringify({
        ...line,
        intent,
        section: section ?? null,
        group: intent === "fallback" ? "out-of-scope" : "plain",
      });
    });
    writeFileSync(file, `${labelled.join("\n")}\n`);
    // ... and the set runs, by path (a name would look under test/eval/).
    const output = new Text();
    expect(await runEval(createEngine, [`--set=${file}`], output)).toBe(0);
    expect(output.text).toContain(`set: ${file}`);
    expect(output.text).toContain("overall: 100.0% (5/5)");
  });

  it("every shipped eval set passes the label check", () => {
    const dir = join(ROOT, "test", "eval");
    for (const name of readdirSync(dir).filter((n) => n.endsWith(".jsonl"))) {
      expect(loadQuestions(join(dir, name)).length, name).toBeGreaterThan(10);
    }
  });
});
