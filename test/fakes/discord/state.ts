// What the fake Discord knows: users, the guild, channels, messages, interactions, commands and what the bot sent.
import {
  type ApiChannel,
  type ApiMessage,
  type ApiUser,
  attachmentsOf,
  type FakeGuild,
  type MessageBody,
  makeDmChannel,
  makeGuild,
  makeUser,
  messagePayload,
} from "./payloads.js";
import { Recorder } from "./recorder.js";
import { guildIdOnShard } from "./shards.js";
import { snowflake } from "./snowflake.js";

/** How a bot message reached Discord. */
export type OutgoingVia =
  | "channel" // POST /channels/:id/messages
  | "interaction-reply" // interaction callback type 4
  | "interaction-update" // interaction callback type 7 (edits the clicked message)
  | "edit-original" // PATCH /webhooks/:app/:token/messages/@original
  | "followup"; // POST /webhooks/:app/:token

/** One message the bot made visible (created or edited), whatever the route. */
export interface OutgoingMessage {
  via: OutgoingVia;
  channelId: string;
  interactionId?: string;
  /** The body exactly as the bot sent it. */
  body: MessageBody;
  /** The message object the fake returned / now holds (use it for button clicks). */
  message: ApiMessage;
}

export interface InteractionRecord {
  id: string;
  token: string;
  type: number;
  channel: ApiChannel;
  user: ApiUser;
  createdAt: number;
  /** The callback type it was answered with (4, 5, 6, 7), or null while unanswered. */
  response: number | null;
  /** The interaction's own response message (after type 4, or once a deferred reply is edited). */
  original: ApiMessage | null;
  /** The message whose button was clicked (components only). */
  sourceMessage?: ApiMessage;
}

export interface RegisteredCommand extends Record<string, unknown> {
  id: string;
  name: string;
}

export interface StateOptions {
  botName: string;
  applicationId?: string;
  token?: string;
  userNames: string[];
  guildName: string;
  channelNames: string[];
  /** More guilds after the first ("<guildName> 2", ...), each with the same members and channel names. Default 1. */
  guildCount?: number;
  /** The shard count the guild ids are spread over: guild i lands on shard i % shardCount. Default 1. */
  shardCount?: number;
}

export class FakeDiscordState {
  readonly botUser: ApiUser;
  readonly applicationId: string;
  readonly token: string;
  readonly users = new Map<string, ApiUser>();
  /** The first guild (the only one unless StateOptions.guildCount says more). */
  readonly guild: FakeGuild;
  /** Every guild the bot is in, the first one first. */
  readonly guilds: FakeGuild[];
  readonly channels = new Map<string, ApiChannel>();
  readonly messages = new Map<string, ApiMessage>();
  readonly interactions = new Map<string, InteractionRecord>();
  readonly globalCommands: RegisteredCommand[] = [];
  readonly guildCommands = new Map<string, RegisteredCommand[]>();
  readonly outgoing = new Recorder<OutgoingMessage>(
    "outgoing message",
    (m) => `${m.via} in ${m.channelId}: ${JSON.stringify(m.body.content ?? "").slice(0, 80)}`,
  );
  /** Called for every message the bot created, so the gateway can echo it as MESSAGE_CREATE. */
  onBotMessage: (message: ApiMessage) => void = () => {};
  readonly #dmChannels = new Map<string, ApiChannel>();

  constructor(options: StateOptions, token: (botId: string) => string) {
    this.applicationId = options.applicationId ?? snowflake();
    this.botUser = makeUser(options.botName, { bot: true, id: this.applicationId });
    this.token = options.token ?? token(this.botUser.id);
    for (const name of options.userNames) {
      const user = makeUser(name);
      this.users.set(user.id, user);
    }
    const shardCount = options.shardCount ?? 1;
    this.guilds = Array.from({ length: Math.max(1, options.guildCount ?? 1) }, (_, index) =>
      makeGuild(
        index === 0 ? options.guildName : `${options.guildName} ${index + 1}`,
        [...this.users.values()][0] ?? this.botUser,
        this.guildMembers(),
        [...options.channelNames],
        guildIdOnShard(index % shardCount, shardCount),
      ),
    );
    this.guild = this.guilds[0] as FakeGuild;
    for (const guild of this.guilds)
      for (const channel of guild.channels) this.channels.set(channel.id, channel);
  }

  guildMembers(): ApiUser[] {
    return [this.botUser, ...this.users.values()];
  }

  /** The DM channel between the bot and a user (created on first use, like Discord). */
  dmChannelFor(user: ApiUser): ApiChannel {
    let channel = this.#dmChannels.get(user.id);
    if (!channel) {
      channel = makeDmChannel(snowflake(), user);
      this.#dmChannels.set(user.id, channel);
      this.channels.set(channel.id, channel);
    }
    return channel;
  }

  /** Builds, stores and announces a message authored by the bot. */
  createBotMessage(
    channel: ApiChannel,
    body: MessageBody,
    via: OutgoingVia,
    extra: { interactionId?: string; webhook?: boolean } = {},
  ): ApiMessage {
    const message = messagePayload({
      channel,
      author: this.botUser,
      content: body.content ?? "",
      components: body.components ?? [],
      ...(body.message_reference ? { reference: body.message_reference } : {}),
      ...(extra.webhook ? { webhookId: this.applicationId, applicationId: this.applicationId } : {}),
      joinedAt: this.guild.joinedAt,
    });
    if (body.attachments) message.attachments = attachmentsOf(body, channel.id, message.id);
    if (body.embeds) message.embeds = body.embeds;
    this.messages.set(message.id, message);
    channel.last_message_id = message.id;
    this.outgoing.add({ via, channelId: channel.id, body, message, ...extra });
    this.onBotMessage(message);
    return message;
  }

  /** Applies an edit to a stored message and records it as outgoing. */
  editBotMessage(
    message: ApiMessage,
    body: MessageBody,
    via: OutgoingVia,
    interactionId: string,
  ): ApiMessage {
    if (body.content !== undefined) message.content = body.content ?? "";
    if (body.components !== undefined) message.components = body.components ?? [];
    if (body.attachments !== undefined)
      message.attachments = attachmentsOf(body, message.channel_id, message.id);
    if (body.embeds !== undefined) message.embeds = body.embeds ?? [];
    message.edited_timestamp = new Date().toISOString();
    this.outgoing.add({ via, channelId: message.channel_id, interactionId, body, message });
    return message;
  }
}
