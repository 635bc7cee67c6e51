// Pure parts of the Discord adapter: markup rendering, ping defusing, splitting, buttons, ids and command text.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { suggestionRows, usableSuggestions } from "../../../src/adapters/discord/buttons.js";
import { commandText } from "../../../src/adapters/discord/commands.js";
import { conversationId, stripBotMention } from "../../../src/adapters/discord/conversation.js";
import { neutraliseMentions, renderReplyText, splitMessage } from "../../../src/adapters/discord/render.js";

describe("renderReplyText", () => {
  it("keeps bold and italic, turns bullets into Discord list items", () => {
    expect(renderReplyText("**Stretch** daily, _gently_.\n• calves\n• hamstrings")).toBe(
      "**Stretch** daily, _gently_.\n- calves\n- hamstrings",
    );
  });

  it("escapes Discord-only markdown echoed from users, but leaves URLs alone", () => {
    expect(renderReplyText("You said `x` ||spoiler|| [click](https://evil.example) ~~no~~")).toBe(
      "You said \\`x\\` \\|\\|spoiler\\|\\| \\[click](https://evil.example) \\~\\~no\\~\\~",
    );
    expect(renderReplyText("# big\n> quote\nSource: https://example.com/a_b~c|d")).toBe(
      "\\# big\n\\> quote\nSource: https://example.com/a_b~c|d",
    );
  });

  it("defuses @everyone, @here and user / role mentions", () => {
    expect(neutraliseMentions("@everyone @here <@123456789012345678> <@!123456789012345678> <@&42>")).toBe(
      "@\u200beveryone @\u200bhere <@\u200b123456789012345678> <@\u200b!123456789012345678> <@\u200b&42>",
    );
    expect(neutraliseMentions("mail me at a@b.c")).toBe("mail me at a@b.c");
  });
});

describe("splitMessage", () => {
  it("returns short text as one part", () => {
    expect(splitMessage("hello")).toEqual(["hello"]);
  });

  it("prefers paragraph breaks, then line breaks, then spaces, then cuts a word", () => {
    expect(splitMessage("aaaa\n\nbbbb\n\ncccc", 10)).toEqual(["aaaa\n\nbbbb", "cccc"]);
    expect(splitMessage("aaaa\nbbbb\ncccc", 10)).toEqual(["aaaa\nbbbb", "cccc"]);
    expect(splitMessage("aaaa bbbb cccc", 10)).toEqual(["aaaa bbbb", "cccc"]);
    expect(splitMessage("abcdefghijklmnopqrstuvwxyz", 10)).toEqual(["abcdefghij", "klmnopqrst", "uvwxyz"]);
  });

  it("never splits a surrogate pair", () => {
    const parts = splitMessage("😀".repeat(10), 5);
    for (const part of parts) expect(part).toMatch(/^(?:😀)+$/u);
    expect(parts.join("")).toBe("😀".repeat(10));
  });

  it("keeps every part within the limit and loses no visible character", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom("a", "b", " ", "\n", "é", "😀"), maxLength: 400 }),
        (text) => {
          const parts = splitMessage(text, 37);
          for (const part of parts) expect(part.length).toBeLessThanOrEqual(37);
          expect(parts.join("").replace(/\s/g, "")).toBe(text.replace(/\s/g, ""));
        },
      ),
    );
  });
});

describe("suggestion buttons", () => {
  it("truncates long labels to Discord's 80 characters", () => {
    const [usable] = usableSuggestions([{ id: "a", label: "x".repeat(120) }]);
    expect(usable?.label).toHaveLength(80);
  });

  it("uses the suggestion id as custom_id", () => {
    const rows = suggestionRows([{ id: "dialogue:checkup", label: "Check-up" }]).map((row) => row.toJSON());
    expect(rows).toEqual([
      { type: 1, components: [{ type: 2, style: 2, custom_id: "dialogue:checkup", label: "Check-up" }] },
    ]);
  });

  it("renders no rows for no suggestions", () => {
    expect(suggestionRows([])).toEqual([]);
  });
});

describe("conversation ids and command text", () => {
  it("scopes DMs per user and guild channels per channel and user", () => {
    expect(conversationId({ userId: "1", guildChannelId: null })).toBe("discord:dm:1");
    expect(conversationId({ userId: "1", guildChannelId: "9" })).toBe("discord:9:1");
  });

  it("removes the bot's mentions, in both forms, wherever they are", () => {
    expect(stripBotMention("<@42> hi <@!42>  there", "42")).toBe("hi there");
    expect(stripBotMention("<@43> hi", "42")).toBe("<@43> hi");
  });

  it("maps commands to handler text", () => {
    expect(commandText("ask", "  why at night?  ")).toBe("why at night?");
    expect(commandText("topics", null)).toBe("/topics");
    expect(commandText("reset", null)).toBe("/reset");
    expect(commandText("toString", null)).toBeNull();
  });
});
