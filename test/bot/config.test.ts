import { describe, expect, it } from "vitest";
import { ConfigError, configSecrets, parseConfig, redactSecret } from "../../src/config.ts";

const TOKEN = "MTIzNDU2Nzg5MDEyMzQ1Njc4.GhIjKl.s3cr3t-t0ken_value";

function problemsOf(
  env: Record<string, string>,
  purpose?: "start" | "bot" | "deploy",
): ConfigError {
  try {
    parseConfig(env, purpose);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error("expected a ConfigError");
}

describe("parseConfig", () => {
  it("reads every variable, treating blank ones (a copied .env.example) as unset", () => {
    expect(
      parseConfig({
        DISCORD_TOKEN: ` ${TOKEN} `,
        DISCORD_CLIENT_ID: "123456789012345678",
        DISCORD_GUILD_ID: "",
        DISCORD_API_URL: "http://127.0.0.1:8080/api/",
        ASK_CHANNEL_IDS: "223456789012345678, 323456789012345678,",
        DATA_DIR: "",
        NO_COLOR: "",
        LOG_LEVEL: "",
        HEALTH_PORT: "",
      }),
    ).toEqual({
      token: TOKEN,
      clientId: "123456789012345678",
      guildId: null,
      apiUrl: "http://127.0.0.1:8080/api",
      askChannelIds: ["223456789012345678", "323456789012345678"],
      dataDir: null,
      noColor: false,
      logLevel: "info",
      healthPort: null,
      conversationTtlSeconds: 900,
      conversationMax: 10_000,
      interactions: null,
      shardCount: null,
      redisUrl: null,
    });
  });

  it("reads LOG_LEVEL in any case and HEALTH_PORT as a port; rejects others naming the variable", () => {
    expect(parseConfig({ LOG_LEVEL: " Debug ", HEALTH_PORT: "9090" })).toMatchObject({
      logLevel: "debug",
      healthPort: 9090,
    });
    expect(() => parseConfig({ LOG_LEVEL: "loud" })).toThrow(
      /LOG_LEVEL must be one of fatal, error/,
    );
    expect(() => parseConfig({ HEALTH_PORT: "http" })).toThrow(/HEALTH_PORT must be a TCP port/);
    expect(() => parseConfig({ HEALTH_PORT: "70000" })).toThrow(/HEALTH_PORT must be 0–65535/);
  });

  it("reads the conversation settings, and says what is wrong with them", () => {
    const config = parseConfig({ CONVERSATION_TTL_SECONDS: "30", CONVERSATION_MAX: "500" });
    expect(config.conversationTtlSeconds).toBe(30);
    expect(config.conversationMax).toBe(500);
    expect(() => parseConfig({ CONVERSATION_TTL_SECONDS: "15m" })).toThrow(
      /CONVERSATION_TTL_SECONDS/,
    );
    expect(() => parseConfig({ CONVERSATION_TTL_SECONDS: "0" })).toThrow(/at least 1 second/);
    expect(() => parseConfig({ CONVERSATION_MAX: "1.5" })).toThrow(/CONVERSATION_MAX/);
  });

  it("turns colour off for any non-empty NO_COLOR", () => {
    expect(parseConfig({ NO_COLOR: "1" }).noColor).toBe(true);
    expect(parseConfig({}).interactions).toBeNull();
    expect(parseConfig({}).noColor).toBe(false);
  });

  it("without a token means the offline console", () => {
    expect(parseConfig({ DISCORD_TOKEN: "" }).token).toBeNull();
  });

  it("lists every problem in one message", () => {
    const error = problemsOf(
      {
        DISCORD_CLIENT_ID: "my-app",
        DISCORD_GUILD_ID: "12x",
        DISCORD_API_URL: "localhost:8080",
        ASK_CHANNEL_IDS: "223456789012345678,general",
      },
      "deploy",
    );
    expect(error.problems).toHaveLength(5);
    for (const variable of [
      "DISCORD_TOKEN",
      "DISCORD_CLIENT_ID",
      "DISCORD_GUILD_ID",
      "DISCORD_API_URL",
      "ASK_CHANNEL_IDS (entry 2)",
    ]) {
      expect(error.message).toContain(variable);
    }
    expect(error.message).toContain("5 problems");
  });

  it("never prints the token, even when the token itself is the problem", () => {
    const error = problemsOf(
      { DISCORD_TOKEN: `${TOKEN} ${TOKEN}`, DISCORD_API_URL: TOKEN, ASK_CHANNEL_IDS: TOKEN },
      "deploy",
    );
    expect(error.problems.length).toBeGreaterThanOrEqual(4);
    expect(error.message).not.toContain("s3cr3t");
    expect(error.message).not.toContain(TOKEN);
  });

  it("asks for a token only when the caller needs one", () => {
    expect(problemsOf({}, "bot").message).toContain("DISCORD_TOKEN is required");
    expect(parseConfig({}, "start").token).toBeNull();
  });
});

describe("redactSecret", () => {
  it("replaces every occurrence", () => {
    expect(redactSecret(`a ${TOKEN} b ${TOKEN}`, TOKEN)).toBe("a [redacted] b [redacted]");
    expect(redactSecret("nothing", null)).toBe("nothing");
  });
});

describe("scaling variables", () => {
  const KEY = "A".repeat(64);

  it("reads the interactions endpoint, the shard count and the Redis address", () => {
    const config = parseConfig({
      DISCORD_PUBLIC_KEY: KEY,
      INTERACTIONS_PORT: "8080",
      SHARD_COUNT: "auto",
      REDIS_URL: "redis://127.0.0.1:6379",
    });
    expect(config.interactions).toEqual({ publicKey: "a".repeat(64), port: 8080 });
    expect(config.shardCount).toBe("auto");
    expect(config.redisUrl).toBe("redis://127.0.0.1:6379");
    expect(parseConfig({ SHARD_COUNT: "4" }).shardCount).toBe(4);
  });

  it("counts a password in REDIS_URL among the secrets the log never shows", () => {
    const config = parseConfig({
      DISCORD_TOKEN: "token.value",
      REDIS_URL: "redis://:p%40ss@127.0.0.1:6379",
    });
    expect(configSecrets(config)).toEqual(["token.value", "p@ss"]);
    expect(configSecrets(parseConfig({ REDIS_URL: "redis://127.0.0.1:6379" }))).toEqual([]);
  });

  it("names each problem: half of the endpoint pair, a bad key, port, count or address", () => {
    expect(problemsOf({ DISCORD_PUBLIC_KEY: KEY }).problems).toEqual([
      expect.stringMatching(/^INTERACTIONS_PORT is required with DISCORD_PUBLIC_KEY/),
    ]);
    expect(problemsOf({ INTERACTIONS_PORT: "8080" }).problems).toEqual([
      expect.stringMatching(/^DISCORD_PUBLIC_KEY is required with INTERACTIONS_PORT/),
    ]);
    const problems = problemsOf({
      DISCORD_PUBLIC_KEY: "not-a-key",
      INTERACTIONS_PORT: "70000",
      SHARD_COUNT: "0",
      REDIS_URL: "http://127.0.0.1:6379",
    }).problems.join("\n");
    expect(problems).toMatch(/DISCORD_PUBLIC_KEY must be the application's public key/);
    expect(problems).toMatch(/INTERACTIONS_PORT must be 0–65535/);
    expect(problems).toMatch(/SHARD_COUNT must be at least 1/);
    expect(problems).toMatch(/REDIS_URL must be a redis:\/\//);
  });
});
