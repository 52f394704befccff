import { Client, Events, GatewayIntentBits, type Interaction } from "discord.js";
import { createClient } from "../src/bot/client.ts";
import { createBotServices } from "../src/bot/create-services.ts";
import { createInteractionRouter } from "../src/bot/interactions.ts";
import { loggerFrom, silentLogger } from "../src/bot/log.ts";
import type { SendRequest } from "../src/bot/rest-policy.ts";
import { createEngine } from "../src/create-engine.ts";
import { defaultDataDir, loadDataset } from "../src/dataset/load.ts";
import { memoizeEngine } from "../src/engine-memo.ts";
import { createLogger } from "../src/ops/logger.ts";
import { BotMetrics } from "../src/ops/metrics.ts";
import { apiMember, fixture, MEMBER_PERMISSIONS } from "../test/discord-server/fixture.ts";

/**
 * The CPU one interaction costs between discord.js receiving it and the reply leaving, without
 * the network: policybot's client and handlers (as `npm start` wires them, its log lines on
 * standard output) beside the minimal bot's, in one process, each fed the same raw INTERACTION_CREATE
 * packets of bench/bot-load.ts's mix, every request answered at once with a 204. Rounds
 * alternate between the two so the machine's load falls on both alike. What the bot section's
 * ratio cannot show on a busy machine: how much of the difference is the bot's own code.
 *
 * `node --import tsx bench/hot-path.ts [interactions per round] [rounds] [policybot|minimal] >/dev/null`
 * (defaults 6,000 and 5, both bots); the figures go to standard error.
 */

const PER_ROUND = Number(process.argv[2] ?? 6000);
const ROUNDS = Number(process.argv[3] ?? 5);
const CONCURRENCY = 30;

const channel = { id: fixture.channels.general.id, type: 0, guild_id: fixture.guild.id };
type Mix = { type: 2 | 4; name: string; options: Record<string, unknown>[] };
const option = (name: string, value: string, focused = false): Record<string, unknown> => ({
  name,
  type: 3,
  value,
  ...(focused ? { focused: true } : {}),
});
const MIX: Mix[] = [
  { type: 2, name: "policy", options: [option("name", "torch")] },
  {
    type: 2,
    name: "policy",
    options: [option("name", "city-clusters"), option("section", "budget")],
  },
  { type: 2, name: "compare", options: [option("a", "torch"), option("b", "greater-bay-area")] },
  { type: 2, name: "ask", options: [option("question", "When did the TORCH Program start?")] },
  { type: 4, name: "policy", options: [option("name", "torhc", true)] },
  { type: 2, name: "ask", options: [option("question", "what is the budget of city clusters?")] },
  { type: 4, name: "compare", options: [option("a", "torch"), option("b", "", true)] },
  { type: 2, name: "policy", options: [option("name", "GBA"), option("section", "start_year")] },
  { type: 2, name: "help", options: [] },
  { type: 2, name: "sources", options: [option("policy", "torch")] },
  { type: 2, name: "maturity", options: [option("country", "china")] },
  { type: 2, name: "ask", options: [option("question", "which policies does china have?")] },
];

const DISCORD_EPOCH = 1_420_070_400_000n;
let sequence = 0n;
function packet(item: Mix): Record<string, unknown> {
  sequence += 1n;
  const id = (((BigInt(Date.now()) - DISCORD_EPOCH) << 22n) | (sequence & 0xfffn)).toString();
  return {
    id,
    application_id: fixture.applicationId,
    type: item.type,
    data: { id: "1600000000000000001", name: item.name, type: 1, options: item.options },
    channel,
    channel_id: channel.id,
    guild_id: fixture.guild.id,
    guild: { id: fixture.guild.id, locale: "en-US", features: [] },
    guild_locale: "en-US",
    member: { ...apiMember(fixture.users.alice), permissions: MEMBER_PERMISSIONS },
    token: `aW50ZXJhY3Rpb246${id}`,
    version: 1,
    app_permissions: MEMBER_PERMISSIONS,
    locale: "en-US",
    entitlements: [],
    authorizing_integration_owners: { "0": fixture.guild.id },
    context: 0,
    attachment_size_limit: 10 * 1024 * 1024,
  };
}

