/**
 * The world the test server presents: one application (the bot), one guild with a few text
 * channels, a role, two people and another bot. Ids are fixed snowflakes so tests can name them.
 */
export const GUILD_ID = "1200000000000000001";

export const fixture = {
  applicationId: "1100000000000000001",
  botName: "PolicyBot",
  guild: { id: GUILD_ID, name: "Cluster Policy Lab" },
  channels: {
    general: { id: "1300000000000000001", name: "general" },
    askPolicy: { id: "1300000000000000002", name: "ask-policy" },
    random: { id: "1300000000000000003", name: "random" },
  },
  /** Places outside the guild: the bot's DM with a user, a group DM, a server without the bot. */
  elsewhere: {
    botDm: { id: "1310000000000000001" },
    groupDm: { id: "1310000000000000002" },
    otherGuild: { id: "1210000000000000001", channelId: "1310000000000000003" },
  },
  roles: {
    everyone: { id: GUILD_ID, name: "@everyone" },
    moderators: { id: "1500000000000000001", name: "Moderators" },
  },
  users: {
    alice: { id: "1400000000000000001", username: "alice", bot: false },
    bob: { id: "1400000000000000002", username: "bob", bot: false },
    otherBot: { id: "1400000000000000003", username: "otherbot", bot: true },
    carol: { id: "1400000000000000004", username: "carol", bot: false },
    dave: { id: "1400000000000000005", username: "dave", bot: false },
    erin: { id: "1400000000000000006", username: "erin", bot: false },
    frank: { id: "1400000000000000007", username: "frank", bot: false },
  },
} as const;

/** Someone in the guild: one of the fixture's people, or any other (e.g. soak runs' crowds). */
export interface FixtureUser {
  readonly id: string;
  readonly username: string;
  readonly bot: boolean;
}
export type ChannelName = keyof typeof fixture.channels;

/** Everything a bot needs in a text channel, as Discord serialises permission bitfields. */
const TEXT_PERMISSIONS =
  (1n << 10n) | // ViewChannel
  (1n << 11n) | // SendMessages
  (1n << 14n) | // EmbedLinks
  (1n << 15n) | // AttachFiles
  (1n << 16n) | // ReadMessageHistory
  (1n << 17n) | // MentionEveryone
  (1n << 31n) | // UseApplicationCommands
  (1n << 38n); // SendMessagesInThreads
export const MEMBER_PERMISSIONS = TEXT_PERMISSIONS.toString();

const JOINED_AT = "2024-01-01T00:00:00.000000+00:00";

export function apiUser(user: {
  id: string;
  username: string;
  bot: boolean;
}): Record<string, unknown> {
  return {
    id: user.id,
    username: user.username,
    discriminator: "0",
    global_name: user.bot ? null : user.username[0]?.toUpperCase() + user.username.slice(1),
    avatar: null,
    bot: user.bot,
    system: false,
    public_flags: 0,
    flags: 0,
  };
}

export function apiMember(user: {
  id: string;
  username: string;
  bot: boolean;
}): Record<string, unknown> {
  return {
    user: apiUser(user),
    nick: null,
    avatar: null,
    roles: [],
    joined_at: JOINED_AT,
    premium_since: null,
    deaf: false,
    mute: false,
    flags: 0,
    pending: false,
  };
}

export function apiChannel(
  channel: { id: string; name: string },
  position: number,
): Record<string, unknown> {
  return {
    id: channel.id,
    type: 0,
    guild_id: GUILD_ID,
    name: channel.name,
    position,
    permission_overwrites: [],
    topic: null,
    nsfw: false,
    last_message_id: null,
    rate_limit_per_user: 0,
    parent_id: null,
    flags: 0,
  };
}

function apiRole(role: { id: string; name: string }, position: number): Record<string, unknown> {
  return {
    id: role.id,
    name: role.name,
    color: 0,
    colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false,
    icon: null,
    unicode_emoji: null,
    position,
    permissions: MEMBER_PERMISSIONS,
    managed: false,
    mentionable: true,
    flags: 0,
  };
}

export function botUser(): { id: string; username: string; bot: boolean } {
  return { id: fixture.applicationId, username: fixture.botName, bot: true };
}

/** The GUILD_CREATE payload (a full guild as Discord sends it to a bot with the Guilds intent). */
export function guildCreatePayload(): Record<string, unknown> {
  const people = [botUser(), ...Object.values(fixture.users)];
  return {
    id: GUILD_ID,
    name: fixture.guild.name,
    icon: null,
    splash: null,
    discovery_splash: null,
    owner_id: fixture.users.alice.id,
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: 0,
    default_message_notifications: 1,
    explicit_content_filter: 0,
    roles: [apiRole(fixture.roles.everyone, 0), apiRole(fixture.roles.moderators, 1)],
    emojis: [],
    stickers: [],
    features: [],
    mfa_level: 0,
    application_id: null,
    system_channel_id: fixture.channels.general.id,
    system_channel_flags: 0,
    rules_channel_id: null,
    vanity_url_code: null,
    description: null,
    banner: null,
    premium_tier: 0,
    premium_subscription_count: 0,
    preferred_locale: "en-US",
    public_updates_channel_id: null,
    nsfw_level: 0,
    premium_progress_bar_enabled: false,
    safety_alerts_channel_id: null,
    joined_at: JOINED_AT,
    large: false,
    unavailable: false,
    member_count: people.length,
    voice_states: [],
    members: people.map(apiMember),
    channels: Object.values(fixture.channels).map((channel, index) => apiChannel(channel, index)),
    threads: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}
