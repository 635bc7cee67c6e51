// A minimal platform for the contract test: a chat held in memory. It uses only what src/adapters/shared offers
// and what the service passes to create(); the service knows nothing of it (it is not in the adapter table).
import { z } from "zod";
import {
  type AdapterOutcome,
  definePlatform,
  type PlatformAdapter,
} from "../../src/adapters/shared/contract.js";
import { variable } from "../../src/adapters/shared/env.js";
import { Sequencer } from "../../src/adapters/shared/sequencer.js";
import type { Reply } from "../../src/core/types.js";

export interface MemoryChat extends PlatformAdapter {
  /** A user writes `text` in conversation `chat`; resolves with the reply once it is "sent". */
  say(chat: string, text: string): Promise<Reply | "refused">;
  /** Every reply sent, in order. */
  readonly sent: { chat: string; text: string }[];
}

/** Configured when MEMORY_CHAT_NAME is set (the bot's display name, only to have a variable). */
export const memoryPlatform = definePlatform({
  name: "memory",
  env: {
    variables: { MEMORY_CHAT_NAME: "" },
    schema: z
      .object({ MEMORY_CHAT_NAME: variable((raw) => raw.trim()) })
      .transform((values) =>
        values.MEMORY_CHAT_NAME === undefined ? undefined : { name: values.MEMORY_CHAT_NAME },
      ),
  },
  async create(_settings, context): Promise<MemoryChat> {
    const turns = new Sequencer();
    const sent: { chat: string; text: string }[] = [];
    let state: "new" | "running" | "stopping" | "stopped" = "new";
    let stopping: Promise<void> | undefined;
    let settle: (outcome: AdapterOutcome) => void = () => {};
    const finished = new Promise<AdapterOutcome>((resolve) => {
      settle = resolve;
    });
    const adapter: MemoryChat = {
      name: "memory",
      sent,
      finished,
      async start() {
        state = "running";
      },
      stop() {
        stopping ??= (async () => {
          state = "stopping";
          await turns.drain();
          state = "stopped";
          settle({ reason: "stopped" });
        })();
        return stopping;
      },
      status: () => (state === "running" ? "ok" : state),
      say(chat, text) {
        if (state !== "running") return Promise.resolve("refused");
        return turns.run(chat, async () => {
          const reply = await context.handler.handle({
            platform: "memory",
            conversationId: `memory:${chat}`,
            userId: chat,
            kind: "text",
            text,
          });
          sent.push({ chat, text: reply.text ?? "" });
          return reply;
        });
      },
    };
    created.push(adapter);
    return adapter;
  },
});

/** The adapters create() made, newest last (the test reaches its chat through this). */
export const created: MemoryChat[] = [];
