// Discord API object shapes (the subset the fake uses) and builders for the payloads discord.js 14.28 accepts.
import { snowflake } from "./snowflake.js";

export const ChannelTypes = { GuildText: 0, DM: 1 } as const;
export const InteractionTypes = { ApplicationCommand: 2, MessageComponent: 3 } as const;
export const ComponentTypes = { ActionRow: 1, Button: 2 } as const;
/** Every permission bit set; what an administrator (and the fake's bot) holds. */
export const ALL_PERMISSIONS = "2251799813685247";

export interface ApiUser {
  id: string;
  username: string;
  global_name: string | null;
  discriminator: string;
  avatar: string | null;
  bot?: boolean;
  public_flags: number;
}

export interface ApiMember {
  user?: ApiUser;
  nick: string | null;
  avatar: string | null;
  roles: string[];
  joined_at: string;
  premium_since: string | null;
  deaf: boolean;
  mute: boolean;
  flags: number;
  pending: boolean;
  permissions?: string;
}

export interface ApiChannel {
  id: string;
  type: number;
  guild_id?: string;
  name?: string;
  position?: number;
  permission_overwrites?: unknown[];
  parent_id?: string | null;
  topic?: string | null;
  nsfw?: boolean;
  last_message_id: string | null;
  rate_limit_per_user?: number;
  flags: number;
  recipients?: ApiUser[];
}

export interface ApiButton {
  type: number;
  style?: number;
  label?: string;
  custom_id?: string;
  url?: string;
  disabled?: boolean;
}

export interface ApiActionRow {
  type: number;
  components: ApiButton[];
}

export interface ApiAllowedMentions {
  parse?: string[];
  users?: string[];
  roles?: string[];
  replied_user?: boolean;
}

/** The JSON body of a message create / edit / interaction response, as a bot sends it. */
export interface MessageBody {
  content?: string;
  components?: ApiActionRow[];
  allowed_mentions?: ApiAllowedMentions;
  embeds?: unknown[];
  flags?: number;
  tts?: boolean;
  message_reference?: {
    message_id: string;
    channel_id?: string;
    guild_id?: string;
    fail_if_not_exists?: boolean;
  };
  /** The attachments' metadata; `id` is the index N of the uploaded part `files[N]`. */
  attachments?: { id: number | string; filename?: string; description?: string }[];
  /** Not a Discord field: the files uploaded with the body (multipart `files[N]` parts), as the fake received them. */
  files?: UploadedFile[];
}

/** One `files[N]` part of a multipart request. */
export interface UploadedFile {
  /** N of `files[N]`. */
  index: number;
  filename: string;
  contentType: string | undefined;
  data: Buffer;
}

/** The message's attachments as Discord shows them: metadata plus a URL for each uploaded file. */
export function attachmentsOf(body: MessageBody, channelId: string, messageId: string): unknown[] {
  return (body.attachments ?? []).flatMap((attachment) => {
    const file = body.files?.find((f) => String(f.index) === String(attachment.id));
    if (!file) return [];
    const filename = attachment.filename ?? file.filename;
    return [
      {
        id: `${messageId}${file.index}`,
        filename,
        size: file.data.length,
        url: `https://cdn.discord.invalid/attachments/${channelId}/${messageId}/${filename}`,
        proxy_url: `https://media.discord.invalid/attachments/${channelId}/${messageId}/${filename}`,
        ...(file.contentType ? { content_type: file.contentType } : {}),
        ...(attachment.description ? { description: attachment.description } : {}),
      },
    ];
  });
}

export interface ApiMessage {
  id: string;
  channel_id: string;
  guild_id?: string;
  channel_type?: number;
  author: ApiUser;
  member?: ApiMember;
  content: string;
  timestamp: string;
  edited_timestamp: string | null;
  tts: boolean;
  mention_everyone: boolean;
  mentions: Array<ApiUser & { member?: ApiMember }>;
  mention_roles: string[];
  attachments: unknown[];
  embeds: unknown[];
  components: ApiActionRow[];
  pinned: boolean;
  type: number;
  flags: number;
  webhook_id?: string;
  application_id?: string;
  message_reference?: MessageBody["message_reference"];
}

