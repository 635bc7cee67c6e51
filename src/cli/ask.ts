/** `crampbot ask "question"`: one answer, printed as text, or as the reply object with --json. */
import type { Writable } from "node:stream";
import type { MessageHandler } from "../core/types.js";
import { renderForTerminal } from "./render.js";

export async function runAsk(engine: MessageHandler, args: string[], output: Writable): Promise<number> {
  const json = args.includes("--json");
  const question = args.filter((a) => a !== "--json").join(" ");
  const reply = await engine.handle({
    platform: "cli",
    conversationId: "cli:ask",
    userId: "cli",
    kind: "text",
    text: question,
  });
  output.write(json ? `${JSON.stringify(reply, null, 2)}\n` : `${renderForTerminal(reply, false)}\n`);
  return 0;
}
