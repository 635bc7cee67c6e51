// FakeDiscord: REST + gateway on 127.0.0.1, with helpers to send user messages, slash commands and button clicks.
import { FakeGateway, type ShardKey } from "./gateway.js";
import {
  type ApiChannel,
  type ApiMessage,
  type ApiUser,
  ComponentTypes,
  type FakeGuild,
  guildCreatePayload,
  InteractionTypes,
  interactionPayload,
  messagePayload,
} from "./payloads.js";
import type { WaitOptions } from "./recorder.js";
import { FakeRest, type RecordedRequest } from "./rest.js";
import { shardOf } from "./shards.js";
import { fakeBotToken, interactionToken, snowflake } from "./snowflake.js";
import { FakeDiscordState, type OutgoingMessage } from "./state.js";

/** Gateway intent bits (the privileged ones can be refused, like an unticked box in the developer portal). */
export const Intents = {
  Guilds: 1 << 0,
  GuildMembers: 1 << 1,
  GuildPresences: 1 << 8,
  GuildMessages: 1 << 9,
  DirectMessages: 1 << 12,
  MessageContent: 1 << 15,
} as const;

const ALL_INTENTS = (1 << 26) - 1;

export interface FakeDiscordOptions {
  /** The bot's display name (default "CrampBot"). */
  botName?: string;
  /** The application id, which is also the bot user's id (default: a fresh snowflake). */
  applicationId?: string;
  /** The token the fake accepts (default: a fresh token in Discord's three-part shape). */
  token?: string;
  /** Human users, all members of the one guild (default Alice, Bob, Carol). */
  userNames?: string[];
  /** Text channels of the guild (default "general", "random"). */
  channelNames?: string[];
  /** Heartbeat interval announced in HELLO (default 41,250 ms, Discord's). */
  heartbeatIntervalMs?: number;
  /** Privileged intents ticked in the "developer portal"; requesting an unticked one closes with 4014. */
  privilegedIntents?: { messageContent?: boolean; guildMembers?: boolean; guildPresences?: boolean };
  /** Send the bot's own messages back as MESSAGE_CREATE, as Discord does (default true). */
  echoBotMessages?: boolean;
  /** Port of the REST server (default 0: random). The gateway always takes a random port. */
  port?: number;
  /** Interaction callbacks later than this are refused with 10062 (default 3,000 ms, Discord's; 0 = never). */
  interactionDeadlineMs?: number;
  /**
   * The shard count GET /gateway/bot recommends (default 1). Clients identify each shard with `shard: [id, count]`
   * and every event goes to the shard owning its guild ((guild_id >> 22) % count; DMs to shard 0).
   */
  shards?: number;
  /** Guilds the bot is in (default 1); guild i gets an id owned by shard i % guildShards. */
  guilds?: number;
  /** The shard count the guild ids are laid out for (default `shards`): to test a client that shards otherwise. */
  guildShards?: number;
}

/** Where a user message, command or click happens: a DM with the bot, or a guild text channel. */
export type Place = "dm" | ApiChannel;

export interface InteractionHandle {
  id: string;
  token: string;
  channelId: string;
}

export type RequestMatch =
  | { method?: string; path?: string | RegExp }
  | ((request: RecordedRequest) => boolean);
export type OutgoingMatch =
  | { channelId?: string; via?: OutgoingMessage["via"]; interactionId?: string }
  | ((message: OutgoingMessage) => boolean);

export class FakeDiscord {
  readonly state: FakeDiscordState;
  readonly rest: FakeRest;
  readonly gateway: FakeGateway;

  private constructor(state: FakeDiscordState, rest: FakeRest, gateway: FakeGateway) {
    this.state = state;
    this.rest = rest;
    this.gateway = gateway;
  }

  static async start(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
    const state = new FakeDiscordState(
      {
        botName: options.botName ?? "CrampBot",
        userNames: options.userNames ?? ["Alice", "Bob", "Carol"],
        guildName: "Cramp Club",
        channelNames: options.channelNames ?? ["general", "random"],
        guildCount: options.guilds ?? 1,
        shardCount: options.guildShards ?? options.shards ?? 1,
        ...(options.applicationId ? { applicationId: options.applicationId } : {}),
        ...(options.token ? { token: options.token } : {}),
      },
      fakeBotToken,
    );
    const privileged = options.privilegedIntents ?? {};
    let allowedIntents = ALL_INTENTS;
    if (privileged.messageContent === false) allowedIntents &= ~Intents.MessageContent;
    if (privileged.guildMembers === false) allowedIntents &= ~Intents.GuildMembers;
    if (privileged.guildPresences === false) allowedIntents &= ~Intents.GuildPresences;
    const gateway = await FakeGateway.start({
      token: state.token,
      heartbeatIntervalMs: options.heartbeatIntervalMs ?? 41_250,
      allowedIntents,
      readyPayload: (shard) => ({
        v: 10,
        user: { ...state.botUser, verified: true, mfa_enabled: false, flags: 0 },
        guilds: guildsOf(state, shard).map((guild) => ({ id: guild.id, unavailable: true })),
        private_channels: [],
        relationships: [],
        presences: [],
        guild_join_requests: [],
        geo_ordered_rtc_regions: [],
        user_settings: {},
        application: { id: state.applicationId, flags: 0 },
      }),
      guildCreatePayloads: (shard) => guildsOf(state, shard).map((guild) => guildCreatePayload(guild)),
    });
    const rest = await FakeRest.start(state, {
      gatewayUrl: () => gateway.url,
      shards: options.shards ?? 1,
      interactionDeadlineMs: options.interactionDeadlineMs ?? 3000,
      ...(options.port === undefined ? {} : { port: options.port }),
    });
    const fake = new FakeDiscord(state, rest, gateway);
    if (options.echoBotMessages ?? true) {
      state.onBotMessage = (message) => {
        if (gateway.hasSession) gateway.dispatch("MESSAGE_CREATE", message);
      };
    }
    return fake;
  }

