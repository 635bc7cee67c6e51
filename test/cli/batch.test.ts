// `crampbot batch`: the machine contract — JSON lines in, exactly one JSON line out per line, context per conversation.
import { PassThrough, Readable, Writable } from "node:stream";
import { beforeAll, describe, expect, it } from "vitest";
import { runBatch } from "../../src/cli/batch.js";
import type { Engine } from "../../src/core/engine.js";
import { createBot } from "../support/bot.js";

let engine: Engine;
beforeAll(() => {
  engine = createBot({ rateLimit: { messages: 1000, windowMs: 60_000 } }).engine;
});

/** Runs a batch over the given input text and returns the exit code and the output lines. */
async function batch(
  input: string,
): Promise<{ code: number; raw: string; lines: Record<string, unknown>[] }> {
  const chunks: string[] = [];
  const output = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  const code = await runBatch(engine, Readable.from([input]), output);
  const raw = chunks.join("");
  const lines = raw
    .split("\n")
    .filter((l) => l.length > 0)
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  return { code, raw, lines };
}

const jsonl = (...values: unknown[]) => `${values.map((v) => JSON.stringify(v)).join("\n")}\n`;

describe("batch", () => {
  it("writes one JSON reply line per input line, in order, with the contract's fields", async () => {
    const { code, lines } = await batch(
      jsonl(
        { conversation: "c1", text: "how much magnesium should I take" },
        { conversation: "c2", text: "hello" },
        { conversation: "c3", text: "my chest hurts" },
      ),
    );
    expect(code).toBe(0);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatchObject({
      conversation: "c1",
      intent: "answer",
      section: "magnesium.supplements",
    });
    expect(lines[1]).toMatchObject({ conversation: "c2", intent: "greeting", section: null });
    expect(lines[2]).toMatchObject({ conversation: "c3", intent: "urgent", section: null });
    for (const line of lines) {
      expect(Object.keys(line).sort()).toEqual(["conversation", "intent", "section", "suggestions", "text"]);
      expect(typeof line.text).toBe("string");
      expect(Array.isArray(line.suggestions)).toBe(true);
    }
  });

  it("keeps context per conversation id, with conversations interleaved", async () => {
    const { lines } = await batch(
      jsonl(
        { conversation: "food", text: "what should I eat for vitamin D" },
        { conversation: "dose", text: "magnesium dosage please" },
        { conversation: "food", text: "and for magnesium?" },
        { conversation: "dose", text: "same question for vitamin D" },
        { conversation: "new", text: "what dose?" },
      ),
    );
    expect(lines.map((l) => `${l.conversation}:${l.section ?? l.intent}`)).toEqual([
      "food:vitamin-d.food",
      "dose:magnesium.supplements",
      "food:magnesium.food",
      "dose:vitamin-d.supplements",
      "new:clarify",
    ]);
  });

  it("answers a malformed line with an error object naming the line, and goes on", async () => {
    const input = [
      JSON.stringify({ conversation: "x", text: "hello" }),
      "{not json",
      JSON.stringify({ conversation: "x" }),
      JSON.stringify([1, 2]),
      "42",
      JSON.stringify({ conversation: { id: 1 }, text: "hi" }),
      JSON.stringify({ conversation: "x", text: "what causes cramps" }),
    ].join("\n");
    const { lines } = await batch(`${input}\n`);
    expect(lines).toHaveLength(7);
    expect(lines[0]).toMatchObject({ intent: "greeting" });
    expect(lines[1]).toEqual({ error: "invalid JSON", line: 2 });
    expect(lines[2]).toEqual({ error: 'field "text" must be a string', line: 3 });
    expect(lines[3]).toMatchObject({ line: 4 });
    expect(lines[4]).toEqual({ error: "expected a JSON object", line: 5 });
    expect(lines[5]).toEqual({ error: 'field "conversation" must be a string', line: 6 });
    expect(lines[6]).toMatchObject({ conversation: "x", intent: "answer", section: "causes" });
  });

  it("writes nothing but JSON lines, even for bad input and urgent replies", async () => {
    const { raw } = await batch(
      jsonl(
        { text: "" },
        { text: "😀" },
        { text: "x".repeat(5000) },
        { text: "\u0000\u0001" },
        { text: "my leg is numb" },
      ).concat("garbage\r\n"),
    );
    expect(raw.endsWith("\n")).toBe(true);
    const lines = raw.split("\n").slice(0, -1);
    expect(lines).toHaveLength(6);
    for (const line of lines) expect(() => JSON.parse(line), line).not.toThrow();
  });

  it("uses the 'default' conversation when none is given, and accepts a numeric id", async () => {
    const { lines } = await batch(jsonl({ text: "hello" }, { conversation: 7, text: "hello" }));
    expect(lines[0]?.conversation).toBe("default");
    expect(lines[1]?.conversation).toBe("7");
  });

  it("skips blank lines and reads Windows line endings", async () => {
    const { lines } = await batch(
      `${JSON.stringify({ text: "hello" })}\r\n\r\n   \r\n${JSON.stringify({ text: "bye" })}`,
    );
    expect(lines.map((l) => l.intent)).toEqual(["greeting", "goodbye"]);
  });

  it("reads lines as they stream in", async () => {
    const input = new PassThrough();
    const chunks: string[] = [];
    const output = new Writable({
      write(chunk, _encoding, done) {
        chunks.push(chunk.toString());
        done();
      },
    });
    const done = runBatch(engine, input, output);
    input.write('{"conversation":"s","text":"how much magn');
    input.write('esium should I take"}\n{"conversation":"s","text":"what dose?"}');
    input.end("\n");
    expect(await done).toBe(0);
    const lines = chunks
      .join("")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { section: string });
    expect(lines.map((l) => l.section)).toEqual(["magnesium.supplements", "magnesium.supplements"]);
  });
});
