// Splits a long reply into Telegram-sized parts: at paragraph boundaries, then lines, then a hard split.

/** Telegram's limit for one message's text (after entity parsing). */
export const TELEGRAM_TEXT_LIMIT = 4096;

/** Packs `pieces` greedily into chunks of at most `limit`, joined by `separator`. Pieces must fit alone. */
function pack(pieces: string[], separator: string, limit: number): string[] {
  const chunks: string[] = [];
  let current = "";
  for (const piece of pieces) {
    if (current === "") current = piece;
    else if (current.length + separator.length + piece.length <= limit) current += separator + piece;
    else {
      chunks.push(current);
      current = piece;
    }
  }
  if (current !== "") chunks.push(current);
  return chunks;
}

/** Cuts one over-long line, preferring the last space in the window and never halving a surrogate pair. */
function hardSplit(line: string, limit: number): string[] {
  const parts: string[] = [];
  let rest = line;
  while (rest.length > limit) {
    let cut = rest.lastIndexOf(" ", limit);
    if (cut < limit * 0.5) cut = limit;
    const code = rest.charCodeAt(cut - 1);
    if (cut === limit && code >= 0xd800 && code <= 0xdbff) cut -= 1;
    parts.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest !== "") parts.push(rest);
  return parts;
}

function splitParagraph(paragraph: string, limit: number): string[] {
  if (paragraph.length <= limit) return [paragraph];
  const lines = paragraph
    .split("\n")
    .flatMap((line) => (line.length <= limit ? [line] : hardSplit(line, limit)));
  return pack(lines, "\n", limit);
}

/**
 * Splits `text` into parts of at most `limit` UTF-16 units (so also at most `limit` characters).
 * Markup never gets longer when rendered, so each part stays within Telegram's limit once rendered.
 */
export function splitMessage(text: string, limit = TELEGRAM_TEXT_LIMIT): string[] {
  const trimmed = text.trim();
  if (trimmed.length <= limit) return trimmed === "" ? [] : [trimmed];
  const paragraphs = trimmed
    .split(/\n[ \t]*\n+/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== "")
    .flatMap((paragraph) => splitParagraph(paragraph, limit));
  return pack(paragraphs, "\n\n", limit);
}
