// Pictures in replies: each stretch step's line drawing (intents/pictures/, checked at load) and the check-up's
// result card (built in the core from data). The text alone still carries everything.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { CHECKUP_CARD_NAME, cardImage } from "../../../src/core/checkup-card.js";
import type { CheckupData } from "../../../src/core/dialogues/checkup.js";
import type { StretchData } from "../../../src/core/dialogues/stretch.js";
import { svgProblem } from "../../../src/core/svg.js";
import type { Reply } from "../../../src/core/types.js";
import { loadIntents } from "../../../src/node/load.js";
import { type Bot, createBot } from "../../support/bot.js";
import { copyData, type DataCopy, INTENTS_DIR, loadingError, ROOT } from "../../support/data.js";

let bot: Bot;
beforeAll(() => {
  bot = createBot({ rateLimit: { messages: 1000, windowMs: 60_000 } });
});
const stretch = () => bot.engine.intents.dialogues.stretch as StretchData;
const checkup = () => bot.engine.intents.dialogues.checkup as CheckupData;

describe("the stretch coach's pictures", () => {
  it("gives every step its own self-contained drawing with the step's alt text and the file's path", async () => {
    const chat = bot.chat();
    const replies: Reply[] = [await chat.say("/stretch")];
    for (let i = 1; i < stretch().steps.length; i++) replies.push(await chat.say("next"));
    const finished = await chat.say("next");

    expect(replies).toHaveLength(6);
    replies.forEach((reply, i) => {
      const picture = stretch().pictures?.[i];
      expect(reply.image?.name).toBe(`stretch-step-${i + 1}`);
      expect(reply.image?.alt).toBe(picture?.alt);
      expect(reply.image?.path).toBe(`intents/pictures/stretch-${i + 1}.svg`);
      expect(existsSync(join(ROOT, reply.image?.path ?? "?"))).toBe(true);
      expect(svgProblem(reply.image?.svg ?? ""), reply.image?.name).toBeNull();
      // Phone size: drawn on a viewBox, with strokes thick enough to read when scaled down.
      expect(reply.image?.svg).toMatch(/viewBox="0 0 240 240"/);
      expect(reply.image?.svg).toMatch(/stroke-width="7"/);
      // The text still says the whole step.
      expect(reply.text).toContain(stretch().steps[i]);
    });
    expect(new Set(replies.map((r) => r.image?.svg)).size).toBe(6);
    expect(finished.image).toBeUndefined();
  });

  it("shows the step's picture again on 'back' and after 'stop' shows none", async () => {
    const chat = bot.chat();
    await chat.say("/stretch");
    await chat.say("next");
    expect((await chat.say("back")).image?.name).toBe("stretch-step-1");
    expect((await chat.say("stop")).image).toBeUndefined();
  });
});

describe("the pictures' load checks", () => {
  let copy: DataCopy | undefined;
  afterEach(() => {
    copy?.remove();
    copy = undefined;
  });
  const loadError = () => loadingError(() => loadIntents((copy as DataCopy).dir));

  it("names the data file, the field and the picture file when a picture is missing", () => {
    copy = copyData(INTENTS_DIR);
    copy.edit("stretch.yaml", "pictures/stretch-3.svg", "pictures/stretch-missing.svg");
    const error = loadError();
    expect(error.file).toBe(copy.file("stretch.yaml"));
    expect(error.field).toBe("pictures.2.file");
    expect(error.message).toContain("pictures/stretch-missing.svg, which cannot be read");
  });

  it.each([
    ["a script", "<rect", '<script>alert("x")</script><rect', "contains a <script> element"],
    ["an event handler", "<rect", '<rect onload="alert(1)"', "event-handler attribute"],
    ["an external image", "<rect", '<image href="https://example.org/x.png"/><rect', "external file"],
    ["an outside url()", "<rect", '<rect fill="url(https://example.org/p)"', "url()"],
    ["no viewBox", ' viewBox="0 0 240 240"', "", "has no viewBox"],
  ])("refuses a picture with %s", (_, from, to, problem) => {
    copy = copyData(INTENTS_DIR);
    copy.edit("pictures/stretch-4.svg", from, to);
    const error = loadError();
    expect(error.file).toBe(copy.file("stretch.yaml"));
    expect(error.field).toBe("pictures.3.file");
    expect(error.message).toContain("pictures/stretch-4.svg, which");
    expect(error.message).toContain(problem);
  });

  it("wants one picture per step, and a file under pictures/", () => {
    copy = copyData(INTENTS_DIR);
    copy.edit("stretch.yaml", /\n {2}- file: pictures\/stretch-6\.svg\n.*\n/, "\n");
    expect(loadError().field).toBe("pictures");
    copy.remove();
    copy = copyData(INTENTS_DIR);
    copy.edit("stretch.yaml", "file: pictures/stretch-1.svg", "file: ../stretch-1.svg");
    expect(loadError().field).toBe("pictures.0.file");
  });
});

