/**
 * Fresh questions written for a behaviour test, each with its label (intent, and the section of an answer): the ones
 * expected to pass, and known misses kept as `it.fails` so that one turns red once it is fixed and moves up.
 */
import { describe, expect, it } from "vitest";
import type { Reply } from "../../src/core/types.js";
import { type Bot, describeReply } from "./bot.js";

export type LabelledCase = [text: string, intent: string, section: string | null];

/** The reply has the label's intent and, for an answer, its section. */
export function asLabelled(reply: Reply, intent: string, section: string | null): boolean {
  return reply.intent === intent && (intent !== "answer" || reply.section?.id === section);
}

/** One test per case, each said as the first message of a new chat; `known` cases are expected to fail. */
export function describeLabelled(
  title: string,
  bot: Bot,
  fresh: readonly LabelledCase[],
  known: readonly LabelledCase[],
): void {
  describe(title, () => {
    for (const [text, intent, section] of fresh) {
      it(`${intent}/${section ?? "-"}: ${text.slice(0, 70)}`, async () => {
        const reply = await bot.chat().say(text);
        expect(asLabelled(reply, intent, section), describeReply(reply)).toBe(true);
      });
    }
    for (const [text, intent, section] of known) {
      it.fails(`known miss, ${intent}/${section ?? "-"}: ${text.slice(0, 60)}`, async () => {
        const reply = await bot.chat().say(text);
        expect(asLabelled(reply, intent, section)).toBe(true);
      });
    }
  });
}

/**
 * One test per text, each said as the first message of a new chat: its reply has `intent` (with `not`, any other
 * intent).
 */
export function itRepliesEach(
  bot: Bot,
  texts: readonly string[],
  intent: string,
  { not = false }: { not?: boolean } = {},
): void {
  for (const text of texts) {
    it(`"${text}"`, async () => {
      const reply = await bot.chat().say(text);
      if (not) expect(reply.intent, describeReply(reply)).not.toBe(intent);
      else expect(reply.intent, describeReply(reply)).toBe(intent);
    });
  }
}

/**
 * One test per case: the reply is the honest "the article doesn't cover" fallback, naming the thing asked about.
 * `ask` is called when the test runs (a bot made in `beforeAll` is there by then).
 */
export function itSaysNotCovered(
  ask: (text: string) => Promise<Reply>,
  cases: readonly (readonly [text: string, named: string])[],
): void {
  for (const [text, named] of cases) {
    it(`"${text}" -> not covered: ${named}`, async () => {
      const reply = await ask(text);
      expect(reply.intent, describeReply(reply)).toBe("fallback");
      expect(reply.text).toContain("The article doesn't cover");
      expect(reply.text.toLowerCase()).toContain(named);
    });
  }
}
