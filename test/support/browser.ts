// The headless Chromium the browser tests drive (playwright-core, the system's chromium from system-programs.ts), and
// the folder their screenshots go to (test/artifacts/, gitignored).
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { type Browser, chromium } from "playwright-core";
import { CHROMIUM } from "./system-programs.js";

export const ARTIFACTS = join(import.meta.dirname, "..", "artifacts");

/** Starts headless Chromium without a sandbox or GPU (CI containers have neither) and makes the artifacts folder. */
export async function launchChromium(): Promise<Browser> {
  mkdirSync(ARTIFACTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM.path,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
}
