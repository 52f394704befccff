import {
  Client,
  Events,
  GatewayCloseCodes,
  GatewayIntentBits,
  type CloseEvent,
  type Interaction,
  type Message,
} from "discord.js";
import type { CommandRegistry } from "../../commands/index.ts";
import { redactSecret, type Config } from "../config.ts";
import type { Engine } from "../engine.ts";
import type { ChartRenderer } from "../render/discord.ts";
import { createInteractionRouter } from "./interactions.ts";
import { consoleLogger, type Logger } from "./log.ts";
import { createMessageHandler } from "./messages.ts";
import type { UserRateLimiter } from "./rate-limit.ts";

export type BotConfig = Pick<Config, "token" | "apiUrl" | "askChannelIds">;

/**
 * The gateway intents: guilds and their messages (mentions carry their content without a
 * privileged intent). Message Content is privileged, so it is asked for only when ask-channels
 * need it.
 */
export function botIntents(askChannelIds: readonly string[]): GatewayIntentBits[] {
  const intents = [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages];
  if (askChannelIds.length > 0) intents.push(GatewayIntentBits.MessageContent);
  return intents;
}

export function createClient(config: BotConfig, log: Logger = consoleLogger): Client {
  if (config.askChannelIds.length > 0) {
    log.info(
      `ASK_CHANNEL_IDS is set (${config.askChannelIds.length} channel(s)): requesting the privileged Message Content intent. Enable it in the Discord developer portal (Bot > Privileged Gateway Intents).`,
    );
  } else {
    log.info(
      "ASK_CHANNEL_IDS is not set: answering mentions only, without the Message Content intent.",
    );
  }
  return new Client({
    intents: botIntents(config.askChannelIds),
    // The REST base also serves GET /gateway/bot, so the gateway address follows it.
    rest: { ...(config.apiUrl ? { api: config.apiUrl } : {}), timeout: 10_000, retries: 1 },
    allowedMentions: { parse: [] },
  });
}

export interface StartBotOptions {
  engine: Engine;
  commands: CommandRegistry;
  renderChart?: ChartRenderer;
  log?: Logger;
  limiter?: UserRateLimiter;
  /** How long to wait for READY before giving up (default 10 s). */
  loginTimeoutMs?: number;
  /** Called when Discord closes the connection for good after start-up (e.g. token revoked). */
  onFatal?: (message: string) => void;
}

export interface RunningBot {
  client: Client<true>;
  stop(): Promise<void>;
}

export class BotStartError extends Error {
  override readonly name = "BotStartError";
}

const FATAL_CLOSE_CODES: Partial<Record<number, string>> = {
  [GatewayCloseCodes.AuthenticationFailed]:
    "Discord rejected the token (DISCORD_TOKEN). Copy it again from the developer portal (Bot > Reset Token).",
  [GatewayCloseCodes.DisallowedIntents]:
    "Discord refused the Message Content intent. Enable it in the developer portal (Bot > Privileged Gateway Intents), or unset ASK_CHANNEL_IDS.",
  [GatewayCloseCodes.InvalidIntents]: "Discord rejected the requested gateway intents.",
  [GatewayCloseCodes.InvalidAPIVersion]: "The server does not support Discord API v10.",
  [GatewayCloseCodes.InvalidShard]: "Discord rejected the shard configuration.",
  [GatewayCloseCodes.ShardingRequired]: "Discord requires sharding for this bot.",
};

/** Why logging in failed, in words a person can act on, without the token. */
export function describeLoginError(error: unknown, config: BotConfig): string {
  const where = config.apiUrl ? `the server at ${config.apiUrl}` : "Discord";
  const code = typeof error === "object" && error !== null && "code" in error ? error.code : null;
  const status =
    typeof error === "object" && error !== null && "status" in error ? error.status : null;
  let text: string;
  if (code === "TokenInvalid" || status === 401) {
    text = `${where} rejected the token (DISCORD_TOKEN). Copy it again from the developer portal (Bot > Reset Token).`;
  } else if (error instanceof BotStartError) {
    text = error.message;
  } else {
    const causeCode = networkCode(error);
    const detail = error instanceof Error ? error.message : String(error);
    text = causeCode
      ? `Could not reach ${where} (${causeCode}). Check the network connection${config.apiUrl ? " and DISCORD_API_URL" : ""}.`
      : `Could not log in to ${where}: ${detail}`;
  }
  return redactSecret(text, config.token);
}

function networkCode(error: unknown): string | null {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === "object" && current !== null; depth += 1) {
    if ("code" in current && typeof current.code === "string" && /^E[A-Z]+/.test(current.code)) {
      return current.code;
    }
    if (current instanceof Error && current.name === "AbortError") return "timed out";
    current = "cause" in current ? current.cause : null;
  }
  return null;
}

/**
 * Logs in and wires the handlers; resolves once the gateway says READY. Rejects with a
 * BotStartError (token redacted) when the login fails or takes longer than the timeout.
 */
export async function startBot(config: BotConfig, options: StartBotOptions): Promise<RunningBot> {
  const log = options.log ?? consoleLogger;
  if (!config.token) throw new BotStartError("DISCORD_TOKEN is not set.");
  const client = createClient(config, log);
  const services = {
    engine: options.engine,
    commands: options.commands,
    log,
    ...(options.renderChart ? { renderChart: options.renderChart } : {}),
  };
  const onInteraction = createInteractionRouter(services);
  const onMessage = createMessageHandler(services, {
    askChannelIds: config.askChannelIds,
    ...(options.limiter ? { limiter: options.limiter } : {}),
  });
  client.on(
    Events.InteractionCreate,
    (interaction: Interaction) => void onInteraction(interaction),
  );
  client.on(Events.MessageCreate, (message: Message) => void onMessage(message));
  client.on(Events.Error, (error) => log.error("Discord client error:", error));
  client.on(Events.ShardError, (error) => log.warn(`Gateway connection error: ${error.message}`));

  const timeoutMs = options.loginTimeoutMs ?? 10_000;
  let ready = false;
  let failStart: (error: Error) => void = () => {};
  const fatalClose = (event: CloseEvent): void => {
    const reason = FATAL_CLOSE_CODES[event.code];
    if (!reason) return;
    if (!ready) failStart(new BotStartError(reason));
    else {
      log.error(`Disconnected for good (close code ${event.code}): ${reason}`);
      options.onFatal?.(reason);
    }
  };
  client.on(Events.ShardDisconnect, fatalClose);

  let timer: NodeJS.Timeout | undefined;
  try {
    await new Promise<void>((resolve, reject) => {
      failStart = reject;
      timer = setTimeout(
        () =>
          reject(
            new BotStartError(
              `No connection to ${config.apiUrl ?? "Discord"} after ${Math.round(timeoutMs / 1000)} s. Check the network${config.apiUrl ? " and DISCORD_API_URL" : ""}.`,
            ),
          ),
        timeoutMs,
      );
      client.once(Events.ClientReady, () => resolve());
      client.login(config.token ?? undefined).catch(reject);
    });
  } catch (error) {
    await client.destroy().catch(() => {});
    throw new BotStartError(describeLoginError(error, config));
  } finally {
    clearTimeout(timer);
  }
  ready = true;
  if (!client.isReady()) throw new BotStartError("The client did not become ready.");
  const names = [...options.commands.keys()].map((name) => `/${name}`).join(", ");
  log.info(`Logged in as ${client.user.tag}; answering ${names} and mentions.`);
  return {
    client,
    async stop() {
      client.removeAllListeners();
      await client.destroy();
    },
  };
}
