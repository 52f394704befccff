import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { deployCommands } from "../../src/bot/deploy.ts";
import { fixture } from "../discord-server/fixture.ts";
import { annexGuild, shardOfGuild } from "../discord-server/guilds.ts";
import { DiscordHarness } from "../discord-server/harness.ts";
import { visibleText } from "./bot-under-test.ts";
import { botEnv, killTree, startNpm } from "./child-process.ts";
import type { RunningProcess } from "./child-process.ts";

/**
 * `npm start` with SHARD_COUNT=auto against a server that recommends two shards and has the bot
 * in two guilds, one on each shard: each guild answered by its own shard process, a killed
 * shard respawned, and SIGTERM ending every shard.
 */

const ReadyGuilds = z.looseObject({ guilds: z.array(z.looseObject({ id: z.string() })) });

let harness: DiscordHarness;
let bot: RunningProcess | null = null;

/** The pid each shard printed when it became ready, latest first. */
function shardPids(shard: number): number[] {
  const pattern = new RegExp(`Shard ${shard} of 2 is ready \\(process (\\d+)\\)`, "g");
  return [...(bot?.output().stdout ?? "").matchAll(pattern)].map((match) => Number(match[1]));
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The shard whose gateway session received this interaction. */
function receivingShard(interactionId: string): number | null {
  for (const [shard, session] of harness.server.gateway.shardSessions) {
    const got = session.events.some(
      (event) =>
        event.t === "INTERACTION_CREATE" &&
        typeof event.d === "object" &&
        event.d !== null &&
        "id" in event.d &&
        event.d.id === interactionId,
    );
    if (got) return shard;
  }
  return null;
}

beforeAll(async () => {
  harness = await DiscordHarness.start({
    annexGuild: true,
    recommendedShards: 2,
    maxConcurrency: 16,
  });
  // Global commands: the same in both guilds.
  await deployCommands({
    token: harness.token,
    clientId: fixture.applicationId,
    guildId: null,
    apiUrl: harness.apiUrl,
  });
  bot = startNpm(
    ["start"],
    botEnv({ DISCORD_TOKEN: harness.token, DISCORD_API_URL: harness.apiUrl, SHARD_COUNT: "auto" }),
  );
  await bot.waitForOutput(/Shard 0 of 2 is ready/, 45_000);
  await bot.waitForOutput(/Shard 1 of 2 is ready/, 45_000);
}, 60_000);

afterAll(async () => {
  if (bot && bot.child.exitCode === null) {
    killTree(bot.child.pid);
    await bot.exited;
  }
  await harness?.stop();
});

describe("SHARD_COUNT=auto", () => {
  it("starts the recommended two shards, each identified with its own shard and guilds", () => {
    expect(bot?.output().stdout).toMatch(/Starting 2 shards/);
    const sessions = harness.server.gateway.shardSessions;
    expect([...sessions.keys()].sort()).toEqual([0, 1]);
    for (const [shard, session] of sessions) {
      expect(session.shard).toEqual([shard, 2]);
      const ready = session.events.find((event) => event.t === "READY");
      const guilds = ReadyGuilds.parse(ready?.d).guilds.map((guild) => guild.id);
      expect(guilds).toEqual(
        [fixture.guild.id, annexGuild.id].filter((id) => shardOfGuild(id, 2) === shard),
      );
    }
    expect(shardPids(0)[0]).not.toBe(shardPids(1)[0]);
  });

  it("answers each guild from the shard that guild belongs to", async () => {
    const main = await harness.slash("policy", { name: "torch" }, { timeoutMs: 10_000 });
    expect(visibleText(main.message)).toMatch(/TORCH/);
    expect(receivingShard(main.interaction.id)).toBe(shardOfGuild(fixture.guild.id, 2));
    const annex = await harness.slash(
      "ask",
      { question: "torch budget?" },
      { channelId: annexGuild.channels.annex.id, timeoutMs: 10_000 },
    );
    expect(visibleText(annex.message)).toMatch(/TORCH/);
    expect(receivingShard(annex.interaction.id)).toBe(shardOfGuild(annexGuild.id, 2));
    expect(shardOfGuild(fixture.guild.id, 2)).not.toBe(shardOfGuild(annexGuild.id, 2));
  });

  it("respawns a killed shard, which answers its guild again; the other shard answers meanwhile", async () => {
    const mainShard = shardOfGuild(fixture.guild.id, 2);
    const [victim] = shardPids(mainShard);
    if (victim === undefined) throw new Error("no pid for the shard");
    process.kill(victim, "SIGKILL");
    const other = await harness.slash(
      "policy",
      { name: "city-clusters" },
      { channelId: annexGuild.channels.annex.id, timeoutMs: 10_000 },
    );
    expect(visibleText(other.message)).toMatch(/City Clusters/);

    await bot?.waitForOutput(new RegExp(`Shard ${mainShard} stopped`), 10_000);
    await expect
      .poll(() => shardPids(mainShard).length, { timeout: 40_000, interval: 250 })
      .toBe(2);
    const respawned = shardPids(mainShard)[1];
    expect(respawned).not.toBe(victim);
    const again = await harness.slash("policy", { name: "torch" }, { timeoutMs: 10_000 });
    expect(visibleText(again.message)).toMatch(/TORCH/);
    expect(receivingShard(again.interaction.id)).toBe(mainShard);
  }, 60_000);

  it("stops every shard on SIGTERM and exits 0", async () => {
    const pids = [...shardPids(0), ...shardPids(1)];
    const running = bot;
    if (!running?.child.pid) throw new Error("not running");
    running.child.kill("SIGTERM");
    const { code } = await running.exited;
    expect(code).toBe(0);
    await expect.poll(() => pids.filter(alive), { timeout: 10_000 }).toEqual([]);
    expect(running.output().stdout).toMatch(/Shard 0: SIGTERM: logging out/);
    expect(running.output().stdout).toMatch(/Shard 1: SIGTERM: logging out/);
  }, 30_000);
});
