/**
 * An apology for the message before ("sorry cat on the keyboard. what causes night cramps", "oops, wrong window! how
 * much magnesium?"): a short first sentence that opens with an apology word and names nothing, then a message of its
 * own. The apology is about the writing, not what is asked, so the rest is read alone (its out-of-scope or unknown
 * words, "cat", "keyboard", would otherwise make the question not ours). The words are the lexicon's (`apologies`);
 * this is the mechanism only, and the reader says whether the apology names anything.
 */
import { escapeRegExp } from "./normalize.js";

/** A message this long or shorter may open with an apology for the one before; a long one is a story of its own. */
const MESSAGE_CHARS = 160;
/** Up to this many characters of the apology sentence after its word ("sorry cat on the keyboard"). */
const APOLOGY_CHARS = 48;

export class Apology {
  private readonly pattern: RegExp | null;

  constructor(words: readonly string[]) {
    const alternatives = words
      .filter((w) => w.trim() !== "")
      .sort((a, b) => b.length - a.length)
      .map((w) => w.trim().split(/\s+/).map(escapeRegExp).join("\\s+"))
      .join("|");
    // The apology sentence ends with a full stop, an exclamation mark or a line break, never a question mark (a
    // question is asked: "sorry, what?").
    this.pattern =
      alternatives === ""
        ? null
        : new RegExp(
            `^\\s*((?:${alternatives})(?![\\p{L}\\p{N}])[^.!?\\n]{0,${APOLOGY_CHARS}})(?:[.!]+\\s*|\\s*\\n\\s*)(\\S.*)$`,
            "isu",
          );
  }

  /**
   * The apology and the message after it, or null when the message opens with no apology sentence (or is too long
   * to be a short one after a slip).
   */
  split(text: string): { apology: string; rest: string } | null {
    if (this.pattern === null || text.length > MESSAGE_CHARS) return null;
    const match = this.pattern.exec(text);
    const apology = match?.[1];
    const rest = match?.[2];
    if (apology === undefined || rest === undefined || !/[\p{L}\p{N}]/u.test(rest)) return null;
    return { apology, rest };
  }
}
