import { z } from "zod";
import { LOG_LEVELS, type LogLevel } from "./ops/log-levels.ts";
import {
  DEFAULT_CONVERSATION_CAPACITY,
  DEFAULT_CONVERSATION_TTL_SECONDS,
} from "./conversation/store.ts";
import { PARSED_ONCE } from "./parse-once.ts";

/**
 * The environment, read once at start-up. Every problem is reported together (so one edit of
 * .env fixes them all) and the token is never part of any message.
 */

const Snowflake = z
  .string()
  .trim()
  .regex(/^\d{1,20}$/, "must be a Discord id (digits only, e.g. 123456789012345678)");

/** Unset and blank mean the same: a copied .env.example has every variable, empty. */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess(
    (value) => (typeof value === "string" && value.trim() === "" ? undefined : value),
    schema.optional(),
  );

const ApiUrl = z
  .string()
  .trim()
  .refine((text) => {
    try {
      const url = new URL(text);
      return url.protocol === "http:" || url.protocol === "https:";
    } catch {
      return false;
    }
  }, "must be an http(s) address such as http://127.0.0.1:8080/api")
  .transform((text) => text.replace(/\/+$/, ""));

const ChannelIds = z
  .string()
  .transform((text) =>
    text
      .split(",")
      .map((id) => id.trim())
      .filter((id) => id.length > 0),
  )
  .pipe(z.array(Snowflake));

