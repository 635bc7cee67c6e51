/**
 * Role: the engine on a thread of its own (ADR 55). A {@link MessageHandler} whose engine and session store live in
 * a worker thread (engine-worker.ts), so that Botkit's and HTTP's work and the engine's run on two threads with two
 * heaps: a scavenge in one copies only that thread's survivors, and neither thread's caches are cooled by the other's
 * work between two messages. `handle()` posts the message and resolves with the engine's reply.
 *
 * What stays as it was: every turn goes through one port, in the order handle() was called, to the one engine, whose
 * per-conversation queue orders a conversation's turns as before (and the Redis store's lock across instances); the
 * engine never rejects (store failures and its own errors are answered there, a red flag first). What is new is the
 * boundary: a reply that cannot cross it, or a thread that ends while turns are in flight, rejects those handle()
 * calls (the adapters answer their apology) and nothing is left waiting; once the thread has ended, every later call
 * rejects at once. close() lets the engine finish the turns in flight and close its store, then ends the thread.
 */
import { Worker } from "node:worker_threads";
import type { TurnStoreOperation } from "../../core/engine.js";
import { CrampBotError } from "../../core/errors.js";
import type { IncomingMessage, Logger, MessageHandler, Reply } from "../../core/types.js";
import type { ReloadOutcome } from "../reload.js";
import { Outbox } from "./outbox.js";
import type { DataSnapshot, EngineThreadSpec, FromEngine, Posted, ToEngine } from "./protocol.js";

export type { DataSnapshot, EngineThreadSpec, ThreadStoreSpec } from "./protocol.js";

/**
 * The worker's entry, next to this module once built (dist/service/thread/engine-worker.js). Run from the sources
 * (the tests), a worker cannot load TypeScript: the built entry is used, so `npm run build` must have run.
 */
export const ENGINE_WORKER_URL = import.meta.url.endsWith(".ts")
  ? new URL("../../../dist/service/thread/engine-worker.js", import.meta.url)
  : new URL("./engine-worker.js", import.meta.url);

export interface EngineThreadOptions {
  /** Where the engine's log lines (at the spec's logLevel and above) and the thread's own troubles go. */
  logger: Logger;
  /** Told of every store operation that failed in the engine's thread (the reply was still given). */
  onStoreError?: (operation: TurnStoreOperation, code: string | null) => void;
  /** Told of every vote the engine's thread counted (spec.feedback "backend"). */
  onVote?: (section: string, vote: "yes" | "no") => void;
  /** The worker's entry. Default: {@link ENGINE_WORKER_URL} (tests running the sources pass dist's). */
  workerUrl?: URL;
}

interface Pending {
  resolve(value: never): void;
  reject(error: Error): void;
}

export class EngineThread implements MessageHandler {
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  /** Why the thread is gone (set once it ended or failed); later calls reject with it. */
  private ended: Error | null = null;
  private closing: Promise<void> | undefined;
  private closed: (() => void) | undefined;
  private snapshot: DataSnapshot | null = null;
  /** Requests issued in this turn of the event loop, posted together at its end, in order (ADR 61). */
  private readonly outbox: Outbox<ToEngine>;

