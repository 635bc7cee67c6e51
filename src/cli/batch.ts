/**
 * `crampbot batch`: the machine contract. JSON lines {"conversation", "text"} in, exactly one JSON line out per input:
 * {"conversation", "intent", "section", "text", "suggestions"}, plus "image" ({"name", "alt", "path"?}) only on a reply
 * with a picture. A malformed line gets an error object; the run goes on. Nothing but JSON lines on standard output.
 */
import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import type { MessageHandler } from "../core/types.js";

export async function runBatch(engine: MessageHandler, input: Readable, output: Writable): Promise<number> {
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  let line = 0;
  for await (const raw of lines) {
    line++;
    if (raw.trim().length === 0) continue;
    const parsed = parseLine(raw);
    if ("error" in parsed) {
      write(output, { error: parsed.error, line });
      continue;
    }
    const reply = await engine.handle({
      platform: "batch",
      conversationId: parsed.conversation,
      userId: parsed.conversation,
      kind: "text",
      text: parsed.text,
    });
    write(output, {
      conversation: parsed.conversation,
      intent: reply.intent,
      section: reply.section?.id ?? null,
      text: reply.text,
      suggestions: reply.suggestions,
      // The picture by name and alt text (and file, for a drawing); the SVG stays out of the line.
      ...(reply.image
        ? {
            image: {
              name: reply.image.name,
              alt: reply.image.alt,
              ...(reply.image.path ? { path: reply.image.path } : {}),
            },
          }
        : {}),
    });
  }
  return 0;
}

function parseLine(raw: string): { conversation: string; text: string } | { error: string } {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return { error: "invalid JSON" };
  }
  if (typeof value !== "object" || value === null) return { error: "expected a JSON object" };
  const { conversation, text } = value as { conversation?: unknown; text?: unknown };
  if (typeof text !== "string") return { error: 'field "text" must be a string' };
  if (conversation !== undefined && typeof conversation !== "string" && typeof conversation !== "number") {
    return { error: 'field "conversation" must be a string' };
  }
  return { conversation: conversation === undefined ? "default" : String(conversation), text };
}

function write(output: Writable, value: object): void {
  output.write(`${JSON.stringify(value)}\n`);
}
