/**
 * The quality loop's cost per message (issue 13: at most 5%), measured so that its noise is shown beside it: an
 * engine with the loop on as a service runs it, and two identical engines with it off (an A/A control through the
 * same code path and the same alternation), each in a process of its own (loop-arm.ts), as a deployment runs one
 * engine. The three answer the same texts message by message, in an order that takes all six permutations in turn,
 * so a load that comes and goes, and each one's place, weigh on all alike; each measures its own process CPU time and
 * wall time per message. Messages are grouped in rounds (a clean heap in each process before each, untimed); each
 * round gives one ratio of time per message. The run is split in epochs, each with three fresh processes, since two
 * processes differ by a few per cent of their own (JIT outcomes, which core they share). The figures are the median
 * of the per-round ratios with their interquartile range and a bootstrap 95% interval of the median (epochs
 * resampled, then rounds within them), by CPU time and by wall time, and the ratio of the means. Bounded: a fixed
 * number of rounds and a time limit. Used by `npm run bench` (main.ts) and on its own
 * (`node dist/bench/loop.js`). ADR 23.
 *
 * Why processes: measured in one process, the engine with the loop on came out 10-20% slower than either engine
 * without it, and 3% slower when each ran in a process of its own at the same time; the loop's own functions were
 * 1-2% of its profile. Engines sharing one process share its optimised code, and the one whose objects differ (replies
 * with a vote, states with a question) paid for the others' assumptions (ADR 23).
 */
import { fork } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { ArmAnswer, ArmCommand } from "./loop-arm.js";
import { SERVICE_FLAGS } from "./service-flags.js";

const ARM = join(fileURLToPath(new URL(".", import.meta.url)), "loop-arm.js");

export interface LoopBenchOptions {
  /** Rounds, each one ratio. Default: 200 (BENCH_LOOP_ROUNDS). */
  rounds?: number;
  /** Messages per engine in a round. Default: 40 (BENCH_LOOP_SLICE). */
  slice?: number;
  /** Epochs, each with three fresh processes, so the interval holds what differs between processes. Default: 4 (BENCH_LOOP_EPOCHS). */
  epochs?: number;
  /** The rounds stop after this long in all even if not all ran. Default: 90 s. */
  timeLimitMs?: number;
}

/** A median with the spread of the per-round ratios and the bootstrap interval of the median. */
export interface RatioFigure {
  median: number;
  q1: number;
  q3: number;
  /** Bootstrap 95% interval of the median (percentile method, resampling epochs, then rounds within them). */
  low: number;
  high: number;
}

export interface LoopReport {
  rounds: number;
  epochs: number;
  slice: number;
  /** The median by CPU time of each epoch. */
  perEpoch: number[];
  /** Messages through each engine in the measured rounds (votes not counted: they are extra turns of "on"). */
  messages: number;
  /** Votes pressed by "on" in the measured rounds (charged to its messages). */
  votes: number;
  /** Replies of "on" that asked "Helpful?", and that went to the review log (fallback or clarify). */
  asks: number;
  reviewed: number;
  /**
   * Cost ratios: time per message of "on" against the mean of the two "off" processes (above 1: the loop costs), and
   * off' / off (the noise floor).
   */
  cpu: { effect: RatioFigure; control: RatioFigure };
  wall: { effect: RatioFigure; control: RatioFigure };
  /** Mean process CPU time per message, µs: on, off, off'. */
  cpuUs: [number, number, number];
  /** Mean wall time per message, µs: on, off, off'. */
  wallUs: [number, number, number];
  seconds: number;
}

const BOOTSTRAP_SAMPLES = 2000;
const PERMUTATIONS = [
  [0, 1, 2],
  [1, 2, 0],
  [2, 0, 1],
  [0, 2, 1],
  [2, 1, 0],
  [1, 0, 2],
] as const;

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

/**
 * The median of per-round ratios, with its interval by a two-level bootstrap: epochs (each with fresh processes) are
 * resampled, then rounds within each epoch drawn, so the interval also holds what differs between processes.
 */
