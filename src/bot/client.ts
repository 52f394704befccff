import {
  Client,
  DefaultRestOptions,
  DiscordAPIError,
  Events,
  GatewayCloseCodes,
  GatewayIntentBits,
  Options,
  Routes,
  type ClientOptions,
  type CloseEvent,
  type Interaction,
  type Message,
} from "discord.js";
import type { CommandRegistry } from "../../commands/index.ts";
import { redactSecret, type Config } from "../config.ts";
import type { Conversations } from "../conversation/conversations.ts";
import type { Engine } from "../engine.ts";
import { memoizeEngine } from "../engine-memo.ts";
import { bufferedMultipart, encodeUploadsDirectly } from "./buffered-multipart.ts";
import type { RecordInteraction } from "../ops/interaction-telemetry.ts";
import type { AsyncChartRenderer } from "./charts.ts";
import { FreeTextQueue } from "./free-text-queue.ts";
import { createInteractionRouter } from "./interactions.ts";
import { consoleLogger, type Logger } from "./log.ts";
import { createMessageHandler } from "./messages.ts";
import type { UserRateLimiter } from "./rate-limit.ts";
import { redactingLogger } from "./redact.ts";
import { createRestPolicy, type RestPolicyOptions, type UnauthorizedEvent } from "./rest-policy.ts";

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

/**
 * Caches for what the bot reads: guilds, channels and roles. Users, members, messages,
 * presences and reactions arrive with each event and are not needed afterwards, so they are not
 * kept (only the bot's own user and member), and memory stays flat however many people ask.
 */
function cacheOptions(): Pick<ClientOptions, "makeCache" | "sweepers"> {
  return {
    makeCache: Options.cacheWithLimits({
      ...Options.DefaultMakeCacheSettings,
      MessageManager: 0,
      UserManager: { maxSize: 0, keepOverLimit: (user) => user.id === user.client.user?.id },
      GuildMemberManager: {
        maxSize: 0,
        keepOverLimit: (member) => member.id === member.client.user?.id,
      },
      PresenceManager: 0,
      ReactionManager: 0,
      ReactionUserManager: 0,
      ThreadMemberManager: 0,
      VoiceStateManager: 0,
      GuildMessageManager: 0,
      DMMessageManager: 0,
    }),
    sweepers: {
      ...Options.DefaultSweeperSettings,
      messages: { interval: 300, lifetime: 120 },
      users: { interval: 600, filter: () => (user) => user.id !== user.client.user?.id },
    },
  };
}

export function createClient(
  config: BotConfig,
  log: Logger = consoleLogger,
  rest: RestPolicyOptions = {},
): Client {
  if (config.askChannelIds.length > 0) {
    log.info(
      `ASK_CHANNEL_IDS is set (${config.askChannelIds.length} channel(s)): requesting the privileged Message Content intent. Enable it in the Discord developer portal (Bot > Privileged Gateway Intents).`,
    );
  } else {
    log.info(
      "ASK_CHANNEL_IDS is not set: answering mentions only, without the Message Content intent.",
    );
  }
  const client = new Client({
    intents: botIntents(config.askChannelIds),
    // The REST base also serves GET /gateway/bot, so the gateway address follows it. Timeouts and
    // retries are decided per route by the request policy; discord.js itself retries nothing.
    rest: {
      ...(config.apiUrl ? { api: config.apiUrl } : {}),
      timeout: 60_000,
      retries: 0,
      makeRequest: createRestPolicy({
        send: bufferedMultipart((url, init) => DefaultRestOptions.makeRequest(url, init)),
        ...rest,
      }),
    },
    allowedMentions: { parse: [] },
    // Replies are built as Discord's raw JSON already (src/render/discord.ts); discord.js's
    // default camelCase → snake_case pass over every embed and component would only copy them.
    jsonTransformer: (value: unknown) => value,
    ...cacheOptions(),
  });
  encodeUploadsDirectly(client.rest);
  return client;
}

