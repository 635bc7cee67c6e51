// Pure parts of the Telegram adapter: markup to HTML, message splitting, keyboards, commands, update translation.
import { describe, expect, it } from "vitest";
import { commandText, parseCommand } from "../../../src/adapters/telegram/commands.js";
import {
  buildKeyboard,
  escapeHtml,
  markupToHtml,
  markupToPlain,
} from "../../../src/adapters/telegram/render.js";
import { splitMessage } from "../../../src/adapters/telegram/split.js";
import { parseTelegramHtml } from "../../fakes/telegram-api/server.js";

describe("markupToHtml", () => {
  it.each([
    ["**bold** and _italic_", "<b>bold</b> and <i>italic</i>"],
    ["• first\n• second", "• first\n• second"],
    ["a < b && c > d", "a &lt; b &amp;&amp; c &gt; d"],
    ["<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"],
    ["**bold with _italic_ inside**", "<b>bold with <i>italic</i> inside</b>"],
    ["snake_case_name and https://x.test/a_b_c", "snake_case_name and https://x.test/a_b_c"],
    ["**a _b** c_", "<b>a _b</b> c_"],
    ["** not bold **", "** not bold **"],
    ["**unclosed", "**unclosed"],
    ["_x_\n_y", "<i>x</i>\n_y"],
    ["&amp; stays text", "&amp;amp; stays text"],
  ])("%j", (input, expected) => {
    expect(markupToHtml(input)).toBe(expected);
  });

  it("always produces HTML Telegram accepts, whatever the text", () => {
    const samples = [
      "**_*_**",
      "_**_**_",
      "<<>>&&;",
      "**<b>**_</i>_",
      "a**b**c_d_e",
      "**\n**",
      "_ _",
      "__init__",
    ];
    for (const sample of samples) {
      const parsed = parseTelegramHtml(markupToHtml(sample));
      expect(parsed.ok, sample).toBe(true);
    }
  });

  it("strips markers for the plain-text fallback", () => {
    expect(markupToPlain("**Tip:** _gently_ stretch")).toBe("Tip: gently stretch");
    expect(escapeHtml("<&>")).toBe("&lt;&amp;&gt;");
  });
});

describe("splitMessage", () => {
  it("keeps a short text whole", () => {
    expect(splitMessage("  hello  ")).toEqual(["hello"]);
    expect(splitMessage("")).toEqual([]);
  });

  it("splits at paragraphs, then lines, then hard", () => {
    expect(splitMessage("aaaa\n\nbbbb\n\ncccc", 10)).toEqual(["aaaa\n\nbbbb", "cccc"]);
    expect(splitMessage("aaaa\nbbbb\ncccc", 10)).toEqual(["aaaa\nbbbb", "cccc"]);
    expect(splitMessage("word word word word", 10)).toEqual(["word word", "word word"]);
    expect(splitMessage("x".repeat(25), 10)).toEqual(["x".repeat(10), "x".repeat(10), "x".repeat(5)]);
  });

  it("never cuts a surrogate pair", () => {
    const parts = splitMessage(`${"x".repeat(9)}😀${"y".repeat(5)}`, 10);
    expect(parts).toEqual(["x".repeat(9), `😀${"y".repeat(5)}`]);
  });

  it("keeps every part within the limit", () => {
    const text = Array.from({ length: 40 }, (_, n) => `${n} ${"z ".repeat(n * 7)}`).join("\n\n");
    for (const part of splitMessage(text, 300)) expect(part.length).toBeLessThanOrEqual(300);
  });
});

describe("buildKeyboard", () => {
  it("puts short labels two per row and long ones one per row", () => {
    expect(
      buildKeyboard([
        { label: "A", id: "a" },
        { label: "B", id: "b" },
        { label: "C", id: "c" },
      ]),
    ).toEqual({
      inline_keyboard: [
        [
          { text: "A", callback_data: "a" },
          { text: "B", callback_data: "b" },
        ],
        [{ text: "C", callback_data: "c" }],
      ],
    });
    const long = buildKeyboard([
      { label: "What helps at night?", id: "a" },
      { label: "B", id: "b" },
    ]);
    expect(long?.inline_keyboard.map((row) => row.length)).toEqual([1, 1]);
  });

  it("drops ids that do not fit callback_data (64 bytes) and reports them", () => {
    const dropped: string[] = [];
    const keyboard = buildKeyboard(
      [
        { label: "ok", id: "x".repeat(64) },
        { label: "too long", id: "x".repeat(65) },
        { label: "multibyte", id: "é".repeat(33) },
        { label: "empty", id: "" },
      ],
      (suggestion) => dropped.push(suggestion.label),
    );
    expect(keyboard?.inline_keyboard.flat().map((button) => button.text)).toEqual(["ok"]);
    expect(dropped).toEqual(["too long", "multibyte", "empty"]);
    expect(buildKeyboard([])).toBeUndefined();
  });
});

describe("commands", () => {
  it("parses and normalises commands", () => {
    expect(parseCommand("/Help@CrampTestBot")).toEqual({
      name: "help",
      target: "CrampTestBot",
      args: "",
      known: true,
    });
    expect(parseCommand("hello /help")).toBeUndefined();
    const start = parseCommand("/start deep-link");
    expect(start && commandText(start)).toBe("/start");
    const topics = parseCommand("/topics sleep");
    expect(topics && commandText(topics)).toBe("/topics sleep");
  });
});
