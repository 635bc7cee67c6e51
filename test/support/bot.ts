/**
 * Shared helpers for the core behaviour tests: an engine with a hand-driven clock and an in-memory store, and
 * conversations that send text or button presses to it. Nothing here patches globals or mocks library objects.
 */
import { expect } from "vitest";
import type { Engine } from "../../src/core/engine.js";
import { MemoryStore } from "../../src/core/store/memory.js";
import type { Clock, IncomingMessage, Intent, Reply, SessionStore } from "../../src/core/types.js";
import { createEngine, type CreateEngineOptions as EngineOptions } from "../../src/node/create-engine.js";

/** 22:00 UTC on a winter night: an arbitrary, fixed start for every clock. */
export const START = Date.UTC(2025, 0, 15, 22, 0, 0);

export const MINUTE = 60_000;

export const INTENTS: readonly Intent[] = [
  "answer",
  "clarify",
  "fallback",
  "greeting",
  "thanks",
  "goodbye",
  "help",
  "urgent",
  "checkup",
  "stretch",
  "reset",
];

/** A clock the test moves by hand. */
export class ManualClock implements Clock {
  constructor(private t: number = START) {}

  now(): number {
    return this.t;
  }

  advance(ms: number): void {
    this.t += ms;
  }
}

/** One conversation with the engine. */
export interface Chat {
  readonly id: string;
  say(text: string): Promise<Reply>;
  press(buttonId: string): Promise<Reply>;
  send(message: Partial<IncomingMessage>): Promise<Reply>;
}

export interface Bot {
  engine: Engine;
  clock: ManualClock;
  store: SessionStore;
  /** A new conversation (a fresh id unless one is given). */
  chat(id?: string): Chat;
}

export interface BotOptions extends Omit<EngineOptions, "clock" | "store"> {
  clock?: ManualClock;
  store?: SessionStore;
}

let conversations = 0;

/** An engine with a manual clock and (unless given) a fresh in-memory store on the same clock. */
export function createBot(options: BotOptions = {}): Bot {
  const clock = options.clock ?? new ManualClock();
  const store = options.store ?? new MemoryStore({ clock });
  const engine = createEngine({ ...options, clock, store });
  return { engine, clock, store, chat: (id) => openChat(engine, id ?? `test-${++conversations}`) };
}

export function openChat(engine: Engine, id: string): Chat {
  const send = (message: Partial<IncomingMessage>) =>
    engine.handle({ platform: "test", conversationId: id, userId: `user-${id}`, kind: "text", ...message });
  return {
    id,
    send,
    say: (text) => send({ kind: "text", text }),
    press: (buttonId) => send({ kind: "button", buttonId }),
  };
}

/** Says each message in turn and returns every reply. */
export async function sayAll(chat: Chat, texts: readonly string[]): Promise<Reply[]> {
  const replies: Reply[] = [];
  for (const text of texts) replies.push(await chat.say(text));
  return replies;
}

/** Says each text in turn in one conversation and returns the last reply. */
export async function lastReply(chat: Chat, texts: readonly string[]): Promise<Reply> {
  const reply = (await sayAll(chat, texts)).at(-1);
  if (reply === undefined) throw new Error("no texts to say");
  return reply;
}

/** A short description of a reply for assertion messages. */
export function describeReply(reply: Reply): string {
  return `${reply.intent}/${reply.section?.id ?? "-"}: ${JSON.stringify(reply.text.slice(0, 120))}`;
}

/**
 * Says each turn in one conversation and checks what each reply answers from: its section, or its intent when it is
 * no answer. Returns the replies.
 */
export async function expectChain(
  chat: Chat,
  turns: readonly (readonly [string, string])[],
): Promise<Reply[]> {
  const replies: Reply[] = [];
  for (const [text, want] of turns) {
    const reply = await chat.say(text);
    replies.push(reply);
    expect(reply.section?.id ?? reply.intent, `"${text}" -> ${describeReply(reply)}`).toBe(want);
  }
  return replies;
}
