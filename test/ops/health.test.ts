import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerOutcome } from "../../src/ops/interaction-telemetry.ts";
import { createEngine } from "../../src/create-engine.ts";
import { defaultDataDir, loadDataset } from "../../src/dataset/load.ts";
import { fixture } from "../discord-server/fixture.ts";
import { DiscordHarness } from "../discord-server/harness.ts";
import { botEnv, freePort, killTree, runNpm, startNpm } from "../e2e/child-process.ts";
import type { RunningProcess } from "../e2e/child-process.ts";

/**
 * `npm start` with HEALTH_PORT against the local Discord-compatible server: /healthz follows the
 * gateway connection, /metrics and the log count what the bot did.
 */

let harness: DiscordHarness;
let bot: RunningProcess | null = null;
let base = "";

async function healthz(): Promise<number> {
  return (await fetch(`${base}/healthz`)).status;
}

async function metric(name: string): Promise<number> {
  const text = await (await fetch(`${base}/metrics`)).text();
  const line = text.split("\n").find((candidate) => candidate.startsWith(`${name} `));
  if (!line) throw new Error(`no ${name} in /metrics:\n${text}`);
  return Number(line.slice(name.length + 1));
}

async function until(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The JSON log lines the bot wrote about interactions. */
function interactionLines(): Record<string, unknown>[] {
  if (!bot) return [];
  return bot
    .output()
    .stdout.split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .filter((entry) => entry.msg === "interaction");
}

beforeAll(async () => {
  harness = await DiscordHarness.start();
  const env = botEnv({
    DISCORD_TOKEN: harness.token,
    DISCORD_CLIENT_ID: fixture.applicationId,
    DISCORD_GUILD_ID: fixture.guild.id,
    DISCORD_API_URL: harness.apiUrl,
  });
  const deploy = await runNpm(["run", "deploy-commands"], env);
  if (deploy.code !== 0) throw new Error(`deploy-commands failed:\n${deploy.stderr}`);
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  bot = startNpm(["start"], { ...env, HEALTH_PORT: String(port) });
  await bot.waitForOutput(/Logged in as/, 30_000);
}, 60_000);

afterAll(async () => {
  if (bot && bot.child.exitCode === null) {
    killTree(bot.child.pid);
    await bot.exited;
  }
  await harness?.stop();
});

describe("GET /healthz", () => {
  it("is 200 while the gateway is ready, 503 while it reconnects, 200 again after the resume", async () => {
    await until(async () => (await healthz()) === 200, 5000);
    const seen: number[] = [];
    let reconnected = false;
    const reconnecting = harness.dropConnection(1006).then((how) => {
      reconnected = true;
      return how;
    });
    // Asked back to back from the drop until the client is back.
    while (!reconnected) seen.push(await healthz());
    expect(await reconnecting).toBe("resumed");
    await until(async () => (await healthz()) === 200, 5000);
    expect(seen).toContain(503);
    expect(await metric("policybot_gateway_reconnects_total")).toBe(1);
    expect(await metric("policybot_gateway_ready")).toBe(1);
  });
});

describe("GET /metrics and the interaction log", () => {
  it("count every interaction once, by outcome, with its latency", async () => {
    const engine = createEngine(loadDataset(defaultDataDir()));
    const question = "what is the weather in Paris?";
    const expected = { answered: 0, clarify: 0, declined: 0, error: 0 };
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      ids.push((await harness.slash("policy", { name: "torch" })).interaction.id);
      expected.answered += 1;
    }
    for (let i = 0; i < 2; i++) {
      ids.push((await harness.autocompleteOutcome("policy", "name", "tor")).interaction.id);
      expected.answered += 1;
    }
    ids.push((await harness.slash("ask", { question })).interaction.id);
    expected[answerOutcome(engine.ask(question))] += 1;
    ids.push((await harness.slash("ask", { question: "when did it start?" })).interaction.id);
    expected[answerOutcome(engine.ask("when did it start?"))] += 1;

    for (const [outcome, count] of Object.entries(expected)) {
      expect(await metric(`policybot_interactions_total{outcome="${outcome}"}`), outcome).toBe(
        count,
      );
    }
    expect(await metric("policybot_interaction_duration_seconds_count")).toBe(ids.length);
    expect(await metric('policybot_interaction_duration_seconds_bucket{le="+Inf"}')).toBe(
      ids.length,
    );

    // Routine lines reach a pipe in batches (src/ops/logger.ts): wait for the last one.
    await bot?.waitForOutput(new RegExp(`"interaction":"${ids.at(-1) ?? ""}"`), 5000);
    const logged = interactionLines();
    // Each line is written when its reply has gone out, so two interactions sent back to back
    // may log in either order: every one once is what counts.
    const sortedIds = (list: readonly unknown[]): string[] => list.map(String).sort();
    expect(sortedIds(logged.map((entry) => entry.interaction))).toEqual(sortedIds(ids));
    const byId = new Map(logged.map((entry) => [String(entry.interaction), entry]));
    expect(byId.get(ids[0] ?? "")).toMatchObject({
      kind: "command",
      command: "policy",
      outcome: "answered",
    });
    expect(byId.get(ids[5] ?? "")).toMatchObject({ kind: "autocomplete", command: "policy" });
    for (const entry of logged) expect(entry.latency_ms).toBeGreaterThanOrEqual(0);
    // The log carries no token of any kind.
    expect(bot?.output().stdout).not.toContain(harness.token);
  });
});