/** Every request answered at once: 204 for a callback. */
let answered = 0;
let onAnswered: () => void = () => {};
const answer: SendRequest = async () => {
  answered += 1;
  onAnswered();
  return new Response(null, { status: 204 });
};

/** discord.js's own entry for a gateway packet (private in its typings). */
function feed(client: Client, raw: Record<string, unknown>): void {
  const actions: unknown = Reflect.get(client, "actions");
  const action: unknown = Reflect.get(Object(actions), "InteractionCreate");
  const handle: unknown = Reflect.get(Object(action), "handle");
  if (typeof handle !== "function") throw new Error("discord.js has no InteractionCreate action");
  Reflect.apply(handle, action, [raw]);
}

async function policybot(): Promise<Client> {
  const engine = createEngine(loadDataset(defaultDataDir()));
  // As `npm start` writes it: batched JSON lines on standard output (run this with >/dev/null).
  const logger = createLogger({ pretty: false });
  const built = await createBotServices(
    { conversationMax: 10_000, conversationTtlSeconds: 3600, redisUrl: null },
    engine,
    { logger, log: loggerFrom(logger), metrics: new BotMetrics() },
  );
  const services = { ...built.services, engine: memoizeEngine(engine), log: silentLogger };
  const router = createInteractionRouter(services);
  const client = createClient({ token: "t", apiUrl: null, askChannelIds: [] }, silentLogger, {
    send: answer,
  });
  client.on(Events.InteractionCreate, (interaction: Interaction) => router.handle(interaction));
  return client;
}

function minimal(): Client {
  const client = new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages],
    rest: { makeRequest: (url, init) => answer(url, init) },
    allowedMentions: { parse: [] },
  });
  client.on(Events.InteractionCreate, (interaction) => {
    const done = interaction.isAutocomplete()
      ? interaction.respond([])
      : interaction.isRepliable()
        ? interaction.reply({ content: "ok" })
        : Promise.resolve();
    done.catch((error: unknown) => console.error(error));
  });
  return client;
}

/** CPU ms per interaction for `count` interactions, `CONCURRENCY` in flight. */
async function run(client: Client, count: number): Promise<number> {
  answered = 0;
  const before = process.cpuUsage();
  let sent = 0;
  await new Promise<void>((resolve) => {
    onAnswered = () => {
      if (sent < count) feed(client, packet(MIX[sent++ % MIX.length] ?? MIX[0]!));
      if (answered >= count) resolve();
    };
    for (; sent < Math.min(CONCURRENCY, count);) feed(client, packet(MIX[sent++ % MIX.length]!));
  });
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000 / count;
}

const makers: Record<string, () => Promise<Client>> = {
  policybot,
  minimal: () => Promise.resolve(minimal()),
};
const only = process.argv[4];
const bots: [string, Client][] = [];
for (const [name, make] of Object.entries(makers)) {
  if (only === undefined || only === name) bots.push([name, await make()]);
}
// Warm-up: every path compiled before anything is counted.
for (const [, client] of bots) await run(client, 3000);
const results: Record<string, number[]> = { policybot: [], minimal: [] };
for (let round = 0; round < ROUNDS; round++) {
  for (const [name, client] of bots) results[name]?.push(await run(client, PER_ROUND));
}
const median = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[values.length >> 1] ?? 0;
const pb = median(results.policybot ?? []);
const min = median(results.minimal ?? []);
if (only !== undefined) {
  console.error(`${only}: ${(pb || min).toFixed(3)} ms/interaction`);
  process.exit(0);
}
console.error(
  `in-process, no network: policybot ${pb.toFixed(3)} ms/interaction, minimal ${min.toFixed(3)} ms, ratio ${(pb / min).toFixed(2)} (medians of ${ROUNDS} rounds of ${PER_ROUND})`,
);
process.exit(0);
