/**
 * A letter's frame: a salutation first ("Dear Doctor,") and a sign-off last ("Kind regards, Eileen", "With gratitude,
 * Joan x"). Both are about the writing, not what is written: a long thanks in a letter is still thanks. The words are
 * the lexicon's (`salutations`, `sign_offs`); this is the mechanism only.
 */
import { escapeRegExp } from "./normalize.js";

/** Up to this many characters of a salutation's name ("Dear Dr Smith,"). */
const NAME_CHARS = 40;
/** Up to this many words of the name after a sign-off ("Best wishes, Mrs Joan Baker"). */
const NAME_WORDS = 3;

const pattern = (phrase: string) => phrase.trim().split(/\s+/).map(escapeRegExp).join("\\s+");

const alternatives = (phrases: readonly string[]) =>
  phrases
    .filter((p) => p.trim() !== "")
    // The longest first, so "best wishes" is not cut to "best".
    .sort((a, b) => b.length - a.length)
    .map(pattern)
    .join("|");

export class LetterFrame {
  private readonly opening: RegExp | null;
  private readonly closing: RegExp | null;

  constructor(salutations: readonly string[], signOffs: readonly string[]) {
    const opens = alternatives(salutations);
    const closes = alternatives(signOffs);
    this.opening =
      opens === "" ? null : new RegExp(`^\\s*(?:${opens})\\s+[^,!?:;\\n]{1,${NAME_CHARS}}?[,!:;\\n]`, "iu");
    // Said after a sentence ends (or alone), then a name of a few words and nothing else.
    this.closing =
      closes === ""
        ? null
        : new RegExp(
            `(?:^|[,.!;:\\n])\\s*(?:${closes})(?![\\p{L}\\p{N}])[\\s,.!-]*(?:\\p{L}[\\p{L}'\u2019.-]*[\\s,.!]*){0,${NAME_WORDS}}$`,
            "iu",
          );
  }

  /** The text without its frame, or null when it has none (or is nothing but its frame). */
  body(text: string): string | null {
    let body = text;
    if (this.opening !== null) body = body.replace(this.opening, " ");
    if (this.closing !== null) body = body.replace(this.closing, " ");
    if (body === text || !/[\p{L}\p{N}]/u.test(body)) return null;
    return body.trim();
  }
}
