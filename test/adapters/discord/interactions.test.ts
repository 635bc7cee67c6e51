// The Discord adapter answering slash commands and button clicks, against the fake Discord.
import { afterEach, describe, expect, it } from "vitest";
import { runDiscordCleanups, setupDiscord } from "../../fakes/discord/harness.js";
import { ScriptedHandler } from "../../fakes/discord/index.js";
import { reply } from "../../fakes/discord/scripted-handler.js";

afterEach(runDiscordCleanups);

const callbackPath = (id: string, token: string) => `/v10/interactions/${id}/${token}/callback`;

describe("Discord adapter: slash commands", () => {
  it("/ask is deferred at once, then the deferred reply is edited with the answer", async () => {
    const handler = new ScriptedHandler();
    const { fake } = await setupDiscord(handler);
    const alice = fake.user("Alice");
    // The handler only answers once the acknowledgement has reached Discord: a slow engine is safe.
    handler.next(async (message) => {
      await fake.waitForRequest({ path: /\/callback$/ });
      return reply(`answer to: ${message.text}`);
    });

    const { id, token } = fake.runSlashCommand(alice, "ask", {
      options: { question: "is it my magnesium?" },
    });
    const ack = await fake.waitForRequest({ method: "POST", path: callbackPath(id, token) });
    const answer = await fake.waitForOutgoing({ interactionId: id });

    expect(ack.status).toBe(204);
    expect(ack.authorization).toBeNull();
    expect(ack.body).toMatchObject({ type: 5 });
    expect(answer.via).toBe("edit-original");
    expect(answer.body.content).toBe("answer to: is it my magnesium?");
    expect(answer.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(handler.calls).toEqual([
      {
        platform: "discord",
        conversationId: `discord:dm:${alice.id}`,
        userId: alice.id,
        kind: "text",
        text: "is it my magnesium?",
      },
    ]);
  });

  it("passes /topics, /checkup, /stretch and /reset as their own names, per user in a guild channel", async () => {
    const { fake, handler } = await setupDiscord();
    const bob = fake.user("Bob");
    const general = fake.channel("general");

    for (const name of ["topics", "checkup", "stretch", "reset"]) {
      const { id } = fake.runSlashCommand(bob, name, { where: general });
      const answer = await fake.waitForOutgoing({ interactionId: id });
      expect(answer.body.content).toBe(`echo: /${name}`);
    }

    expect(handler.calls.map((call) => call.text)).toEqual(["/topics", "/checkup", "/stretch", "/reset"]);
    expect(new Set(handler.calls.map((call) => call.conversationId))).toEqual(
      new Set([`discord:${general.id}:${bob.id}`]),
    );
  });

  it("answers an unknown command with an ephemeral hint, without calling the handler", async () => {
    const { fake, handler } = await setupDiscord();
    const { id, token } = fake.runSlashCommand(fake.user("Alice"), "dance");

    const ack = await fake.waitForRequest({ path: callbackPath(id, token) });

    expect(ack.body).toMatchObject({ type: 4, data: { flags: 64 } });
    expect(handler.calls).toEqual([]);
  });

  it("splits a long command answer: the deferred reply holds the first part, followups the rest", async () => {
    const paragraphs = Array.from({ length: 4 }, (_, i) =>
      `Part ${i}: ${"stretch your calves. ".repeat(52)}`.trim(),
    );
    const handler = new ScriptedHandler().nextReply(
      reply(paragraphs.join("\n\n"), [{ id: "dialogue:stretch", label: "Show me" }]),
    );
    const { fake } = await setupDiscord(handler);

    const { id } = fake.runSlashCommand(fake.user("Alice"), "stretch");
    const parts = await fake.waitForOutgoingCount({ interactionId: id }, 4);

    expect(parts.map((part) => part.via)).toEqual(["edit-original", "followup", "followup", "followup"]);
    expect(parts.map((part) => part.body.content)).toEqual(paragraphs);
    expect(parts.slice(0, 3).every((part) => (part.body.components ?? []).length === 0)).toBe(true);
    expect(parts[3]?.body.components?.[0]?.components[0]?.custom_id).toBe("dialogue:stretch");
  });

  it("edits the deferred reply with an apology when the handler throws, and keeps going", async () => {
    const handler = new ScriptedHandler().failNext();
    const { fake, logger } = await setupDiscord(handler);
    const alice = fake.user("Alice");

    const first = fake.runSlashCommand(alice, "checkup");
    const apology = await fake.waitForOutgoing({ interactionId: first.id });
    const second = fake.runSlashCommand(alice, "ask", { options: { question: "still there?" } });
    const answer = await fake.waitForOutgoing({ interactionId: second.id });

    expect(apology.body.content).toMatch(/something went wrong/i);
    expect(answer.body.content).toBe("echo: still there?");
    expect(logger.at("error")).toHaveLength(1);
    expect(logger.dump()).not.toContain(first.token);
  });
});

describe("Discord adapter: buttons", () => {
  it("a click on a DM answer's button continues the same conversation", async () => {
    const handler = new ScriptedHandler().nextReply(
      reply("Magnesium relaxes muscles.", [
        { id: "magnesium.food", label: "Food sources" },
        { id: "magnesium.supplements", label: "Supplements" },
      ]),
    );
    const { fake } = await setupDiscord(handler);
    const alice = fake.user("Alice");

    fake.sendDirectMessage(alice, "tell me about magnesium");
    const answer = await fake.waitForOutgoing({ via: "channel" });
    const { id, token } = fake.clickButton(alice, answer.message, "magnesium.food");
    const ack = await fake.waitForRequest({ path: callbackPath(id, token) });
    const followup = await fake.waitForOutgoing({ interactionId: id });

    expect([5, 6]).toContain((ack.body as { type: number }).type);
    expect(followup.channelId).toBe(answer.channelId);
    expect(followup.body.content).toBe("picked: magnesium.food");
    const [question, click] = handler.calls;
    expect(click).toEqual({
      platform: "discord",
      conversationId: question?.conversationId,
      userId: alice.id,
      kind: "button",
      buttonId: "magnesium.food",
    });
    expect(question?.conversationId).toBe(`discord:dm:${alice.id}`);
  });

  it("in a guild channel a click belongs to the clicking user's conversation", async () => {
    const handler = new ScriptedHandler().nextReply(
      reply("Try stretching.", [{ id: "stretching", label: "How?" }]),
    );
    const { fake } = await setupDiscord(handler);
    const alice = fake.user("Alice");
    const general = fake.channel("general");

    fake.sendGuildMessage(alice, "what helps?", { mentionBot: true });
    const answer = await fake.waitForOutgoing({ via: "channel" });
    const click = fake.clickButton(alice, answer.message, "stretching");
    const followup = await fake.waitForOutgoing({ interactionId: click.id });

    expect(followup.body.content).toBe("picked: stretching");
    expect(handler.calls.map((call) => call.conversationId)).toEqual([
      `discord:${general.id}:${alice.id}`,
      `discord:${general.id}:${alice.id}`,
    ]);
  });
});
