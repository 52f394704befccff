import { describe, expect, it } from "vitest";
import { loggerFrom } from "../../src/bot/log.ts";
import { createLogger, knownFieldsLogger, type LoggerOptions } from "../../src/ops/logger.ts";
import { prettyLogLine } from "../../src/ops/pretty.ts";

/** A logger writing into an array, one entry per line, as a log collector would receive them. */
function capture(options: Omit<LoggerOptions, "destination"> = {}) {
  const lines: string[] = [];
  const logger = createLogger({
    pretty: false,
    ...options,
    destination: { write: (line: string) => void lines.push(line) },
  });
  return { logger, lines, records: () => lines.map((line) => JSON.parse(line) as unknown) };
}

// Shaped like a real bot token (id.timestamp.hmac); not a live one.
const TOKEN = "MTIzNDU2Nzg5MDEyMzQ1Njc4OQ.GaBcDe.abcdefghijklmnopqrstuvwxyz0123456789AB";
const INTERACTION_TOKEN = "aW50ZXJhY3Rpb246MTIzNDU2Nzg5MDEyMzQ1Njc4OTpzZWNyZXQ";

describe("the structured log", () => {
  it("writes one JSON object per line with level, time, message and fields", () => {
    const { logger, lines, records } = capture();
    logger.info({ interaction: "123", outcome: "answered" }, "interaction");
    expect(lines).toHaveLength(1);
    expect(lines[0]?.endsWith("\n")).toBe(true);
    expect(records()[0]).toMatchObject({
      level: 30,
      msg: "interaction",
      interaction: "123",
      outcome: "answered",
    });
    expect(typeof (records()[0] as { time: unknown }).time).toBe("number");
  });

  it("drops what is below LOG_LEVEL", () => {
    const { logger, records } = capture({ level: "warn" });
    logger.info("routine");
    logger.debug("detail");
    logger.warn("attention");
    expect(records()).toEqual([expect.objectContaining({ msg: "attention", level: 40 })]);
  });

  it("logs an error with its type, message and stack", () => {
    const { logger, records } = capture();
    loggerFrom(logger).error("Interaction 1 failed:", new TypeError("boom"));
    const [record] = records() as { msg: string; err: Record<string, string> }[];
    expect(record?.msg).toBe("Interaction 1 failed:");
    expect(record?.err).toMatchObject({ type: "TypeError", message: "boom" });
    expect(record?.err.stack).toMatch(/TypeError: boom\n\s+at /);
  });
});

describe("redaction by the logger itself", () => {
  it("never writes the token, wherever it is: message, error message, stack, fields", () => {
    const { logger, lines } = capture({ secrets: [TOKEN] });
    const log = loggerFrom(logger);
    log.info(`Logging in with ${TOKEN}`);
    log.error("Login failed:", new Error(`401 for token ${TOKEN}`));
    logger.warn({ request: { headers: { auth: `Bot ${TOKEN}` } }, note: [TOKEN] }, "request");
    const cause = new Error("outer", { cause: new Error(`inner ${TOKEN}`) });
    log.error("nested:", cause);
    expect(lines).toHaveLength(4);
    for (const line of lines) {
      expect(line).not.toContain(TOKEN);
      expect(line).not.toContain(TOKEN.split(".")[2]);
    }
    expect(lines.join("")).toContain("[redacted]");
  });

  it("redacts a configured secret even inside JSON escaping", () => {
    const secret = 'pa"ss\\word-1234567';
    const { logger, lines } = capture({ secrets: [secret] });
    logger.info({ dsn: `redis://user:${secret}@127.0.0.1` }, `connecting with ${secret}`);
    expect(lines[0]).not.toContain(JSON.stringify(secret).slice(1, -1));
    expect(lines[0]).toContain("[redacted]");
  });

  it("redacts token-shaped strings and credential fields it was not told about", () => {
    const { logger, lines } = capture();
    logger.info({ token: "anything-at-all", user: { password: "hunter2hunter2" } }, "fields");
    logger.warn(`stray ${TOKEN} in a message`);
    logger.warn("header: Authorization: Bot abcdefghijklmnopqrstuvwxyz.123456");
    const text = lines.join("");
    expect(text).not.toContain("anything-at-all");
    expect(text).not.toContain("hunter2hunter2");
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain("abcdefghijklmnopqrstuvwxyz.123456");
  });

  it("redacts interaction tokens and webhook tokens in addresses, keeping the ids", () => {
    const { logger, lines } = capture();
    const callback = `https://discord.com/api/v10/interactions/1234567890/${INTERACTION_TOKEN}/callback`;
    const webhook = `https://discord.com/api/v10/webhooks/987654321/${INTERACTION_TOKEN}/messages/@original`;
    loggerFrom(logger).error("Discord refused:", new Error(`404 on POST ${callback}`));
    logger.warn({ url: webhook }, "follow-up failed");
    const text = lines.join("");
    expect(text).not.toContain(INTERACTION_TOKEN);
    expect(text).toContain("/interactions/1234567890/[redacted]/callback");
    expect(text).toContain("/webhooks/987654321/[redacted]/messages/@original");
  });
});

describe("the logger for lines with known fields (one per interaction)", () => {
  it("writes the fields, and still redacts the token and token shapes in the finished line", () => {
    const { logger, lines, records } = capture({ secrets: [TOKEN] });
    const known = knownFieldsLogger(logger);
    known.info({ interaction: "42", kind: "command", command: "policy" }, "interaction");
    known.info(
      { interaction: TOKEN, command: `/interactions/1/${INTERACTION_TOKEN}/callback` },
      "x",
    );
    expect(records()[0]).toMatchObject({
      msg: "interaction",
      interaction: "42",
      command: "policy",
    });
    const text = lines.join("");
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain(INTERACTION_TOKEN);
  });
});

describe("readable lines on a terminal", () => {
  it("shows time, level and message, the fields as key=value, and an error's stack", () => {
    const lines: string[] = [];
    const logger = createLogger({
      pretty: true,
      colour: false,
      secrets: [TOKEN],
      destination: { write: (line: string) => void lines.push(line) },
    });
    logger.info({ outcome: "answered", latency_ms: 12 }, "interaction");
    loggerFrom(logger).error(`failed with ${TOKEN}`, new Error("boom"));
    expect(lines[0]).toMatch(/^\d\d:\d\d:\d\d\.\d{3} INFO {2}interaction {2}.*outcome=answered/);
    expect(lines[0]).toContain("latency_ms=12");
    expect(lines[0]).not.toContain("{");
    expect(lines[1]).toMatch(/ERROR failed with \[redacted\]\n {4}Error: boom\n {4}\s*at /);
  });

  it("passes a line that is not JSON through unchanged", () => {
    expect(prettyLogLine("plain text", false)).toBe("plain text\n");
  });
});
