import { pathToFileURL } from "node:url";
import { DiscordAPIError, REST, Routes } from "discord.js";
import { ALL_COMMANDS, createCommandRegistry, MESSAGE_COMMANDS } from "../../commands/index.ts";
import type { Command, MessageCommand } from "../command-api.ts";
import { localizeDefinition } from "../i18n/command-localizations.ts";
import { withPlaces } from "./places.ts";
import { ConfigError, loadConfig, redactSecret, type Config } from "../config.ts";

export type DeployConfig = Pick<Config, "token" | "clientId" | "guildId" | "apiUrl">;

export interface DeployResult {
  scope: "guild" | "global";
  names: string[];
}

/**
 * Registers every command definition, slash and message context-menu commands alike (replacing
 * the old set), in the guild, or globally.
 */
export async function deployCommands(
  config: DeployConfig,
  commands: readonly Command[] = ALL_COMMANDS,
  messageCommands: readonly MessageCommand[] = MESSAGE_COMMANDS,
): Promise<DeployResult> {
  if (!config.token || !config.clientId) {
    throw new Error("DISCORD_TOKEN and DISCORD_CLIENT_ID are both needed to register commands.");
  }
  const registry = createCommandRegistry(commands, messageCommands);
  const body = [
    ...[...registry.values()].map((command) =>
      withPlaces(localizeDefinition(command.data.toJSON()), command.guildOnly),
    ),
    ...[...registry.messageCommands.values()].map((command) =>
      withPlaces(localizeDefinition(command.data.toJSON())),
    ),
  ];
  const rest = new REST({
    ...(config.apiUrl ? { api: config.apiUrl } : {}),
    timeout: 10_000,
    retries: 1,
  }).setToken(config.token);
  const route = config.guildId
    ? Routes.applicationGuildCommands(config.clientId, config.guildId)
    : Routes.applicationCommands(config.clientId);
  await rest.put(route, { body });
  return {
    scope: config.guildId ? "guild" : "global",
    names: [
      ...[...registry.keys()].map((name) => `/${name}`),
      ...[...registry.messageCommands.keys()].map((name) => `“${name}” (on messages)`),
    ],
  };
}

/** Why registering failed, in words a person can act on, without the token. */
export function describeDeployError(error: unknown, config: DeployConfig): string {
  let text: string;
  if (error instanceof DiscordAPIError) {
    const hint =
      error.status === 401
        ? " The token (DISCORD_TOKEN) was rejected."
        : error.status === 403 || error.status === 404
          ? " Check DISCORD_CLIENT_ID and DISCORD_GUILD_ID, and that the bot was invited with the applications.commands scope."
          : "";
    const details =
      error.rawError && "errors" in error.rawError ? JSON.stringify(error.rawError.errors) : "";
    const who = config.apiUrl ? "The server" : "Discord";
    text = `${who} answered ${error.status} (code ${error.code}): ${error.message}.${hint}${details ? ` Details: ${details}` : ""}`;
  } else if (error instanceof Error) {
    const cause = error.cause instanceof Error ? ` (${error.cause.message})` : "";
    text = `${error.message}${cause}`;
  } else {
    text = String(error);
  }
  return redactSecret(text, config.token);
}

async function main(): Promise<number> {
  let config: Config;
  try {
    config = await loadConfig("deploy");
  } catch (error) {
    console.error(error instanceof ConfigError ? error.message : String(error));
    return 1;
  }
  const target = config.guildId ? `guild ${config.guildId}` : "all guilds (global)";
  const server = config.apiUrl ? ` on ${config.apiUrl}` : "";
  try {
    const result = await deployCommands(config);
    console.log(
      `Registered ${result.names.length} commands in ${target}${server}: ${result.names.join(", ")}.` +
        (result.scope === "global" ? " Global commands can take up to an hour to appear." : ""),
    );
    return 0;
  } catch (error) {
    console.error(
      `Could not register the commands in ${target}${server}: ${describeDeployError(error, config)}`,
    );
    return 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main();
}
