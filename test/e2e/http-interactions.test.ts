import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ALL_COMMANDS, createCommandRegistry } from "../../commands/index.ts";
import { lazyChartRenderer } from "../../src/bot/charts.ts";
import { deployCommands } from "../../src/bot/deploy.ts";
import { silentLogger } from "../../src/bot/log.ts";
import { createEngine } from "../../src/create-engine.ts";
import { defaultDataDir, loadDataset } from "../../src/dataset/load.ts";
import type { RunningInteractionsServer } from "../../src/http/server.ts";
import { startInteractionsEndpoint } from "../../src/http/start.ts";
import { fixture } from "../discord-server/fixture.ts";
import { DiscordHarness } from "../discord-server/harness.ts";
import { postToEndpoint } from "../discord-server/interaction-endpoint.ts";
import { buttonIds, recordingLogger, selectMenu, visibleText } from "./bot-under-test.ts";

/**
 * The HTTP interactions endpoint in this process, registered as the application's Interactions
 * Endpoint URL on the local server: the server signs every interaction and POSTs it there, and
 * holds the HTTP response to Discord's rules (3 s, limits, one acknowledgement).
 */

let harness: DiscordHarness;
let endpoint: RunningInteractionsServer;
let url: string;
const log = recordingLogger();

beforeAll(async () => {
  harness = await DiscordHarness.start();
  await deployCommands({
    token: harness.token,
    clientId: fixture.applicationId,
    guildId: fixture.guild.id,
    apiUrl: harness.apiUrl,
  });
  endpoint = await startInteractionsEndpoint({
    publicKey: harness.server.signer.publicKeyHex,
    port: 0,
    host: "127.0.0.1",
    apiUrl: harness.apiUrl,
    services: {
      engine: createEngine(loadDataset(defaultDataDir())),
      commands: createCommandRegistry(ALL_COMMANDS),
      log,
      renderChart: lazyChartRenderer(silentLogger),
    },
  });
  url = `http://127.0.0.1:${endpoint.port}/interactions`;
  await harness.server.setInteractionsEndpoint(url);
});

afterAll(async () => {
  await endpoint?.stop();
  await harness?.stop();
});

describe("registration", () => {
  it("passes the portal's validation: a forged PING refused, a signed PING answered with PONG", () => {
    expect(harness.server.interactionsEndpointUrl).toBe(url);
    expect(harness.server.gateway.connections).toEqual([]);
  });
});

