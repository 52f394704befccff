import { randomBytes } from "node:crypto";
import { EventEmitter } from "node:events";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { validateCommandDefinition, validateCommandList } from "./command-rules.ts";
import {
  apiChannel,
  apiMember,
  apiUser,
  botUser,
  fixture,
  guildCreatePayload,
  MEMBER_PERMISSIONS,
} from "./fixture.ts";
import type { FixtureUser } from "./fixture.ts";
import { defaultFaultBody, FaultTable, seededRandom } from "./faults.ts";
import type { ActiveFault, RestFault } from "./faults.ts";
import { checkWellFormedStrings, FormErrors, isRecord } from "./form-errors.ts";
import { Gateway, Intent } from "./gateway.ts";
import { ALL_GUILD_IDS, annexChannel, guildOfChannel } from "./guilds.ts";
import { InteractionSigner, postToEndpoint, validateEndpoint } from "./interaction-endpoint.ts";
import { parseBody } from "./http-body.ts";
import type { UploadedFile } from "./http-body.ts";
import { EPHEMERAL, LOADING, isEmptyMessage, isLoading, mergeMessage } from "./message-state.ts";
import {
  LIMITS,
  validateAutocompleteChoices,
  validateMessageBody,
  validateModal,
} from "./message-rules.ts";
import {
  ActionRowView,
  AllowedMentionsView,
  ChoiceView,
  EmbedView,
  resolvePings,
} from "./message-view.ts";
import type { Pings } from "./message-view.ts";

export interface DiscordTestServerOptions {
  /** The bot token the server accepts (REST `Authorization: Bot …` and gateway IDENTIFY). */
  token?: string;
  /** Gateway heartbeat interval sent in HELLO. */
  heartbeatIntervalMs?: number;
  /** How long an interaction may wait for its acknowledgement (Discord: 3 s). */
  ackWindowMs?: number;
  /** Privileged intents switched on for the application (default: all). */
  allowedPrivilegedIntents?: number;
  /** Print every request and gateway event (debugging). */
  verbose?: boolean;
  /** TCP port on 127.0.0.1; 0 (default) picks a free one. */
  port?: number;
  /** Seed for probabilistic faults (default 1). */
  faultSeed?: number;
  /**
   * Keep no history (requests, bot messages, bot message bodies; interactions are forgotten a
   * minute after their window): for soak runs of hundreds of thousands of events. Events are
   * still emitted.
   */
  lean?: boolean;
  /** The bot is also in a second guild, the annex (see guilds.ts). */
  annexGuild?: boolean;
  /** GET /gateway/bot: the shard count recommended (default 1) and identify concurrency. */
  recommendedShards?: number;
  maxConcurrency?: number;
}

export type { UploadedFile } from "./http-body.ts";

export interface RecordedRequest {
  index: number;
  method: string;
  /** Path below `/api/v10`, query excluded. */
  path: string;
  /** The route's name, e.g. `POST /interactions/:id/:token/callback`; `unknown` when none matched. */
  route: string;
  query: Record<string, string>;
  authorized: boolean;
  body: unknown;
  files: UploadedFile[];
  status: number;
  response: unknown;
  at: number;
  interactionId: string | null;
  /** An injected fault changed this request's answer (or made it hang). */
  faulted: boolean;
}

/** One message the bot created or edited, as Discord would now show it. */
export interface BotMessage {
  id: string;
  channelId: string;
  action: "create" | "edit";
  via:
    | "channel"
    | "interaction-reply"
    | "interaction-defer"
    | "component-update"
    | "original-edit"
    | "followup"
    | "webhook-edit";
  interactionId: string | null;
  content: string;
  embeds: EmbedView[];
  components: ActionRowView[];
  flags: number;
  ephemeral: boolean;
  /** A deferred response still showing "thinking…". */
  loading: boolean;
  files: UploadedFile[];
  /** `allowed_mentions` of the request that produced this state (null when absent). */
  allowedMentions: AllowedMentionsView | null;
  pings: Pings;
  replyTo: string | null;
  at: number;
  raw: Record<string, unknown>;
}

/**
 * Where an interaction happens, as Discord tells it: the context (0 a guild, 1 the bot's DM,
 * 2 a group DM or another user's DM) and who installed the app that serves it (0 the guild,
 * 1 the user). A user install in a guild is a server where the bot is not a member.
 */
export interface InteractionPlace {
  context: 0 | 1 | 2;
  installation: 0 | 1;
}

export const GUILD_PLACE: InteractionPlace = { context: 0, installation: 0 };

export interface InteractionState {
  id: string;
  token: string;
  /** 2 application command, 3 message component, 4 autocomplete, 5 modal submit. */
  type: number;
  createdAt: number;
  channelId: string;
  userId: string;
  commandName: string | null;
  customId: string | null;
  focused: { name: string; type: number } | null;
  /** The message a component lives on. */
  sourceMessageId: string | null;
  ack: { type: number; at: number; data: unknown } | null;
  originalMessageId: string | null;
  followupIds: string[];
  choices: ChoiceView[] | null;
  rejected: RecordedRequest[];
}

interface StoredMessage {
  raw: Record<string, unknown>;
  files: UploadedFile[];
  byBot: boolean;
}

interface RequestContext {
  method: string;
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  authorized: boolean;
  body: unknown;
  files: UploadedFile[];
  record: RecordedRequest;
}

interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Never answer (an injected hang). */
  hang?: boolean;
}

interface Route {
  method: string;
  name: string;
  pattern: RegExp;
  auth: boolean;
  handler: (context: RequestContext) => Reply;
}

const DEFAULT_TOKEN = "policybot-test-token.not-a-real-token.0000";
/** What a user-installed app may do where its bot is not present: send messages through interactions. */
const USER_APP_PERMISSIONS = ((1n << 11n) | (1n << 14n) | (1n << 15n)).toString();

function placeChannelId(place: InteractionPlace): string {
  if (place.context === 1) return fixture.elsewhere.botDm.id;
  if (place.context === 2) return fixture.elsewhere.groupDm.id;
  return fixture.elsewhere.otherGuild.channelId;
}