export interface ApiRole {
  id: string;
  name: string;
  color: number;
  hoist: boolean;
  icon: null;
  unicode_emoji: null;
  position: number;
  permissions: string;
  managed: boolean;
  mentionable: boolean;
  flags: number;
}

/** A guild as the fake keeps it: the pieces GUILD_CREATE is built from. */
export interface FakeGuild {
  id: string;
  name: string;
  ownerId: string;
  roles: ApiRole[];
  channels: ApiChannel[];
  members: ApiUser[];
  joinedAt: string;
}

export function makeUser(name: string, options: { bot?: boolean; id?: string } = {}): ApiUser {
  return {
    id: options.id ?? snowflake(),
    username: name.toLowerCase(),
    global_name: name,
    discriminator: "0",
    avatar: null,
    public_flags: 0,
    ...(options.bot ? { bot: true } : {}),
  };
}

export function makeMember(user: ApiUser | undefined, joinedAt: string, withPermissions = false): ApiMember {
  return {
    ...(user ? { user } : {}),
    nick: null,
    avatar: null,
    roles: [],
    joined_at: joinedAt,
    premium_since: null,
    deaf: false,
    mute: false,
    flags: 0,
    pending: false,
    ...(withPermissions ? { permissions: ALL_PERMISSIONS } : {}),
  };
}

export function makeGuildTextChannel(guildId: string, name: string, position: number): ApiChannel {
  return {
    id: snowflake(),
    type: ChannelTypes.GuildText,
    guild_id: guildId,
    name,
    position,
    permission_overwrites: [],
    parent_id: null,
    topic: null,
    nsfw: false,
    last_message_id: null,
    rate_limit_per_user: 0,
    flags: 0,
  };
}

export function makeDmChannel(id: string, recipient: ApiUser): ApiChannel {
  return { id, type: ChannelTypes.DM, last_message_id: null, flags: 0, recipients: [recipient] };
}

export function makeGuild(
  name: string,
  owner: ApiUser,
  members: ApiUser[],
  channelNames: string[],
  id: string = snowflake(),
): FakeGuild {
  const everyone: ApiRole = {
    id,
    name: "@everyone",
    color: 0,
    hoist: false,
    icon: null,
    unicode_emoji: null,
    position: 0,
    permissions: "1071698660929",
    managed: false,
    mentionable: false,
    flags: 0,
  };
  return {
    id,
    name,
    ownerId: owner.id,
    roles: [everyone],
    channels: channelNames.map((channel, index) => makeGuildTextChannel(id, channel, index)),
    members,
    joinedAt: new Date().toISOString(),
  };
}