describe("commands over HTTP", () => {
  it("answers /policy in the HTTP response, with its section menu and no pings", async () => {
    const outcome = await harness.slash("policy", { name: "torch", section: "budget" });
    expect(outcome.ackType).toBe(4);
    expect(visibleText(outcome.message)).toMatch(/TORCH/);
    expect(visibleText(outcome.message)).toMatch(/budget/i);
    expect(selectMenu(outcome.message)?.options?.length).toBeGreaterThan(1);
    expect(outcome.message?.allowedMentions).toEqual({ parse: [] });
    expect(outcome.message?.pings.users).toEqual([]);
  });

  it("defers /maturity (it draws a chart) and finishes with a follow-up carrying the chart", async () => {
    const outcome = await harness.slash("maturity", { country: "china" });
    expect(outcome.ackType).toBe(5);
    expect(visibleText(outcome.message)).toMatch(/6\.5/);
    expect(outcome.message?.files.map((file) => file.name)).toEqual(["maturity.png"]);
    expect(outcome.message?.embeds[0]?.image?.url).toMatch(/maturity\.png/);
  });

  it("answers /ask, /compare, /sources and /help, each within Discord's rules", async () => {
    const ask = await harness.slash("ask", { question: "when did torch start?" });
    expect(visibleText(ask.message)).toMatch(/1988/);
    const compare = await harness.slash("compare", { a: "torch", b: "city-clusters" });
    expect(visibleText(compare.message)).toMatch(/City Clusters/);
    const sources = await harness.slash("sources", { country: "china" });
    expect(visibleText(sources.message)).toMatch(/factsheet/i);
    const help = await harness.slash("help");
    expect(help.ephemeral).toBe(true);
    expect(visibleText(help.message)).toMatch(/\/policy/);
  });

  it("gives a polite private reply to an unknown policy", async () => {
    const outcome = await harness.slash("policy", { name: "no such programme" });
    expect(outcome.ackType).toBe(4);
    expect(outcome.ephemeral).toBe(true);
    expect(visibleText(outcome.message)).toMatch(/don't know/i);
  });

  it("autocompletes policy names", async () => {
    const choices = await harness.autocomplete("policy", "name", "tor");
    expect(choices[0]?.value).toBe("torch");
  });

  it("answers a suggestion button, and the section menu edits the card in place", async () => {
    const asked = await harness.slash("ask", { question: "torch budget?" });
    const button = buttonIds(asked.message)[0];
    if (!asked.message || !button) throw new Error("no suggestion button");
    const pressed = await harness.pressButton(asked.message, button);
    expect(pressed.message?.embeds.length).toBe(1);

    const card = await harness.slash("policy", { name: "city-clusters" });
    const menu = selectMenu(card.message);
    if (!card.message || !menu?.custom_id) throw new Error("no section menu");
    const switched = await harness.selectOption(card.message, menu.custom_id, ["objectives"]);
    expect(switched.ackType).toBe(7);
    expect(switched.message?.id).toBe(card.message.id);
    expect(visibleText(switched.message)).toMatch(/objectives/i);

    // A history section brings a timeline: a deferred update, then the edit with the picture.
    const history = await harness.selectOption(card.message, menu.custom_id, ["start_year"]);
    expect(history.ackType).toBe(6);
    expect(history.message?.id).toBe(card.message.id);
    expect(history.message?.files.map((file) => file.name)).toContain("timeline.png");
  });

  it("answers “Ask policybot” on a message privately; its button posts the answer for everyone", async () => {
    const posted = harness.post("when did the torch programme start?", {
      author: fixture.users.alice,
    });
    const asked = await harness.messageCommand("Ask policybot", posted, {
      user: fixture.users.bob,
    });
    expect(asked.ephemeral).toBe(true);
    expect(visibleText(asked.message)).toMatch(/1988/);
    const share = buttonIds(asked.message).find((id) => id.startsWith("share"));
    if (!asked.message || !share) throw new Error("no share button");
    const shared = await harness.pressButton(asked.message, share, { user: fixture.users.bob });
    expect(shared.ephemeral).toBe(false);
    expect(visibleText(shared.message)).toBe(visibleText(asked.message));
  });

  it("sends /export's file after a deferral (an HTTP response carries no upload)", async () => {
    const exported = await harness.slash("export", { country: "china", format: "csv" });
    expect(exported.ackType).toBe(5);
    expect(exported.message?.files.map((file) => file.name)).toEqual(["policybot-china.csv"]);
  });

  it("speaks Chinese to a zh-CN client: headings, labels, the menu, the chart's message and errors", async () => {
    const zh = { locale: "zh-CN" };
    const policy = await harness.slash("policy", { name: "torch", section: "budget" }, zh);
    expect(policy.message?.embeds[0]?.title).toBe("TORCH Program（火炬计划） — 预算");
    expect(selectMenu(policy.message)?.placeholder).toBe("显示其他部分");
    const maturity = await harness.slash("maturity", { country: "china" }, zh);
    expect(maturity.message?.embeds[0]?.title).toBe("China（中国） — 集群政策成熟度");
    expect(maturity.message?.files.map((file) => file.name)).toEqual(["maturity.png"]);
    const twice = await harness.slash("compare", { a: "torch", b: "torch" }, zh);
    expect(twice.ephemeral).toBe(true);
    expect(visibleText(twice.message)).toBe("你选了两次 TORCH Program——请选择不同的政策进行比较。");
  });

  it("left nothing refused by the server", () => {
    expect(harness.server.rejectedRequests()).toEqual([]);
    expect(log.lines.filter((line) => line.level === "error")).toEqual([]);
  });

  it("retries a follow-up that got to Discord before the deferral did (10015), answering once", async () => {
    const fault = harness.server.injectFault({
      route: "POST /webhooks/:appId/:token",
      times: 2,
      status: 404,
      body: { message: "Unknown Webhook", code: 10015 },
    });
    try {
      const outcome = await harness.slash("maturity", { country: "china" });
      expect(fault.hits).toBe(2);
      expect(visibleText(outcome.message)).toMatch(/6\.5/);
      // "Thinking…" (the deferral), then the chart in its place, and nothing more.
      const states = harness.server.botMessages.filter(
        (message) => message.interactionId === outcome.interaction.id,
      );
      expect(states.map((message) => message.loading)).toEqual([true, false]);
      expect(new Set(states.map((message) => message.id)).size).toBe(1);
    } finally {
      fault.remove();
    }
  });
});

describe("requests that are not Discord's", () => {
  const ping = JSON.stringify({ id: "1", application_id: "1", type: 1, token: "t", version: 1 });
  const command = (): string =>
    JSON.stringify({
      id: "1300000000000099999",
      application_id: fixture.applicationId,
      type: 2,
      token: "forged-token",
      channel_id: fixture.channels.general.id,
      guild_id: fixture.guild.id,
      member: { user: { id: fixture.users.alice.id } },
      data: { name: "policy", type: 1, options: [{ name: "name", type: 3, value: "torch" }] },
    });

  it("refuses a forged signature, a missing one and a replayed old timestamp with 401", async () => {
    const before = harness.server.botMessages.length;
    const body = command();
    const forged = {
      ...harness.server.signer.headers(body),
      "X-Signature-Ed25519": "ab".repeat(64),
    };
    expect((await postToEndpoint(url, body, forged, 3000)).status).toBe(401);
    const unsigned = { "Content-Type": "application/json" };
    expect((await postToEndpoint(url, body, unsigned, 3000)).status).toBe(401);
    const tenMinutesAgo = Math.floor(Date.now() / 1000) - 600;
    const replayed = harness.server.signer.headers(body, tenMinutesAgo);
    expect((await postToEndpoint(url, body, replayed, 3000)).status).toBe(401);
    // Signed for another body: the signature covers every byte.
    const other = harness.server.signer.headers(ping);
    expect((await postToEndpoint(url, body, other, 3000)).status).toBe(401);
    expect(harness.server.botMessages.length).toBe(before);
  });

  it("refuses a 2 MB body with 413, malformed JSON and unknown types with 400, and keeps serving", async () => {
    const huge = Buffer.alloc(2 * 1024 * 1024, 0x20);
    const tooLarge = await postToEndpoint(url, huge, harness.server.signer.headers(huge), 10_000);
    expect(tooLarge.status).toBe(413);
    const broken = '{"type": 2, "data": ';
    const malformed = await postToEndpoint(
      url,
      broken,
      harness.server.signer.headers(broken),
      3000,
    );
    expect(malformed.status).toBe(400);
    const unknownType = JSON.stringify({ id: "1", application_id: "1", type: 42, token: "t" });
    const unknown = await postToEndpoint(
      url,
      unknownType,
      harness.server.signer.headers(unknownType),
      3000,
    );
    expect(unknown.status).toBe(400);
    expect(unknown.json).toEqual({ message: "Unknown interaction type 42" });
    const wrongShape = JSON.stringify({ type: 2, data: "nonsense" });
    const shape = await postToEndpoint(
      url,
      wrongShape,
      harness.server.signer.headers(wrongShape),
      3000,
    );
    expect(shape.status).toBe(400);
    const get = await fetch(url);
    expect(get.status).toBe(405);

    const outcome = await harness.slash("policy", { name: "torch" });
    expect(visibleText(outcome.message)).toMatch(/TORCH/);
  });
});