/** The partial channel Discord puts in an interaction outside the bot's guild. */
function placeChannel(place: InteractionPlace, user: FixtureUser): Record<string, unknown> {
  const id = placeChannelId(place);
  if (place.context === 1) return { id, type: 1, flags: 0, recipients: [apiUser(user)] };
  if (place.context === 2) {
    return { id, type: 3, flags: 0, name: null, recipients: [apiUser(user)], owner_id: user.id };
  }
  return {
    id,
    type: 0,
    guild_id: fixture.elsewhere.otherGuild.id,
    name: "elsewhere",
    flags: 0,
    position: 0,
    permissions: USER_APP_PERMISSIONS,
  };
}
const DISCORD_EPOCH = 1420070400000n;
const ALL_PRIVILEGED = Intent.GuildMembers | Intent.GuildPresences | Intent.MessageContent;

/**
 * A Discord-compatible server (REST v10 + Gateway v10) on 127.0.0.1 for end-to-end tests: the
 * real discord.js client logs into it. Strict like Discord: one acknowledgement per interaction,
 * none after the window, every payload checked against Discord's limits (400, code 50035, with the
 * offending path), wrong tokens rejected. Every request and every message is recorded.
 */
export class DiscordTestServer extends EventEmitter {
  readonly token: string;
  readonly ackWindowMs: number;
  readonly requests: RecordedRequest[] = [];
  /** Every state of every message the bot created or edited, in order. */
  readonly botMessages: BotMessage[] = [];
  readonly interactions = new Map<string, InteractionState>();
  readonly typing: { channelId: string; at: number }[] = [];
  readonly gateway: Gateway;
  readonly globalCommands = new Map<string, Record<string, unknown>>();
  readonly guildCommands = new Map<string, Record<string, unknown>>();
  private readonly messages = new Map<string, StoredMessage>();
  private readonly interactionsByToken = new Map<string, InteractionState>();
  private readonly http: http.Server;
  private readonly routes: Route[];
  private readonly verbose: boolean;
  private snowflakeCounter = 0n;
  /** The application's key pair: interactions POSTed to the endpoint are signed with it. */
  readonly signer = new InteractionSigner();
  /** Interactions Endpoint URL: set, interactions are POSTed there instead of the gateway. */
  interactionsEndpointUrl: string | null = null;
  private readonly annexGuild: boolean;
  private readonly gatewayBot: { shards: number; maxConcurrency: number };
  private port = 0;
  private readonly requestedPort: number;
  private readonly faults: FaultTable;
  private readonly lean: boolean;
  /** Messages created with `enforce_nonce`, by nonce (Discord: unique per author for a few minutes). */
  private readonly nonces = new Map<string, { id: string; at: number }>();
  private sweepTimer: NodeJS.Timeout | undefined;

  constructor(options: DiscordTestServerOptions = {}) {
    super();
    this.setMaxListeners(0);
    this.token = options.token ?? DEFAULT_TOKEN;
    this.ackWindowMs = options.ackWindowMs ?? 3000;
    this.verbose = options.verbose ?? false;
    this.requestedPort = options.port ?? 0;
    this.faults = new FaultTable(seededRandom(options.faultSeed ?? 1));
    this.lean = options.lean ?? false;
    if (this.lean) {
      this.sweepTimer = setInterval(() => this.forgetOldInteractions(), 10_000);
      this.sweepTimer.unref();
    }
    this.annexGuild = options.annexGuild ?? false;
    this.gatewayBot = {
      shards: options.recommendedShards ?? 1,
      maxConcurrency: options.maxConcurrency ?? 1,
    };
    this.gateway = new Gateway({
      token: this.token,
      heartbeatIntervalMs: options.heartbeatIntervalMs ?? 41_250,
      allowedPrivilegedIntents: options.allowedPrivilegedIntents ?? ALL_PRIVILEGED,
      guildIds: this.annexGuild ? ALL_GUILD_IDS : [fixture.guild.id],
      log: (line) => this.log(line),
    });
    this.http = http.createServer((request, response) => {
      void this.onRequest(request, response);
    });
    this.http.on("upgrade", (request, socket, head: Buffer) => {
      this.gateway.handleUpgrade(request, socket, head);
    });
    this.routes = this.buildRoutes();
  }

  /** Listens on an ephemeral port of 127.0.0.1. */
  async start(): Promise<this> {
    await new Promise<void>((resolve, reject) => {
      this.http.once("error", reject);
      this.http.listen(this.requestedPort, "127.0.0.1", () => {
        this.http.off("error", reject);
        resolve();
      });
    });
    const address = this.http.address();
    if (address === null || typeof address === "string") throw new Error("No TCP address");
    this.port = (address satisfies AddressInfo).port;
    this.gateway.baseUrl = `ws://127.0.0.1:${this.port}`;
    return this;
  }

  async stop(): Promise<void> {
    clearInterval(this.sweepTimer);
    this.gateway.close();
    this.http.closeAllConnections();
    await new Promise<void>((resolve) => this.http.close(() => resolve()));
  }

  /** The REST base for discord.js `rest.api` / `DISCORD_API_URL`. */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  message(id: string): Record<string, unknown> | null {
    return this.messages.get(id)?.raw ?? null;
  }

  /** A registered command of a type (1 slash, 2 user, 3 message): guild commands first, then global ones. */
  findCommand(name: string, type = 1): Record<string, unknown> | null {
    for (const command of [...this.guildCommands.values(), ...this.globalCommands.values()]) {
      if (command.name === name && (command.type ?? 1) === type) return command;
    }
    return null;
  }

  /**
   * Makes matching requests fail, hang or wait (see RestFault); in force until `remove()`d or
   * used up. Faults are tried in the order they were added.
   */
  injectFault(fault: RestFault): ActiveFault {
    return this.faults.add(fault);
  }

  clearFaults(): void {
    this.faults.clear();
  }

  /** Requests the faults in force have changed so far. */
  faultHits(): number {
    return this.faults.hits();
  }

  /** Requests that got a 4xx/5xx answer. */
  rejectedRequests(): RecordedRequest[] {
    return this.requests.filter((request) => request.status >= 400);
  }

  nextSnowflake(): string {
    this.snowflakeCounter += 1n;
    return (
      ((BigInt(Date.now()) - DISCORD_EPOCH) << 22n) |
      (this.snowflakeCounter & 0xfffn)
    ).toString();
  }

  // ---- what users do (dispatched over the gateway) ----------------------------------------

