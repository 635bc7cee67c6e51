// docker-compose.yml's load balancer without Docker: the real deploy/nginx.conf (its two instance names pointed at
// two real `crampbot serve` processes on 127.0.0.1, one Redis) carries a web conversation over HTTP, spread over
// both instances by round robin, and the chat WebSocket (the upgrade passes through, the Origin check holds).
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type BotMessage, CookieClient, openSocket } from "../adapters/web/support.js";
import { freePort, type RedisServer, startRedisServer } from "../support/redis-server.js";
import {
  buildOnce,
  killAll,
  PROCESS_BOUND_MS,
  poll,
  ROOT,
  type ServeProcess,
  servingUrl,
  startServe,
  stopServe,
} from "../support/serve-process.js";
import { describeNeeding, NGINX, REDIS_SERVER } from "../support/system-programs.js";

const WHAT = "the load-balancer test (deploy/nginx.conf before two serve processes on one Redis)";
const describeWithBoth =
  REDIS_SERVER.path === undefined ? describeNeeding(REDIS_SERVER, WHAT) : describeNeeding(NGINX, WHAT);

/** deploy/nginx.conf with its instance names, listen port and file paths moved to this test's. */
function localConfig(dir: string, listen: number, upstreams: string[]): string {
  let config = readFileSync(join(ROOT, "deploy", "nginx.conf"), "utf8");
  const names = ["crampbot:3000", "crampbot-2:3000"];
  for (const [index, name] of names.entries()) {
    expect(config).toContain(`server ${name} `);
    config = config.replace(`server ${name} `, `server ${upstreams[index]} `);
  }
  expect(config).toContain("listen 8080;");
  return config.replace("listen 8080;", `listen 127.0.0.1:${listen};`).replaceAll("/tmp/", `${dir}/`);
}

describeWithBoth("deploy/nginx.conf before two instances", () => {
  let redis: RedisServer;
  let nginx: ChildProcess | undefined;
  let dir: string;
  let base: string;
  const instances: ServeProcess[] = [];
  const urls: string[] = [];

  beforeAll(async () => {
    await buildOnce();
    redis = await startRedisServer();
    const env = { REDIS_URL: redis.url, WEB_NEW_CONVERSATIONS_PER_MINUTE: "0" };
    instances.push(startServe(env), startServe(env));
    urls.push(...(await Promise.all(instances.map((instance) => servingUrl(instance)))));
    dir = mkdtempSync(join(tmpdir(), "crampbot-nginx-"));
    const port = await freePort();
    writeFileSync(
      join(dir, "nginx.conf"),
      localConfig(
        dir,
        port,
        urls.map((url) => new URL(url).host),
      ),
    );
    nginx = spawn(NGINX.path ?? "nginx", ["-p", dir, "-c", join(dir, "nginx.conf"), "-g", "daemon off;"], {
      stdio: ["ignore", "ignore", "pipe"],
    });
    let errors = "";
    nginx.stderr?.on("data", (chunk: Buffer) => (errors += chunk.toString()));
    base = `http://127.0.0.1:${port}`;
    await poll(async () => {
      if (nginx?.exitCode !== null) throw new Error(`nginx exited:\n${errors}`);
      return (await fetch(`${base}/healthz`).catch(() => undefined))?.status === 200 ? true : undefined;
    }, "nginx to answer");
  }, 300_000);

  afterAll(async () => {
    if (nginx && nginx.exitCode === null) {
      // SIGTERM: the master stops its workers, then exits (SIGKILL would leave the workers running).
      const gone = new Promise((resolve) => nginx?.once("exit", resolve));
      nginx.kill("SIGTERM");
      const timer = setTimeout(() => nginx?.kill("SIGKILL"), 10_000);
      await gone;
      clearTimeout(timer);
    }
    await Promise.all(instances.map((instance) => stopServe(instance)));
    await killAll();
    await redis?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  /** Web messages each instance counted (crampbot_messages_total{platform="web"}). */
  async function counted(url: string): Promise<number> {
    const text = await (await fetch(`${url}/metrics`)).text();
    return text
      .split("\n")
      .filter((line) => line.startsWith("crampbot_messages_total{") && line.includes('platform="web"'))
      .reduce((sum, line) => sum + Number(line.slice(line.lastIndexOf(" ") + 1)), 0);
  }

  it(
    "spreads one conversation's turns over both instances, in context, and passes the chat WebSocket through",
    async () => {
      const client = new CookieClient(base);
      const turns = [
        ["what does magnesium have to do with cramps?", "magnesium"],
        ["what dose?", "magnesium.supplements"],
        ["does vitamin D help with cramps?", "vitamin-d"],
        ["what dose?", "vitamin-d.supplements"],
      ] as const;
      const sections: (string | undefined)[] = [];
      for (const [text] of turns) {
        const replies: BotMessage[] = await client.say(text);
        sections.push(replies[0]?.section?.id);
      }
      expect(sections).toEqual(turns.map(([, section]) => section));
      // Round robin: each instance answered some of the turns.
      const perInstance = await Promise.all(urls.map((url) => counted(url)));
      expect(perInstance.every((count) => count > 0)).toBe(true);
      expect(perInstance.reduce((a, b) => a + b, 0)).toBe(turns.length);

      // The same conversation over the WebSocket, through the balancer, from the page's own origin.
      const socket = await openSocket(`${base.replace("http:", "ws:")}/ws`, {
        cookie: `crampbot_sid=${client.cookie}`,
        origin: base,
      });
      socket.send({ type: "message", text: "same question for magnesium" });
      const answer = (await socket.next(PROCESS_BOUND_MS)) as BotMessage;
      expect(answer.section?.id).toBe("magnesium.supplements");
      socket.ws.close();
    },
    PROCESS_BOUND_MS * 2,
  );
});
