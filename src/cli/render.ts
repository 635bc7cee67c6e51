/**
 * Renders a reply for a terminal: light markup to ANSI (or plain), the picture as its file's path (a generated one
 * by what it is), suggestions as a numbered list.
 */
import type { Reply, ReplyImage } from "../core/types.js";

/** What a generated picture (one without a file) is called in the terminal. */
const GENERATED: Readonly<Record<string, string>> = { "checkup-card": "check-up card" };

/** "(picture: intents/pictures/stretch-1.svg)", or "(picture: check-up card)" for a generated one. */
export function pictureLine(image: ReplyImage): string {
  return `(picture: ${image.path ?? GENERATED[image.name] ?? image.name})`;
}

export function renderForTerminal(reply: Reply, color: boolean): string {
  const bold = (s: string) => (color ? `\u001b[1m${s}\u001b[22m` : s);
  const dim = (s: string) => (color ? `\u001b[2m${s}\u001b[22m` : s);
  let text = reply.text.replace(/\*\*(.+?)\*\*/g, (_, s: string) => bold(s));
  text = text.replace(/(^|\s)_(.+?)_(?=\s|$|[.,;:!?])/gm, (_, pre: string, s: string) => `${pre}${dim(s)}`);
  if (reply.image) text = `${text}\n\n${dim(pictureLine(reply.image))}`;
  if (reply.suggestions.length === 0) return text;
  const list = reply.suggestions.map((s, i) => `  ${i + 1}. ${s.label}`).join("\n");
  return `${text}\n\n${dim("Suggestions (type the number):")}\n${list}`;
}
