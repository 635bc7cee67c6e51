/** Renders a reply for a terminal: light markup to ANSI (or plain), suggestions as a numbered list. */
import type { Reply } from "../core/types.js";

export function renderForTerminal(reply: Reply, color: boolean): string {
  const bold = (s: string) => (color ? `\u001b[1m${s}\u001b[22m` : s);
  const dim = (s: string) => (color ? `\u001b[2m${s}\u001b[22m` : s);
  let text = reply.text.replace(/\*\*(.+?)\*\*/g, (_, s: string) => bold(s));
  text = text.replace(/(^|\s)_(.+?)_(?=\s|$|[.,;:!?])/gm, (_, pre: string, s: string) => `${pre}${dim(s)}`);
  if (reply.suggestions.length === 0) return text;
  const list = reply.suggestions.map((s, i) => `  ${i + 1}. ${s.label}`).join("\n");
  return `${text}\n\n${dim("Suggestions (type the number):")}\n${list}`;
}
