import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { DiscordHarness } from "../discord-server/harness.ts";
import { botEnv, killTree, startNpm } from "./child-process.ts";
import type { RunningProcess } from "./child-process.ts";

/**
 * `npm start` under lifecycle faults, as an operator sees it: the exit code and the log. SIGTERM
 * ends the process within its bound in every state; a close 4004 after start-up goes through the
 * bot's own exit path; a data directory that cannot be read stops the start, naming the entry.
 */

let harness: DiscordHarness;
let running: RunningProcess | null = null;
let scratch: string;

beforeAll(async () => {
  harness = await DiscordHarness.start({ heartbeatIntervalMs: 1000 });
  scratch = mkdtempSync(path.join(tmpdir(), "policybot-lifecycle-"));
});

afterEach(async () => {
  if (running && running.child.exitCode === null && running.child.signalCode === null) {
    killTree(running.child.pid);
    await running.exited;
  }
  running = null;
});

afterAll(async () => {
  await harness?.stop();
  rmSync(scratch, { recursive: true, force: true });
});

function startBotProcess(extra: Record<string, string> = {}): RunningProcess {
  running = startNpm(
    ["start"],
    botEnv({ DISCORD_TOKEN: harness.token, DISCORD_API_URL: harness.apiUrl, ...extra }),
  );
  return running;
}

describe("npm start under lifecycle faults", () => {
  it("SIGTERM while re-identifying with no READY coming: logs out and exits 0 within 6 s", async () => {
    harness.server.gateway.faults.readyDelayMs = 0;
    const bot = startBotProcess();
    await bot.waitForOutput(/Logged in as/, 30_000);
    harness.server.gateway.faults.readyDelayMs = Number.POSITIVE_INFINITY;
    const identifying = new Promise((resolve) =>
      harness.server.gateway.once("identifyReceived", resolve),
    );
    const session = harness.server.gateway.session;
    if (session) session.invalidated = true;
    harness.server.gateway.drop(4000);
    await identifying;
    const started = Date.now();
    bot.child.kill("SIGTERM");
    const { code } = await bot.exited;
    expect(Date.now() - started).toBeLessThan(6000);
    expect(code).toBe(0);
    expect(bot.output().stdout).toMatch(/SIGTERM: logging out/);
    harness.server.gateway.faults.readyDelayMs = 0;
  }, 40_000);

  it("close 4004 after start-up: the bot's own message and exit code 1", async () => {
    const bot = startBotProcess();
    await bot.waitForOutput(/Logged in as/, 30_000);
    harness.server.gateway.drop(4004);
    const { code } = await bot.exited;
    expect(code).toBe(1);
    const { stdout, stderr } = bot.output();
    expect(stderr).toMatch(/Disconnected for good \(close code 4004\): Discord rejected the token/);
    expect(stdout + stderr).not.toContain(harness.token);
  }, 40_000);

  it("DATA_DIR with a FIFO and a directory named *.json: start-up stops at once, naming both", async () => {
    const dataDir = path.join(scratch, "data");
    mkdirSync(dataDir);
    writeFileSync(path.join(dataDir, "a.json"), "{}");
    mkdirSync(path.join(dataDir, "folder.json"));
    const fifo = spawnSync("mkfifo", [path.join(dataDir, "x.json")]);
    expect(fifo.status).toBe(0);
    const bot = startBotProcess({ DATA_DIR: dataDir });
    const { code } = await bot.exited;
    expect(code).toBe(1);
    const { stderr } = bot.output();
    expect(stderr).toMatch(/x\.json: is not a regular file/);
    expect(stderr).toMatch(/folder\.json: is a directory, not a country file/);
  }, 40_000);
});
