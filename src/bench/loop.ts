/**
 * The quality loop's cost per message (issue 13: at most 5%), measured so that its noise is shown beside it: the
 * engine with the loop on as a service runs it, and two identical engines with it off (an A/A control through the
 * same code path and the same alternation). The three answer the same texts message by message, in an order that
 * takes all six permutations in turn, so a load that comes and goes, and each engine's place, weigh on all alike.
 * Messages are grouped in rounds (a clean heap before each, untimed); each round gives one ratio of time per message.
 * The figures are the median of the per-round ratios with their interquartile range and a bootstrap 95% interval of
 * the median, by process CPU time and by wall time, and the ratio of the means. Bounded: a fixed number of rounds and
 * a time limit. Used by `npm run bench` (main.ts) and on its own (`node --expose-gc dist/bench/loop.js`). ADR 23.
 *
 * "On" is what a deployment with the loop on does per message: "Helpful?" asks (intents/feedback.yaml) with their
 * vote ids, a review log in the session store's default backend (SQLite in a throwaway file) taking fallbacks and
 * clarifications with redaction, a vote pressed on some answers (counted in an SQLite feedback store and in
 * /metrics' counter; a "no" also sends its question to the review log), and the service's metrics decorator. "Off"
 * has the same decorator, no feedback intents and no review log. The session store is the in-memory one for all, so
 * the ratio is not diluted by the session store's own cost.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { loadConversations, loadQuestions } from "../cli/eval.js";
import { buildKnowledge } from "../core/knowledge.js";
import type { MessageHandler, Reply } from "../core/types.js";
import { DEFAULT_ARTEFACT, readArtefact } from "../node/artefact.js";
import { Engine } from "../node/create-engine.js";
import { PACKAGE_ROOT as ROOT } from "../node/paths.js";
import { SqliteFeedbackStore } from "../node/store/feedback-sqlite.js";
import { SqliteReviewLog } from "../node/store/review-sqlite.js";
import { countingVotes } from "../service/feedback.js";
import { ServiceMetrics, withMetrics } from "../service/metrics.js";

export interface LoopBenchOptions {
  /** Rounds, each one ratio. Default: 200 (BENCH_LOOP_ROUNDS). */
  rounds?: number;
  /** Messages per engine in a round. Default: 40 (BENCH_LOOP_SLICE). */
  slice?: number;
  /** The rounds stop after this long even if not all ran. Default: 90 s. */
  timeLimitMs?: number;
}

/** A median with the spread of the per-round ratios and the bootstrap interval of the median. */
export interface RatioFigure {
  median: number;
  q1: number;
  q3: number;
  /** Bootstrap 95% interval of the median (percentile method, resampling rounds). */
  low: number;
  high: number;
}

export interface LoopReport {
  rounds: number;
  slice: number;
  /** Messages through each engine in the measured rounds (votes not counted: they are extra turns of "on"). */
  messages: number;
  /** Votes pressed by "on" in the measured rounds (charged to its messages). */
  votes: number;
  /** Replies of "on" that asked "Helpful?", and that went to the review log (fallback or clarify). */
  asks: number;
  reviewed: number;
  /** Cost ratios, time per message on / off (above 1: the loop costs), and off' / off (the noise floor). */
  cpu: { effect: RatioFigure; control: RatioFigure };
  wall: { effect: RatioFigure; control: RatioFigure };
  /** Mean process CPU time per message, µs: on, off, off'. */
  cpuUs: [number, number, number];
  /** Mean wall time per message, µs: on, off, off'. */
  wallUs: [number, number, number];
  seconds: number;
}

/** One vote for every this many "Helpful?" asks (alternately yes and no): more than people rate, on purpose. */
const VOTE_EVERY = 20;
const BOOTSTRAP_SAMPLES = 2000;
const PERMUTATIONS = [
  [0, 1, 2],
  [1, 2, 0],
  [2, 0, 1],
  [0, 2, 1],
  [2, 1, 0],
  [1, 0, 2],
] as const;

const collectGarbage = (globalThis as { gc?: () => void }).gc;
const nextTick = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The bench's message mix: the tuning questions, then every conversation's turns. */
export function benchTexts(): string[] {
  const questions = loadQuestions(join(ROOT, "test", "eval", "questions.jsonl")).map((q) => q.text);
  const turns = loadConversations(join(ROOT, "test", "eval", "conversations.json")).flatMap((c) =>
    c.turns.map((t) => t.text),
  );
  return [...questions, ...turns];
}

