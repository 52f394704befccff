import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultDataDir, loadDataset } from "../../src/dataset/load.ts";
import type { Country, Policy } from "../../src/dataset/schema.ts";
import { fixture } from "../discord-server/fixture.ts";
import { DiscordHarness } from "../discord-server/harness.ts";
import type { InteractionOutcome } from "../discord-server/harness.ts";
import { visibleText } from "./bot-under-test.ts";
import { botEnv, findBotPid, killTree, rssKb, runNpm, startNpm } from "./child-process.ts";
import type { RunningProcess } from "./child-process.ts";

/**
 * The bot as it is run: `npm run deploy-commands` and `npm start` as child processes pointed at
 * the local server with DISCORD_API_URL, then a load of 1,000 interactions against it.
 */

let harness: DiscordHarness;
let china: Country;
let bot: RunningProcess | null = null;

function policy(id: string): Policy {
  const found = china.policies.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`dataset has no ${id}`);
  return found;
}

beforeAll(async () => {
  harness = await DiscordHarness.start();
  const found = loadDataset(defaultDataDir()).find((country) => country.id === "china");
  if (!found) throw new Error("dataset has no china");
  china = found;
});

afterAll(async () => {
  if (bot && bot.child.exitCode === null) {
    killTree(bot.child.pid);
    await bot.exited;
  }
  await harness?.stop();
});

describe("npm run deploy-commands", () => {
  it("registers every command in the guild and says so", async () => {
    const result = await runNpm(
      ["run", "deploy-commands"],
      botEnv({
        DISCORD_TOKEN: harness.token,
        DISCORD_CLIENT_ID: fixture.applicationId,
        DISCORD_GUILD_ID: fixture.guild.id,
        DISCORD_API_URL: harness.apiUrl,
      }),
    );
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Registered \d+ commands in guild/);
    expect([...harness.server.guildCommands.values()].map((command) => command.name)).toEqual([
      "policy",
      "compare",
      "maturity",
      "ask",
      "sources",
      "export",
      "help",
      "Ask policybot",
    ]);
  });

  it("fails clearly, without printing the token, when the token is wrong", async () => {
    const token = "wrong-token-abcdef.123";
    const result = await runNpm(
      ["run", "deploy-commands"],
      botEnv({
        DISCORD_TOKEN: token,
        DISCORD_CLIENT_ID: fixture.applicationId,
        DISCORD_API_URL: harness.apiUrl,
      }),
    );
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/401/);
    expect(result.stdout + result.stderr).not.toContain(token);
  });
});

