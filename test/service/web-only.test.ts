// `crampbot serve` (what npm start runs) with only the web chat configured loads neither discord.js nor
// node-telegram-bot-api: a module hook in the child records every module it resolves.
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { ENV_DEFAULTS } from "../../src/service/config.js";
import { tempDir, waitFor } from "./support.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const BOUND_MS = 30_000;
let child: ChildProcess | undefined;

beforeAll(async () => {
  // Like test/e2e/npm-start.test.ts: the compiled CLI, built only when missing.
  if (!existsSync(join(ROOT, "dist", "cli", "main.js"))) {
    await promisify(execFile)("npx", ["tsc", "-p", "tsconfig.build.json"], { cwd: ROOT, timeout: 240_000 });
  }
}, 250_000);

afterEach(() => {
  if (child?.pid !== undefined && child.exitCode === null) child.kill("SIGKILL");
  child = undefined;
});

describe("serve with only the web chat", () => {
  it("does not load discord.js or node-telegram-bot-api (but does load the web chat's Botkit)", async () => {
    const dir = tempDir("crampbot-web-only-");
    try {
      const list = join(dir.path, "resolved.txt");
      const hooks = join(dir.path, "hooks.mjs");
      const register = join(dir.path, "register.mjs");
      writeFileSync(
        hooks,
        `import { appendFileSync } from "node:fs";
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  appendFileSync(${JSON.stringify(list)}, result.url + "\\n");
  return result;
}
`,
      );
      writeFileSync(
        register,
        `import { register } from "node:module";\nregister(${JSON.stringify(pathToFileURL(hooks).href)});\n`,
      );
      const cleared = Object.fromEntries(Object.keys(ENV_DEFAULTS).map((name) => [name, ""]));
      child = spawn(process.execPath, ["--import", register, join(ROOT, "bin", "crampbot.js"), "serve"], {
        cwd: ROOT,
        env: {
          ...process.env,
          ...cleared,
          PORT: "0",
          HOST: "127.0.0.1",
          DATABASE_PATH: join(dir.path, "crampbot.db"),
          LOG_LEVEL: "silent",
        },
        stdio: ["ignore", "ignore", "pipe"],
      });
      let stderr = "";
      child.stderr?.on("data", (chunk: Buffer) => {
        stderr += chunk.toString();
      });
      const exited = new Promise<number | null>((resolve) => child?.once("exit", (code) => resolve(code)));
      await waitFor(
        () => (stderr.includes("CrampBot is running") ? true : undefined),
        "the service",
        BOUND_MS,
      );
      child.kill("SIGTERM");
      expect(await exited).toBe(0);

      const resolved = readFileSync(list, "utf8").split("\n");
      const loaded = (name: string) => resolved.some((url) => url.includes(`/node_modules/${name}/`));
      expect(loaded("botkit")).toBe(true);
      expect(loaded("discord.js")).toBe(false);
      expect(loaded("@discordjs")).toBe(false);
      expect(loaded("node-telegram-bot-api")).toBe(false);
    } finally {
      dir.remove();
    }
  }, 60_000);
});