  /** The REST root to give discord.js (`rest: { api }`) or DISCORD_API_ROOT. */
  get apiRoot(): string {
    return this.rest.url;
  }

  get token(): string {
    return this.state.token;
  }

  get applicationId(): string {
    return this.state.applicationId;
  }

  get botUser(): ApiUser {
    return this.state.botUser;
  }

  get guildId(): string {
    return this.state.guild.id;
  }

  /** A human user by display name ("Alice", "Bob", "Carol" by default). */
  user(name: string): ApiUser {
    for (const user of this.state.users.values()) if (user.global_name === name) return user;
    throw new Error(`fake discord: no user named ${name}`);
  }

  /** A guild text channel by name ("general", "random" by default), in the first guild or guild number `guild`. */
  channel(name: string, guild = 0): ApiChannel {
    const channel = this.state.guilds[guild]?.channels.find((candidate) => candidate.name === name);
    if (!channel) throw new Error(`fake discord: no channel named ${name} in guild ${guild}`);
    return channel;
  }

  /** The ids of the guilds, the first one first. */
  get guildIds(): string[] {
    return this.state.guilds.map((guild) => guild.id);
  }

  /** Resolves once every shard of `shardCount` has identified (READY sent), with the shard keys seen. */
  async waitForShards(shardCount: number, options?: WaitOptions): Promise<ShardKey[]> {
    const seen = await this.gateway.identified.waitForCount(
      ([id, count]) => count === shardCount && id < shardCount,
      shardCount,
      `${shardCount} shards`,
      options,
    );
    return seen;
  }

  /** Every REST request received, in order. */
  get requests(): RecordedRequest[] {
    return this.rest.requests.entries;
  }

  /** Every message the bot created or edited, in order. */
  get outgoing(): OutgoingMessage[] {
    return this.state.outgoing.entries;
  }

  /** Resolves once a client has identified and received READY + GUILD_CREATE. */
  waitForSession(options?: WaitOptions): Promise<"ready" | "resumed"> {
    return this.gateway.sessionsStarted.waitFor(() => true, "a session", options);
  }

  /** The first request (at or after options.from) matching, waiting up to options.timeoutMs (4 s). */
  waitForRequest(match: RequestMatch, options?: WaitOptions): Promise<RecordedRequest> {
    return this.rest.requests.waitFor(requestPredicate(match), describeMatch(match), options);
  }

  /** The first outgoing bot message matching, waiting up to options.timeoutMs (4 s). */
  waitForOutgoing(match: OutgoingMatch = {}, options?: WaitOptions): Promise<OutgoingMessage> {
    return this.state.outgoing.waitFor(outgoingPredicate(match), describeMatch(match), options);
  }

  /** Waits until `count` outgoing messages match, and returns them in order. */
  waitForOutgoingCount(
    match: OutgoingMatch,
    count: number,
    options?: WaitOptions,
  ): Promise<OutgoingMessage[]> {
    return this.state.outgoing.waitForCount(outgoingPredicate(match), count, describeMatch(match), options);
  }

  /** A user sends the bot a direct message (MESSAGE_CREATE with channel_type 1). */
  sendDirectMessage(from: ApiUser, content: string): ApiMessage {
    const message = this.directMessagePayload(from, content);
    this.gateway.dispatch("MESSAGE_CREATE", message);
    return message;
  }

  /** The MESSAGE_CREATE body of a DM, not sent: to send it changed (e.g. malformed) with {@link dispatch}. */
  directMessagePayload(from: ApiUser, content: string): ApiMessage {
    return messagePayload({ channel: this.state.dmChannelFor(from), author: from, content });
  }

