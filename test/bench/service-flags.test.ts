import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SERVICE_FLAGS } from "../../src/bench/service-flags.js";
import { ROOT } from "../support/data.js";

// The bench measures the engine under the flags it is served with: if `npm start` or the image drifted from them, its
// memory and throughput figures would describe a service nobody runs.
describe("the node flags the service runs with", () => {
  const scripts = (
    JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> }
  ).scripts;

  it("are the ones npm start passes to node", () => {
    expect(scripts.start).toBe(`exec node ${SERVICE_FLAGS.join(" ")} bin/crampbot.js serve`);
  });

  it("are the ones npm run bench runs its main process with", () => {
    expect(scripts.bench).toContain(`node --expose-gc ${SERVICE_FLAGS.join(" ")} dist/bench/main.js`);
  });

  it("are the ones the Docker image's command passes to node", () => {
    const dockerfile = readFileSync(join(ROOT, "Dockerfile"), "utf8");
    const flags = SERVICE_FLAGS.map((f) => `"${f}"`).join(", ");
    expect(dockerfile).toContain(`CMD ["node", ${flags}, "bin/crampbot.js", "serve"]`);
  });

  it("turn off allocation-site pretenuring, which in some runs filled old space with the engine's garbage", () => {
    expect(SERVICE_FLAGS).toContain("--no-allocation-site-pretenuring");
  });

  it("keep V8's background threads to two", () => {
    expect(SERVICE_FLAGS).toContain("--v8-pool-size=2");
  });
});
