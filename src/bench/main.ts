/**
 * `npm run bench`: the engine's throughput, latency, memory and cold start, each next to references measured in the
 * same run (a plain fuse.js search and a plain MiniSearch BM25 search over the same sections; a bare `node` start).
 * Figures are reported as ratios too, since the machines are noisy; the engine and MiniSearch, and the two cold
 * starts, are measured in turns so that a passing load weighs on both alike. Bounded: a fixed number of messages.
 */
import { spawnSync } from "node:child_process";

import { join } from "node:path";
import Fuse from "fuse.js";
import MiniSearch from "minisearch";
import { loadKnowledge } from "../node/load.js";
import { PACKAGE_ROOT as ROOT } from "../node/paths.js";
import { type Figures, referenceDocs, summarise } from "./figures.js";
import { benchLoop, loopReport } from "./loop.js";
import { servedEngine } from "./served.js";
import { SERVICE_FLAGS } from "./service-flags.js";
import { benchTexts, benchTurn } from "./texts.js";
import { benchWeb, webReport } from "./web.js";

const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 20_000);
const COLD_RUNS = 7;
/** The V8 flag the service runs with (package.json `start`, the Dockerfile): a young generation of at most 8 MB a half. */

async function time(count: number, run: (i: number) => unknown | Promise<unknown>): Promise<Figures> {
  for (let i = 0; i < Math.min(500, count); i++) await run(i); // warm-up
  const latencies: number[] = [];
  const start = performance.now();
  for (let i = 0; i < count; i++) {
    const t = performance.now();
    await run(i);
    latencies.push(performance.now() - t);
  }
  return summarise(latencies, performance.now() - start);
}

const collectGarbage = (globalThis as { gc?: () => void }).gc;

/**
 * Several loops measured in turns (a slice of each, round after round), so a load that comes and goes on a shared
 * machine weighs on each alike and their ratios hold. The loops after the first change places every round, and the
 * warm-up is long (two passes over the texts, for each loop), because the loop measured first in a round used to pay
 * for code the others then ran optimised: two identical engines came out 0.7x-0.9x in that order (ADR 18).
 */
async function timeInTurns(
  loops: { count: number; run: (i: number) => unknown | Promise<unknown> }[],
  warmUp: number,
  rounds = 50,
): Promise<Figures[]> {
  for (let pass = 0; pass < 2; pass++)
    for (const loop of loops) for (let i = 0; i < Math.min(warmUp, loop.count); i++) await loop.run(i);
  const latencies = loops.map(() => [] as number[]);
  const totals = loops.map(() => 0);
  const cpu = loops.map(() => 0);
  const [first, ...rest] = [...loops.entries()];
  for (let round = 0; round < rounds; round++) {
    // The loops after the first take every place in turn: a loop that always came right after the first (MiniSearch)
    // measured about 10% slower than the same engine in the last place.
    const shift = rest.length === 0 ? 0 : round % rest.length;
    const order = first === undefined ? [] : [first, ...rest.slice(shift), ...rest.slice(0, shift)];
    for (const [n, loop] of order) {
      const from = Math.floor((loop.count * round) / rounds);
      const to = Math.floor((loop.count * (round + 1)) / rounds);
      // A clean heap before each slice (untimed; `npm run bench` passes --expose-gc): otherwise a slice pays for
      // the garbage of the loop before it (MiniSearch's fuzzy search makes plenty), and the one that always
      // follows it is charged for it.
      collectGarbage?.();
      const start = performance.now();
      const cpuStart = process.cpuUsage();
      for (let i = from; i < to; i++) {
        const t = performance.now();
        await loop.run(i);
        latencies[n]?.push(performance.now() - t);
      }
      totals[n] = (totals[n] ?? 0) + performance.now() - start;
      const used = process.cpuUsage(cpuStart);
      cpu[n] = (cpu[n] ?? 0) + used.user + used.system;
    }
  }
  return loops.map((loop, n) => ({
    ...summarise(latencies[n] ?? [], totals[n] ?? 0),
    cpuUs: (cpu[n] ?? 0) / loop.count,
  }));
}

interface AloneFigures extends Figures {
  rssMb: number;
}

/**
 * The engine and the MiniSearch reference each alone in a process of its own (alone.ts), three runs of each in
 * turns; the run with the median p99 of each is kept. The latency percentiles and the engine's peak RSS come from
 * here (ADR 36).
 */
function aloneInTurns(messages: number): { engine: AloneFigures; minisearch: AloneFigures } {
  const runs = { engine: [] as AloneFigures[], minisearch: [] as AloneFigures[] };
  for (let i = 0; i < 3; i++) {
    for (const which of ["engine", "minisearch"] as const) {
      // With the flags the service runs with (`npm start`, the Docker image).
      const child = spawnSync(
        process.execPath,
        [...SERVICE_FLAGS, join(ROOT, "dist", "bench", "alone.js"), which, String(messages)],
        { encoding: "utf8" },
      );
      if (child.status !== 0) throw new Error(`the bench's ${which} process failed: ${child.stderr}`);
      runs[which].push(JSON.parse(child.stdout) as AloneFigures);
    }
  }
  const median = (list: AloneFigures[]) => list.sort((a, b) => a.p99 - b.p99)[1] as AloneFigures;
  return { engine: median(runs.engine), minisearch: median(runs.minisearch) };
}

