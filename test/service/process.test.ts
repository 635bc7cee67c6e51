// The built CLI as a process (`node bin/crampbot.js serve`, compiled once here): configuration errors, SIGTERM with
// a reply in flight, conversations that survive a SIGKILL (SQLite + the fake Telegram Bot API), and SIGHUP and file
// edits reloading the data behind the eval gate (a copy of the built package, so its data can be edited).
import { execFile } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { CookieClient } from "../adapters/web/support.js";
import { type FakeTelegram, fakeUser, privateChat, startFakeTelegram } from "../fakes/telegram-api/server.js";
import { killAll, ROOT, type ServeProcess, servingUrl, startServe } from "../support/serve-process.js";
import { tempDir, waitFor } from "./support.js";

const TELEGRAM_TOKEN = "123456789:AAFakeTokenForLocalTestsOnly_0123456";
/** Generous bound for start-up and for exit after a signal (no timing is asserted beyond it). */
const BOUND_MS = 20_000;

const bob = fakeUser(21, "Bob", "bob");
const dm = privateChat(bob);

function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what}: no result within ${ms} ms`)), ms);
    }),
  ]);
}

/** Sends a text and resolves with the bot's next reply text (the `count`-th successful sendMessage overall). */
async function reply(fake: FakeTelegram, count: number): Promise<string> {
  const sent = await fake.waitForCalls("sendMessage", count, { okOnly: true, timeoutMs: BOUND_MS });
  return String(sent[count - 1]?.params.text ?? "");
}

beforeAll(async () => {
  await promisify(execFile)("npx", ["tsc", "-p", "tsconfig.build.json"], { cwd: ROOT, timeout: 240_000 });
}, 250_000);

afterEach(killAll);

describe("crampbot serve (the built CLI)", () => {
  it("reports every configuration problem on its own line naming the variable, and exits 1 without a stack", async () => {
    const running = startServe({
      PORT: "eighty",
      LOG_LEVEL: "loud",
      TELEGRAM_TOKEN: "not-a-token-but-maybe-a-secret",
      REDIS_URL: "http://user:hunter2-secret@cache:6379",
    });
    const { code } = await within(running.exited, BOUND_MS, "exit");
    expect(code).toBe(1);
    const lines = running.stderr().trim().split("\n");
    expect(lines).toHaveLength(4);
    for (const line of lines) expect(line).toMatch(/^crampbot: [A-Z_]+ /);
    expect(lines.map((line) => line.split(" ")[1])).toEqual([
      "PORT",
      "LOG_LEVEL",
      "REDIS_URL",
      "TELEGRAM_TOKEN",
    ]);
    expect(running.stderr()).not.toMatch(/\n\s+at /);
    expect(running.stderr()).not.toContain("hunter2");
    expect(running.stderr()).not.toContain("maybe-a-secret");
  });

  it("on SIGTERM answers 503 to new requests, finishes the reply in flight, closes the store and exits 0", async () => {
    const fake = await startFakeTelegram({ token: TELEGRAM_TOKEN });
    const dir = tempDir("crampbot-sigterm-");
    try {
      const running = startServe({
        PORT: "0",
        DATABASE_PATH: join(dir.path, "crampbot.db"),
        TELEGRAM_TOKEN,
        TELEGRAM_API_ROOT: fake.apiRoot,
      });
      const url = await servingUrl(running);
      // The reply is held up: Telegram answers 429 "retry after 1 s" once, so it is in flight when SIGTERM comes.
      fake.failNext("sendMessage", 1, { kind: "429", retryAfter: 1 });
      fake.sendText(bob, dm, "what causes leg cramps?");
      await waitFor(
        () => (fake.callsOf("sendMessage").some((call) => call.status === 429) ? true : undefined),
        "the first (refused) sendMessage",
        BOUND_MS,
      );
      running.child.kill("SIGTERM");
      const refused = await waitFor(
        async () => {
          const response = await fetch(`${url}/api/messages`, { method: "POST", body: "{}" }).catch(
            () => undefined,
          );
          return response?.status === 503 ? response : undefined;
        },
        "a 503 while draining",
        BOUND_MS,
      );
      expect(refused.headers.get("retry-after")).toBe("5");
      const { code, signal } = await within(running.exited, BOUND_MS, "exit after SIGTERM");
      expect({ code, signal }).toEqual({ code: 0, signal: null });
      // The reply in flight was delivered before the process exited.
      expect(fake.callsOf("sendMessage").map((call) => call.status)).toEqual([429, 200]);
      const messages = running.logs().map((line) => line.msg);
      expect(messages).toEqual(
        expect.arrayContaining(["signal received; stopping", "telegram: adapter stopped", "stopped"]),
      );
      expect(running.stderr()).not.toContain(TELEGRAM_TOKEN);
      // SQLite removes its write-ahead log when the last connection closes cleanly: the store was closed.
      expect(existsSync(join(dir.path, "crampbot.db"))).toBe(true);
      expect(existsSync(join(dir.path, "crampbot.db-wal"))).toBe(false);
    } finally {
      await fake.close();
      dir.remove();
    }
  }, 60_000);

  it("loses no update across a SIGKILL with a reply in flight and updates queued: the restarted service answers all", async () => {
    const fake = await startFakeTelegram({ token: TELEGRAM_TOKEN });
    const dir = tempDir("crampbot-inflight-");
    const env = {
      PORT: "0",
      DATABASE_PATH: join(dir.path, "crampbot.db"),
      TELEGRAM_TOKEN,
      TELEGRAM_API_ROOT: fake.apiRoot,
    };
    try {
      const first = startServe(env);
      await servingUrl(first);
      // Three chats ask; Telegram takes the first reply and never answers, so it is in flight and the other two
      // updates are queued behind it (not confirmed) when the process dies.
      fake.failNext("sendMessage", 1, { kind: "hang" });
      const people = [31, 32, 33].map((id) => fakeUser(id, `Person${id}`));
      for (const person of people)
        fake.sendText(person, privateChat(person), "how much magnesium should I take?");
      await fake.waitForCalls("sendMessage", 1, { timeoutMs: BOUND_MS });
      first.child.kill("SIGKILL");
      expect((await within(first.exited, BOUND_MS, "exit after SIGKILL")).signal).toBe("SIGKILL");

      const second = startServe(env);
      await servingUrl(second);
      const sent = await fake.waitForCalls("sendMessage", 3, { okOnly: true, timeoutMs: BOUND_MS });
      expect(sent.map((call) => call.params.chat_id).sort()).toEqual([31, 32, 33]);
      for (const call of sent) expect(String(call.params.text)).toContain("100 mg");
      second.child.kill("SIGTERM");
      expect((await within(second.exited, BOUND_MS, "exit after SIGTERM")).code).toBe(0);
    } finally {
      await fake.close();
      dir.remove();
    }
  }, 90_000);

  it("keeps a conversation across a SIGKILL (SQLite) and never answers a redelivered update twice", async () => {
    const fake = await startFakeTelegram({ token: TELEGRAM_TOKEN });
    const dir = tempDir("crampbot-restart-");
    const env = {
      PORT: "0",
      DATABASE_PATH: join(dir.path, "crampbot.db"),
      TELEGRAM_TOKEN,
      TELEGRAM_API_ROOT: fake.apiRoot,
    };
    try {
      const first = startServe(env);
      await servingUrl(first);
      fake.sendText(bob, dm, "/checkup");
      expect(await reply(fake, 1)).toContain("1/5");
      const answer = fake.sendText(bob, dm, "about a litre");
      expect(await reply(fake, 2)).toContain("2/5");
      // Delivery is at least once: an update is recorded as answered just after its reply is sent, and confirmed
      // to Telegram with the next poll. Kill once it is confirmed (so recorded); a kill between the send and the
      // record is the one case where Telegram's redelivery would be answered again.
      await waitFor(
        () =>
          fake.callsOf("getUpdates").some((call) => Number(call.params.offset) > answer.update_id) ||
          undefined,
        "the answered update to be confirmed",
        BOUND_MS,
      );
      first.child.kill("SIGKILL");
      expect((await within(first.exited, BOUND_MS, "exit after SIGKILL")).signal).toBe("SIGKILL");

      const second = startServe(env);
      await servingUrl(second);
      // Telegram delivers the answered update again (as after a crash before it was confirmed), then the next answer.
      // Had the redelivery been handled, it would be read as the answer to question 2 and re-asked; it is skipped.
      fake.redeliver(answer);
      fake.sendText(bob, dm, "never");
      expect(await reply(fake, 3)).toContain("3/5");
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(fake.callsOf("sendMessage").filter((call) => call.status === 200)).toHaveLength(3);
      second.child.kill("SIGTERM");
      expect((await within(second.exited, BOUND_MS, "exit after SIGTERM")).code).toBe(0);
    } finally {
      await fake.close();
      dir.remove();
    }
  }, 90_000);

  it("reloads on SIGHUP and on file edits behind the eval gate; a dialogue open before the swap carries on", async () => {
    // A copy of the built package: its own knowledge/ and intents/ (PACKAGE_ROOT is two folders above dist/node).
    const pkg = tempDir("crampbot-reload-pkg-");
    for (const part of [
      "bin",
      "dist",
      "knowledge",
      "intents",
      "package.json",
      join("src", "adapters", "web", "public"),
    ])
      cpSync(join(ROOT, part), join(pkg.path, part), { recursive: true });
    mkdirSync(join(pkg.path, "test", "eval"), { recursive: true });
    for (const name of ["questions.jsonl", "conversations.json"])
      cpSync(join(ROOT, "test", "eval", name), join(pkg.path, "test", "eval", name));
    symlinkSync(join(ROOT, "node_modules"), join(pkg.path, "node_modules"));
    const edit = (file: string, from: string, to: string) => {
      const path = join(pkg.path, file);
      const text = readFileSync(path, "utf8");
      expect(text).toContain(from);
      writeFileSync(path, text.replace(from, to));
    };
    const messages = (running: ServeProcess) => running.logs().map((line) => String(line.msg));
    try {
      const running = startServe(
        { PORT: "0", DATABASE_PATH: join(pkg.path, "data", "crampbot.db") },
        pkg.path,
      );
      const url = await servingUrl(running);
      const dialogue = new CookieClient(url);
      expect((await dialogue.say("/checkup"))[0]?.text).toContain("1/5");
      const asker = new CookieClient(url);
      const water = "how much water should i drink a day?";
      expect((await asker.say(water))[0]?.text).not.toContain("A very common culprit");

      running.child.kill("SIGHUP");
      await waitFor(
        () =>
          running
            .logs()
            .find((l) => l.msg === "reload: the data files are unchanged" && l.trigger === "SIGHUP"),
        "SIGHUP with unchanged files",
        BOUND_MS,
      );

      // A good edit goes live without a restart (the watcher, or SIGHUP, whichever comes first).
      edit(
        "knowledge/hydration.md",
        "Not drinking enough is another common culprit.",
        "A very common culprit is not drinking enough.",
      );
      running.child.kill("SIGHUP");
      await waitFor(
        () => messages(running).includes("reload: the new data is live") || undefined,
        "the edit to go live",
        60_000,
      );
      expect((await asker.say(water))[0]?.text).toContain("A very common culprit is not drinking enough.");
      expect((await dialogue.say("about a litre"))[0]?.text).toContain("2/5");

      // An edit that loses a red flag is refused; the old answers stay live.
      edit("intents/urgent.yaml", "[chest, heart,", "[thorax,");
      running.child.kill("SIGHUP");
      const refused = await waitFor(
        () => running.logs().find((l) => String(l.msg).startsWith("reload refused")),
        "the broken edit to be refused",
        60_000,
      );
      expect(String(refused.msg)).toContain("red-flag: 34/35 answered urgently");
      expect((await new CookieClient(url).say("i have chest pain and my leg hurts"))[0]?.intent).toBe(
        "urgent",
      );
      const metrics = await (await fetch(`${url}/metrics`)).text();
      expect(metrics).toContain('crampbot_data_reload_info{outcome="refused"} 1');
      expect(metrics).toMatch(/crampbot_data_reloads_total\{outcome="applied"\} 1\n/);
      expect(messages(running).filter((m) => m.startsWith("reload refused"))).toHaveLength(1);

      running.child.kill("SIGTERM");
      expect((await within(running.exited, BOUND_MS, "exit after SIGTERM")).code).toBe(0);
    } finally {
      pkg.remove();
    }
  }, 180_000);
});
