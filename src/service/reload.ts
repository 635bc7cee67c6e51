/**
 * Hot reload gated by the eval: the live engine behind the service's handler, replaced when knowledge/ or intents/
 * change (SIGHUP, or the files themselves, debounced) only if the new data passes the CI gate (src/cli/gate.ts).
 *
 * A reload reads the data files directly (not any start-up artefact), builds a candidate engine over them with a
 * throwaway memory store and no review log, runs the gate's set through it while yielding to the event loop between
 * questions (requests keep being answered by the old engine meanwhile), and only when every gate group holds builds
 * the live engine over the same data with the service's store and swaps it in. Anything else — a file that does not
 * load (its error names the file and field), a group that falls short — keeps the old engine and logs one line.
 *
 * The swap waits for the messages in flight on the old engine (the engine serialises a conversation's turns only
 * within itself), holding new ones for those few milliseconds, so no conversation has turns on two engines at once.
 * Conversation state is plain data in the store, so a dialogue open before the swap carries on after it.
 */
import { createHash } from "node:crypto";
import { type FSWatcher, readdirSync, readFileSync, statSync, watch } from "node:fs";
import { join } from "node:path";
import { runGate } from "../cli/gate.js";
import { Engine, type EngineOptions } from "../core/engine.js";
import { checkKinds, knownFacets } from "../core/question-kinds.js";
import { MemoryStore } from "../core/store/memory.js";
import {
  type Clock,
  type IncomingMessage,
  type Logger,
  type MessageHandler,
  type Reply,
  systemClock,
} from "../core/types.js";
import { loadEnglishWords } from "../node/english-words.js";
import { loadIntents, loadKnowledge } from "../node/load.js";
import { PACKAGE_ROOT } from "../node/paths.js";

/** The data folders an engine is built from. */
export interface DataDirs {
  knowledgeDir: string;
  intentsDir: string;
}

/** The package's knowledge/ and intents/, or the folders given. */
export function dataDirs(given: Partial<DataDirs> = {}): DataDirs {
  return {
    knowledgeDir: given.knowledgeDir ?? join(PACKAGE_ROOT, "knowledge"),
    intentsDir: given.intentsDir ?? join(PACKAGE_ROOT, "intents"),
  };
}

/** What one reload did. "unchanged": the files hash as the data in use, so nothing was rebuilt. */
export type ReloadResult = "applied" | "refused" | "unchanged";

export interface ReloadOutcome {
  result: ReloadResult;
  /** What asked for it: "SIGHUP", "watch", "manual". */
  trigger: string;
  /** The data version in use after it. */
  version: string;
  /** The version of the files it read. */
  candidate: string;
  at: number;
  /** For "refused": the load error (naming file and field) or the gate groups that fell short, one line. */
  reason?: string;
}

/** What the service shows of the data in use (/metrics, Service.reloader): the Reloader's, or its view across threads. */
export type LiveData = Pick<Reloader, "version" | "lastReload" | "counts">;

/** The options of every live engine but its data: the store, clock, logger, review log, limits. */
export type LiveEngineOptions = Omit<EngineOptions, "knowledge" | "intents" | "words">;

export interface ReloaderOptions {
  /** The engine serving at start (its data should be that of `dirs`). Required. */
  initial: Engine;
  /** Where the data files are. Default: the package's knowledge/ and intents/. */
  dirs?: DataDirs;
  /** How each new live engine is set up (the service's store, logger, review log, ...). Required. */
  engine: LiveEngineOptions;
  /** The gate's set. Default: the package's test/eval/questions.jsonl and conversations.json (src/cli/gate.ts). */
  gateSet?: { questions: string; conversations: string };
  /** Quiet time after the last file event before a reload starts, in milliseconds. Default: 300. */
  debounceMs?: number;
  /** Default: silent. */
  logger?: Logger;
  /** Default: the system clock. */
  clock?: Clock;
  /** Told of every reload's outcome once it is known (the engine's thread tells the main thread, ADR 55). */
  onReload?: (outcome: ReloadOutcome) => void;
}

const silent: Logger = { debug() {}, info() {}, warn() {}, error() {} };