export interface StartBotOptions {
  engine: Engine;
  commands: CommandRegistry;
  renderChart?: AsyncChartRenderer;
  log?: Logger;
  /** Told about every interaction once it is handled (the log line and metrics). */
  recordInteraction?: RecordInteraction;
  limiter?: UserRateLimiter;
  /** Where follow-up questions find their context; absent, every question stands alone. */
  conversations?: Conversations;
  /** How long to wait for READY before giving up (default 10 s). */
  loginTimeoutMs?: number;
  /** The longest `stop()` takes, whatever the state (default 5 s). */
  stopTimeoutMs?: number;
  /** Discord's interaction window (3 s); tests may shorten it with their server's. */
  ackWindowMs?: number;
  /** Started later than this after receipt, an answer is deferred first (default 1.5 s). */
  deferAfterMs?: number;
  /** Free-text queue bounds (see FreeTextQueue). */
  freeText?: { maxPending?: number; maxAgeMs?: number; concurrency?: number };
  /** Request policy overrides (see createRestPolicy), e.g. shorter timeouts in tests. */
  rest?: Omit<RestPolicyOptions, "receivedAt" | "onUnauthorized">;
  /**
   * Called when the bot cannot go on (Discord closed the connection for good, or no longer
   * accepts the token); the bot has logged why. `npm start` stops with exit code 1.
   */
  onFatal?: (message: string) => void;
}