/** The GUILD_CREATE dispatch body: the full guild with channels, members and roles. */
export function guildCreatePayload(guild: FakeGuild): Record<string, unknown> {
  return {
    id: guild.id,
    name: guild.name,
    icon: null,
    splash: null,
    discovery_splash: null,
    owner_id: guild.ownerId,
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    roles: guild.roles,
    emojis: [],
    stickers: [],
    features: [],
    mfa_level: 0,
    application_id: null,
    system_channel_id: guild.channels[0]?.id ?? null,
    system_channel_flags: 0,
    rules_channel_id: null,
    public_updates_channel_id: null,
    safety_alerts_channel_id: null,
    vanity_url_code: null,
    description: null,
    banner: null,
    premium_tier: 0,
    premium_subscription_count: 0,
    preferred_locale: "en-US",
    max_video_channel_users: 25,
    nsfw_level: 0,
    premium_progress_bar_enabled: false,
    joined_at: guild.joinedAt,
    large: false,
    unavailable: false,
    member_count: guild.members.length,
    voice_states: [],
    members: guild.members.map((user) => makeMember(user, guild.joinedAt)),
    channels: guild.channels.map(({ guild_id: _omitted, ...channel }) => channel),
    threads: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}

export interface MessageInit {
  channel: ApiChannel;
  author: ApiUser;
  content: string;
  /** Users mentioned in the message (discord.js reads mentions from here, not from the text). */
  mentions?: ApiUser[];
  components?: ApiActionRow[];
  reference?: MessageBody["message_reference"];
  webhookId?: string;
  applicationId?: string;
  joinedAt?: string;
}

/** A message object as Discord returns it from REST and sends it in MESSAGE_CREATE. */
export function messagePayload(init: MessageInit): ApiMessage {
  const guildId = init.channel.guild_id;
  const joinedAt = init.joinedAt ?? new Date().toISOString();
  const message: ApiMessage = {
    id: snowflake(),
    channel_id: init.channel.id,
    author: init.author,
    content: init.content,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: (init.mentions ?? []).map((user) =>
      guildId ? { ...user, member: makeMember(undefined, joinedAt) } : user,
    ),
    mention_roles: [],
    attachments: [],
    embeds: [],
    components: init.components ?? [],
    pinned: false,
    type: init.reference ? 19 : 0,
    flags: 0,
  };
  if (guildId) {
    message.guild_id = guildId;
    if (!init.webhookId) message.member = makeMember(undefined, joinedAt);
  } else {
    message.channel_type = ChannelTypes.DM;
  }
  if (init.reference) message.message_reference = { ...init.reference, channel_id: init.channel.id };
  if (init.webhookId) message.webhook_id = init.webhookId;
  if (init.applicationId) message.application_id = init.applicationId;
  return message;
}

/** The partial channel an INTERACTION_CREATE carries. */
export function interactionChannel(channel: ApiChannel): Record<string, unknown> {
  if (channel.type === ChannelTypes.DM) {
    return {
      id: channel.id,
      type: channel.type,
      flags: 0,
      last_message_id: null,
      recipients: channel.recipients,
    };
  }
  return {
    id: channel.id,
    type: channel.type,
    guild_id: channel.guild_id,
    name: channel.name,
    flags: 0,
    nsfw: false,
    parent_id: null,
    position: channel.position ?? 0,
    topic: null,
    rate_limit_per_user: 0,
    last_message_id: null,
    permissions: ALL_PERMISSIONS,
  };
}

export interface InteractionInit {
  id: string;
  token: string;
  applicationId: string;
  type: number;
  data: Record<string, unknown>;
  user: ApiUser;
  channel: ApiChannel;
  guildJoinedAt?: string;
  message?: ApiMessage;
}

/**
 * An INTERACTION_CREATE body. discord.js needs `entitlements` (an array), `authorizing_integration_owners`
 * (an object), `user` in DMs or `member.user` in guilds, a partial `channel`, and `message` for components.
 */
export function interactionPayload(init: InteractionInit): Record<string, unknown> {
  const guildId = init.channel.guild_id;
  const payload: Record<string, unknown> = {
    id: init.id,
    application_id: init.applicationId,
    type: init.type,
    token: init.token,
    version: 1,
    data: init.data,
    channel: interactionChannel(init.channel),
    channel_id: init.channel.id,
    app_permissions: ALL_PERMISSIONS,
    locale: "en-US",
    entitlements: [],
    authorizing_integration_owners: guildId ? { "0": guildId } : { "1": init.user.id },
    context: guildId ? 0 : 1,
    attachment_size_limit: 10485760,
  };
  if (guildId) {
    payload.guild_id = guildId;
    payload.guild_locale = "en-US";
    payload.member = makeMember(init.user, init.guildJoinedAt ?? new Date().toISOString(), true);
  } else {
    payload.user = init.user;
  }
  if (init.message) payload.message = init.message;
  return payload;
}