describe("npm start", () => {
  it("exits non-zero with a clear message, not the token, when the token is wrong", async () => {
    const token = "definitely-wrong-token.xyz";
    const result = await runNpm(
      ["start"],
      botEnv({ DISCORD_TOKEN: token, DISCORD_API_URL: harness.apiUrl }),
      30_000,
    );
    expect(result.code).not.toBe(0);
    expect(result.code).not.toBeNull();
    // The bot's log says why (an error: a JSON line on standard error).
    expect(result.stderr).toMatch(/"level":50.*rejected the token/);
    expect(result.stdout + result.stderr).not.toContain(token);
  });

  it("logs in without privileged intents and answers commands and mentions", async () => {
    bot = startNpm(
      ["start"],
      botEnv({ DISCORD_TOKEN: harness.token, DISCORD_API_URL: harness.apiUrl }),
    );
    await bot.waitForOutput(/Logged in as/, 30_000);
    expect(harness.server.gateway.session?.intents).toBe((1 << 0) | (1 << 9));
    const help = await harness.slash("help");
    expect(visibleText(help.message)).toContain("/policy");
    const reply = await harness.say("when did the torch program start?", { mentionBot: true });
    expect(visibleText(reply)).toContain(String(policy("torch").start_year.value));
    // Without the Message Content intent a message that does not mention the bot arrives empty.
    await harness.sayExpectingSilence("torch budget?", { quietMs: 300 });
  });

  it("answers 1,000 interactions, 50 at a time, each correctly and within 3 seconds", async () => {
    const running = bot;
    if (!running?.child.pid) throw new Error("the bot is not running");
    const torch = policy("torch");
    const clusters = policy("city-clusters");
    const bay = policy("greater-bay-area");
    type Check = {
      run: () => Promise<InteractionOutcome>;
      check: (outcome: InteractionOutcome) => boolean;
    };
    const mix: Check[] = [
      {
        run: () => harness.slash("policy", { name: "torch" }),
        check: (o) => visibleText(o.message).includes(torch.short_name),
      },
      {
        run: () => harness.slash("policy", { name: "city-clusters", section: "budget" }),
        check: (o) => o.message?.embeds[0]?.footer?.text.includes(clusters.budget.source) === true,
      },
      {
        run: () => harness.slash("compare", { a: "torch", b: "greater-bay-area" }),
        check: (o) =>
          visibleText(o.message).includes(torch.short_name) &&
          visibleText(o.message).includes(bay.short_name),
      },
      {
        run: () => harness.slash("ask", { question: "When did the TORCH Program start?" }),
        check: (o) => visibleText(o.message).includes(String(torch.start_year.value)),
      },
      {
        run: () => harness.autocompleteOutcome("policy", "name", "torhc"),
        check: (o) => o.choices?.[0]?.value === "torch",
      },
      {
        run: () => harness.slash("maturity", { country: "china" }),
        // npm start draws charts in its worker thread: the picture comes with the answer.
        check: (o) =>
          china.maturity.dimensions.every((d) => visibleText(o.message).includes(d.label)) &&
          (o.message?.files ?? []).some((file) => file.name === "maturity.png"),
      },
      {
        run: () => harness.autocompleteOutcome("compare", "b", "", { a: "torch" }),
        check: (o) =>
          (o.choices ?? []).length > 0 && !(o.choices ?? []).some((c) => c.value === "torch"),
      },
      {
        run: () => harness.slash("policy", { name: "GBA", section: "start_year" }),
        check: (o) => visibleText(o.message).includes(String(bay.start_year.value)),
      },
      {
        run: () => harness.slash("help"),
        check: (o) => o.ephemeral && visibleText(o.message).includes("/compare"),
      },
      {
        run: () => harness.slash("sources", { policy: "torch" }),
        check: (o) => (o.message?.embeds.length ?? 0) > 0,
      },
    ];

    const botPid = findBotPid(running.child.pid);
    const rssBefore = rssKb(botPid);
    const firstRequest = harness.server.requests.length;
    const total = 1000;
    const concurrency = 50;
    const ackTimes: number[] = [];
    const wrong: string[] = [];
    const started = Date.now();
    for (let batch = 0; batch < total / concurrency; batch += 1) {
      const outcomes = await Promise.all(
        Array.from({ length: concurrency }, (_, index) => {
          const item = mix[(batch * concurrency + index) % mix.length];
          if (!item) throw new Error("empty mix");
          return item.run().then((outcome) => ({ outcome, item }));
        }),
      );
      for (const { outcome, item } of outcomes) {
        ackTimes.push(outcome.ackMs);
        if (!item.check(outcome))
          wrong.push(
            `${outcome.interaction.commandName}: ${visibleText(outcome.message).slice(0, 120)}`,
          );
      }
    }
    const elapsed = Date.now() - started;
    const rssAfter = rssKb(botPid);
    ackTimes.sort((a, b) => a - b);
    const percentile = (p: number): number =>
      ackTimes[Math.min(ackTimes.length - 1, Math.floor(ackTimes.length * p))] ?? -1;
    console.log(
      `load: ${ackTimes.length} interactions in ${elapsed} ms; ack p50 ${percentile(0.5)} ms, p99 ${percentile(0.99)} ms, max ${ackTimes.at(-1)} ms; ` +
        `bot RSS before ${rssBefore === null ? "n/a" : `${Math.round(rssBefore / 1024)} MiB`}, after ${rssAfter === null ? "n/a" : `${Math.round(rssAfter / 1024)} MiB`}`,
    );
    expect(wrong).toEqual([]);
    expect(ackTimes).toHaveLength(total);
    expect(ackTimes.at(-1)).toBeLessThan(harness.server.ackWindowMs);
    expect(harness.server.requests.slice(firstRequest).filter((r) => r.status >= 400)).toEqual([]);
  }, 120_000);

  it("logs out on SIGTERM and exits 0", async () => {
    const running = bot;
    if (!running) throw new Error("the bot is not running");
    const connection = harness.server.gateway.session?.connection;
    // The signal goes to `npm start` itself, as a supervisor stopping it would send it; the start
    // script execs node, so the bot receives it and nothing is left running.
    const npmPid = running.child.pid;
    if (npmPid === undefined) throw new Error("cannot find the npm process");
    const botPid = findBotPid(npmPid);
    if (botPid === null) throw new Error("cannot find the bot's process");
    process.kill(npmPid, "SIGTERM");
    const { code } = await running.exited;
    expect(code).toBe(0);
    expect(harness.repliesToIgnoredMessages()).toEqual([]);
    expect(running.output().stdout).toMatch(/SIGTERM: logging out/);
    expect(connection?.closeCode).toBe(1000);
    expect(() => process.kill(botPid, 0)).toThrow();
  });
});