interface Arm {
  handler: MessageHandler;
  close(): Promise<void>;
  /** Called with each reply; "on" presses a vote now and then. */
  after?: (reply: Reply, conversationId: string) => Promise<void>;
}

/** An engine built as served, from its own read of the precomputed engine data (`npm run build` makes it). */
function engineFor(loop: { dir: string } | null): {
  engine: Engine;
  metrics: ServiceMetrics;
  close(): Promise<void>;
} {
  const read = readArtefact(DEFAULT_ARTEFACT, join(ROOT, "knowledge"), join(ROOT, "intents"));
  if (!read.ok) throw new Error(`the bench needs fresh engine data (npm run build): ${read.reason}`);
  const { sections, intents, words, prepared } = read.data;
  const metrics = new ServiceMetrics({ defaultMetrics: false });
  const path = loop === null ? "" : join(loop.dir, "crampbot.db");
  const reviewLog = loop === null ? undefined : new SqliteReviewLog({ path });
  const engine = new Engine({
    knowledge: buildKnowledge(sections),
    intents: loop === null ? { ...intents, feedback: undefined } : intents,
    words,
    prepared,
    rateLimit: { messages: 1_000_000, windowMs: 1 },
    ...(loop === null
      ? {}
      : { reviewLog, feedback: countingVotes(new SqliteFeedbackStore({ path }), metrics) }),
  });
  return {
    engine,
    metrics,
    close: async () => {
      await engine.close();
      await reviewLog?.close();
    },
  };
}

function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return (sorted[lo] ?? 0) + ((sorted[hi] ?? 0) - (sorted[lo] ?? 0)) * (at - lo);
}

