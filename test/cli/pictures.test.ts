// Pictures outside the chat platforms: the batch contract gains only an optional "image" field (name, alt, path; no
// SVG), the terminal prints the picture's path, and nothing on the `ask` / `batch` path loads the PNG renderer.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { Readable, Writable } from "node:stream";
import { beforeAll, describe, expect, it } from "vitest";
import { runBatch } from "../../src/cli/batch.js";
import { renderForTerminal } from "../../src/cli/render.js";
import type { Engine } from "../../src/core/engine.js";
import { createBot } from "../support/bot.js";
import { ROOT } from "../support/data.js";

let engine: Engine;
beforeAll(() => {
  engine = createBot({ rateLimit: { messages: 1000, windowMs: 60_000 } }).engine;
});

async function batch(lines: object[]): Promise<Record<string, unknown>[]> {
  const chunks: string[] = [];
  const output = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  await runBatch(engine, Readable.from([`${lines.map((l) => JSON.stringify(l)).join("\n")}\n`]), output);
  return chunks
    .join("")
    .split("\n")
    .filter((l) => l.length > 0)
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

const CONTRACT = ["conversation", "intent", "section", "suggestions", "text"];

describe("pictures in the batch contract and the terminal", () => {
  it("adds only an optional image field (name, alt, path) to a stretch step, and nothing to other replies", async () => {
    const lines = await batch([
      { conversation: "p", text: "/stretch" },
      { conversation: "p", text: "next" },
      { conversation: "p", text: "stop" },
      { conversation: "q", text: "how much magnesium should I take" },
    ]);
    expect(Object.keys(lines[0] ?? {}).sort()).toEqual([...CONTRACT, "image"].sort());
    expect(lines[0]?.image).toEqual({
      name: "stretch-step-1",
      alt: expect.stringContaining("ball of one foot"),
      path: "intents/pictures/stretch-1.svg",
    });
    expect(lines[1]?.image).toMatchObject({ name: "stretch-step-2" });
    for (const line of lines.slice(2)) expect(Object.keys(line).sort()).toEqual(CONTRACT);
  });

  it("names the check-up card without a path in batch, and as 'check-up card' in the terminal", async () => {
    const answers = ["about a litre", "never", "rarely", "hardly any", "fine"];
    const lines = await batch([
      { conversation: "c", text: "/checkup" },
      ...answers.map((text) => ({ conversation: "c", text })),
    ]);
    const last = lines.at(-1);
    expect(last?.image).toEqual({
      name: "checkup-card",
      alt: expect.stringContaining("Water: Worth a look"),
    });

    const chat = createBot().chat();
    const step = await chat.say("/stretch");
    expect(renderForTerminal(step, false)).toContain(
      "\n\n(picture: intents/pictures/stretch-1.svg)\n\nSuggestions",
    );
    await chat.say("stop");
    await chat.say("/checkup");
    let reply = step;
    for (const answer of answers) reply = await chat.say(answer);
    expect(renderForTerminal(reply, false)).toContain("(picture: check-up card)");
  });

  it("loads @resvg/resvg-js only lazily, in one place outside the core", () => {
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => {
        const path = join(dir, name);
        return statSync(path).isDirectory() ? files(path) : path.endsWith(".ts") ? [path] : [];
      });
    const users = files(join(ROOT, "src")).filter((file) =>
      readFileSync(file, "utf8").includes("@resvg/resvg-js"),
    );
    expect(users.map((file) => file.slice(ROOT.length + 1))).toEqual(["src/adapters/shared/png.ts"]);
    const source = readFileSync(join(ROOT, "src/adapters/shared/png.ts"), "utf8");
    expect(source).not.toMatch(/^\s*import\s[^(]*from\s+["']@resvg/m);
    expect(source).toMatch(/await import\("@resvg\/resvg-js"\)/);
  });
});