const LogLevelSchema = z.preprocess(
  (value) => (typeof value === "string" ? value.trim().toLowerCase() : value),
  z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(", ")}` }),
);

/** 0 asks the system for a free port (the tests use it); the bound port is then logged. */
const Port = z
  .string()
  .trim()
  .regex(/^\d+$/, "must be a TCP port number (0–65535), e.g. 9090")
  .transform(Number)
  .pipe(z.number().int().max(65_535, "must be 0–65535"));

/** `auto` asks Discord (GET /gateway/bot) how many shards it recommends. */
const ShardCount = z
  .string()
  .trim()
  .regex(/^(auto|\d{1,5})$/i, "must be auto or a number of shards such as 2")
  .transform((text): number | "auto" => (/^auto$/i.test(text) ? "auto" : Number(text)))
  .refine((count) => count === "auto" || count >= 1, "must be at least 1");

const RedisUrl = z
  .string()
  .trim()
  .refine((text) => {
    try {
      const url = new URL(text);
      return url.protocol === "redis:" || url.protocol === "rediss:";
    } catch {
      return false;
    }
  }, "must be a redis:// (or rediss://) address such as redis://127.0.0.1:6379");

const EnvSchema = z.object({
  DISCORD_TOKEN: optional(z.string().trim().regex(/^\S+$/, "must not contain spaces")),
  DISCORD_CLIENT_ID: optional(Snowflake),
  DISCORD_GUILD_ID: optional(Snowflake),
  DISCORD_API_URL: optional(ApiUrl),
  ASK_CHANNEL_IDS: optional(ChannelIds),
  DATA_DIR: optional(z.string().trim()),
  // https://no-color.org: any non-empty value turns colour off.
  NO_COLOR: optional(z.string()),
  LOG_LEVEL: optional(LogLevelSchema),
  HEALTH_PORT: optional(Port),
  CONVERSATION_TTL_SECONDS: optional(
    z.coerce
      .number()
      .int("must be a whole number of seconds")
      .min(1, "must be at least 1 second")
      .max(86_400, "must be at most 86400 seconds (a day)"),
  ),
  CONVERSATION_MAX: optional(
    z.coerce
      .number()
      .int("must be a whole number")
      .min(1, "must be at least 1")
      .max(1_000_000, "must be at most 1000000"),
  ),
  DISCORD_PUBLIC_KEY: optional(
    z
      .string()
      .trim()
      .regex(/^[0-9a-fA-F]{64}$/, "must be the application's public key (64 hexadecimal digits)")
      .transform((text) => text.toLowerCase()),
  ),
  INTERACTIONS_PORT: optional(Port),
  SHARD_COUNT: optional(ShardCount),
  REDIS_URL: optional(RedisUrl),
});

export interface Config {
  /** Absent: `npm start` runs the offline console. */
  token: string | null;
  clientId: string | null;
  guildId: string | null;
  /** REST base of a Discord-compatible server; null for discord.com. */
  apiUrl: string | null;
  /** Channels where every message is a question (needs the Message Content intent). */
  askChannelIds: readonly string[];
  dataDir: string | null;
  /** NO_COLOR is set: terminal output stays plain even on a terminal. */
  noColor: boolean;
  /** LOG_LEVEL (default info). */
  logLevel: LogLevel;
  /** HEALTH_PORT: serve GET /healthz and GET /metrics on it; null (default) serves nothing. */
  healthPort: number | null;
  /** A conversation is forgotten after this many quiet seconds. */
  conversationTtlSeconds: number;
  /** Most conversations one process remembers (least recently used forgotten first). */
  conversationMax: number;
  /** Both set: serve Discord's HTTP interactions at POST /interactions on this port. */
  interactions: { publicKey: string; port: number } | null;
  /** Run the gateway bot under discord.js's ShardingManager; null: one process, no sharding. */
  shardCount: number | "auto" | null;
  /** Shared conversation state; null keeps it in this process's memory. */
  redisUrl: string | null;
}

/** What the caller is about to do, so that a missing variable it needs is one of the problems. */
export type ConfigPurpose = "start" | "bot" | "deploy";

export class ConfigError extends Error {
  override readonly name = "ConfigError";
  constructor(readonly problems: readonly string[]) {
    super(
      `The configuration has ${problems.length === 1 ? "a problem" : `${problems.length} problems`} (check .env or the environment):\n` +
        problems.map((problem) => `  - ${problem}`).join("\n"),
    );
  }
}

/** What the log must never show: the token, and a password in REDIS_URL. */
export function configSecrets(config: Pick<Config, "token" | "redisUrl">): string[] {
  const secrets = config.token ? [config.token] : [];
  if (config.redisUrl) {
    const password = decodeURIComponent(new URL(config.redisUrl).password);
    if (password) secrets.push(password);
  }
  return secrets;
}

/** Replaces every occurrence of the secret in a text. */
export function redactSecret(text: string, secret: string | null | undefined): string {
  if (!secret) return text;
  return text.split(secret).join("[redacted]");
}

export function parseConfig(
  env: Readonly<Record<string, string | undefined>>,
  purpose: ConfigPurpose = "start",
): Config {
  const rawToken = env.DISCORD_TOKEN?.trim();
  const problems: string[] = [];
  const parsed = EnvSchema.safeParse(env, PARSED_ONCE);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const [variable, index] = issue.path;
      const where = typeof index === "number" ? ` (entry ${index + 1})` : "";
      problems.push(redactSecret(`${String(variable)}${where} ${issue.message}`, rawToken));
    }
  }
  const data = parsed.success ? parsed.data : null;
  if (purpose !== "start" && !rawToken) {
    problems.push("DISCORD_TOKEN is required (the bot token from the Discord developer portal)");
  }
  if (purpose === "deploy" && !env.DISCORD_CLIENT_ID?.trim()) {
    problems.push("DISCORD_CLIENT_ID is required to register commands (the application id)");
  }
  const publicKey = data?.DISCORD_PUBLIC_KEY;
  const port = data?.INTERACTIONS_PORT;
  if (data && (publicKey === undefined) !== (port === undefined)) {
    problems.push(
      publicKey === undefined
        ? "DISCORD_PUBLIC_KEY is required with INTERACTIONS_PORT (General Information > Public Key in the developer portal)"
        : "INTERACTIONS_PORT is required with DISCORD_PUBLIC_KEY (the port to serve POST /interactions on)",
    );
  }
  if (problems.length > 0 || !data) throw new ConfigError(problems);
  return {
    token: data.DISCORD_TOKEN ?? null,
    clientId: data.DISCORD_CLIENT_ID ?? null,
    guildId: data.DISCORD_GUILD_ID ?? null,
    apiUrl: data.DISCORD_API_URL ?? null,
    askChannelIds: data.ASK_CHANNEL_IDS ?? [],
    dataDir: data.DATA_DIR ?? null,
    noColor: data.NO_COLOR !== undefined,
    logLevel: data.LOG_LEVEL ?? "info",
    healthPort: data.HEALTH_PORT ?? null,
    conversationTtlSeconds: data.CONVERSATION_TTL_SECONDS ?? DEFAULT_CONVERSATION_TTL_SECONDS,
    conversationMax: data.CONVERSATION_MAX ?? DEFAULT_CONVERSATION_CAPACITY,
    interactions: publicKey !== undefined && port !== undefined ? { publicKey, port } : null,
    shardCount: data.SHARD_COUNT ?? null,
    redisUrl: data.REDIS_URL ?? null,
  };
}

let loaded: Config | null = null;

/** Loads .env (if present) and parses the environment, once per process. */
export async function loadConfig(purpose: ConfigPurpose = "start"): Promise<Config> {
  if (loaded) return loaded;
  const dotenv = await import("dotenv");
  dotenv.config({ quiet: true });
  loaded = parseConfig(process.env, purpose);
  return loaded;
}