  /** Dispatches an INTERACTION_CREATE and starts its acknowledgement window. */
  dispatchInteraction(
    type: number,
    data: Record<string, unknown>,
    options: {
      user: FixtureUser;
      channelId: string;
      message?: Record<string, unknown>;
      commandName?: string;
      focused?: { name: string; type: number };
      place?: InteractionPlace;
      /** The user's client language (Discord's locale codes, e.g. `zh-CN`). */
      locale?: string;
    },
  ): InteractionState {
    const id = this.nextSnowflake();
    const token = `aW50ZXJhY3Rpb246${id}${randomBytes(24).toString("base64url")}`;
    const place = options.place ?? GUILD_PLACE;
    const inBotGuild = place.context === 0 && place.installation === 0;
    if (!inBotGuild) options = { ...options, channelId: placeChannelId(place) };
    const channel = inBotGuild
      ? this.channelById(options.channelId)
      : placeChannel(place, options.user);
    if (!channel) throw new Error(`Unknown channel ${options.channelId}`);
    if (type === 2 || type === 4) this.checkCommandUsable(data, place);
    const state: InteractionState = {
      id,
      token,
      type,
      createdAt: Date.now(),
      channelId: options.channelId,
      userId: options.user.id,
      commandName: options.commandName ?? null,
      customId: typeof data.custom_id === "string" ? data.custom_id : null,
      focused: options.focused ?? null,
      sourceMessageId:
        options.message && typeof options.message.id === "string" ? options.message.id : null,
      ack: null,
      originalMessageId: null,
      followupIds: [],
      choices: null,
      rejected: [],
    };
    this.interactions.set(id, state);
    this.interactionsByToken.set(token, state);
    // With the annex guild (sharding tests), a channel belongs to one of the bot's two guilds.
    const botGuildId = guildOfChannel(options.channelId) ?? fixture.guild.id;
    const guildId =
      place.context !== 0 ? null : inBotGuild ? botGuildId : fixture.elsewhere.otherGuild.id;
    const payload: Record<string, unknown> = {
      id,
      application_id: fixture.applicationId,
      type,
      data,
      channel,
      channel_id: options.channelId,
      token,
      version: 1,
      // Outside its guild the app may only answer through the interaction.
      app_permissions: inBotGuild ? MEMBER_PERMISSIONS : USER_APP_PERMISSIONS,
      locale: options.locale ?? "en-US",
      entitlements: [],
      authorizing_integration_owners:
        place.installation === 0 ? { "0": botGuildId } : { "1": options.user.id },
      context: place.context,
      attachment_size_limit: 10 * 1024 * 1024,
    };
    if (guildId) {
      payload.guild_id = guildId;
      payload.guild = { id: guildId, locale: "en-US", features: [] };
      payload.guild_locale = "en-US";
      payload.member = { ...apiMember(options.user), permissions: MEMBER_PERMISSIONS };
    } else {
      payload.user = apiUser(options.user);
    }
    if (options.message) payload.message = options.message;
    if (this.interactionsEndpointUrl) void this.deliverOverHttp(state, payload);
    else this.gateway.dispatch("INTERACTION_CREATE", payload);
    this.emit("interaction", state);
    return state;
  }

  /**
   * Dispatches a MESSAGE_CREATE from a user or bot. Like Discord, a bot without the Message
   * Content intent gets empty content unless the message mentions it; without Guild Messages it
   * gets nothing.
   */
  dispatchUserMessage(options: {
    author: FixtureUser;
    channelId: string;
    content: string;
    referencedMessageId?: string;
  }): Record<string, unknown> {
    const id = this.nextSnowflake();
    const users = [botUser(), ...Object.values(fixture.users)];
    const mentionedIds = new Set(
      [...options.content.matchAll(/<@!?(\d{17,20})>/g)].map((match) => match[1]),
    );
    const referenced = options.referencedMessageId
      ? this.messages.get(options.referencedMessageId)?.raw
      : undefined;
    const referencedAuthor = isRecord(referenced?.author) ? referenced.author.id : undefined;
    if (typeof referencedAuthor === "string") mentionedIds.add(referencedAuthor);
    const mentions = users
      .filter((user) => mentionedIds.has(user.id))
      .map((user) => ({ ...apiUser(user), member: withoutUser(apiMember(user)) }));
    const raw: Record<string, unknown> = {
      id,
      type: referenced ? 19 : 0,
      channel_id: options.channelId,
      guild_id: fixture.guild.id,
      author: apiUser(options.author),
      member: withoutUser(apiMember(options.author)),
      content: options.content,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: /@(everyone|here)/.test(options.content),
      mentions,
      mention_roles: [...options.content.matchAll(/<@&(\d{17,20})>/g)].map((match) => match[1]),
      mention_channels: [],
      attachments: [],
      embeds: [],
      pinned: false,
      flags: 0,
      components: [],
      nonce: id,
    };
    if (referenced) {
      raw.message_reference = {
        type: 0,
        message_id: options.referencedMessageId,
        channel_id: options.channelId,
        guild_id: fixture.guild.id,
      };
      raw.referenced_message = referenced;
    }
    this.messages.set(id, { raw, files: [], byBot: false });
    const intents = this.gateway.session?.intents ?? 0;
    if (intents & Intent.GuildMessages) {
      const mentionsBot = mentionedIds.has(fixture.applicationId);
      const visible =
        intents & Intent.MessageContent || mentionsBot
          ? raw
          : { ...raw, content: "", embeds: [], attachments: [], components: [] };
      this.gateway.dispatch("MESSAGE_CREATE", visible);
    }
    return raw;
  }

  // ---- HTTP interactions (the Interactions Endpoint URL) -----------------------------------

  /** Saves the Interactions Endpoint URL as the portal does: only after it passes validation. */
  async setInteractionsEndpoint(url: string | null): Promise<void> {
    if (url !== null) await validateEndpoint(this.signer, url);
    this.interactionsEndpointUrl = url;
  }

  /**
   * POSTs a signed interaction to the endpoint; its HTTP response is the acknowledgement, held
   * to the same rules (and the same 3 s) as a callback over REST.
   */
  private async deliverOverHttp(
    interaction: InteractionState,
    payload: Record<string, unknown>,
  ): Promise<void> {
    const url = this.interactionsEndpointUrl ?? "";
    const body = JSON.stringify(payload);
    const record: RecordedRequest = {
      index: this.requests.length,
      method: "POST",
      path: url,
      route: "HTTP response to POST /interactions",
      query: {},
      authorized: false,
      body: null,
      files: [],
      status: 0,
      response: null,
      at: Date.now(),
      interactionId: interaction.id,
      faulted: false,
    };
    this.requests.push(record);
    let reply: Reply;
    try {
      const answered = await postToEndpoint(url, body, this.signer.headers(body), this.ackWindowMs);
      record.body = answered.json;
      reply =
        answered.status !== 200 || answered.json === null
          ? discordError(
              502,
              0,
              `The endpoint answered ${answered.status}: ${answered.text.slice(0, 200)}`,
            )
          : this.acceptInteractionResponse(interaction, answered.json, record);
    } catch (error) {
      reply = discordError(504, 10062, `No answer from the endpoint: ${String(error)}`);
    }
    record.status = reply.status;
    record.response = reply.body ?? null;
    if (reply.status >= 400) {
      interaction.rejected.push(record);
      this.emit("interactionUpdate", interaction);
    }
    this.log(`POST ${url} (interaction ${interaction.id}) → ${reply.status}`);
    this.emit("request", record);
  }

