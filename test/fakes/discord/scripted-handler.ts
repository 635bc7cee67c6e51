// A scripted MessageHandler standing in for the core engine: echoes by default, with queued one-off behaviours.
import type { IncomingMessage, MessageHandler, Reply, Suggestion } from "../../../src/core/types.js";
import { Recorder, type WaitOptions } from "./recorder.js";

export type Behaviour = (message: IncomingMessage) => Reply | Promise<Reply>;

/** A reply with intent "answer" and no section. */
export function reply(text: string, suggestions: Suggestion[] = []): Reply {
  return { intent: "answer", text, suggestions, section: null };
}

/** The default behaviour: "echo: <text>" for text, "picked: <id>" for a button. */
export const echo: Behaviour = (message) =>
  reply(message.kind === "button" ? `picked: ${message.buttonId ?? ""}` : `echo: ${message.text ?? ""}`);

export class ScriptedHandler implements MessageHandler {
  /** Every message handed to the handler, in order. */
  readonly received = new Recorder<IncomingMessage>(
    "handled message",
    (m) => `${m.kind} ${m.conversationId} ${JSON.stringify(m.text ?? m.buttonId ?? "")}`,
  );
  readonly #queue: Behaviour[] = [];
  readonly #fallback: Behaviour;

  constructor(fallback: Behaviour = echo) {
    this.#fallback = fallback;
  }

  /** Uses `behaviour` for the next message only (queued in order). */
  next(behaviour: Behaviour): this {
    this.#queue.push(behaviour);
    return this;
  }

  /** The next message gets this reply. */
  nextReply(value: Reply): this {
    return this.next(() => value);
  }

  /** The next message makes the handler throw (reject with) this error. */
  failNext(error: Error = new Error("scripted failure")): this {
    return this.next(() => {
      throw error;
    });
  }

  get calls(): IncomingMessage[] {
    return this.received.entries;
  }

  waitForCall(predicate: (message: IncomingMessage) => boolean = () => true, options?: WaitOptions) {
    return this.received.waitFor(predicate, "a predicate", options);
  }

  async handle(message: IncomingMessage): Promise<Reply> {
    this.received.add(message);
    const behaviour = this.#queue.shift() ?? this.#fallback;
    return behaviour(message);
  }
}