/** Median wall time of each command, run in turns (see {@link timeInTurns}). */
function coldStarts(commands: string[][]): number[] {
  const times = commands.map(() => [] as number[]);
  for (let i = 0; i < COLD_RUNS; i++) {
    for (const [n, args] of commands.entries()) {
      const t = performance.now();
      const result = spawnSync(process.execPath, args, { cwd: ROOT, encoding: "utf8" });
      if (result.status !== 0) throw new Error(`cold start run failed: ${result.stderr}`);
      times[n]?.push(performance.now() - t);
    }
  }
  return times.map((list) => list.sort((a, b) => a - b)[Math.floor(COLD_RUNS / 2)] ?? 0);
}

async function main(): Promise<void> {
  const texts = benchTexts();
  const knowledge = loadKnowledge(join(ROOT, "knowledge"));
  const docs = referenceDocs(knowledge);

  const fuse = new Fuse(docs, { keys: ["title", "keywords", "questions", "answer"], includeScore: true });
  const mini = new MiniSearch({ fields: ["title", "keywords", "questions", "answer"], storeFields: ["id"] });
  mini.addAll(docs);

  const fuseFigures = await time(Math.min(MESSAGES, 4000), (i) => fuse.search(texts[i % texts.length] ?? ""));
  // The full engine (context, dialogues and the session store included; 50 conversations interleaved) and MiniSearch,
  // in turns, so their ratio holds on a loaded machine.
  // The engine as served with the quality loop on (served.ts). The loop's own cost is measured apart, with an A/A
  // control beside it (loop.ts).
  const engine = servedEngine();
  const [miniFigures, engineFigures] = (await timeInTurns(
    [
      { count: MESSAGES, run: (i) => mini.search(texts[i % texts.length] ?? "", { fuzzy: 0.2 }) },
      { count: MESSAGES, run: benchTurn(engine, texts) },
    ],
    texts.length,
  )) as [Figures, Figures];
  const loop = await benchLoop();
  const rssMb = process.resourceUsage().maxRSS / 1024;
  const alone = aloneInTurns(MESSAGES);
  const engineRssMb = alone.engine.rssMb;

  const webMessages = Number(process.env.BENCH_WEB_MESSAGES ?? 20_000);
  const webBench = await benchWeb(texts, webMessages, 50);
  const web = webBench.figures;

  const [nodeStart = 0, crampStart = 0] = coldStarts([
    ["-e", "0"],
    ["bin/crampbot.js", "ask", "how much magnesium should I take?"],
  ]);

  const row = (name: string, f: Figures) =>
    `| ${name} | ${Math.round(f.perSecond).toLocaleString("en-GB")} | ${f.p50.toFixed(3)} | ${f.p99.toFixed(3)} |`;
  const lines = [
    `CrampBot benchmark — ${MESSAGES.toLocaleString("en-GB")} messages (${texts.length} distinct texts), node ${process.version}`,
    "",
    "| what | messages/s | p50 ms | p99 ms |",
    "|---|---|---|---|",
    row("engine (full: lexicon, matcher, context, dialogues, store)", engineFigures),
    row("reference: plain MiniSearch BM25 search", miniFigures),
    row("reference: plain fuse.js search (long fields)", fuseFigures),
    ...web.map((w) =>
      row(
        `web chat HTTP path (${webMessages.toLocaleString("en-GB")} messages, 50 conversations), ${w.store}`,
        w,
      ),
    ),
    "",
    ...webReport(webBench, engineFigures, 50),
    `engine / MiniSearch throughput: ${(engineFigures.perSecond / miniFigures.perSecond).toFixed(2)}x`,
    `engine / fuse.js throughput:    ${(engineFigures.perSecond / fuseFigures.perSecond).toFixed(2)}x`,
    `alone in a process each (${MESSAGES.toLocaleString("en-GB")} messages, no forced collection; median of 3 by p99): engine p50 ${alone.engine.p50.toFixed(3)} ms, p99 ${alone.engine.p99.toFixed(3)} ms, ${Math.round(alone.engine.perSecond).toLocaleString("en-GB")} messages/s; MiniSearch p50 ${alone.minisearch.p50.toFixed(3)} ms, p99 ${alone.minisearch.p99.toFixed(3)} ms, ${Math.round(alone.minisearch.perSecond).toLocaleString("en-GB")} messages/s`,
    ...loopReport(loop),
    `peak RSS, engine alone in its own process (${MESSAGES.toLocaleString("en-GB")} messages): ${engineRssMb.toFixed(0)} MB; whole bench process (references, web path, Botkit): ${rssMb.toFixed(0)} MB`,
    `cold start, process start to first answer (median of ${COLD_RUNS}): ${crampStart.toFixed(0)} ms; bare node start: ${nodeStart.toFixed(0)} ms (${(crampStart / nodeStart).toFixed(1)}x)`,
  ];
  process.stdout.write(`${lines.join("\n")}\n`);
  await engine.close();
}

await main();
