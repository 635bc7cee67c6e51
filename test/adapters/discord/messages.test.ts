// The Discord adapter answering DMs and mentions, driving the real discord.js client against the fake Discord.
import { afterEach, describe, expect, it } from "vitest";
import { runDiscordCleanups, setupDiscord } from "../../fakes/discord/harness.js";
import { ScriptedHandler } from "../../fakes/discord/index.js";
import { reply } from "../../fakes/discord/scripted-handler.js";

afterEach(runDiscordCleanups);

describe("Discord adapter: messages", () => {
  it("answers a direct message in the DM channel, with the DM conversation id", async () => {
    const { fake, handler } = await setupDiscord();
    const alice = fake.user("Alice");

    const question = fake.sendDirectMessage(alice, "why do my legs cramp at night?");
    const answer = await fake.waitForOutgoing({ channelId: question.channel_id });

    expect(answer.via).toBe("channel");
    expect(answer.body.content).toBe("echo: why do my legs cramp at night?");
    expect(answer.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(handler.calls).toEqual([
      {
        platform: "discord",
        conversationId: `discord:dm:${alice.id}`,
        userId: alice.id,
        kind: "text",
        text: "why do my legs cramp at night?",
      },
    ]);
  });

  it("answers a mention in a guild channel (mention removed) and ignores a message without one", async () => {
    const { fake, handler } = await setupDiscord();
    const bob = fake.user("Bob");
    const general = fake.channel("general");

    fake.sendGuildMessage(bob, "just chatting, not for the bot");
    const question = fake.sendGuildMessage(bob, "does magnesium help?", { mentionBot: true });
    const answer = await fake.waitForOutgoing({ channelId: general.id });

    expect(answer.body.content).toBe("echo: does magnesium help?");
    expect(answer.body.message_reference?.message_id).toBe(question.id);
    expect(answer.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    // Gateway events are handled in order, so the first message was already seen (and ignored).
    expect(handler.calls.map((call) => call.text)).toEqual(["does magnesium help?"]);
    expect(handler.calls[0]?.conversationId).toBe(`discord:${general.id}:${bob.id}`);
    expect(fake.outgoing.filter((message) => message.via === "channel")).toHaveLength(1);
  });

  it("ignores its own messages and other bots, even when they mention it", async () => {
    const { fake, handler } = await setupDiscord();
    const alice = fake.user("Alice");
    const otherBot = { ...fake.user("Carol"), bot: true };

    fake.sendGuildMessage(otherBot, "hello bot", { mentionBot: true });
    fake.sendDirectMessage(alice, "first");
    await fake.waitForOutgoing({ via: "channel" });
    // The fake echoes the bot's reply back as MESSAGE_CREATE, as Discord does; it must not be answered.
    fake.sendDirectMessage(alice, "second");
    await fake.waitForOutgoingCount({ via: "channel" }, 2);

    expect(handler.calls.map((call) => call.text)).toEqual(["first", "second"]);
  });

  it("keeps a separate conversation per user in the same channel", async () => {
    const { fake, handler } = await setupDiscord();
    const alice = fake.user("Alice");
    const bob = fake.user("Bob");
    const general = fake.channel("general");

    fake.sendGuildMessage(alice, "my calves cramp", { mentionBot: true });
    fake.sendGuildMessage(bob, "mine too", { mentionBot: true });
    await fake.waitForOutgoingCount({ channelId: general.id }, 2);

    const ids = handler.calls.map((call) => call.conversationId);
    expect(ids).toEqual([`discord:${general.id}:${alice.id}`, `discord:${general.id}:${bob.id}`]);
    expect(new Set(ids).size).toBe(2);
  });

  it("answers one conversation in order, while other conversations go ahead", async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const handler = new ScriptedHandler().next(async (message) => {
      await gate;
      return reply(`slow answer to ${message.text}`);
    });
    const { fake } = await setupDiscord(handler);
    const alice = fake.user("Alice");
    const bob = fake.user("Bob");

    fake.sendDirectMessage(alice, "first");
    fake.sendDirectMessage(alice, "second");
    await handler.waitForCall((call) => call.text === "first");
    fake.sendDirectMessage(bob, "meanwhile");
    const bobs = await fake.waitForOutgoing({ via: "channel" });
    expect(bobs.body.content).toBe("echo: meanwhile");
    release();
    const all = await fake.waitForOutgoingCount({ via: "channel" }, 3);

    expect(all.map((message) => message.body.content)).toEqual([
      "echo: meanwhile",
      "slow answer to first",
      "echo: second",
    ]);
  });

  it("answers text containing @everyone without pinging anyone", async () => {
    const handler = new ScriptedHandler();
    const { fake } = await setupDiscord(handler);
    const alice = fake.user("Alice");
    const bob = fake.user("Bob");

    fake.sendGuildMessage(alice, `hey @everyone and @here, ask <@${bob.id}> and <@&123456789012345678>`, {
      mentionBot: true,
    });
    const answer = await fake.waitForOutgoing({ via: "channel" });
    const content = answer.body.content ?? "";

    expect(answer.body.allowed_mentions?.parse).toEqual([]);
    expect(answer.body.allowed_mentions?.replied_user).toBe(false);
    expect(content).not.toMatch(/@everyone|@here|<@\d|<@&\d/);
    expect(content).toBe(
      `echo: hey @\u200beveryone and @\u200bhere, ask <@\u200b${bob.id}> and <@\u200b&123456789012345678>`,
    );
  });

  it("splits a reply longer than 2,000 characters at paragraph breaks, buttons on the last part", async () => {
    const paragraphs = Array.from({ length: 6 }, (_, i) =>
      `Paragraph ${i + 1}. ${"Cramps are common. ".repeat(30)}`.trim(),
    );
    const long = paragraphs.join("\n\n");
    expect(long.length).toBeGreaterThan(2000);
    const handler = new ScriptedHandler().nextReply(reply(long, [{ id: "stretching", label: "Stretches" }]));
    const { fake } = await setupDiscord(handler);

    fake.sendDirectMessage(fake.user("Alice"), "tell me everything");
    const parts = await fake.waitForOutgoingCount({ via: "channel" }, 2);

    // Two parts of three paragraphs each hold the whole text: nothing lost, nothing cut mid-paragraph.
    expect(parts.map((part) => part.body.content)).toEqual([
      paragraphs.slice(0, 3).join("\n\n"),
      paragraphs.slice(3).join("\n\n"),
    ]);
    for (const part of parts) expect((part.body.content ?? "").length).toBeLessThanOrEqual(2000);
    expect(parts[0]?.body.components ?? []).toEqual([]);
    expect(parts[1]?.body.components?.[0]?.components[0]?.custom_id).toBe("stretching");
  });

  it("renders suggestions as buttons: custom_id is the suggestion id, invalid ones skipped, at most 5x5", async () => {
    const suggestions = [
      { id: "magnesium.food", label: "Magnesium in food" },
      { id: "", label: "empty id" },
      { id: "x".repeat(101), label: "id too long" },
      { id: "magnesium.food", label: "duplicate" },
      { id: "blank-label", label: "   " },
      ...Array.from({ length: 30 }, (_, i) => ({ id: `extra-${i}`, label: `Extra ${i}` })),
    ];
    const handler = new ScriptedHandler().nextReply(
      reply("**Magnesium** helps. _Maybe._\n• nuts\n• seeds", suggestions),
    );
    const { fake } = await setupDiscord(handler);

    fake.sendDirectMessage(fake.user("Alice"), "magnesium?");
    const answer = await fake.waitForOutgoing({ via: "channel" });
    const rows = answer.body.components ?? [];

    expect(answer.body.content).toBe("**Magnesium** helps. _Maybe._\n- nuts\n- seeds");
    expect(rows).toHaveLength(5);
    for (const row of rows) expect(row.components).toHaveLength(5);
    const ids = rows.flatMap((row) => row.components.map((button) => button.custom_id));
    expect(ids[0]).toBe("magnesium.food");
    expect(ids).toHaveLength(25);
    expect(new Set(ids).size).toBe(25);
    expect(ids.every((id) => id !== undefined && id.length >= 1 && id.length <= 100)).toBe(true);
  });

  it("shows typing while a slow handler works", async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const handler = new ScriptedHandler().next(async () => {
      await gate;
      return reply("done thinking");
    });
    const { fake } = await setupDiscord(handler, {}, { typingDelayMs: 1 });
    const question = fake.sendDirectMessage(fake.user("Alice"), "a hard one");

    await fake.waitForRequest({ method: "POST", path: `/v10/channels/${question.channel_id}/typing` });
    release();
    const answer = await fake.waitForOutgoing({ via: "channel" });

    expect(answer.body.content).toBe("done thinking");
  });

  it("logs a handler error, apologises, and keeps answering", async () => {
    const handler = new ScriptedHandler().failNext(new Error("engine exploded"));
    const { fake, logger } = await setupDiscord(handler);
    const alice = fake.user("Alice");

    fake.sendDirectMessage(alice, "secret question one");
    const apology = await fake.waitForOutgoing({ via: "channel" });
    fake.sendDirectMessage(alice, "question two");
    const [, answer] = await fake.waitForOutgoingCount({ via: "channel" }, 2);

    expect(apology.body.content).toMatch(/something went wrong/i);
    expect(answer?.body.content).toBe("echo: question two");
    const errors = logger.at("error");
    expect(errors).toHaveLength(1);
    expect(JSON.stringify(errors[0]?.obj)).toContain("engine exploded");
    const logged = logger.dump();
    expect(logged).not.toContain("secret question one");
    expect(logged).not.toContain(fake.token);
  });
});
