// Role: the one text splitter: a long reply becomes platform-sized parts, cut at the first separator that works.

export interface SplitOptions {
  /** The most UTF-16 units one part may hold (the platform's message limit). */
  limit: number;
  /** Where to cut, best first; after the last one a word is cut (never inside a surrogate pair). */
  separators: readonly string[];
}

/** Paragraphs, then lines, then words: what both chat platforms want. */
export const PROSE_SEPARATORS: readonly string[] = ["\n\n", "\n", " "];

/**
 * Splits `text` into trimmed, non-empty parts of at most `limit` units, packing pieces greedily so that no part
 * is cut where a coarser separator would do. Empty or blank text gives no parts.
 */
export function splitText(text: string, options: SplitOptions): string[] {
  const trimmed = text.trim();
  if (trimmed === "") return [];
  return splitAt(trimmed, options, 0)
    .map((part) => part.trim())
    .filter((part) => part !== "");
}

function splitAt(text: string, options: SplitOptions, level: number): string[] {
  const { limit, separators } = options;
  if (text.length <= limit) return [text];
  const separator = separators[level];
  if (separator === undefined) return hardCut(text, limit);
  const pieces = text.split(separator).flatMap((piece) => splitAt(piece, options, level + 1));
  const chunks: string[] = [];
  let current: string | undefined;
  for (const piece of pieces) {
    if (current === undefined) current = piece;
    else if (current.length + separator.length + piece.length <= limit) current += separator + piece;
    else {
      chunks.push(current);
      current = piece;
    }
  }
  if (current !== undefined) chunks.push(current);
  return chunks;
}

function hardCut(text: string, limit: number): string[] {
  const chunks: string[] = [];
  let rest = text;
  while (rest.length > limit) {
    let cut = limit;
    const code = rest.charCodeAt(cut - 1);
    if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
    chunks.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  chunks.push(rest);
  return chunks;
}
