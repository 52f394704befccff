import type {
  RESTPostAPIChatInputApplicationCommandsJSONBody,
  RESTPostAPIContextMenuApplicationCommandsJSONBody,
} from "discord.js";
import { userError } from "../command-api.ts";

/** Discord's installation types: to a server, or to a user (usable wherever that user is). */
export const INTEGRATION_TYPES = { guildInstall: 0, userInstall: 1 } as const;
/** Discord's interaction contexts: a server, the bot's DM, group DMs and other users' DMs. */
export const CONTEXTS = { guild: 0, botDm: 1, privateChannel: 2 } as const;

const EVERYWHERE = {
  integration_types: [INTEGRATION_TYPES.guildInstall, INTEGRATION_TYPES.userInstall],
  contexts: [CONTEXTS.guild, CONTEXTS.botDm, CONTEXTS.privateChannel],
};
const SERVER_ONLY = {
  integration_types: [INTEGRATION_TYPES.guildInstall],
  contexts: [CONTEXTS.guild],
};

/** A definition with where it may be used: anywhere, unless it needs the bot in the server. */
export function withPlaces<
  T extends
    | RESTPostAPIChatInputApplicationCommandsJSONBody
    | RESTPostAPIContextMenuApplicationCommandsJSONBody,
>(definition: T, guildOnly = false): T {
  return { ...definition, ...(guildOnly ? SERVER_ONLY : EVERYWHERE) };
}

/**
 * A guild-only command used where the bot is not a member (a registration made before it became
 * guild-only, or a user install) gets a polite explanation instead of a failure.
 */
export function assertBotInServer(
  name: string,
  place: { guildId: string | null; guildInstalled: boolean },
): void {
  if (place.guildId !== null && place.guildInstalled) return;
  throw userError("error.guildOnly", { command: name });
}