/** A small seeded generator (mulberry32), so the interval is the same for the same rounds. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function ratioFigure(ratios: readonly number[]): RatioFigure {
  const sorted = [...ratios].sort((a, b) => a - b);
  const random = seeded(13);
  const medians: number[] = [];
  const sample = new Array<number>(ratios.length);
  for (let b = 0; b < BOOTSTRAP_SAMPLES; b++) {
    for (let i = 0; i < ratios.length; i++) sample[i] = ratios[Math.floor(random() * ratios.length)] ?? 0;
    medians.push(
      quantile(
        sample.sort((x, y) => x - y),
        0.5,
      ),
    );
  }
  medians.sort((a, b) => a - b);
  return {
    median: quantile(sorted, 0.5),
    q1: quantile(sorted, 0.25),
    q3: quantile(sorted, 0.75),
    low: quantile(medians, 0.025),
    high: quantile(medians, 0.975),
  };
}

export async function benchLoop(
  texts: readonly string[],
  options: LoopBenchOptions = {},
): Promise<LoopReport> {
  const rounds = options.rounds ?? Number(process.env.BENCH_LOOP_ROUNDS ?? 200);
  const slice = options.slice ?? Number(process.env.BENCH_LOOP_SLICE ?? 40);
  const timeLimitMs = options.timeLimitMs ?? 90_000;
  const dir = mkdtempSync(join(tmpdir(), "crampbot-loop-bench-"));
  const on = engineFor({ dir });
  const offs = [engineFor(null), engineFor(null)];
  let asks = 0;
  let votes = 0;
  let reviewed = 0;
  let counting = false;
  const onHandler = withMetrics(on.engine, on.metrics);
  const arms: Arm[] = [
    {
      handler: onHandler,
      close: on.close,
      after: async (reply, conversationId) => {
        if (reply.intent === "fallback" || reply.intent === "clarify") reviewed += counting ? 1 : 0;
        const ask = reply.feedback;
        if (ask === undefined) return;
        asks++;
        if (asks % VOTE_EVERY !== 0) return;
        votes += counting ? 1 : 0;
        const button = (asks / VOTE_EVERY) % 2 === 0 ? ask.yes : ask.no;
        await onHandler.handle({
          platform: "bench",
          conversationId,
          userId: "bench",
          kind: "button",
          buttonId: button.id,
        });
      },
    },
    ...offs.map((off) => ({ handler: withMetrics(off.engine, off.metrics), close: off.close })),
  ];
  // Each engine gets its own conversations; the same text goes to the same conversation number in each.
  const run = async (arm: Arm, n: number, i: number) => {
    const conversationId = `loop${n}-${i % 50}`;
    const reply = await arm.handler.handle({
      platform: "bench",
      conversationId,
      userId: "bench",
      kind: "text",
      text: texts[i % texts.length] ?? "",
    });
    await arm.after?.(reply, conversationId);
  };
  // Warm-up: two passes over the texts for each, in turns, so no engine runs code the others have not optimised.
  for (let pass = 0; pass < 2; pass++)
    for (const [n, arm] of arms.entries()) {
      for (let i = 0; i < texts.length; i++) await run(arm, n, i);
      await nextTick();
    }
  counting = true;
  const cpu: number[][] = [[], [], []];
  const wall: number[][] = [[], [], []];
  const started = performance.now();
  let done = 0;
  for (let round = 0; round < rounds && performance.now() - started < timeLimitMs; round++) {
    // A clean heap before each round (untimed): a round's young-generation collections fall on whichever engine
    // allocates when the space fills, as in a service, but no round pays for an earlier one's old garbage.
    collectGarbage?.();
    const cpuSum = [0, 0, 0];
    const wallSum = [0, 0, 0];
    // Message by message: the three answer the same text one after the other, in an order that takes all six
    // permutations in turn, so a passing load and each engine's place (after which other one) weigh on all alike.
    for (let k = 0; k < slice; k++) {
      const i = round * slice + k;
      for (const n of PERMUTATIONS[i % PERMUTATIONS.length] ?? PERMUTATIONS[0]) {
        const arm = arms[n];
        if (arm === undefined) continue;
        const t = performance.now();
        const c = process.cpuUsage();
        await run(arm, n, i);
        // Work left for after the reply (the review log's batch write) runs here, charged to the engine that made it.
        await nextTick();
        const used = process.cpuUsage(c);
        wallSum[n] = (wallSum[n] ?? 0) + performance.now() - t;
        cpuSum[n] = (cpuSum[n] ?? 0) + used.user + used.system;
      }
    }
    for (let n = 0; n < 3; n++) {
      wall[n]?.push(((wallSum[n] ?? 0) * 1000) / slice);
      cpu[n]?.push((cpuSum[n] ?? 0) / slice);
    }
    done++;
  }
  const seconds = (performance.now() - started) / 1000;
  await Promise.all(arms.map((arm) => arm.close()));
  rmSync(dir, { recursive: true, force: true });
  const ratios = (series: number[][], a: number, b: number) =>
    (series[a] ?? []).map((x, r) => x / (series[b]?.[r] ?? Number.NaN));
  const mean = (xs: number[] = []) => xs.reduce((s, x) => s + x, 0) / Math.max(1, xs.length);
  return {
    rounds: done,
    slice,
    messages: done * slice,
    votes,
    asks,
    reviewed,
    cpu: { effect: ratioFigure(ratios(cpu, 0, 1)), control: ratioFigure(ratios(cpu, 2, 1)) },
    wall: { effect: ratioFigure(ratios(wall, 0, 1)), control: ratioFigure(ratios(wall, 2, 1)) },
    cpuUs: [mean(cpu[0]), mean(cpu[1]), mean(cpu[2])],
    wallUs: [mean(wall[0]), mean(wall[1]), mean(wall[2])],
    seconds,
  };
}

const fmt = (f: RatioFigure) =>
  `${f.median.toFixed(3)}x (95% interval ${f.low.toFixed(3)}-${f.high.toFixed(3)}, rounds' IQR ${f.q1.toFixed(3)}-${f.q3.toFixed(3)})`;

/** The report's lines. */
export function loopReport(report: LoopReport): string[] {
  const [on, off, control] = report.cpuUs;
  const [onWall, offWall, controlWall] = report.wallUs;
  return [
    `quality loop on / off, cost per message: median of ${report.rounds} rounds of ${report.slice} messages each (${report.messages.toLocaleString("en-GB")} in all, plus ${report.votes} votes pressed by "on"; ${report.reviewed} of its replies went to the review log; ${report.seconds.toFixed(0)} s)`,
    `  by CPU time:  on/off ${fmt(report.cpu.effect)}; A/A control off'/off ${fmt(report.cpu.control)}`,
    `  by wall time: on/off ${fmt(report.wall.effect)}; A/A control off'/off ${fmt(report.wall.control)}`,
    `  means per message: CPU on ${on.toFixed(0)} / off ${off.toFixed(0)} / off' ${control.toFixed(0)} µs (on/off ${(on / off).toFixed(3)}x, off'/off ${(control / off).toFixed(3)}x); wall ${onWall.toFixed(0)} / ${offWall.toFixed(0)} / ${controlWall.toFixed(0)} µs`,
  ];
}

// On its own: `node --expose-gc --max-semi-space-size=8 dist/bench/loop.js`.
if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const report = await benchLoop(benchTexts());
  process.stdout.write(`${loopReport(report).join("\n")}\n`);
}
