import { apiChannel, fixture, guildCreatePayload } from "./fixture.ts";
import { isRecord } from "./form-errors.ts";

/**
 * The servers the bot is in. The fixture's guild, and an annex whose id puts it on the other
 * shard when there are two: Discord routes a guild to shard (guild_id >> 22) % shard_count.
 */
export const annexGuild = {
  id: "1200000000004194305",
  name: "Cluster Policy Annex",
  channels: { annex: { id: "1300000000000000011", name: "annex" } },
} as const;

export const ALL_GUILD_IDS: readonly string[] = [fixture.guild.id, annexGuild.id];

/** The shard that receives a guild's events. */
export function shardOfGuild(guildId: string, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}

/** Which guild a channel belongs to; null for a channel no guild has. */
export function guildOfChannel(channelId: string): string | null {
  if (Object.values(fixture.channels).some((channel) => channel.id === channelId)) {
    return fixture.guild.id;
  }
  if (Object.values(annexGuild.channels).some((channel) => channel.id === channelId)) {
    return annexGuild.id;
  }
  return null;
}

/** A channel of the annex, as the API shows it. */
export function annexChannel(channelId: string): Record<string, unknown> | null {
  const channels = Object.values(annexGuild.channels);
  const index = channels.findIndex((channel) => channel.id === channelId);
  const channel = channels[index];
  return channel ? { ...apiChannel(channel, index), guild_id: annexGuild.id } : null;
}

/** GUILD_CREATE for either guild (the annex: the same people, its own channels). */
export function guildCreateFor(guildId: string): Record<string, unknown> {
  const base = guildCreatePayload();
  if (guildId === fixture.guild.id) return base;
  const channels = Object.values(annexGuild.channels).map((channel, index) => ({
    ...apiChannel(channel, index),
    guild_id: annexGuild.id,
  }));
  return {
    ...base,
    id: annexGuild.id,
    name: annexGuild.name,
    system_channel_id: annexGuild.channels.annex.id,
    channels,
    // Everyone's role has the guild's id.
    roles: (Array.isArray(base.roles) ? base.roles : [])
      .filter(isRecord)
      .map((role) => (role.id === fixture.guild.id ? { ...role, id: annexGuild.id } : role)),
  };
}
