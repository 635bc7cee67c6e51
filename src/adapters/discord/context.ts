// What the message and interaction listeners share: the handler, the logger, and a failure-proof handler call.
import type { IncomingMessage, Logger, MessageHandler, Reply } from "../../core/types.js";
import { errorSummary } from "../shared/errors.js";
import { conversationHash } from "../shared/hash.js";
import type { PngRenderer } from "../shared/png.js";
import type { Sequencer } from "../shared/sequencer.js";

export interface AdapterContext {
  handler: MessageHandler;
  logger: Logger;
  /** Show "typing…" in the channel when the handler takes longer than this (ms); 0 disables it. */
  typingDelayMs: number;
  /** Sent when the handler fails: messages.error of intents/. */
  apology: Reply;
  /** Keeps handler calls and replies in order within a conversation. */
  sequencer: Sequencer;
  /** Renders reply pictures to PNG, once per picture. Absent: pictures are left out, the text is sent. */
  pictures?: PngRenderer;
}

/** Calls the handler; a failure is logged (without message text) and yields null instead of throwing. */
export async function ask(context: AdapterContext, message: IncomingMessage): Promise<Reply | null> {
  try {
    return await context.handler.handle(message);
  } catch (error) {
    context.logger.error(
      {
        platform: message.platform,
        conversation: conversationHash(message.conversationId),
        kind: message.kind,
        err: errorSummary(error),
      },
      "discord: handler failed",
    );
    return null;
  }
}
