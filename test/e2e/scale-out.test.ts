import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deployCommands } from "../../src/bot/deploy.ts";
import { defaultDataDir, loadDataset } from "../../src/dataset/load.ts";
import type { Policy } from "../../src/dataset/schema.ts";
import { fixture } from "../discord-server/fixture.ts";
import { DiscordHarness } from "../discord-server/harness.ts";
import { postToEndpoint } from "../discord-server/interaction-endpoint.ts";
import { startRedis, type RedisUnderTest } from "../redis-server.ts";
import { visibleText } from "./bot-under-test.ts";
import { botEnv, freePort, killTree, startNpm, type RunningProcess } from "./child-process.ts";
import { startRoundRobinProxy, type RoundRobinProxy } from "./round-robin-proxy.ts";

/**
 * Scaled out as an operator would: two `npm start` HTTP replicas (no gateway) behind a
 * round-robin load balancer, sharing one real Redis. Discord (the local server) signs and POSTs
 * every interaction to the balancer's URL.
 */

let harness: DiscordHarness;
let redis: RedisUnderTest;
let proxy: RoundRobinProxy;
const replicas: RunningProcess[] = [];
let torch: Policy;

const healthPorts: number[] = [];

async function startReplica(redisUrl: string): Promise<number> {
  const [port, healthPort] = await Promise.all([freePort(), freePort()]);
  healthPorts.push(healthPort);
  const replica = startNpm(
    ["start"],
    botEnv({
      DISCORD_PUBLIC_KEY: harness.server.signer.publicKeyHex,
      INTERACTIONS_PORT: String(port),
      DISCORD_API_URL: harness.apiUrl,
      REDIS_URL: redisUrl,
      HEALTH_PORT: String(healthPort),
    }),
  );
  replicas.push(replica);
  await replica.waitForOutput(/Serving Discord interactions on port/, 30_000);
  return port;
}

beforeAll(async () => {
  const found = loadDataset(defaultDataDir())
    .find((country) => country.id === "china")
    ?.policies.find((policy) => policy.id === "torch");
  if (!found) throw new Error("no torch in the dataset");
  torch = found;
  [harness, redis] = await Promise.all([DiscordHarness.start(), startRedis()]);
  await deployCommands({
    token: harness.token,
    clientId: fixture.applicationId,
    guildId: fixture.guild.id,
    apiUrl: harness.apiUrl,
  });
  const ports = await Promise.all([startReplica(redis.url), startReplica(redis.url)]);
  proxy = await startRoundRobinProxy(ports);
  await harness.server.setInteractionsEndpoint(proxy.url);
}, 60_000);

afterAll(async () => {
  for (const replica of replicas) {
    if (replica.child.exitCode === null) {
      killTree(replica.child.pid);
      await replica.exited;
    }
  }
  await proxy?.close();
  await harness?.stop();
  await redis?.dispose();
});

describe("two HTTP replicas behind a load balancer, one Redis", () => {
  it("report themselves healthy to the load balancer (no gateway needed)", async () => {
    for (const port of healthPorts) {
      const health = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect(health.status).toBe(200);
    }
  });

  it("answers every command, whichever replica gets it", async () => {
    const asked = [
      await harness.slash("policy", { name: "torch", section: "budget" }),
      await harness.slash("ask", { question: "when did city clusters start?" }),
      await harness.slash("compare", { a: "torch", b: "greater-bay-area" }),
      await harness.slash("maturity", { country: "china" }),
      await harness.slash("sources", { country: "china" }),
      await harness.slash("help"),
    ];
    const texts = asked.map((outcome) => visibleText(outcome.message));
    expect(texts[0]).toContain(torch.budget.overall.slice(0, 40));
    expect(texts[1]).toMatch(/2006/);
    expect(texts[2]).toMatch(/Greater Bay Area/);
    expect(texts[3]).toMatch(/6\.5/);
    expect(asked[3]?.message?.files.map((file) => file.name)).toEqual(["maturity.png"]);
    expect(texts[4]).toMatch(/factsheet/i);
    expect(texts[5]).toMatch(/\/policy/);
    expect((await harness.autocomplete("policy", "name", "tor"))[0]?.value).toBe("torch");
    const replicasUsed = new Set(asked.map((outcome) => proxy.routed.get(outcome.interaction.id)));
    expect(replicasUsed).toEqual(new Set([0, 1]));
    expect(harness.server.rejectedRequests()).toEqual([]);
  });

  it("keeps a conversation's context when its follow-up lands on the other replica", async () => {
    const actor = { user: fixture.users.carol };
    const first = await harness.slash("ask", { question: "what is the torch programme?" }, actor);
    const followUp = await harness.slash("ask", { question: "and its budget?" }, actor);
    expect(proxy.routed.get(followUp.interaction.id)).not.toBe(
      proxy.routed.get(first.interaction.id),
    );
    expect(visibleText(followUp.message)).toContain(torch.budget.overall.slice(0, 40));
  });

  it("refuses a forged signature, a replayed old timestamp and a 2 MB body, without effect", async () => {
    const actor = { user: fixture.users.bob };
    await harness.slash("ask", { question: "what is the torch programme?" }, actor);
    const messagesBefore = harness.server.botMessages.length;
    // A question that would move Bob's conversation to City Clusters, if it were taken.
    const body = JSON.stringify({
      id: "1300000000000088888",
      application_id: fixture.applicationId,
      type: 2,
      token: "forged-token",
      channel_id: fixture.channels.general.id,
      guild_id: fixture.guild.id,
      member: { user: { id: fixture.users.bob.id } },
      data: {
        name: "ask",
        type: 1,
        options: [{ name: "question", type: 3, value: "what are the city clusters?" }],
      },
    });
    const forged = {
      ...harness.server.signer.headers(body),
      "X-Signature-Ed25519": "ab".repeat(64),
    };
    const replayed = harness.server.signer.headers(body, Math.floor(Date.now() / 1000) - 600);
    const huge = Buffer.concat([Buffer.from(body), Buffer.alloc(2 * 1024 * 1024, 0x20)]);
    // Twice each, so both replicas refuse each one.
    for (let round = 0; round < 2; round++) {
      expect((await postToEndpoint(proxy.url, body, forged, 5000)).status).toBe(401);
      expect((await postToEndpoint(proxy.url, body, replayed, 5000)).status).toBe(401);
      const tooLarge = await postToEndpoint(
        proxy.url,
        huge,
        harness.server.signer.headers(huge),
        10_000,
      );
      expect(tooLarge.status).toBe(413);
    }
    expect(harness.server.botMessages.length).toBe(messagesBefore);
    const followUp = await harness.slash("ask", { question: "and its budget?" }, actor);
    expect(visibleText(followUp.message)).toContain(torch.budget.overall.slice(0, 40));
  });
});
