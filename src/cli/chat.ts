/**
 * `crampbot chat`: a terminal conversation. A number picks a suggestion, as a button would; `+` or `-` right after
 * an answer rates it (feedback.ts).
 */
import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import type { FeedbackAsk, IncomingMessage, MessageHandler, Suggestion } from "../core/types.js";
import { feedbackHint, voteMessage } from "./feedback.js";
import { renderForTerminal } from "./render.js";

export async function runChat(engine: MessageHandler, input: Readable, output: Writable): Promise<number> {
  const color = Boolean((output as { isTTY?: boolean }).isTTY) && !process.env.NO_COLOR;
  const rl = createInterface({ input, output, terminal: Boolean((input as { isTTY?: boolean }).isTTY) });
  const conversationId = `cli:${process.pid}`;
  let suggestions: Suggestion[] = [];
  let feedback: FeedbackAsk | undefined;
  const dim = (s: string) => (color ? `\u001b[2m${s}\u001b[22m` : s);
  output.write("CrampBot — ask me about night leg cramps. Type /quit to leave.\n\n");
  rl.setPrompt("you> ");
  rl.prompt();
  for await (const line of rl) {
    const text = line.trim();
    if (text === "/quit" || text === "/exit") break;
    const picked = /^\d+$/.test(text) ? suggestions[Number(text) - 1] : undefined;
    const vote = voteMessage(text, feedback, { platform: "cli", conversationId, userId: "cli" });
    const message: IncomingMessage =
      vote ??
      (picked
        ? { platform: "cli", conversationId, userId: "cli", kind: "button", buttonId: picked.id }
        : { platform: "cli", conversationId, userId: "cli", kind: "text", text: line });
    const reply = await engine.handle(message);
    suggestions = reply.suggestions;
    feedback = reply.feedback;
    output.write(`\ncrampbot> ${renderForTerminal(reply, color)}${feedbackHint(feedback, dim)}\n\n`);
    rl.prompt();
  }
  rl.close();
  return 0;
}
