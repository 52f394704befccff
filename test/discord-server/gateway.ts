import { randomBytes } from "node:crypto";
import { EventEmitter } from "node:events";
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocket, WebSocketServer } from "ws";
import { apiUser, botUser, fixture } from "./fixture.ts";
import { isRecord } from "./form-errors.ts";
import { guildCreateFor, shardOfGuild } from "./guilds.ts";

/** Gateway v10 opcodes and close codes the server speaks. */
export const Op = {
  Dispatch: 0,
  Heartbeat: 1,
  Identify: 2,
  PresenceUpdate: 3,
  VoiceStateUpdate: 4,
  Resume: 6,
  Reconnect: 7,
  RequestGuildMembers: 8,
  InvalidSession: 9,
  Hello: 10,
  HeartbeatAck: 11,
} as const;

export const Intent = {
  Guilds: 1 << 0,
  GuildMembers: 1 << 1,
  GuildPresences: 1 << 8,
  GuildMessages: 1 << 9,
  DirectMessages: 1 << 12,
  MessageContent: 1 << 15,
} as const;
const PRIVILEGED = Intent.GuildMembers | Intent.GuildPresences | Intent.MessageContent;

export interface DispatchedEvent {
  op: 0;
  s: number;
  t: string;
  d: unknown;
}

export interface GatewaySession {
  id: string;
  intents: number;
  seq: number;
  events: DispatchedEvent[];
  connection: GatewayConnection | null;
  resumes: number;
  invalidated: boolean;
  /** [shard id, shard count] from IDENTIFY ([0, 1] when the client does not shard). */
  shard: [number, number];
}

/** One WebSocket connection as the server saw it (kept after it closes, for assertions). */
export interface GatewayConnection {
  socket: WebSocket;
  path: string;
  query: Record<string, string>;
  session: GatewaySession | null;
  /** "identify" or "resume" once the client authenticated on this connection. */
  opened: "identify" | "resume" | null;
  heartbeats: number;
  closeCode: number | null;
  /** Close code the server chose, if it closed the connection. */
  serverCloseCode: number | null;
  /** Half-open: the socket is up but the server neither reads nor writes it. */
  silenced: boolean;
}

/** Switches for the gateway's bad days; tests flip them and put them back. */
export interface GatewayFaults {
  /** Answer each heartbeat with HEARTBEAT_ACK (default true). */
  heartbeatAck: boolean;
  /** Time between a valid IDENTIFY and READY; Infinity never sends READY. */
  readyDelayMs: number;
}

export interface GatewayOptions {
  token: string;
  heartbeatIntervalMs: number;
  /** Privileged intents the application is allowed (Developer Portal switches). */
  allowedPrivilegedIntents: number;
  log: (line: string) => void;
  /** The guilds the bot is in (default: the fixture's one guild). */
  guildIds?: readonly string[];
}

/** Discord's own ceiling is far higher; this one catches nonsense. */
const MAX_SHARDS = 64;

/**
 * The Gateway v10 over WebSocket: HELLO, IDENTIFY → READY + GUILD_CREATE, heartbeats and acks,
 * RESUME with replay of missed events, close codes as Discord uses them. JSON, no compression.
 */
export class Gateway extends EventEmitter {
  readonly connections: GatewayConnection[] = [];
  readonly sessions = new Map<string, GatewaySession>();
  private readonly wss = new WebSocketServer({ noServer: true });
  /** The session receiving each shard's dispatches, by shard id. */
  private readonly activeShards = new Map<number, GatewaySession>();
  /** The base the server advertises; set once the HTTP server listens. */
  baseUrl = "";
  readonly faults: GatewayFaults = { heartbeatAck: true, readyDelayMs: 0 };

  constructor(private readonly options: GatewayOptions) {
    super();
  }

  get gatewayUrl(): string {
    return `${this.baseUrl}/gateway`;
  }

  get resumeUrl(): string {
    return `${this.baseUrl}/gateway-resume`;
  }

  /** Shard 0's session (the only one when the client does not shard). */
  get session(): GatewaySession | null {
    return this.activeShards.get(0) ?? null;
  }

  /** Every shard's session, by shard id. */
  get shardSessions(): ReadonlyMap<number, GatewaySession> {
    return this.activeShards;
  }

  get guildIds(): readonly string[] {
    return this.options.guildIds ?? [fixture.guild.id];
  }