/**
 * A short hash of the data files (names and contents): knowledge/*.md and intents/*.yaml, what the loaders read, so an
 * editor's swap or backup file changes nothing. The data version /metrics shows.
 */
export function dataVersion(dirs: DataDirs): string {
  const hash = createHash("sha256");
  for (const [label, dir, ending] of [
    ["knowledge", dirs.knowledgeDir, ".md"],
    ["intents", dirs.intentsDir, ".yaml"],
  ] as const) {
    let names: string[];
    try {
      names = readdirSync(dir)
        .filter((name) => name.endsWith(ending))
        .sort();
    } catch {
      names = [];
    }
    for (const name of names) {
      const path = join(dir, name);
      try {
        if (!statSync(path).isFile()) continue;
        hash.update(`${label}/${name}\0`).update(readFileSync(path)).update("\0");
      } catch {
        // Gone between the listing and the read (an editor's save): the next event hashes it again.
      }
    }
  }
  return hash.digest("hex").slice(0, 12);
}

/** Yields to the event loop before each message, so a gate run never holds up live requests for long. */
function yielding(inner: MessageHandler): MessageHandler {
  return {
    async handle(message: IncomingMessage): Promise<Reply> {
      await new Promise<void>((resolve) => setImmediate(resolve));
      return inner.handle(message);
    },
  };
}

export class Reloader implements MessageHandler {
  private current: Engine;
  private currentVersion: string;
  private readonly dirs: DataDirs;
  private readonly options: ReloaderOptions;
  private readonly logger: Logger;
  private readonly clock: Clock;
  private readonly debounceMs: number;
  private words: { english: Set<string>; common: Set<string> } | undefined;
  private last: ReloadOutcome | undefined;
  /** Reloads since start, by result (for /metrics). */
  readonly counts: Record<ReloadResult, number> = { applied: 0, refused: 0, unchanged: 0 };
  private running: Promise<ReloadOutcome> | undefined;
  private queued: { trigger: string; promise: Promise<ReloadOutcome> } | undefined;
  private active = 0;
  private idle: (() => void) | undefined;
  private paused: Promise<void> | undefined;
  private watchers: FSWatcher[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private closed = false;

  constructor(options: ReloaderOptions) {
    this.options = options;
    this.current = options.initial;
    this.dirs = options.dirs ?? dataDirs();
    this.logger = options.logger ?? silent;
    this.clock = options.clock ?? systemClock;
    this.debounceMs = options.debounceMs ?? 300;
    this.currentVersion = dataVersion(this.dirs);
  }

  /** The engine answering now. */
  get engine(): Engine {
    return this.current;
  }

  /** The data version in use. */
  get version(): string {
    return this.currentVersion;
  }

  /** The last reload's outcome; undefined before the first. */
  get lastReload(): ReloadOutcome | undefined {
    return this.last;
  }

  async handle(message: IncomingMessage): Promise<Reply> {
    while (this.paused) await this.paused;
    const engine = this.current;
    this.active++;
    try {
      return await engine.handle(message);
    } finally {
      this.active--;
      if (this.active === 0) this.idle?.();
    }
  }

  /**
   * Reloads the data files; resolves with what happened (it never rejects). A reload asked for while one runs waits
   * for it and then runs once for every request made meanwhile.
   */
  reload(trigger = "manual"): Promise<ReloadOutcome> {
    if (!this.running) {
      this.running = this.attempt(trigger).finally(() => {
        this.running = undefined;
      });
      return this.running;
    }
    if (!this.queued) {
      const after = this.running.then(() => {
        this.queued = undefined;
        return this.reload(trigger);
      });
      this.queued = { trigger, promise: after };
    }
    return this.queued.promise;
  }

  /** Watches the data folders: a change reloads once the files have been quiet for `debounceMs`. */
  watch(): void {
    if (this.closed || this.watchers.length > 0) return;
    for (const dir of [this.dirs.knowledgeDir, this.dirs.intentsDir]) {
      try {
        const watcher = watch(dir, () => this.schedule());
        watcher.on("error", (error) =>
          this.logger.warn({ dir, err: { message: String(error.message) } }, "reload: watching stopped"),
        );
        watcher.unref();
        this.watchers.push(watcher);
      } catch (error) {
        this.logger.warn(
          { dir, err: { message: String((error as Error).message) } },
          "reload: cannot watch the folder; SIGHUP still reloads",
        );
      }
    }
  }

  /** Stops watching; waits for a reload under way. The live engine stays (the service closes it). */
  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    for (const watcher of this.watchers) watcher.close();
    this.watchers = [];
    await this.running;
    await this.queued?.promise;
  }