export interface RunningBot {
  client: Client<true>;
  /**
   * Stops taking interactions and messages, answers those already received, then logs out; done
   * within `stopTimeoutMs` in every state (what is left is abandoned, with a log line).
   */
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

/** Resolves true when `promise` settles within `ms`, false otherwise (it is left running). */
async function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), Math.max(0, ms));
  });
  try {
    return await Promise.race([
      promise.then(
        () => true,
        () => true,
      ),
      timedOut,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * What a 401 means: a request was refused for its credentials. With the bot token, discord.js
 * drops the token and every later request would fail without a word; so the 401 is logged with
 * its route, the token is put back and checked once (GET /users/@me): still accepted, the bot
 * carries on (said in the log); refused, the bot stops through `onFatal`.
 */
function tokenGuard(
  getClient: () => Client | null,
  token: string,
  log: Logger,
  fatal: (reason: string) => void,
): (event: UnauthorizedEvent) => void {
  let checking = false;
  return (event) => {
    if (checking && event.route === "GET /users/@me") return;
    log.error(
      `Discord answered 401 Unauthorized to ${event.route} (${event.withBotToken ? "sent with the bot token" : "sent with an interaction token"}): ${event.message}.`,
    );
    const client = getClient();
    if (!event.withBotToken || checking || !client) return;
    checking = true;
    // After this response discord.js clears its token; the check runs once it has.
    setImmediate(() => {
      client.rest.setToken(token);
      client.rest
        .get(Routes.user("@me"))
        .then(() =>
          log.warn(
            "The bot token is still accepted (GET /users/@me worked): carrying on. The request that got the 401 was not delivered.",
          ),
        )
        .catch((error: unknown) => {
          if (error instanceof DiscordAPIError && error.status === 401) {
            fatal(
              "Discord no longer accepts the bot token (DISCORD_TOKEN): it was reset or revoked. Put the current token in DISCORD_TOKEN and start the bot again.",
            );
          } else {
            log.warn("Could not check the bot token after the 401; carrying on with it.", error);
          }
        })
        .finally(() => {
          checking = false;
        });
    });
  };
}

/**
 * Logs in and wires the handlers; resolves once the gateway says READY. Rejects with a
 * BotStartError (token redacted) when the login fails or takes longer than the timeout; then the
 * client is shut down (within a bound) and ignores anything it still receives, so start-up ends
 * either logged in ("Logged in as …") or not started, never half-way.
 */
export async function startBot(config: BotConfig, options: StartBotOptions): Promise<RunningBot> {
  const token = config.token;
  if (!token) throw new BotStartError("DISCORD_TOKEN is not set.");
  const log = redactingLogger(options.log ?? consoleLogger, [token]);
  const stopTimeoutMs = options.stopTimeoutMs ?? 5000;
  const services = {
    // Answers are remembered: the same question costs its resolution and rendering once.
    engine: memoizeEngine(options.engine),
    commands: options.commands,
    log,
    ...(options.renderChart ? { renderChart: options.renderChart } : {}),
    ...(options.recordInteraction ? { recordInteraction: options.recordInteraction } : {}),
    ...(options.conversations ? { conversations: options.conversations } : {}),
  };
  let state: "starting" | "running" | "abandoned" | "stopping" = "starting";
  let fatalReported = false;
  let client: Client | null = null;
  const fatal = (reason: string): void => {
    if (fatalReported || state === "abandoned") return;
    fatalReported = true;
    log.error(`Stopping: ${reason}`);
    options.onFatal?.(reason);
  };
  const router = createInteractionRouter(services, {
    ...(options.ackWindowMs ? { ackWindowMs: options.ackWindowMs } : {}),
    ...(options.deferAfterMs !== undefined ? { deferAfterMs: options.deferAfterMs } : {}),
  });
  const queue = new FreeTextQueue({ log, ...options.freeText });
  const onMessage = createMessageHandler(services, {
    askChannelIds: config.askChannelIds,
    queue,
    ...(options.limiter ? { limiter: options.limiter } : {}),
  });
  const created = createClient(config, log, {
    ...options.rest,
    ...(options.ackWindowMs ? { ackWindowMs: options.ackWindowMs } : {}),
    receivedAt: (id) => router.receivedAt(id),
    applicationId: () => client?.application?.id ?? client?.user?.id,
    onUnauthorized: tokenGuard(() => client, token, log, fatal),
  });
  client = created;
  created.on(Events.InteractionCreate, (interaction: Interaction) => {
    if (state === "running") router.handle(interaction);
  });
  created.on(Events.MessageCreate, (message: Message) => {
    if (state === "running") onMessage(message);
  });
  created.on(Events.Error, (error) => log.error("Discord client error:", error));
  created.on(Events.ShardError, (error) => log.warn(`Gateway connection error: ${error.message}`));

  const timeoutMs = options.loginTimeoutMs ?? 10_000;
  let failStart: (error: Error) => void = () => {};
  created.on(Events.ShardDisconnect, (event: CloseEvent) => {
    const reason = FATAL_CLOSE_CODES[event.code];
    if (!reason) return;
    if (state === "starting") failStart(new BotStartError(reason));
    else if (state === "running")
      fatal(`Disconnected for good (close code ${event.code}): ${reason}`);
  });

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
      created.once(Events.ClientReady, () => resolve());
      created.login(token).catch(reject);
    });
  } catch (error) {
    state = "abandoned";
    // A login still under way would otherwise finish later and answer as a half-started bot.
    created.removeAllListeners();
    created.on(Events.Error, () => {});
    created.once(Events.ClientReady, () => void created.destroy().catch(() => {}));
    await settlesWithin(created.destroy(), Math.min(1000, stopTimeoutMs));
    throw new BotStartError(describeLoginError(error, config));
  } finally {
    clearTimeout(timer);
  }
  if (!created.isReady()) {
    state = "abandoned";
    await settlesWithin(created.destroy(), Math.min(1000, stopTimeoutMs));
    throw new BotStartError("The client did not become ready.");
  }
  state = "running";
  const names = [...options.commands.keys()].map((name) => `/${name}`).join(", ");
  log.info(`Logged in as ${created.user.tag}; answering ${names} and mentions.`);

  let stopping: Promise<void> | null = null;
  const stop = async (): Promise<void> => {
    const deadline = Date.now() + stopTimeoutMs;
    state = "stopping";
    const interactions = router.inFlight;
    const messages = queue.size;
    if (interactions + messages > 0) {
      log.info(
        `Stopping: no new questions taken; answering the ${interactions} interaction(s) and ${messages} message(s) already received.`,
      );
    }
    // Logging out takes a moment too; what is not answered by then is left.
    const drained = await settlesWithin(
      Promise.all([router.drain(), queue.drain()]),
      deadline - Date.now() - 1000,
    );
    if (!drained) {
      log.warn(
        `Stopping: ${router.inFlight} interaction(s) and ${queue.size} message(s) still unanswered after ${Math.round(stopTimeoutMs / 1000) - 1} s; leaving them.`,
      );
    }
    created.removeAllListeners();
    created.on(Events.Error, () => {});
    const closed = await settlesWithin(created.destroy(), deadline - Date.now());
    if (!closed) log.warn("The gateway connection did not close in time; stopping without it.");
  };
  return {
    client: created,
    stop() {
      stopping ??= stop();
      return stopping;
    },
  };
}
