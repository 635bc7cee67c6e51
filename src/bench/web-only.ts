/**
 * Role: the web part of `npm run bench` on its own (`node --expose-gc --max-semi-space-size=8 dist/bench/web-only.js`
 * after `npm run build`): the engine alone, as the full bench measures it (the served engine with the quality loop,
 * 50 conversations interleaved, the eval texts), then the web chat's HTTP path with SQLite and with Redis, and the
 * same report lines as the full bench. For work on the web path, where the rest of the bench (MiniSearch, fuse.js,
 * the quality loop's A/A control, cold starts) takes minutes and says nothing. Bounded: BENCH_MESSAGES engine
 * messages (default 20,000) and BENCH_WEB_MESSAGES web messages per store and engine thread (default 20,000). Each
 * store is measured with the engine in the server's main thread and on its own thread (ADR 55), or only in the one
 * ENGINE_THREAD names.
 */
import { timeServedEngine } from "./served.js";
import { benchTexts, BENCH_CONVERSATIONS as CONVERSATIONS } from "./texts.js";
import { benchWeb, webReport } from "./web.js";

const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 20_000);
const WEB_MESSAGES = Number(process.env.BENCH_WEB_MESSAGES ?? 20_000);

const texts = benchTexts();
// The same warm-up as the full bench (two passes over the texts), then one timed pass with a clean heap first.
const alone = await timeServedEngine(MESSAGES);

const bench = await benchWeb(texts, WEB_MESSAGES, CONVERSATIONS);
const perSecond = 1_000_000 / alone.wallUs;
const lines = [
  `web bench — engine alone ${MESSAGES.toLocaleString("en-GB")} messages: ${Math.round(perSecond)} msgs/s, ` +
    `${Math.round(alone.cpuUs)} µs CPU per message`,
  ...bench.figures.map(
    (w) =>
      `${w.store}: ${Math.round(w.perSecond)} msgs/s, p50 ${w.p50.toFixed(1)} ms, p99 ${w.p99.toFixed(1)} ms`,
  ),
  ...webReport(bench, { perSecond, cpuUs: alone.cpuUs }, CONVERSATIONS),
];
process.stdout.write(`${lines.join("\n")}\n`);
