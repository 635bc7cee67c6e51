// The web chat's refusal texts (too large, too many sockets, too many new conversations), read from intents/messages.yaml.
import { join } from "node:path";
import { z } from "zod";
import { loadYamlFile } from "../../node/files.js";

/** The keys of messages.yaml the web adapter owns; the engine reads the others and ignores these. */
const schema = z.object({
  web_too_large: z.string().min(1).includes("{max}"),
  web_too_many_sockets: z.string().min(1),
  web_too_many_conversations: z.string().min(1),
});

export interface WebNotices {
  /** A message or body over the cap: it was not read at all. */
  tooLarge(maxBytes: number): string;
  /** One socket more than a client may hold open. */
  tooManySockets: string;
  /** One new conversation more than a client address may start this minute. */
  tooManyConversations: string;
}

/** "1 MB", "16 KB", "1.5 MB": the size a person reads (1 KB = 1,024 bytes). */
export function formatBytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  if (mb >= 1) return `${Number(mb.toFixed(1)).toLocaleString("en-GB")} MB`;
  return `${Math.floor(bytes / 1024).toLocaleString("en-GB")} KB`;
}

/** Loads and validates the texts; throws DataError naming the file and field when one is missing. */
export function loadNotices(intentsDir: string): WebNotices {
  const messages = loadYamlFile(join(intentsDir, "messages.yaml"), schema);
  return {
    tooLarge: (maxBytes) => messages.web_too_large.replace("{max}", formatBytes(maxBytes)),
    tooManySockets: messages.web_too_many_sockets,
    tooManyConversations: messages.web_too_many_conversations,
  };
}