  private schedule(): void {
    if (this.closed) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.reload("watch"), this.debounceMs);
    this.timer.unref();
  }

  private async attempt(trigger: string): Promise<ReloadOutcome> {
    const candidate = dataVersion(this.dirs);
    const done = (result: ReloadResult, reason?: string): ReloadOutcome => {
      const outcome: ReloadOutcome = {
        result,
        trigger,
        version: this.currentVersion,
        candidate,
        at: this.clock.now(),
        ...(reason !== undefined ? { reason } : {}),
      };
      this.last = outcome;
      this.counts[result]++;
      this.options.onReload?.(outcome);
      return outcome;
    };
    if (candidate === this.currentVersion) {
      this.logger.info({ trigger, version: candidate }, "reload: the data files are unchanged");
      return done("unchanged");
    }
    let data: Pick<EngineOptions, "knowledge" | "intents" | "words">;
    let tested: Engine;
    try {
      const { dialogues } = this.options.engine;
      const knowledge = loadKnowledge(this.dirs.knowledgeDir);
      const intents = loadIntents(this.dirs.intentsDir, dialogues);
      if (intents.kinds) checkKinds(intents.kinds, knowledge, knownFacets(intents.lexicon));
      this.words ??= loadEnglishWords();
      data = { knowledge, intents, words: this.words };
      const {
        store: _store,
        reviewLog: _review,
        logger: _logger,
        onStoreError: _onError,
        ...rest
      } = this.options.engine;
      // The gate's own engine: a throwaway store, no review log (the set's questions are no one's), no rate limit.
      tested = new Engine({
        ...rest,
        ...data,
        store: new MemoryStore({ clock: this.clock }),
        rateLimit: { messages: 1_000_000, windowMs: 1 },
      });
    } catch (error) {
      return this.refuse(done, trigger, candidate, `the new data does not load: ${oneLine(error)}`);
    }
    let failures: string[];
    let summary: string;
    try {
      ({ failures, summary } = await runGate(yielding(tested), this.options.gateSet));
    } catch (error) {
      return this.refuse(done, trigger, candidate, `the eval gate could not run: ${oneLine(error)}`);
    }
    if (failures.length > 0) {
      return this.refuse(done, trigger, candidate, `the eval gate fell short: ${failures.join("; ")}`);
    }
    let next: Engine;
    try {
      next = new Engine({ ...this.options.engine, ...data });
    } catch (error) {
      return this.refuse(done, trigger, candidate, `the new engine could not be built: ${oneLine(error)}`);
    }
    const previous = this.currentVersion;
    await this.swap(next, candidate);
    this.logger.info(
      { trigger, version: candidate, previous, gate: summary },
      "reload: the new data is live",
    );
    return done("applied");
  }

  private refuse(
    done: (result: ReloadResult, reason?: string) => ReloadOutcome,
    trigger: string,
    candidate: string,
    reason: string,
  ): ReloadOutcome {
    this.logger.warn(
      { trigger, version: this.currentVersion, candidate },
      `reload refused, the old data stays live: ${reason}`,
    );
    return done("refused", reason);
  }

  /** Holds new messages while those in flight on the old engine finish, then swaps. */
  private async swap(next: Engine, version: string): Promise<void> {
    let open: () => void = () => {};
    this.paused = new Promise<void>((resolve) => {
      open = resolve;
    });
    if (this.active > 0) {
      await new Promise<void>((resolve) => {
        this.idle = resolve;
      });
      this.idle = undefined;
    }
    this.current = next;
    this.currentVersion = version;
    this.paused = undefined;
    open();
  }
}

/** An error as one line (a DataError already names the file and the field). */
function oneLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split("\n")[0] ?? message;
}