  private acceptInteractionResponse(
    interaction: InteractionState,
    body: unknown,
    record: RecordedRequest,
  ): Reply {
    const unicode = new FormErrors();
    checkWellFormedStrings(unicode, [], body);
    if (!unicode.empty) return { status: 400, body: unicode.body() };
    return this.interactionCallback({
      method: "POST",
      path: record.path,
      params: { interactionId: interaction.id, token: interaction.token },
      query: new URLSearchParams(),
      authorized: false,
      body,
      files: [],
      record,
    });
  }

  // ---- HTTP -------------------------------------------------------------------------------

  private async onRequest(
    request: http.IncomingMessage,
    response: http.ServerResponse,
  ): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request)
      chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
    const buffer = Buffer.concat(chunks);
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    const method = (request.method ?? "GET").toUpperCase();
    const prefix = "/api/v10";
    const path = url.pathname.startsWith(`${prefix}/`)
      ? url.pathname.slice(prefix.length)
      : url.pathname;
    const record: RecordedRequest = {
      index: this.requests.length,
      method,
      path,
      route: "unknown",
      query: Object.fromEntries(url.searchParams),
      authorized: request.headers.authorization === `Bot ${this.token}`,
      body: null,
      files: [],
      status: 0,
      response: null,
      at: Date.now(),
      interactionId: null,
      faulted: false,
    };
    if (!this.lean) this.requests.push(record);
    let reply: Reply;
    try {
      reply = await this.route(request, buffer, url, path, record);
    } catch (error) {
      this.log(
        `handler error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
      reply = { status: 500, body: { message: "500: Internal Server Error", code: 0 } };
    }
    if (reply.hang) {
      this.log(`${method} ${path} → (hangs)`);
      this.emit("request", record);
      return;
    }
    record.status = reply.status;
    record.response = reply.body ?? null;
    if (record.interactionId !== null && reply.status >= 400) {
      this.interactions.get(record.interactionId)?.rejected.push(record);
    }
    this.log(
      `${method} ${path}${url.search} → ${reply.status}${reply.status >= 400 ? ` ${JSON.stringify(reply.body)}` : ""}`,
    );
    if (reply.body === undefined) {
      response.writeHead(reply.status, reply.headers ?? {});
      response.end();
    } else {
      const text = JSON.stringify(reply.body);
      response.writeHead(reply.status, {
        ...reply.headers,
        "Content-Type": "application/json",
        "Content-Length": Buffer.byteLength(text),
      });
      response.end(text);
    }
    this.emit("request", record);
  }

  private async route(
    request: http.IncomingMessage,
    buffer: Buffer,
    url: URL,
    path: string,
    record: RecordedRequest,
  ): Promise<Reply> {
    if (!url.pathname.startsWith("/api/v10/")) {
      return { status: 404, body: { message: "404: Not Found", code: 0 } };
    }
    const parsed = await parseBody(request.headers["content-type"], buffer);
    if ("error" in parsed) return { status: 400, body: { message: parsed.error, code: 50109 } };
    record.body = parsed.body;
    record.files = parsed.files;
    // Discord refuses an upload over the file size limit before looking at the rest (40005).
    if (parsed.files.some((file) => file.size > LIMITS.fileBytes)) {
      return { status: 413, body: { message: "Request entity too large", code: 40005 } };
    }
    // Segments are matched decoded, as Discord does (discord.js sends `/users/%40me`).
    const decodedPath = path
      .split("/")
      .map((segment) => {
        try {
          return decodeURIComponent(segment);
        } catch {
          return segment;
        }
      })
      .join("/");
    for (const route of this.routes) {
      if (route.method !== record.method) continue;
      const match = route.pattern.exec(decodedPath);
      if (!match) continue;
      record.route = `${route.method} ${route.name}`;
      // Attributed before any fault, so a hung or failed attempt still counts for its interaction.
      const interactionId = /^\/interactions\/(\d+)\//.exec(path)?.[1];
      const token = /^\/webhooks\/\d+\/([^/]+)/.exec(path)?.[1];
      const owner = interactionId
        ? this.interactions.get(interactionId)
        : token
          ? this.interactionsByToken.get(decodeURIComponent(token))
          : undefined;
      if (owner) record.interactionId = owner.id;
      const fault = this.faults.take(record.route);
      if (fault) record.faulted = true;
      if (fault?.delayMs) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
      if (fault && !fault.processed) {
        const injected = faultReply(fault);
        if (injected) return injected;
      }
      if (route.auth && !record.authorized) {
        return { status: 401, body: { message: "401: Unauthorized", code: 0 } };
      }
      const unicode = new FormErrors();
      checkWellFormedStrings(unicode, [], parsed.body);
      if (!unicode.empty) return { status: 400, body: unicode.body() };
      const reply = route.handler({
        method: record.method,
        path,
        params: Object.fromEntries(
          Object.entries(match.groups ?? {}).map(([key, value]) => [key, value]),
        ),
        query: url.searchParams,
        authorized: record.authorized,
        body: parsed.body,
        files: parsed.files,
        record,
      });
      if (fault?.processed) {
        this.log(`${record.route}: processed (→ ${reply.status}), answering with the fault`);
        return faultReply(fault) ?? reply;
      }
      return reply;
    }
    const known = this.routes.some((route) => route.pattern.test(decodedPath));
    return known
      ? { status: 405, body: { message: "405: Method Not Allowed", code: 0 } }
      : { status: 404, body: { message: "404: Not Found", code: 0 } };
  }

  private buildRoutes(): Route[] {
    const routes: Route[] = [];
    const add = (
      method: string,
      name: string,
      auth: boolean,
      handler: (context: RequestContext) => Reply,
    ): void => {
      const source = name
        .split("/")
        .map((part) => (part.startsWith(":") ? `(?<${part.slice(1)}>[^/]+)` : escapeRegExp(part)))
        .join("/");
      routes.push({ method, name, pattern: new RegExp(`^${source}$`), auth, handler });
    };
    const app = fixture.applicationId;

    add("GET", "/gateway", false, () => ({ status: 200, body: { url: this.gateway.gatewayUrl } }));
    add("GET", "/gateway/bot", true, () => ({
      status: 200,
      body: {
        url: this.gateway.gatewayUrl,
        shards: this.gatewayBot.shards,
        session_start_limit: {
          total: 1000,
          remaining: 999,
          reset_after: 14_400_000,
          max_concurrency: this.gatewayBot.maxConcurrency,
        },
      },
    }));
    add("GET", "/users/@me", true, () => ({
      status: 200,
      body: { ...apiUser(botUser()), verified: true, mfa_enabled: false, locale: "en-US" },
    }));
    add("GET", "/users/:userId", true, ({ params }) => {
      const user = [botUser(), ...Object.values(fixture.users)].find((u) => u.id === params.userId);
      return user ? { status: 200, body: apiUser(user) } : discordError(404, 10013, "Unknown User");
    });
    for (const path of ["/applications/@me", "/oauth2/applications/@me"]) {
      add("GET", path, true, () => ({ status: 200, body: this.applicationObject() }));
    }

    // Application commands, global and guild.
    const commandRoutes = (
      base: string,
      scope: (params: Record<string, string>) => Map<string, Record<string, unknown>> | Reply,
    ): void => {
      const withScope =
        (handler: (map: Map<string, Record<string, unknown>>, context: RequestContext) => Reply) =>
        (context: RequestContext): Reply => {
          if (context.params.appId !== app) {
            return discordError(
              403,
              20012,
              "You are not authorized to perform this action on this application",
            );
          }
          const map = scope(context.params);
          return map instanceof Map ? handler(map, context) : map;
        };
      add(
        "GET",
        base,
        true,
        withScope((map) => ({ status: 200, body: [...map.values()] })),
      );
      add(
        "PUT",
        base,
        true,
        withScope((map, { body, params }) => {
          const errors = new FormErrors();
          validateCommandList(errors, body);
          if (!errors.empty || !Array.isArray(body)) return { status: 400, body: errors.body() };
          const previous = new Map(
            [...map.values()].map((command) => [commandKey(command), command]),
          );
          map.clear();
          for (const definition of body) {
            if (!isRecord(definition)) continue;
            const stored = this.storeCommand(
              definition,
              params.guildId,
              previous.get(commandKey(definition)),
            );
            map.set(String(stored.id), stored);
          }
          return { status: 200, body: [...map.values()] };
        }),
      );
      add(
        "POST",
        base,
        true,
        withScope((map, { body, params }) => {
          const errors = new FormErrors();
          validateCommandDefinition(errors, [], body);
          if (!errors.empty || !isRecord(body)) return { status: 400, body: errors.body() };
          const existing = [...map.values()].find(
            (command) => commandKey(command) === commandKey(body),
          );
          const stored = this.storeCommand(body, params.guildId, existing);
          map.set(String(stored.id), stored);
          return { status: existing ? 200 : 201, body: stored };
        }),
      );
      add(
        "GET",
        `${base}/:commandId`,
        true,
        withScope((map, { params }) => {
          const command = map.get(params.commandId ?? "");
          return command
            ? { status: 200, body: command }
            : discordError(404, 10063, "Unknown application command");
        }),
      );
      add(
        "DELETE",
        `${base}/:commandId`,
        true,
        withScope((map, { params }) =>
          map.delete(params.commandId ?? "")
            ? { status: 204 }
            : discordError(404, 10063, "Unknown application command"),
        ),
      );
    };
    commandRoutes("/applications/:appId/commands", () => this.globalCommands);
    commandRoutes("/applications/:appId/guilds/:guildId/commands", (params) =>
      params.guildId === fixture.guild.id
        ? this.guildCommands
        : discordError(404, 10004, "Unknown Guild"),
    );

    // Guild and channels.
    add("GET", "/guilds/:guildId", true, ({ params }) =>
      params.guildId === fixture.guild.id
        ? { status: 200, body: guildCreatePayload() }
        : discordError(404, 10004, "Unknown Guild"),
    );
    add("GET", "/guilds/:guildId/channels", true, ({ params }) =>
      params.guildId === fixture.guild.id
        ? { status: 200, body: Object.values(fixture.channels).map((c, i) => apiChannel(c, i)) }
        : discordError(404, 10004, "Unknown Guild"),
    );
    add("GET", "/guilds/:guildId/members/:userId", true, ({ params }) => {
      const user = [botUser(), ...Object.values(fixture.users)].find((u) => u.id === params.userId);
      return user && params.guildId === fixture.guild.id
        ? { status: 200, body: apiMember(user) }
        : discordError(404, 10007, "Unknown Member");
    });
    add("GET", "/channels/:channelId", true, ({ params }) => {
      const channel = this.channelById(params.channelId ?? "");
      return channel ? { status: 200, body: channel } : discordError(404, 10003, "Unknown Channel");
    });
    add("POST", "/channels/:channelId/typing", true, ({ params }) => {
      if (!this.channelById(params.channelId ?? ""))
        return discordError(404, 10003, "Unknown Channel");
      this.typing.push({ channelId: params.channelId ?? "", at: Date.now() });
      return { status: 204 };
    });
    add("POST", "/channels/:channelId/messages", true, (context) =>
      this.createChannelMessage(context),
    );
    add("GET", "/channels/:channelId/messages/:messageId", true, ({ params }) => {
      const stored = this.messages.get(params.messageId ?? "");
      return stored && stored.raw.channel_id === params.channelId
        ? { status: 200, body: stored.raw }
        : discordError(404, 10008, "Unknown Message");
    });
    add("PATCH", "/channels/:channelId/messages/:messageId", true, (context) => {
      const stored = this.messages.get(context.params.messageId ?? "");
      if (!stored || stored.raw.channel_id !== context.params.channelId) {
        return discordError(404, 10008, "Unknown Message");
      }
      if (!stored.byBot)
        return discordError(403, 50005, "Cannot edit a message authored by another user");
      return this.editMessage(stored, context, "webhook-edit", null, false);
    });
    add("DELETE", "/channels/:channelId/messages/:messageId", true, ({ params }) =>
      this.messages.delete(params.messageId ?? "")
        ? { status: 204 }
        : discordError(404, 10008, "Unknown Message"),
    );

    // Interactions.
    add("POST", "/interactions/:interactionId/:token/callback", false, (context) =>
      this.interactionCallback(context),
    );
    add("GET", "/webhooks/:appId/:token/messages/:messageId", false, (context) => {
      const target = this.webhookTarget(context);
      return "status" in target ? target : { status: 200, body: target.stored.raw };
    });
    add("PATCH", "/webhooks/:appId/:token/messages/:messageId", false, (context) => {
      const target = this.webhookTarget(context);
      if ("status" in target) return target;
      const via = context.params.messageId === "@original" ? "original-edit" : "webhook-edit";
      return this.editMessage(target.stored, context, via, target.interaction.id, true);
    });
    add("DELETE", "/webhooks/:appId/:token/messages/:messageId", false, (context) => {
      const target = this.webhookTarget(context);
      if ("status" in target) return target;
      this.messages.delete(String(target.stored.raw.id));
      return { status: 204 };
    });
    add("POST", "/webhooks/:appId/:token", false, (context) => this.followup(context));
    return routes;
  }

  // ---- interaction responses ----------------------------------------------------------------

  private interactionCallback(context: RequestContext): Reply {
    const interaction = this.interactions.get(context.params.interactionId ?? "");
    if (interaction) context.record.interactionId = interaction.id;
    if (!interaction || interaction.token !== context.params.token) {
      return discordError(404, 10062, "Unknown interaction");
    }
    if (interaction.ack) {
      return discordError(400, 40060, "Interaction has already been acknowledged.");
    }
    if (Date.now() - interaction.createdAt > this.ackWindowMs) {
      return discordError(404, 10062, "Unknown interaction");
    }
    const body = context.body;
    if (!isRecord(body) || typeof body.type !== "number") {
      const errors = new FormErrors();
      errors.add(["type"], "BASE_TYPE_REQUIRED", "This field is required");
      return { status: 400, body: errors.body() };
    }
    const allowed: Record<number, number[]> = {
      2: [4, 5, 9],
      3: [4, 5, 6, 7, 9],
      4: [8],
      5: [4, 5, 6, 7],
    };
    if (!(allowed[interaction.type] ?? []).includes(body.type)) {
      const errors = new FormErrors();
      errors.add(
        ["type"],
        "INTERACTION_RESPONSE_TYPE_INVALID",
        `Interaction response type ${body.type} is invalid for interaction type ${interaction.type}`,
      );
      return { status: 400, body: errors.body() };
    }
    const data = isRecord(body.data) ? body.data : {};
    const errors = new FormErrors();
    let empty = false;
    if (body.type === 4 || body.type === 7) {
      if (body.type === 4 && !isRecord(body.data))
        errors.add(["data"], "BASE_TYPE_REQUIRED", "This field is required");
      ({ empty } = validateMessageBody(errors, ["data"], data, {
        creating: body.type === 4,
        fileCount: context.files.length,
        allowEphemeral: body.type === 4,
      }));
    } else if (body.type === 5) {
      validateMessageBody(
        errors,
        ["data"],
        { flags: data.flags },
        {
          creating: false,
          fileCount: 0,
          allowEphemeral: true,
        },
      );
    } else if (body.type === 8) {
      validateAutocompleteChoices(errors, ["data"], data, interaction.focused?.type ?? 3);
    } else if (body.type === 9) {
      validateModal(errors, ["data"], data);
    }
    if (!errors.empty) return { status: 400, body: errors.body() };
    if (body.type === 4 && empty) return discordError(400, 50006, "Cannot send an empty message");

    const source = interaction.sourceMessageId
      ? this.messages.get(interaction.sourceMessageId)
      : undefined;
    if (body.type === 7 && source) {
      const merged = mergeMessage(source.raw, data, context.files, this.attachmentBase(), {
        editing: true,
      });
      if (isEmptyMessage(merged)) return discordError(400, 50006, "Cannot send an empty message");
    }
    interaction.ack = { type: body.type, at: Date.now(), data: body.data ?? null };
    let message: Record<string, unknown> | null = null;
    switch (body.type) {
      case 4: {
        const stored = this.createBotMessage(interaction.channelId, data, context.files, {
          type: interaction.type === 2 ? 20 : 0,
          interaction,
        });
        interaction.originalMessageId = String(stored.raw.id);
        this.recordBotMessage(stored, "create", "interaction-reply", interaction.id, data);
        message = stored.raw;
        break;
      }
      case 5: {
        const flags = (typeof data.flags === "number" ? data.flags & EPHEMERAL : 0) | LOADING;
        const stored = this.createBotMessage(interaction.channelId, { content: "", flags }, [], {
          type: interaction.type === 2 ? 20 : 0,
          interaction,
        });
        interaction.originalMessageId = String(stored.raw.id);
        this.recordBotMessage(stored, "create", "interaction-defer", interaction.id, data);
        message = stored.raw;
        break;
      }
      case 6:
        interaction.originalMessageId = interaction.sourceMessageId;
        break;
      case 7:
        if (source) {
          source.raw = mergeMessage(source.raw, data, context.files, this.attachmentBase(), {
            editing: true,
          });
          source.files = [...source.files, ...context.files];
          this.recordBotMessage(source, "edit", "component-update", interaction.id, data);
          message = source.raw;
        }
        interaction.originalMessageId = interaction.sourceMessageId;
        break;
      case 8:
        interaction.choices = ChoiceView.array().parse(data.choices);
        break;
      default:
        break;
    }
    this.emit("interactionUpdate", interaction);
    if (context.query.get("with_response") !== "true") return { status: 204 };
    return {
      status: 200,
      body: {
        interaction: {
          id: interaction.id,
          type: interaction.type,
          response_message_id: message?.id,
          response_message_loading: body.type === 5,
          response_message_ephemeral:
            typeof message?.flags === "number" && (message.flags & EPHEMERAL) !== 0,
        },
        resource: message ? { type: body.type, message } : { type: body.type },
      },
    };
  }

  private webhookTarget(
    context: RequestContext,
  ): Reply | { interaction: InteractionState; stored: StoredMessage } {
    const interaction = this.interactionsByToken.get(context.params.token ?? "");
    if (interaction) context.record.interactionId = interaction.id;
    if (!interaction || context.params.appId !== fixture.applicationId || !interaction.ack) {
      return discordError(404, 10015, "Unknown Webhook");
    }
    const messageId =
      context.params.messageId === "@original"
        ? interaction.originalMessageId
        : context.params.messageId;
    const stored = messageId ? this.messages.get(messageId) : undefined;
    const ownsMessage =
      messageId === interaction.originalMessageId ||
      interaction.followupIds.includes(messageId ?? "");
    if (!stored || !ownsMessage) return discordError(404, 10008, "Unknown Message");
    return { interaction, stored };
  }

  private followup(context: RequestContext): Reply {
    const interaction = this.interactionsByToken.get(context.params.token ?? "");
    if (interaction) context.record.interactionId = interaction.id;
    if (!interaction || context.params.appId !== fixture.applicationId || !interaction.ack) {
      return discordError(404, 10015, "Unknown Webhook");
    }
    const body = isRecord(context.body) ? context.body : {};
    const errors = new FormErrors();
    const { empty } = validateMessageBody(errors, [], body, {
      creating: true,
      fileCount: context.files.length,
      allowEphemeral: true,
    });
    if (!errors.empty) return { status: 400, body: errors.body() };
    if (empty) return discordError(400, 50006, "Cannot send an empty message");
    const original = interaction.originalMessageId
      ? this.messages.get(interaction.originalMessageId)
      : undefined;
    let stored: StoredMessage;
    if (interaction.ack.type === 5 && original && isLoading(original.raw)) {
      // Discord: the first follow-up to a deferred reply replaces the "thinking…" message.
      const ephemeral = Number(original.raw.flags) & EPHEMERAL;
      original.raw = mergeMessage(
        original.raw,
        { ...body, flags: ephemeral },
        context.files,
        this.attachmentBase(),
      );
      original.files = [...context.files];
      stored = original;
      this.recordBotMessage(stored, "edit", "followup", interaction.id, body);
    } else {
      stored = this.createBotMessage(interaction.channelId, body, context.files, {
        type: 0,
        interaction,
      });
      interaction.followupIds.push(String(stored.raw.id));
      this.recordBotMessage(stored, "create", "followup", interaction.id, body);
    }
    this.emit("interactionUpdate", interaction);
    return context.query.get("wait") === "false"
      ? { status: 204 }
      : { status: 200, body: stored.raw };
  }

  private editMessage(
    stored: StoredMessage,
    context: RequestContext,
    via: BotMessage["via"],
    interactionId: string | null,
    allowEphemeral: boolean,
  ): Reply {
    const body = isRecord(context.body) ? context.body : {};
    const errors = new FormErrors();
    validateMessageBody(errors, [], body, {
      creating: false,
      fileCount: context.files.length,
      allowEphemeral,
    });
    if (!errors.empty) return { status: 400, body: errors.body() };
    const keptFlags = Number(stored.raw.flags ?? 0) & EPHEMERAL;
    const merged = mergeMessage(stored.raw, body, context.files, this.attachmentBase(), {
      editing: true,
    });
    merged.flags = (Number(merged.flags ?? 0) & ~LOADING & ~EPHEMERAL) | keptFlags;
    if (isEmptyMessage(merged)) return discordError(400, 50006, "Cannot send an empty message");
    merged.edited_timestamp = isLoading(stored.raw) ? null : new Date().toISOString();
    stored.raw = merged;
    if (context.files.length > 0) stored.files = [...stored.files, ...context.files];
    this.recordBotMessage(stored, "edit", via, interactionId, body);
    if (interactionId) {
      const interaction = this.interactions.get(interactionId);
      if (interaction) this.emit("interactionUpdate", interaction);
    }
    return { status: 200, body: stored.raw };
  }

  private createChannelMessage(context: RequestContext): Reply {
    const channelId = context.params.channelId ?? "";
    if (!this.channelById(channelId)) return discordError(404, 10003, "Unknown Channel");
    const body = isRecord(context.body) ? context.body : {};
    const errors = new FormErrors();
    const { empty } = validateMessageBody(errors, [], body, {
      creating: true,
      fileCount: context.files.length,
      allowEphemeral: false,
    });
    const reference = isRecord(body.message_reference) ? body.message_reference : null;
    let referenced: StoredMessage | undefined;
    if (reference && errors.empty) {
      referenced = this.messages.get(String(reference.message_id));
      if (
        (!referenced || referenced.raw.channel_id !== channelId) &&
        reference.fail_if_not_exists !== false
      ) {
        errors.add(["message_reference"], "MESSAGE_REFERENCE_UNKNOWN_MESSAGE", "Unknown message");
      }
    }
    if (!errors.empty) return { status: 400, body: errors.body() };
    if (empty) return discordError(400, 50006, "Cannot send an empty message");
    // Discord: with enforce_nonce, a nonce the same author used in the last few minutes returns
    // that message instead of creating another.
    const nonce =
      body.enforce_nonce === true &&
      (typeof body.nonce === "string" || typeof body.nonce === "number")
        ? String(body.nonce)
        : null;
    if (nonce !== null) {
      const seen = this.nonces.get(nonce);
      if (seen && Date.now() - seen.at < NONCE_MEMORY_MS) {
        const existing = this.messages.get(seen.id);
        if (existing) {
          this.emit("nonceReused", { nonce, messageId: seen.id });
          return { status: 200, body: existing.raw };
        }
      }
    }
    const stored = this.createBotMessage(channelId, body, context.files, {
      type: referenced ? 19 : 0,
      referenced: referenced?.raw,
    });
    if (nonce !== null) this.nonces.set(nonce, { id: String(stored.raw.id), at: Date.now() });
    this.recordBotMessage(stored, "create", "channel", null, body);
    return { status: 200, body: stored.raw };
  }

  private createBotMessage(
    channelId: string,
    body: Record<string, unknown>,
    files: UploadedFile[],
    options: { type: number; interaction?: InteractionState; referenced?: Record<string, unknown> },
  ): StoredMessage {
    const id = this.nextSnowflake();
    const base: Record<string, unknown> = {
      id,
      type: options.type,
      channel_id: channelId,
      guild_id: fixture.guild.id,
      author: apiUser(botUser()),
      content: "",
      embeds: [],
      components: [],
      attachments: [],
      mentions: [],
      mention_roles: [],
      mention_everyone: false,
      pinned: false,
      tts: false,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      flags: 0,
    };
    if (options.interaction) {
      base.webhook_id = fixture.applicationId;
      base.application_id = fixture.applicationId;
      const user = Object.values(fixture.users).find((u) => u.id === options.interaction?.userId);
      base.interaction_metadata = {
        id: options.interaction.id,
        type: options.interaction.type,
        user: user ? apiUser(user) : null,
        authorizing_integration_owners: { "0": fixture.guild.id },
      };
    }
    if (options.referenced) {
      base.message_reference = body.message_reference;
      base.referenced_message = options.referenced;
    }
    const raw = mergeMessage(base, body, files, this.attachmentBase());
    const stored: StoredMessage = { raw, files: [...files], byBot: true };
    this.messages.set(id, stored);
    return stored;
  }

  private recordBotMessage(
    stored: StoredMessage,
    action: BotMessage["action"],
    via: BotMessage["via"],
    interactionId: string | null,
    requestBody: Record<string, unknown>,
  ): void {
    const raw = stored.raw;
    const allowedMentions =
      requestBody.allowed_mentions === undefined || requestBody.allowed_mentions === null
        ? null
        : AllowedMentionsView.parse(requestBody.allowed_mentions);
    const content = typeof raw.content === "string" ? raw.content : "";
    const flags = typeof raw.flags === "number" ? raw.flags : 0;
    const reference = isRecord(raw.message_reference) ? raw.message_reference : null;
    const message: BotMessage = {
      id: String(raw.id),
      channelId: String(raw.channel_id),
      action,
      via,
      interactionId,
      content,
      embeds: EmbedView.array().parse(raw.embeds ?? []),
      components: ActionRowView.array().parse(raw.components ?? []),
      flags,
      ephemeral: (flags & EPHEMERAL) !== 0,
      loading: (flags & LOADING) !== 0,
      files: stored.files,
      allowedMentions,
      pings: resolvePings(content, allowedMentions, reference !== null),
      replyTo: reference && typeof reference.message_id === "string" ? reference.message_id : null,
      at: Date.now(),
      raw: structuredClone(raw),
    };
    if (!this.lean) this.botMessages.push(message);
    this.emit("botMessage", message);
  }

  // ---- helpers ------------------------------------------------------------------------------

  /** Lean mode: interactions and bot messages are dropped a minute after the answer window. */
  private forgetOldInteractions(): void {
    const cutoff = Date.now() - this.ackWindowMs - 60_000;
    for (const [id, state] of this.interactions) {
      if (state.createdAt > cutoff) break;
      this.interactions.delete(id);
      this.interactionsByToken.delete(state.token);
      for (const messageId of [state.originalMessageId, ...state.followupIds]) {
        if (messageId) this.messages.delete(messageId);
      }
    }
    for (const [nonce, seen] of this.nonces) {
      if (Date.now() - seen.at < NONCE_MEMORY_MS) break;
      this.nonces.delete(nonce);
      this.messages.delete(seen.id);
    }
  }

  /**
   * Discord's client offers a command only where its `contexts` and `integration_types` allow
   * (absent: guild install only; contexts from `dm_permission`), so nothing else can arrive.
   */
  private checkCommandUsable(data: Record<string, unknown>, place: InteractionPlace): void {
    const name = typeof data.name === "string" ? data.name : "";
    const type = typeof data.type === "number" ? data.type : 1;
    const command = this.findCommand(name, type);
    if (!command) throw new Error(`Command "${name}" (type ${type}) is not registered`);
    const listed = (value: unknown, fallback: number[]): number[] =>
      Array.isArray(value)
        ? value.filter((item): item is number => typeof item === "number")
        : fallback;
    const installs = listed(command.integration_types, [0]);
    const contexts = listed(command.contexts, command.dm_permission === false ? [0] : [0, 1]);
    if (!installs.includes(place.installation)) {
      throw new Error(
        `"${name}" is not offered to a ${place.installation === 0 ? "guild" : "user"} install (integration_types ${JSON.stringify(installs)})`,
      );
    }
    if (!contexts.includes(place.context)) {
      throw new Error(
        `"${name}" is not offered in context ${place.context} (contexts ${JSON.stringify(contexts)})`,
      );
    }
    // Group DMs and other people's DMs only see user-installed apps.
    if (place.context === 2 && place.installation !== 1) {
      throw new Error("Only user-installed apps can be used in private channels");
    }
  }

  private channelById(id: string): Record<string, unknown> | null {
    if (this.annexGuild && guildOfChannel(id) !== fixture.guild.id) return annexChannel(id);
    const channels = Object.values(fixture.channels);
    const index = channels.findIndex((channel) => channel.id === id);
    const channel = channels[index];
    return channel ? apiChannel(channel, index) : null;
  }

  private storeCommand(
    definition: Record<string, unknown>,
    guildId: string | undefined,
    previous: Record<string, unknown> | undefined,
  ): Record<string, unknown> {
    const stored: Record<string, unknown> = {
      type: 1,
      default_member_permissions: null,
      nsfw: false,
      ...definition,
      id: previous?.id ?? this.nextSnowflake(),
      application_id: fixture.applicationId,
      version: this.nextSnowflake(),
    };
    if (guildId) stored.guild_id = guildId;
    else stored.dm_permission = definition.dm_permission ?? true;
    return stored;
  }

  private applicationObject(): Record<string, unknown> {
    return {
      id: fixture.applicationId,
      name: fixture.botName,
      icon: null,
      description: "",
      summary: "",
      type: null,
      bot_public: true,
      bot_require_code_grant: false,
      verify_key: this.signer.publicKeyHex,
      flags: 1 << 19,
      owner: apiUser(fixture.users.alice),
      team: null,
      bot: apiUser(botUser()),
      approximate_guild_count: 1,
      interactions_endpoint_url: this.interactionsEndpointUrl,
      install_params: { scopes: ["bot", "applications.commands"], permissions: MEMBER_PERMISSIONS },
    };
  }

  private attachmentBase(): string {
    return `http://127.0.0.1:${this.port}/attachments`;
  }

  private log(line: string): void {
    if (this.verbose) console.log(`[discord-test-server] ${line}`);
  }
}

/** How long Discord remembers an enforced nonce ("the past few minutes"). */
const NONCE_MEMORY_MS = 5 * 60_000;

function faultReply(fault: ActiveFault): Reply | null {
  if (fault.hang) return { status: 0, hang: true };
  if (fault.status === undefined) return null;
  const headers = fault.headers ?? {};
  return {
    status: fault.status,
    body: fault.body ?? defaultFaultBody(fault.status, headers),
    headers,
  };
}

export function discordError(status: number, code: number, message: string): Reply {
  return { status, body: { message, code } };
}

function commandKey(command: Record<string, unknown>): string {
  return `${typeof command.type === "number" ? command.type : 1}:${String(command.name)}`;
}

function withoutUser(member: Record<string, unknown>): Record<string, unknown> {
  const { user: _user, ...rest } = member;
  return rest;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