  /**
   * A user writes in a guild channel (MESSAGE_CREATE with guild_id, member and mentions).
   * With `mentionBot`, "<@bot id> " is put in front of the content and the bot is in `mentions`.
   * If the client did not request the Message Content intent, a message not mentioning it arrives blank.
   */
  sendGuildMessage(
    from: ApiUser,
    content: string,
    options: { channel?: ApiChannel; mentionBot?: boolean; mentions?: ApiUser[] } = {},
  ): ApiMessage {
    const channel = options.channel ?? this.channel("general");
    const mentions = [...(options.mentions ?? [])];
    let text = content;
    if (options.mentionBot) {
      mentions.unshift(this.botUser);
      text = `<@${this.botUser.id}> ${content}`;
    }
    const message = messagePayload({
      channel,
      author: from,
      content: text,
      mentions,
      joinedAt: this.state.guild.joinedAt,
    });
    const mentionsBot = mentions.some((user) => user.id === this.botUser.id);
    if ((this.gateway.intents & Intents.MessageContent) === 0 && !mentionsBot) {
      // Without the Message Content intent Discord blanks guild messages that do not mention the bot.
      this.gateway.dispatch("MESSAGE_CREATE", {
        ...message,
        content: "",
        embeds: [],
        attachments: [],
        components: [],
      });
    } else {
      this.gateway.dispatch("MESSAGE_CREATE", message);
    }
    return message;
  }

  /** A user runs a slash command (INTERACTION_CREATE type 2). Options are string options by name. */
  runSlashCommand(
    from: ApiUser,
    name: string,
    options: { where?: Place; options?: Record<string, string> } = {},
  ): InteractionHandle {
    const channel = this.#place(from, options.where ?? "dm");
    const registered = [...this.state.globalCommands, ...(this.state.guildCommands.get(this.guildId) ?? [])];
    const data: Record<string, unknown> = {
      id: registered.find((command) => command.name === name)?.id ?? snowflake(),
      name,
      type: 1,
    };
    const entries = Object.entries(options.options ?? {});
    if (entries.length > 0)
      data.options = entries.map(([option, value]) => ({ name: option, type: 3, value }));
    return this.#interact(from, channel, InteractionTypes.ApplicationCommand, data);
  }

  /**
   * A user clicks a button on a message the bot sent (INTERACTION_CREATE type 3 with the full message).
   * Throws if the message has no button with that custom_id, as Discord could not send such a click.
   */
  clickButton(from: ApiUser, message: ApiMessage, customId: string): InteractionHandle {
    const buttons = message.components.flatMap((row) => row.components);
    if (!buttons.some((button) => button.custom_id === customId)) {
      throw new Error(`fake discord: message ${message.id} has no button ${customId}`);
    }
    const channel = this.state.channels.get(message.channel_id);
    if (!channel) throw new Error(`fake discord: unknown channel ${message.channel_id}`);
    const data = { custom_id: customId, component_type: ComponentTypes.Button };
    return this.#interact(from, channel, InteractionTypes.MessageComponent, data, message);
  }

  /** Sends any dispatch event (op 0) to the connected client. */
  dispatch(type: string, data: unknown): void {
    this.gateway.dispatch(type, data);
  }

  async close(): Promise<void> {
    await Promise.all([this.gateway.close(), this.rest.close()]);
  }

  #place(from: ApiUser, where: Place): ApiChannel {
    return where === "dm" ? this.state.dmChannelFor(from) : where;
  }

  #interact(
    from: ApiUser,
    channel: ApiChannel,
    type: number,
    data: Record<string, unknown>,
    message?: ApiMessage,
  ): InteractionHandle {
    const id = snowflake();
    const token = interactionToken();
    this.state.interactions.set(id, {
      id,
      token,
      type,
      channel,
      user: from,
      createdAt: Date.now(),
      response: null,
      original: null,
      ...(message ? { sourceMessage: message } : {}),
    });
    const payload = interactionPayload({
      id,
      token,
      applicationId: this.applicationId,
      type,
      data,
      user: from,
      channel,
      guildJoinedAt: this.state.guild.joinedAt,
      ...(message ? { message } : {}),
    });
    this.gateway.dispatch("INTERACTION_CREATE", payload);
    return { id, token, channelId: channel.id };
  }
}

function requestPredicate(match: RequestMatch): (request: RecordedRequest) => boolean {
  if (typeof match === "function") return match;
  return (request) =>
    (match.method === undefined || request.method === match.method.toUpperCase()) &&
    (match.path === undefined ||
      (typeof match.path === "string" ? request.path === match.path : match.path.test(request.path)));
}

function outgoingPredicate(match: OutgoingMatch): (message: OutgoingMessage) => boolean {
  if (typeof match === "function") return match;
  return (message) =>
    (match.channelId === undefined || message.channelId === match.channelId) &&
    (match.via === undefined || message.via === match.via) &&
    (match.interactionId === undefined || message.interactionId === match.interactionId);
}

function describeMatch(match: object): string {
  if (typeof match === "function") return "a predicate";
  return JSON.stringify(match, (_key, value: unknown) => (value instanceof RegExp ? String(value) : value));
}

/** The guilds shard [id, count] owns: all of them for an unsharded client. */
function guildsOf(state: FakeDiscordState, [id, count]: ShardKey): FakeGuild[] {
  return state.guilds.filter((guild) => shardOf(guild.id, count) === id);
}