describe("the check-up's result card", () => {
  async function runCheckup(answers: string[]): Promise<Reply> {
    const chat = bot.chat();
    await chat.say("/checkup");
    let last: Reply | undefined;
    for (const answer of answers) last = await chat.press(answer);
    return last as Reply;
  }

  it("shows each habit's state and the section its tip comes from, and the text says the same", async () => {
    const last = await runCheckup([
      "checkup:water:high",
      "checkup:stretching:rarely",
      "checkup:nuts:often",
      "checkup:sun:little",
      "checkup:stress:fine",
    ]);
    const card = checkup().card;
    expect(last.image?.name).toBe(CHECKUP_CARD_NAME);
    expect(last.image?.path).toBeUndefined();
    const row = (label: string, state: "fine" | "look", source: string | null = null) => ({
      label,
      state,
      stateLabel: card?.states[state],
      source,
      sourceLabel: source === null ? null : `from ${source}`,
    });
    expect(last.image?.card?.rows).toEqual([
      row("Water", "fine"),
      row("Stretching", "look", "Calf stretch"),
      row("Nuts and seeds", "fine"),
      row("Sun or vitamin D", "look", "Vitamin D supplements"),
      row("Stress and sleep", "fine"),
    ]);
    const svg = last.image?.svg ?? "";
    expect(svgProblem(svg)).toBeNull();
    for (const text of ["Water", "Stretching", "Nuts and seeds", "Sun or vitamin D", "Stress and sleep"])
      expect(svg).toContain(`>${text}</text>`);
    expect(svg).toContain("Worth a look · from Calf stretch");
    expect(last.image?.alt).toContain("Stretching: Worth a look, tip from Calf stretch");
    expect(last.image?.alt).toContain("Water: Looks fine");
    // The text: the tips with their sections, and the habits that look fine.
    expect(last.text).toContain("How to Prevent Leg Cramps › Stretching");
    expect(last.text).toContain("Already looking fine: water, nuts and seeds, stress and sleep.");
    expect(last.text.length).toBeLessThanOrEqual(1500);
  });

  it("marks a skipped question as not answered, and with no tips at all still shows the card", async () => {
    const chat = bot.chat();
    await chat.say("/checkup");
    await chat.say("skip");
    for (const id of ["stretching:often", "nuts:often", "sun:plenty"]) await chat.press(`checkup:${id}`);
    const last = await chat.press("checkup:stress:fine");
    expect(last.text).toContain(checkup().all_good);
    expect(last.image?.card?.rows.map((r) => r.state)).toEqual(["skipped", "fine", "fine", "fine", "fine"]);
  });

  it("fits every tip and the fine line in one reply when every answer has a tip", async () => {
    const last = await runCheckup([
      "checkup:water:low",
      "checkup:stretching:rarely",
      "checkup:nuts:rarely",
      "checkup:sun:little",
      "checkup:stress:high",
    ]);
    expect(last.image?.card?.rows.every((r) => r.state === "look")).toBe(true);
    expect(last.text.endsWith("…")).toBe(false);
  });

  it("escapes the labels it is given (pure string building)", () => {
    const image = cardImage(
      {
        title: "A & B <c>",
        rows: [
          {
            label: '"x" < y',
            state: "look",
            stateLabel: "Worth a look",
            source: "S&T",
            sourceLabel: "from S&T",
          },
        ],
      },
      {
        alt_row: "{habit}: {state}",
        alt_row_with_source: "{habit}: {state} ({title})",
      },
    );
    expect(image.svg).toContain("A &amp; B &lt;c&gt;");
    expect(image.svg).toContain("&quot;x&quot; &lt; y");
    expect(image.svg).toContain("from S&amp;T");
    expect(svgProblem(image.svg)).toBeNull();
    expect(image.alt).toBe('A & B <c>. "x" < y: Worth a look (S&T).');
  });
});
