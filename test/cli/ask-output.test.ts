// `crampbot ask` writes its answer straight to the descriptor rather than through process.stdout, whose stream costs
// a start more than the one write (ADR 78): the answer arrives whole, and whatever the descriptor cannot take goes to
// the stream, which then reports as it always did.
import { execFile } from "node:child_process";
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "../support/data.js";

/** The compiled loader, as bin/crampbot.js runs it (CommonJS, which the test runner does not compile from src/). */
let loader: typeof import("../../src/cli/ask-bundle.cjs");
const folder = mkdtempSync(join(tmpdir(), "crampbot-ask-output-"));

beforeAll(async () => {
  const compiled = join(ROOT, "dist", "cli", "ask-bundle.cjs");
  if (!existsSync(compiled))
    await promisify(execFile)("npx", ["tsc", "-p", "tsconfig.build.json"], { cwd: ROOT, timeout: 240_000 });
  loader = createRequire(import.meta.url)(compiled);
}, 300_000);
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** A stand-in for process.stdout that keeps what it is given. */
function stream(): { write: (chunk: string | Uint8Array) => boolean; got: string[] } {
  const got: string[] = [];
  return { got, write: (chunk) => got.push(Buffer.from(chunk).toString("utf8")) > 0 };
}

describe("the answer of crampbot ask", () => {
  it("is written whole to the descriptor, characters past ASCII included, and the stream is never made", () => {
    const file = join(folder, "answer.txt");
    const fd = openSync(file, "w");
    let made = 0;
    const output = loader.descriptorOutput(fd, () => {
      made++;
      return stream();
    });
    const answer = `${"Magnesium — about 100 mg, two to three times a day. ".repeat(2000)}\n`;
    output.write(answer);
    output.write("• and a second write\n");
    closeSync(fd);
    expect(readFileSync(file, "utf8")).toBe(`${answer}• and a second write\n`);
    expect(made).toBe(0);
    // Nothing waits in a stream: bin/crampbot.js may end the process at once.
    expect(output.direct()).toBe(true);
  });

  it("goes to the stream, from the first write on, when the descriptor cannot take it", () => {
    const fd = openSync(join(folder, "closed.txt"), "w");
    closeSync(fd);
    const kept = stream();
    const output = loader.descriptorOutput(fd, () => kept);
    output.write("héllo\n");
    output.write("again\n");
    expect(kept.got).toEqual(["héllo\n", "again\n"]);
    // The stream may still hold it: the process must not end before the stream is done.
    expect(output.direct()).toBe(false);
  });
});