export function ratioFigure(epochs: readonly (readonly number[])[]): RatioFigure {
  const all = epochs.flat();
  const sorted = [...all].sort((a, b) => a - b);
  const random = seeded(13);
  const medians: number[] = [];
  for (let b = 0; b < BOOTSTRAP_SAMPLES; b++) {
    const sample: number[] = [];
    for (let e = 0; e < epochs.length; e++) {
      const epoch = epochs[Math.floor(random() * epochs.length)] ?? [];
      for (let i = 0; i < epoch.length; i++) sample.push(epoch[Math.floor(random() * epoch.length)] ?? 0);
    }
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

/** One arm: a child process running one engine, told what to answer one command at a time. */
class ArmProcess {
  private readonly child;
  private waiting: ((answer: ArmAnswer) => void) | undefined;
  private readonly ready: Promise<ArmAnswer>;

  constructor(mode: "on" | "off", dir: string) {
    this.child = fork(ARM, [mode, dir], {
      execArgv: ["--expose-gc", ...SERVICE_FLAGS],
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    this.ready = new Promise((resolve) => {
      this.waiting = resolve;
    });
    this.child.on("message", (answer: ArmAnswer) => {
      const waiting = this.waiting;
      this.waiting = undefined;
      waiting?.(answer);
    });
  }

  started(): Promise<ArmAnswer> {
    return this.ready;
  }

  ask(command: ArmCommand): Promise<ArmAnswer> {
    return new Promise((resolve, reject) => {
      this.waiting = resolve;
      if (!this.child.send(command)) reject(new Error("the bench's arm process is gone"));
    });
  }

  kill(): void {
    if (this.child.exitCode === null) this.child.kill();
  }
}

interface Epoch {
  /** Per round, µs per message: [on, off, off']. */
  cpu: number[][];
  wall: number[][];
  counts: { asks: number; votes: number; reviewed: number };
}

/** One epoch: three fresh processes, warmed up, then rounds until `rounds` or `timeLimitMs`. */
async function epoch(rounds: number, slice: number, timeLimitMs: number, first: number): Promise<Epoch> {
  const dir = mkdtempSync(join(tmpdir(), "crampbot-loop-bench-"));
  const arms = [new ArmProcess("on", dir), new ArmProcess("off", dir), new ArmProcess("off", dir)];
  try {
    await Promise.all(arms.map((arm) => arm.started()));
    // Warm-up: two passes over the texts in each, one after the other.
    for (const arm of arms) await arm.ask({ type: "warm", passes: 2 });
    const cpu: number[][] = [[], [], []];
    const wall: number[][] = [[], [], []];
    const started = performance.now();
    for (let r = 0; r < rounds && performance.now() - started < timeLimitMs; r++) {
      const round = first + r;
      for (const arm of arms) await arm.ask({ type: "gc" });
      const cpuSum = [0, 0, 0];
      const wallSum = [0, 0, 0];
      for (let k = 0; k < slice; k++) {
        const i = round * slice + k;
        // The permutation follows the message's place in the round, so each arm is first after the clean heap alike.
        for (const n of PERMUTATIONS[(round + k) % PERMUTATIONS.length] ?? PERMUTATIONS[0]) {
          const answer = await arms[n]?.ask({ type: "run", i });
          if (answer?.type !== "ran") throw new Error("the bench's arm process answered out of turn");
          cpuSum[n] = (cpuSum[n] ?? 0) + answer.cpuUs;
          wallSum[n] = (wallSum[n] ?? 0) + answer.wallUs;
        }
      }
      for (let n = 0; n < 3; n++) {
        cpu[n]?.push((cpuSum[n] ?? 0) / slice);
        wall[n]?.push((wallSum[n] ?? 0) / slice);
      }
    }
    const counts = await arms[0]?.ask({ type: "done" });
    await Promise.all(arms.slice(1).map((arm) => arm.ask({ type: "done" })));
    return {
      cpu,
      wall,
      counts: counts?.type === "counts" ? counts : { asks: 0, votes: 0, reviewed: 0 },
    };
  } finally {
    for (const arm of arms) arm.kill();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchLoop(options: LoopBenchOptions = {}): Promise<LoopReport> {
  const rounds = options.rounds ?? Number(process.env.BENCH_LOOP_ROUNDS ?? 200);
  const slice = options.slice ?? Number(process.env.BENCH_LOOP_SLICE ?? 40);
  const epochs = Math.max(1, options.epochs ?? Number(process.env.BENCH_LOOP_EPOCHS ?? 4));
  const timeLimitMs = options.timeLimitMs ?? 90_000;
  const started = performance.now();
  const done: Epoch[] = [];
  for (let e = 0; e < epochs; e++) {
    const perEpoch = Math.ceil(rounds / epochs);
    done.push(await epoch(perEpoch, slice, timeLimitMs / epochs, e * perEpoch));
  }
  const seconds = (performance.now() - started) / 1000;
  const ratios = (series: number[][], a: number, b: number) =>
    (series[a] ?? []).map((x, r) => x / (series[b]?.[r] ?? Number.NaN));
  // "On" against both "off" processes together: two identical processes differ by a few per cent (the control shows
  // how much), and the mean of two halves that.
  const effect = (series: number[][]) =>
    (series[0] ?? []).map(
      (x, r) => (2 * x) / ((series[1]?.[r] ?? Number.NaN) + (series[2]?.[r] ?? Number.NaN)),
    );
  const mean = (n: number, series: (e: Epoch) => number[][]) => {
    const xs = done.flatMap((e) => series(e)[n] ?? []);
    return xs.reduce((sum, x) => sum + x, 0) / Math.max(1, xs.length);
  };
  const total = (key: keyof Epoch["counts"]) => done.reduce((sum, e) => sum + e.counts[key], 0);
  const measured = done.reduce((sum, e) => sum + (e.cpu[0]?.length ?? 0), 0);
  return {
    rounds: measured,
    epochs,
    slice,
    messages: measured * slice,
    votes: total("votes"),
    asks: total("asks"),
    reviewed: total("reviewed"),
    cpu: {
      effect: ratioFigure(done.map((e) => effect(e.cpu))),
      control: ratioFigure(done.map((e) => ratios(e.cpu, 2, 1))),
    },
    wall: {
      effect: ratioFigure(done.map((e) => effect(e.wall))),
      control: ratioFigure(done.map((e) => ratios(e.wall, 2, 1))),
    },
    perEpoch: done.map((e) => ratioFigure([effect(e.cpu)]).median),
    cpuUs: [mean(0, (e) => e.cpu), mean(1, (e) => e.cpu), mean(2, (e) => e.cpu)],
    wallUs: [mean(0, (e) => e.wall), mean(1, (e) => e.wall), mean(2, (e) => e.wall)],
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
    `quality loop on / off, cost per message: median of ${report.rounds} rounds of ${report.slice} messages each in ${report.epochs} epochs of fresh processes (${report.messages.toLocaleString("en-GB")} in all, plus ${report.votes} votes pressed by "on"; ${report.reviewed} of its replies went to the review log; ${report.seconds.toFixed(0)} s)`,
    `  by CPU time:  on/off ${fmt(report.cpu.effect)}; A/A control off'/off ${fmt(report.cpu.control)}`,
    `  by wall time: on/off ${fmt(report.wall.effect)}; A/A control off'/off ${fmt(report.wall.control)}`,
    `  (on/off: against the mean of off and off' in each round; by CPU, each epoch's median: ${report.perEpoch.map((m) => `${m.toFixed(3)}x`).join(", ")})`,
    `  means per message: CPU on ${on.toFixed(0)} / off ${off.toFixed(0)} / off' ${control.toFixed(0)} µs (on/off ${((2 * on) / (off + control)).toFixed(3)}x, off'/off ${(control / off).toFixed(3)}x); wall ${onWall.toFixed(0)} / ${offWall.toFixed(0)} / ${controlWall.toFixed(0)} µs`,
  ];
}

// On its own: `node dist/bench/loop.js` (after `npm run build`).
if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const report = await benchLoop();
  process.stdout.write(`${loopReport(report).join("\n")}\n`);
}
