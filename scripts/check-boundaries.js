#!/usr/bin/env node
// Keeps the core platform-neutral and pure: only src/adapters/<platform> may import that platform's SDK, and nothing
// else may; src/core (logic and ports) imports nothing from the platform (node:*, bare Node built-ins) nor the stores'
// drivers (ioredis, better-sqlite3) — those live in src/node — nor an image library (pictures are SVG strings there;
// src/adapters/shared/png.ts renders them).
import { readdirSync, readFileSync, statSync } from "node:fs";
import { builtinModules } from "node:module";
import { dirname, join, relative, resolve, sep } from "node:path";

const ROOT = new URL("..", import.meta.url).pathname;
const SDKS = {
  discord: [/^discord\.js$/, /^@discordjs\//],
  telegram: [/^node-telegram-bot-api(\/|$)/],
  web: [/^botkit(\/|$)/, /^botbuilder/],
};
/** What src/core may never import. */
const NOT_IN_CORE = [/^node:/, /^ioredis(\/|$)/, /^better-sqlite3(\/|$)/, /^@resvg\//];
const NODE_BUILTINS = new Set(builtinModules);
const IMPORT =
  /(?:^|\n)\s*(?:import|export)[^"'`]*?from\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)|require\(\s*["']([^"']+)["']\s*\)/g;

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.(ts|js|mjs|cjs)$/.test(name) ? [path] : [];
  });
}

const problems = [];
for (const file of files(join(ROOT, "src"))) {
  const rel = relative(ROOT, file).split(sep).join("/");
  const owner = /^src\/adapters\/([^/]+)\//.exec(rel)?.[1];
  const text = readFileSync(file, "utf8");
  for (const match of text.matchAll(IMPORT)) {
    const spec = match[1] ?? match[2] ?? match[3] ?? "";
    const bare = spec.split("/")[0] ?? spec;
    if (rel.startsWith("src/core/") && (NOT_IN_CORE.some((p) => p.test(spec)) || NODE_BUILTINS.has(bare))) {
      problems.push(`${rel}: imports "${spec}", which the pure core may not import (move it to src/node/)`);
    }
    // Nor the outer rings: the engine's thread and processes (src/service/thread, src/node) wrap the core, never the
    // other way round (ADR 55).
    if (rel.startsWith("src/core/") && spec.startsWith(".")) {
      const target = relative(ROOT, resolve(dirname(file), spec))
        .split(sep)
        .join("/");
      if (!target.startsWith("src/core/")) {
        problems.push(`${rel}: imports "${spec}", outside src/core, which the pure core may not import`);
      }
    }
    for (const [platform, patterns] of Object.entries(SDKS)) {
      if (patterns.some((p) => p.test(spec)) && owner !== platform) {
        problems.push(`${rel}: imports "${spec}", which only src/adapters/${platform}/ may import`);
      }
    }
  }
}
if (problems.length > 0) {
  process.stderr.write(`Platform boundary check failed:\n${problems.map((p) => `  ${p}`).join("\n")}\n`);
  process.exit(1);
}
process.stdout.write(
  "boundaries: ok (platform SDKs imported only by their adapters; src/core free of node:* (worker_threads included), ioredis, better-sqlite3, @resvg and of every module outside it)\n",
);
