// Several instances on one Redis (docker-compose.yml's shape, without Docker): two real `crampbot serve` processes,
// each on its own 127.0.0.1 port, share a throwaway redis-server. One web-chat conversation goes alternately through
// both, 20 concurrent conversations are split across them, and a Telegram webhook update delivered to both is
// answered once.
import { afterAll, beforeAll, expect, it } from "vitest";
import { type BotMessage, CookieClient } from "../adapters/web/support.js";
import { type FakeTelegram, fakeUser, privateChat, startFakeTelegram } from "../fakes/telegram-api/server.js";
import { type RedisServer, startRedisServer } from "../support/redis-server.js";
import {
  buildOnce,
  killAll,
  PROCESS_BOUND_MS,
  type ServeProcess,
  servingUrl,
  startServe,
  stopServe,
} from "../support/serve-process.js";
import { describeNeeding, REDIS_SERVER } from "../support/system-programs.js";

const TELEGRAM_TOKEN = "123456789:AAFakeTokenForLocalTestsOnly_0123456";
const SECRET = "two-instances-webhook-secret_0123";
/** Concurrent web conversations, and the bound on the whole load phase. */
const CONVERSATIONS = 20;
const LOAD_BOUND_MS = 30_000;

/** Four turns whose replies depend on the turn before: a lost or reordered turn gives another section. */
const MAGNESIUM_FIRST = [
  ["what does magnesium have to do with cramps?", "magnesium"],
  ["what dose?", "magnesium.supplements"],
  ["does vitamin D help with cramps?", "vitamin-d"],
  ["what dose?", "vitamin-d.supplements"],
] as const;
const VITAMIN_D_FIRST = [
  MAGNESIUM_FIRST[2],
  MAGNESIUM_FIRST[3],
  MAGNESIUM_FIRST[0],
  MAGNESIUM_FIRST[1],
] as const;

const describeWithRedis = describeNeeding(
  REDIS_SERVER,
  "the two-instance tests (two serve processes, one Redis)",
);

describeWithRedis("two serve processes on one Redis", () => {
  let redis: RedisServer;
  let telegram: FakeTelegram;
  const instances: ServeProcess[] = [];
  const urls: string[] = [];

  beforeAll(async () => {
    await buildOnce();
    redis = await startRedisServer();
    telegram = await startFakeTelegram();
    const env = {
      REDIS_URL: redis.url,
      RATE_LIMIT_PER_MINUTE: "1000",
      // Every test client comes from 127.0.0.1, as behind a load balancer.
      WEB_NEW_CONVERSATIONS_PER_MINUTE: "0",
      TELEGRAM_TOKEN,
      TELEGRAM_API_ROOT: telegram.apiRoot,
      TELEGRAM_WEBHOOK_URL: "https://bot.example.test/telegram",
      TELEGRAM_WEBHOOK_SECRET: SECRET,
    };
    instances.push(startServe(env), startServe(env));
    urls.push(...(await Promise.all(instances.map((instance) => servingUrl(instance)))));
  }, 300_000);

  afterAll(async () => {
    await Promise.all(instances.map((instance) => stopServe(instance)));
    await killAll();
    await telegram?.close();
    await redis?.stop();
  }, 60_000);

  /** Total web messages both instances counted (crampbot_messages_total{platform="web"}). */
  async function webMessagesCounted(): Promise<number> {
    let total = 0;
    for (const url of urls) {
      const text = await (await fetch(`${url}/metrics`)).text();
      for (const line of text.split("\n")) {
        if (line.startsWith("crampbot_messages_total{") && line.includes('platform="web"')) {
          total += Number(line.slice(line.lastIndexOf(" ") + 1));
        }
      }
    }
    return total;
  }

  /** Sends the turns of one conversation, turn i through instance (first + i) % 2; returns the sections. */
  async function converse(turns: readonly (readonly [string, string])[], first: number): Promise<string[]> {
    const clients = [new CookieClient(urls[0] ?? ""), new CookieClient(urls[1] ?? "")];
    const sections: string[] = [];
    for (const [index, [text]] of turns.entries()) {
      const client = clients[(first + index) % 2] as CookieClient;
      const other = clients[(first + index + 1) % 2] as CookieClient;
      const replies: BotMessage[] = await client.say(text);
      // The browser's cookie goes to whichever instance the balancer picks next.
      other.cookie = client.cookie;
      sections.push(replies.map((reply) => reply.section?.id ?? `(${reply.intent})`).join("+"));
    }
    return sections;
  }

  it(
    "keeps one web conversation's context when its turns alternate between the instances",
    async () => {
      const before = await webMessagesCounted();
      const sections = await converse(MAGNESIUM_FIRST, 0);
      expect(sections).toEqual(MAGNESIUM_FIRST.map(([, section]) => section));
      // Each instance answered two of the four turns, each follow-up from the other instance's turn.
      expect((await webMessagesCounted()) - before).toBe(MAGNESIUM_FIRST.length);
    },
    PROCESS_BOUND_MS,
  );

  it(
    `answers ${CONVERSATIONS} concurrent conversations split across the instances, no turn lost or out of order`,
    async () => {
      const before = await webMessagesCounted();
      const started = Date.now();
      const results = await Promise.all(
        Array.from({ length: CONVERSATIONS }, (_, index) =>
          converse(index % 2 === 0 ? MAGNESIUM_FIRST : VITAMIN_D_FIRST, index % 2),
        ),
      );
      expect(Date.now() - started).toBeLessThan(LOAD_BOUND_MS);
      for (const [index, sections] of results.entries()) {
        const script = index % 2 === 0 ? MAGNESIUM_FIRST : VITAMIN_D_FIRST;
        expect(sections, `conversation ${index}`).toEqual(script.map(([, section]) => section));
      }
      expect((await webMessagesCounted()) - before).toBe(CONVERSATIONS * MAGNESIUM_FIRST.length);
    },
    LOAD_BOUND_MS + 5_000,
  );

  it(
    "answers a Telegram webhook update delivered to both instances once",
    async () => {
      const alice = fakeUser(31, "Alice", "alice");
      const chat = privateChat(alice);
      const sentBefore = telegram.callsOf("sendMessage").length;
      const update = telegram.textUpdate(alice, chat, "what does magnesium have to do with cramps?");
      const [atA, atB] = await Promise.all(
        urls.map((url) => telegram.postToWebhook(`${url}/telegram`, update)),
      );
      expect([atA?.status, atB?.status]).toEqual([200, 200]);
      // Delivered again later (a Telegram retry) to each: still answered once.
      for (const url of urls)
        expect((await telegram.postToWebhook(`${url}/telegram`, update)).status).toBe(200);
      const sent = telegram.callsOf("sendMessage").slice(sentBefore);
      expect(sent).toHaveLength(1);
      expect(String(sent[0]?.params.text)).toContain("enzyme");

      // A follow-up to the other instance is answered from the first one's turn.
      const followUp = telegram.textUpdate(alice, chat, "what dose?");
      const otherUrl = urls[1] ?? "";
      expect((await telegram.postToWebhook(`${otherUrl}/telegram`, followUp)).status).toBe(200);
      const all = telegram.callsOf("sendMessage").slice(sentBefore);
      expect(all).toHaveLength(2);
      expect(String(all[1]?.params.text)).toContain("100 mg");
    },
    PROCESS_BOUND_MS,
  );
});
