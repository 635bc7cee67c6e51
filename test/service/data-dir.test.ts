// The start-up check of the SQLite folder: a writable folder (or one the store can still create) passes; a folder
// this user cannot write gets one line naming the path and the Docker fixes. Root may write almost anywhere, so the
// unwritable case is given through `canWrite`; the real one is exercised by scripts/docker-smoke.sh.
import { chmodSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { dataDirProblem } from "../../src/service/data-dir.js";
import { tempDir } from "./support.js";

const dirs: { remove(): void }[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) dir.remove();
});

describe("dataDirProblem", () => {
  it("accepts :memory:, a writable folder and a folder the store will create in a writable parent", () => {
    const dir = tempDir("crampbot-datadir-");
    dirs.push(dir);
    expect(dataDirProblem(":memory:", () => false)).toBeUndefined();
    expect(dataDirProblem(join(dir.path, "crampbot.db"))).toBeUndefined();
    expect(dataDirProblem(join(dir.path, "not", "yet", "crampbot.db"))).toBeUndefined();
  });

  it("asks about the nearest existing folder and names the path and both Docker fixes in one line", () => {
    const dir = tempDir("crampbot-datadir-");
    dirs.push(dir);
    const asked: string[] = [];
    const problem = dataDirProblem(join(dir.path, "data", "crampbot.db"), (folder) => {
      asked.push(folder);
      return false;
    });
    expect(asked).toEqual([dir.path]);
    expect(problem).toContain(
      `DATABASE_PATH ${join(dir.path, "data", "crampbot.db")}: ${dir.path} is not writable`,
    );
    expect(problem).toContain("-v crampbot-data:/data");
    expect(problem).toContain("chown 1000:1000");
    expect(problem).not.toContain("\n");
  });

  it.skipIf(process.getuid?.() === 0)("reports a folder without write permission (non-root only)", () => {
    const dir = tempDir("crampbot-datadir-");
    dirs.push(dir);
    const locked = join(dir.path, "locked");
    mkdirSync(locked);
    chmodSync(locked, 0o555);
    try {
      expect(dataDirProblem(join(locked, "crampbot.db"))).toContain(`${locked} is not writable`);
    } finally {
      chmodSync(locked, 0o755);
    }
  });
});