  private constructor(
    private readonly worker: Worker,
    private readonly options: EngineThreadOptions,
  ) {
    // A request that will not clone even alone is rejected, as a post of it alone was before batching.
    this.outbox = new Outbox<ToEngine>(
      (posted) => worker.postMessage(posted),
      (message, error) => {
        if (!("id" in message)) return;
        const waiting = this.pending.get(message.id);
        this.pending.delete(message.id);
        waiting?.reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  }

  /** The data in use in the engine's thread (with spec.reload), as last told; null without a reload. */
  get data(): DataSnapshot | null {
    return this.snapshot;
  }

  /** Starts the thread and resolves once its engine is built and its store open; rejects with why not. */
  static start(spec: EngineThreadSpec, options: EngineThreadOptions): Promise<EngineThread> {
    const worker = new Worker(options.workerUrl ?? ENGINE_WORKER_URL, { workerData: spec });
    const thread = new EngineThread(worker, options);
    return new Promise((resolve, reject) => {
      const failed = (error: Error) => reject(error);
      const exited = (code: number) =>
        reject(
          new CrampBotError("E_ENGINE_THREAD", `the engine thread exited (${code}) before it was ready`),
        );
      // Until it is ready the thread may only log (the SQLite store reports a file it repaired while opening); the
      // thread posts its log lines before "ready", and "ready" alone.
      const starting = (posted: Posted<FromEngine>) => {
        const message = Array.isArray(posted) ? undefined : posted;
        if (message === undefined || message.kind === "log") {
          for (const line of Array.isArray(posted) ? posted : [posted]) {
            if (line.kind === "log") options.logger[line.level](line.obj, line.msg);
          }
          return;
        }
        if (message.kind !== "ready") return;
        thread.snapshot = message.data;
        worker.off("error", failed);
        worker.off("exit", exited);
        worker.off("message", starting);
        thread.listen();
        resolve(thread);
      };
      worker.once("error", failed);
      worker.once("exit", exited);
      worker.on("message", starting);
    });
  }

  handle(message: IncomingMessage): Promise<Reply> {
    return this.ask<Reply>((id) => ({ kind: "turn", id, message }));
  }

  /** The store's readiness check, run in the engine's thread; rejects with the store's error. */
  check(): Promise<void> {
    return this.ask<void>((id) => ({ kind: "check", id }));
  }

  /** The hot reload in the engine's thread (spec.reload): resolves with its outcome. */
  reload(trigger: string): Promise<ReloadOutcome> {
    return this.ask<ReloadOutcome>((id) => ({ kind: "reload", id, trigger }));
  }

  private ask<T>(request: (id: number) => ToEngine): Promise<T> {
    if (this.ended !== null || this.closing !== undefined) {
      return Promise.reject(
        this.ended ?? new CrampBotError("E_ENGINE_THREAD", "the engine thread is closing"),
      );
    }
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: never) => void, reject });
      this.send(request(id));
    });
  }

  /** Queues `message` for this turn of the event loop's post (after everything queued before it). */
  private send(message: ToEngine): void {
    this.outbox.push(message);
  }

  /** Turns posted and not yet answered. */
  get inFlight(): number {
    return this.pending.size;
  }

  /** False once the thread has ended (closed, or failed). */
  get running(): boolean {
    return this.ended === null;
  }

  /** Takes no new turns, waits for those in flight and the store's close, ends the thread. Idempotent. */
  close(): Promise<void> {
    this.closing ??= new Promise<void>((resolve) => {
      if (this.ended !== null) return resolve();
      this.closed = resolve;
      // After every turn already queued: the engine finishes them before it closes.
      this.send({ kind: "close" });
    });
    return this.closing;
  }

  /**
   * Ends the thread at once (a shutdown past its timeout): the turns still waiting are rejected, the store is not
   * closed cleanly (SQLite's WAL keeps every committed turn; Redis entries expire by themselves).
   */
  async terminate(): Promise<void> {
    await this.worker.terminate();
    this.end(new CrampBotError("E_ENGINE_THREAD", "the engine thread was stopped"));
  }

  private listen(): void {
    const { worker, pending } = this;
    const settle = (id: number, outcome: { value: unknown } | { error: Error }) => {
      const waiting = pending.get(id);
      pending.delete(id);
      if (waiting === undefined) return;
      if ("error" in outcome) waiting.reject(outcome.error);
      else waiting.resolve(outcome.value as never);
    };
    const receive = (message: FromEngine) => {
      switch (message.kind) {
        case "reply":
          settle(message.id, { value: message.reply });
          break;
        case "failed":
          settle(message.id, {
            error: new CrampBotError(
              "E_ENGINE_THREAD",
              `the reply could not cross threads: ${message.error.message}`,
            ),
          });
          break;
        case "checked":
          settle(
            message.id,
            message.error === null
              ? { value: undefined }
              : { error: new CrampBotError(message.error.code ?? "E_STORE", message.error.message) },
          );
          break;
        case "reloaded":
          settle(message.id, { value: message.outcome });
          break;
        case "data":
          this.snapshot = message.data;
          break;
        case "store-error":
          this.options.onStoreError?.(message.operation, message.code);
          break;
        case "vote":
          this.options.onVote?.(message.section, message.vote);
          break;
        case "log":
          this.options.logger[message.level](message.obj, message.msg);
          break;
        case "closed":
          this.end(new CrampBotError("E_ENGINE_THREAD", "the engine thread was closed"));
          break;
      }
    };
    worker.on("message", (posted: Posted<FromEngine>) => {
      if (!Array.isArray(posted)) receive(posted);
      else for (const message of posted) receive(message);
    });
    worker.on("error", (error) => {
      this.options.logger.error(
        { err: { name: error.name, message: error.message }, inFlight: pending.size },
        "engine thread failed; the turns in flight get the apology",
      );
      this.end(new CrampBotError("E_ENGINE_THREAD", `the engine thread failed: ${error.message}`));
    });
    worker.on("exit", (code) => {
      if (this.ended === null && code !== 0) {
        this.options.logger.error({ code, inFlight: pending.size }, "engine thread exited");
      }
      this.end(new CrampBotError("E_ENGINE_THREAD", `the engine thread exited (${code})`));
    });
  }

  /** The thread is gone: every turn still waiting is rejected (nothing waits forever), and close() resolves. */
  private end(why: Error): void {
    if (this.ended === null) this.ended = why;
    for (const { reject } of this.pending.values()) reject(why);
    this.pending.clear();
    this.closed?.();
    this.closed = undefined;
  }
}
