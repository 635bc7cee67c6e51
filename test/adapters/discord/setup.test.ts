// Configuration errors, login failures and slash command registration, against the fake Discord.
import { afterEach, describe, expect, it } from "vitest";
import {
  COMMAND_NAMES,
  DiscordAdapter,
  DiscordAdapterError,
  discordOptionsFromEnv,
  registerCommands,
} from "../../../src/adapters/discord/index.js";
import {
  addDiscordCleanup,
  runDiscordCleanups,
  setupDiscord,
  startFakeDiscord,
} from "../../fakes/discord/harness.js";
import { MemoryLogger, ScriptedHandler } from "../../fakes/discord/index.js";

afterEach(runDiscordCleanups);

const SHAPED_TOKEN = "MTIzNDU2Nzg5MDEyMzQ1Njc4OQ.GAbCdE.abcdefghijklmnopqrstuvwxyz0123456789AB";
const APP_ID = "123456789012345678";

function configError(run: () => unknown): DiscordAdapterError {
  try {
    run();
  } catch (error) {
    if (error instanceof DiscordAdapterError) return error;
    throw error;
  }
  throw new Error("expected a DiscordAdapterError");
}

async function rejection(promise: Promise<unknown>): Promise<DiscordAdapterError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DiscordAdapterError) return error;
    throw error;
  }
  throw new Error("expected a DiscordAdapterError");
}

describe("Discord adapter: configuration", () => {
  const deps = { handler: new ScriptedHandler(), logger: new MemoryLogger() };

  it("names DISCORD_TOKEN when the token is missing or malformed, without echoing it", () => {
    const missing = configError(() => new DiscordAdapter(deps, { token: "", applicationId: APP_ID }));
    expect(missing).toBeInstanceOf(Error);
    expect(missing.code).toBe("DISCORD_TOKEN_MISSING");
    expect(missing.message).toContain("DISCORD_TOKEN");

    const secretLooking = "not-a-token-but-secret-looking-value";
    const malformed = configError(
      () => new DiscordAdapter(deps, { token: secretLooking, applicationId: APP_ID }),
    );
    expect(malformed.code).toBe("DISCORD_TOKEN_MALFORMED");
    expect(malformed.message).toContain("DISCORD_TOKEN");
    expect(malformed.message).not.toContain(secretLooking);

    const prefixed = configError(
      () => new DiscordAdapter(deps, { token: `Bot ${SHAPED_TOKEN}`, applicationId: APP_ID }),
    );
    expect(prefixed.code).toBe("DISCORD_TOKEN_MALFORMED");
  });

  it("names DISCORD_APPLICATION_ID when the application id is missing or malformed", () => {
    const missing = configError(() => new DiscordAdapter(deps, { token: SHAPED_TOKEN, applicationId: " " }));
    expect(missing.code).toBe("DISCORD_APPLICATION_ID_MISSING");
    expect(missing.message).toContain("DISCORD_APPLICATION_ID");

    const malformed = configError(
      () => new DiscordAdapter(deps, { token: SHAPED_TOKEN, applicationId: "crampbot" }),
    );
    expect(malformed.code).toBe("DISCORD_APPLICATION_ID_MALFORMED");
    expect(malformed.message).toContain("DISCORD_APPLICATION_ID");
  });

  it("reads DISCORD_TOKEN, DISCORD_APPLICATION_ID and DISCORD_API_ROOT from an environment", () => {
    expect(
      discordOptionsFromEnv({
        DISCORD_TOKEN: SHAPED_TOKEN,
        DISCORD_APPLICATION_ID: APP_ID,
        DISCORD_API_ROOT: "http://127.0.0.1:8080/",
      }),
    ).toEqual({ token: SHAPED_TOKEN, applicationId: APP_ID, apiRoot: "http://127.0.0.1:8080" });
    expect(configError(() => discordOptionsFromEnv({ DISCORD_TOKEN: SHAPED_TOKEN })).code).toBe(
      "DISCORD_APPLICATION_ID_MISSING",
    );
    expect(
      configError(() =>
        discordOptionsFromEnv({
          DISCORD_TOKEN: SHAPED_TOKEN,
          DISCORD_APPLICATION_ID: APP_ID,
          DISCORD_API_ROOT: "http://127.0.0.1:8080/v10",
        }),
      ).code,
    ).toBe("DISCORD_API_ROOT_MALFORMED");
  });

  it("fails start() with DISCORD_TOKEN_REJECTED when Discord refuses the token", async () => {
    const fake = await startFakeDiscord();
    const logger = new MemoryLogger();
    const adapter = new DiscordAdapter(
      { handler: new ScriptedHandler(), logger },
      { token: SHAPED_TOKEN, applicationId: fake.applicationId, apiRoot: fake.apiRoot },
    );
    addDiscordCleanup(() => adapter.stop());

    const error = await rejection(adapter.start());

    expect(error.code).toBe("DISCORD_TOKEN_REJECTED");
    expect(error.cause).toBeInstanceOf(Error);
    expect(error.message).not.toContain(SHAPED_TOKEN);
    expect(logger.dump()).not.toContain(SHAPED_TOKEN);
  });

  it("fails start() with DISCORD_INTENTS_DISALLOWED when Message Content is not enabled in the portal", async () => {
    const fake = await startFakeDiscord({ privilegedIntents: { messageContent: false } });
    const adapter = new DiscordAdapter(
      { handler: new ScriptedHandler(), logger: new MemoryLogger() },
      { token: fake.token, applicationId: fake.applicationId, apiRoot: fake.apiRoot },
    );
    addDiscordCleanup(() => adapter.stop());

    const error = await rejection(adapter.start());

    expect(error.code).toBe("DISCORD_INTENTS_DISALLOWED");
    expect(error.message).toContain("Message Content");
  });

  it("without the Message Content intent still answers DMs and mentions", async () => {
    const { fake, handler } = await setupDiscord(
      new ScriptedHandler(),
      { privilegedIntents: { messageContent: false } },
      { messageContentIntent: false },
    );

    fake.sendDirectMessage(fake.user("Alice"), "hello from a DM");
    fake.sendGuildMessage(fake.user("Carol"), "not for the bot, arrives blank");
    fake.sendGuildMessage(fake.user("Bob"), "hello from a channel", { mentionBot: true });
    await fake.waitForOutgoingCount({ via: "channel" }, 2);

    expect(handler.calls.map((call) => call.text)).toEqual(["hello from a DM", "hello from a channel"]);
  });
});