  /** The session a guild's events go to: shard (guild_id >> 22) % shard_count. */
  sessionForGuild(guildId: string): GatewaySession | null {
    const count = this.session?.shard[1] ?? 1;
    return this.activeShards.get(shardOfGuild(guildId, count)) ?? null;
  }

  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.wss.handleUpgrade(request, socket, head, (ws) => this.onConnection(ws, request));
  }

  /**
   * Sends a dispatch to the session of the guild it belongs to (shard 0 without a guild);
   * buffered for replay while that session is disconnected.
   */
  dispatch(t: string, d: unknown): DispatchedEvent {
    const guildId = isRecord(d) && typeof d.guild_id === "string" ? d.guild_id : null;
    const session = guildId ? this.sessionForGuild(guildId) : this.session;
    if (!session) throw new Error(`No gateway session to dispatch ${t} to: has the bot logged in?`);
    return this.dispatchTo(session, t, d);
  }

  /**
   * Drops the active session's connection: 1006 cuts the socket without a close frame (a network
   * failure); any other code is sent as a close frame. The session stays resumable.
   */
  drop(code: number): void {
    const connection = this.session?.connection;
    if (!connection) throw new Error("No connected gateway session to drop");
    connection.serverCloseCode = code;
    this.detach(connection);
    if (code === 1006) connection.socket.terminate();
    else connection.socket.close(code, "Dropped by the test server");
  }

  /**
   * Half-opens the active session's connection, as a dead NAT or a crashed peer does: the socket
   * stays open, nothing more is read from it or sent on it. The session stays resumable.
   */
  halfOpen(): GatewayConnection {
    const connection = this.session?.connection;
    if (!connection) throw new Error("No connected gateway session to half-open");
    connection.silenced = true;
    this.detach(connection);
    return connection;
  }

  /** Resolves when the active session is resumed or a new one identifies. */
  waitForReconnect(timeoutMs: number): Promise<"resumed" | "identified"> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`The client did not resume or re-identify within ${timeoutMs} ms`));
      }, timeoutMs);
      const onResumed = (): void => {
        cleanup();
        resolve("resumed");
      };
      const onReady = (): void => {
        cleanup();
        resolve("identified");
      };
      const cleanup = (): void => {
        clearTimeout(timer);
        this.off("resumed", onResumed);
        this.off("ready", onReady);
      };
      this.on("resumed", onResumed);
      this.on("ready", onReady);
    });
  }

  close(): void {
    for (const connection of this.connections) {
      if (connection.socket.readyState !== WebSocket.CLOSED) connection.socket.terminate();
    }
    this.wss.close();
  }

  private onConnection(socket: WebSocket, request: IncomingMessage): void {
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    const connection: GatewayConnection = {
      socket,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      session: null,
      opened: null,
      heartbeats: 0,
      closeCode: null,
      serverCloseCode: null,
      silenced: false,
    };
    this.connections.push(connection);
    this.emit("connection", connection);
    socket.on("close", (code) => {
      connection.closeCode = code;
      this.detach(connection);
      // A client closing normally ends its session (Discord invalidates it); 4200 keeps it.
      const closed = connection.session;
      if ((code === 1000 || code === 1001) && closed) {
        closed.invalidated = true;
        if (this.activeShards.get(closed.shard[0]) === closed) {
          this.activeShards.delete(closed.shard[0]);
        }
      }
      this.emit("close", connection);
    });
    socket.on("message", (data, isBinary) => this.onMessage(connection, data.toString(), isBinary));
    socket.on("error", (error) => this.options.log(`gateway socket error: ${error.message}`));

    if (url.searchParams.get("v") !== "10") {
      this.closeWith(connection, 4012, "Invalid API version.");
      return;
    }
    if (url.searchParams.get("encoding") !== "json") {
      this.closeWith(connection, 4002, "Error while decoding payload.");
      return;
    }
    this.send(connection, {
      op: Op.Hello,
      d: { heartbeat_interval: this.options.heartbeatIntervalMs },
    });
  }

  private onMessage(connection: GatewayConnection, text: string, isBinary: boolean): void {
    if (connection.silenced) return;
    let payload: unknown;
    try {
      payload = isBinary ? undefined : JSON.parse(text);
    } catch {
      payload = undefined;
    }
    if (!isRecord(payload) || typeof payload.op !== "number") {
      this.closeWith(connection, 4002, "Error while decoding payload.");
      return;
    }
    this.emit("payload", connection, payload);
    switch (payload.op) {
      case Op.Heartbeat:
        connection.heartbeats += 1;
        if (this.faults.heartbeatAck) this.send(connection, { op: Op.HeartbeatAck });
        return;
      case Op.Identify:
        this.onIdentify(connection, payload.d);
        return;
      case Op.Resume:
        this.onResume(connection, payload.d);
        return;
      case Op.PresenceUpdate:
      case Op.VoiceStateUpdate:
      case Op.RequestGuildMembers:
        if (!connection.session) this.closeWith(connection, 4003, "Not authenticated.");
        return;
      default:
        this.closeWith(connection, 4001, "Unknown opcode.");
    }
  }

  private onIdentify(connection: GatewayConnection, data: unknown): void {
    if (connection.session) {
      this.closeWith(connection, 4005, "Already authenticated.");
      return;
    }
    if (!isRecord(data) || typeof data.intents !== "number" || !isRecord(data.properties)) {
      this.closeWith(connection, 4002, "Error while decoding payload.");
      return;
    }
    if (data.token !== this.options.token) {
      this.closeWith(connection, 4004, "Authentication failed.");
      return;
    }
    const shard = readShard(data.shard);
    if (!shard) {
      this.closeWith(connection, 4010, "Invalid shard.");
      return;
    }
    if (data.intents < 0 || data.intents >= 1 << 26) {
      this.closeWith(connection, 4013, "Invalid intent(s).");
      return;
    }
    if ((data.intents & PRIVILEGED & ~this.options.allowedPrivilegedIntents) !== 0) {
      this.closeWith(connection, 4014, "Disallowed intent(s).");
      return;
    }
    this.emit("identifyReceived", data);
    const delay = this.faults.readyDelayMs;
    if (delay === Number.POSITIVE_INFINITY) return;
    if (delay > 0) {
      setTimeout(() => {
        if (connection.socket.readyState === WebSocket.OPEN && !connection.silenced) {
          this.startSession(connection, data, shard);
        }
      }, delay);
      return;
    }
    this.startSession(connection, data, shard);
  }

  private startSession(
    connection: GatewayConnection,
    data: Record<string, unknown>,
    shard: [number, number],
  ): void {
    if (typeof data.intents !== "number") return;
    const session: GatewaySession = {
      id: randomBytes(16).toString("hex"),
      intents: data.intents,
      seq: 0,
      events: [],
      connection,
      resumes: 0,
      invalidated: false,
      shard,
    };
    this.sessions.set(session.id, session);
    // A new shard count replaces every session of the old one.
    for (const [id, other] of this.activeShards) {
      if (id === shard[0] || other.shard[1] !== shard[1]) {
        other.invalidated = true;
        this.activeShards.delete(id);
      }
    }
    this.activeShards.set(shard[0], session);
    const guildIds = this.guildIds.filter((id) => shardOfGuild(id, shard[1]) === shard[0]);
    connection.session = session;
    connection.opened = "identify";
    this.emit("identify", data);
    this.dispatchTo(session, "READY", {
      v: 10,
      user: { ...apiUser(botUser()), verified: true, mfa_enabled: false },
      guilds: guildIds.map((id) => ({ id, unavailable: true })),
      session_id: session.id,
      resume_gateway_url: this.resumeUrl,
      shard,
      application: { id: fixture.applicationId, flags: 1 << 19 },
      user_settings: {},
      private_channels: [],
      presences: [],
      relationships: [],
      guild_join_requests: [],
      geo_ordered_rtc_regions: ["local"],
      auth: {},
    });
    this.emit("ready", session);
    if (session.intents & Intent.Guilds) {
      for (const id of guildIds) this.dispatchTo(session, "GUILD_CREATE", guildCreateFor(id));
    }
  }

  private onResume(connection: GatewayConnection, data: unknown): void {
    if (connection.session) {
      this.closeWith(connection, 4005, "Already authenticated.");
      return;
    }
    if (!isRecord(data) || typeof data.session_id !== "string" || typeof data.seq !== "number") {
      this.closeWith(connection, 4002, "Error while decoding payload.");
      return;
    }
    if (data.token !== this.options.token) {
      this.closeWith(connection, 4004, "Authentication failed.");
      return;
    }
    const session = this.sessions.get(data.session_id);
    if (!session || session.invalidated) {
      this.send(connection, { op: Op.InvalidSession, d: false });
      return;
    }
    if (data.seq > session.seq) {
      this.closeWith(connection, 4007, "Invalid seq.");
      return;
    }
    const previous = session.connection;
    if (previous && previous !== connection) {
      this.detach(previous);
      previous.socket.terminate();
    }
    session.connection = connection;
    session.resumes += 1;
    connection.session = session;
    connection.opened = "resume";
    const lastSeen = data.seq;
    for (const event of session.events) {
      if (event.s > lastSeen) this.send(connection, event);
    }
    this.dispatchTo(session, "RESUMED", null);
    this.emit("resumed", session);
  }

  private dispatchTo(session: GatewaySession, t: string, d: unknown): DispatchedEvent {
    session.seq += 1;
    const event: DispatchedEvent = { op: Op.Dispatch, s: session.seq, t, d };
    session.events.push(event);
    if (session.connection) this.send(session.connection, event);
    return event;
  }

  private detach(connection: GatewayConnection): void {
    if (connection.session?.connection === connection) connection.session.connection = null;
  }

  private closeWith(connection: GatewayConnection, code: number, reason: string): void {
    connection.serverCloseCode = code;
    this.detach(connection);
    connection.socket.close(code, reason);
  }

  private send(connection: GatewayConnection, payload: unknown): void {
    if (connection.silenced) return;
    if (connection.socket.readyState === WebSocket.OPEN)
      connection.socket.send(JSON.stringify(payload));
  }
}

/** IDENTIFY's `shard`: absent means [0, 1]; otherwise [id, count] with 0 ≤ id < count. */
function readShard(value: unknown): [number, number] | null {
  if (value === undefined) return [0, 1];
  if (!Array.isArray(value) || value.length !== 2) return null;
  const id: unknown = value[0];
  const count: unknown = value[1];
  if (typeof id !== "number" || typeof count !== "number") return null;
  if (!Number.isInteger(id) || !Number.isInteger(count)) return null;
  return count >= 1 && count <= MAX_SHARDS && id >= 0 && id < count ? [id, count] : null;
}
