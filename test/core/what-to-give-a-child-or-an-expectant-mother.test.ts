// A child's or a pregnant partner's cramps told beside the writer's own or adults': a question about what to give
// them, or whether they may take it, is asked for them (scope.yaml `yields_unless`), so it gets the honest fallback with
// the doctor or midwife pointer, whatever else the message names (ADR 89). My own phrasings; the guards ask for the
// writer and stay answered.
import { describe, expect, it } from "vitest";
import { createBot } from "../support/bot.js";

const bot = createBot();

async function replyTo(text: string): Promise<string | null> {
  const reply = await bot.chat().say(text);
  return reply.intent === "answer" ? (reply.section?.id ?? null) : reply.intent;
}

describe("what to give the child or the one expecting is asked for them", () => {
  it.each([
    "My daughter is 9 and gets cramps in her calves at night, just like mine. I take magnesium for my cramps. Should she take it too?",
    "our boy is 11, the GP says growing pains. Is it the same as cramps in adults? Can we give him a magnesium tablet?",
    "my wife is expecting and i get cramps too, my own are worse, can she take magnesium?",
  ])("%s", async (text) => {
    const reply = await bot.chat().say(text);
    expect(reply.intent).toBe("fallback");
    expect(reply.text).toMatch(/children|pregnancy/);
  });
});

describe("the writer's own question beside a child told stays answered", () => {
  it.each([
    ["My kids get growing pains, but I'm 40: what causes mine?", "causes"],
    [
      "My son is 7 and keeps me up, and I get cramps in my calves at night too. How much magnesium should I take?",
      "magnesium.supplements",
    ],
  ])("%s", async (text, want) => {
    expect(await replyTo(text)).toBe(want);
  });
});