describe("Discord adapter: registerCommands", () => {
  it("PUTs the five slash commands globally", async () => {
    const fake = await startFakeDiscord();

    const result = await registerCommands({
      token: fake.token,
      applicationId: fake.applicationId,
      apiRoot: fake.apiRoot,
    });
    const put = await fake.waitForRequest({
      method: "PUT",
      path: `/v10/applications/${fake.applicationId}/commands`,
    });

    expect(result).toEqual({ scope: "global", names: ["ask", "topics", "checkup", "stretch", "reset"] });
    expect(put.authorization).toBe(`Bot ${fake.token}`);
    const body = put.body as Array<{
      name: string;
      contexts?: number[];
      options?: Array<Record<string, unknown>>;
    }>;
    expect(body.map((command) => command.name)).toEqual([...COMMAND_NAMES]);
    expect(body[0]?.options).toEqual([
      expect.objectContaining({ name: "question", type: 3, required: true }),
    ]);
    expect(body[0]?.contexts).toEqual([0, 1]);
    expect(fake.state.globalCommands.map((command) => command.name)).toEqual([...COMMAND_NAMES]);
  });

  it("PUTs them for one guild with guildId", async () => {
    const fake = await startFakeDiscord();

    const result = await registerCommands({
      token: fake.token,
      applicationId: fake.applicationId,
      apiRoot: fake.apiRoot,
      guildId: fake.guildId,
    });
    const put = await fake.waitForRequest({
      method: "PUT",
      path: `/v10/applications/${fake.applicationId}/guilds/${fake.guildId}/commands`,
    });

    expect(result.scope).toBe("guild");
    expect((put.body as unknown[]).length).toBe(5);
    expect(fake.state.guildCommands.get(fake.guildId)?.map((command) => command.name)).toEqual([
      ...COMMAND_NAMES,
    ]);
    expect(fake.state.globalCommands).toEqual([]);
  });

  it("reports a refused token or a foreign application as DiscordAdapterError", async () => {
    const fake = await startFakeDiscord();

    const refused = await rejection(
      registerCommands({ token: SHAPED_TOKEN, applicationId: fake.applicationId, apiRoot: fake.apiRoot }),
    );
    const foreign = await rejection(
      registerCommands({ token: fake.token, applicationId: APP_ID, apiRoot: fake.apiRoot }),
    );

    expect(refused.code).toBe("DISCORD_TOKEN_REJECTED");
    expect(foreign.code).toBe("DISCORD_REGISTER_FAILED");
    expect(foreign.message).toContain("DISCORD_APPLICATION_ID");
    expect((await rejection(registerCommands({ token: "", applicationId: APP_ID }))).code).toBe(
      "DISCORD_TOKEN_MISSING",
    );
  });
});
