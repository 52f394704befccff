import { execFileSync } from "node:child_process";
import { loadavg } from "node:os";
import { ALL_COMMANDS } from "../commands/index.ts";
import { deployCommands } from "../src/bot/deploy.ts";
import { fixture } from "../test/discord-server/fixture.ts";
import type { FixtureUser } from "../test/discord-server/fixture.ts";
import { DiscordTestServer } from "../test/discord-server/server.ts";
import type {
  BotMessage,
  InteractionState,
  RecordedRequest,
} from "../test/discord-server/server.ts";
import {
  botEnv,
  findBotPid,
  killTree,
  REPO_ROOT,
  rssKb,
  startNpm,
} from "../test/e2e/child-process.ts";

/**
 * The soak run (`npm run bench -- --soak`; not part of `npm test`): `npm start` against the local
 * Discord-compatible server, fed interactions from many distinct users and mentions, with REST
 * faults injected on a fraction of the requests (lost answers after processing, 5xx, 429 with and
 * without Retry-After, delays, hangs). It checks what users would see: every interaction
 * acknowledged within its window (or deferred in it and answered after), nothing answered twice,
 * and the bot's resident memory flat over the second half.
 *
 * Options: --interactions N (100000), --users N (50000), --mentions N (10000), --concurrency N
 * (16), --fault-rate F (0.01), --seed N (1).
 */

interface SoakOptions {
  interactions: number;
  users: number;
  mentions: number;
  concurrency: number;
  faultRate: number;
  seed: number;
}

function parseOptions(argv: readonly string[]): SoakOptions {
  const number = (name: string, fallback: number): number => {
    const index = argv.indexOf(`--${name}`);
    const value = index >= 0 ? Number(argv[index + 1]) : fallback;
    if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} must be a number`);
    return value;
  };
  return {
    interactions: number("interactions", 100_000),
    users: number("users", 50_000),
    mentions: number("mentions", 10_000),
    concurrency: number("concurrency", 16),
    faultRate: number("fault-rate", 0.01),
    seed: number("seed", 1),
  };
}

const CALLBACK = "POST /interactions/:interactionId/:token/callback";
const CHANNEL_MESSAGE = "POST /channels/:channelId/messages";
const EDIT_ORIGINAL = "PATCH /webhooks/:appId/:token/messages/:messageId";

/** Faults at `rate` per route in total, spread over the kinds Discord produces. */
function injectFaults(server: DiscordTestServer, rate: number): void {
  const kinds = [
    { status: 502, processed: true },
    { status: 500 },
    { status: 429, headers: { "Retry-After": "0.2" } },
    { status: 429 },
    { delayMs: 800 },
    { hang: true },
  ];
  for (const route of [CALLBACK, CHANNEL_MESSAGE, EDIT_ORIGINAL]) {
    for (const kind of kinds)
      server.injectFault({ route, probability: rate / kinds.length, ...kind });
  }
}

function person(index: number): FixtureUser {
  return {
    id: String(1_480_000_000_000_000_000n + BigInt(index)),
    username: `soak${index}`,
    bot: false,
  };
}

interface Tracked {
  state: InteractionState;
  ackAt: number | null;
  ackType: number | null;
  answeredAt: number | null;
  creates: number;
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? 0;
}

/** Runs the soak; sets a non-zero exit code when a check fails. */
export async function runSoak(argv: readonly string[]): Promise<void> {
  const options = parseOptions(argv);
  execFileSync("npm", ["run", "--silent", "build"], { cwd: REPO_ROOT, stdio: "inherit" });
  const server = await new DiscordTestServer({ lean: true, faultSeed: options.seed }).start();
  await deployCommands(
    {
      token: server.token,
      clientId: fixture.applicationId,
      guildId: fixture.guild.id,
      apiUrl: server.apiUrl,
    },
    ALL_COMMANDS,
  );
  const bot = startNpm(
    ["start"],
    botEnv({ DISCORD_TOKEN: server.token, DISCORD_API_URL: server.apiUrl }),
  );
  try {
    await bot.waitForOutput(/Logged in as/, 60_000);
    const botPid = bot.child.pid === undefined ? null : findBotPid(bot.child.pid);
    injectFaults(server, options.faultRate);

    const tracked = new Map<string, Tracked>();
    const faultedInteractions = new Set<string>();
    server.on("request", (record: RecordedRequest) => {
      if (record.faulted && record.interactionId !== null)
        faultedInteractions.add(record.interactionId);
    });
    const mentionReplies = new Map<string, number>();
    const window = server.ackWindowMs;
    server.on("interactionUpdate", (state: InteractionState) => {
      const entry = tracked.get(state.id);
      if (!entry || !state.ack || entry.ackAt !== null) return;
      entry.ackAt = state.ack.at;
      entry.ackType = state.ack.type;
      if (state.ack.type !== 5) entry.answeredAt = state.ack.at;
    });
    server.on("botMessage", (message: BotMessage) => {
      if (message.interactionId !== null) {
        const entry = tracked.get(message.interactionId);
        if (!entry) return;
        if (message.action === "create" && message.via !== "interaction-defer") entry.creates += 1;
        if (!message.loading && entry.answeredAt === null) entry.answeredAt = message.at;
      } else if (message.replyTo !== null && message.action === "create") {
        mentionReplies.set(message.replyTo, (mentionReplies.get(message.replyTo) ?? 0) + 1);
      }
    });

    const commands = new Map(
      ["policy", "ask", "maturity", "help", "compare"].map((name) => {
        const command = server.findCommand(name);
        if (!command) throw new Error(`/${name} is not registered`);
        return [name, command] as const;
      }),
    );
    const channels = Object.values(fixture.channels).map((channel) => channel.id);
    const mix: {
      type: number;
      name: string;
      options: Record<string, unknown>[];
      focused?: string;
    }[] = [
      { type: 2, name: "policy", options: [{ name: "name", type: 3, value: "torch" }] },
      {
        type: 2,
        name: "policy",
        options: [
          { name: "name", type: 3, value: "city-clusters" },
          { name: "section", type: 3, value: "budget" },
        ],
      },
      {
        type: 2,
        name: "ask",
        options: [{ name: "question", type: 3, value: "When did the TORCH Program start?" }],
      },
      { type: 2, name: "maturity", options: [{ name: "country", type: 3, value: "china" }] },
      { type: 2, name: "help", options: [] },
      {
        type: 2,
        name: "compare",
        options: [
          { name: "a", type: 3, value: "torch" },
          { name: "b", type: 3, value: "greater-bay-area" },
        ],
      },
      {
        type: 4,
        name: "policy",
        options: [{ name: "name", type: 3, value: "tor", focused: true }],
        focused: "name",
      },
    ];

    const rss: { done: number; kb: number }[] = [];
    let done = 0;
    const sampler = setInterval(() => {
      const kb = rssKb(botPid);
      if (kb !== null) rss.push({ done, kb });
    }, 1000);

    const mentionEvery =
      options.mentions > 0 ? Math.max(1, Math.floor(options.interactions / options.mentions)) : 0;
    const posted: string[] = [];
    let next = 0;
    const started = Date.now();
    let lastReport = started;
    await new Promise<void>((resolve) => {
      const inFlight = new Set<string>();
      const settle = (id: string): void => {
        if (!inFlight.delete(id)) return;
        done += 1;
        pump();
      };
      server.on("interactionUpdate", (state: InteractionState) => {
        const entry = tracked.get(state.id);
        if (entry && state.ack && (state.ack.type !== 5 || entry.answeredAt !== null))
          settle(state.id);
      });
      server.on("botMessage", (message: BotMessage) => {
        if (message.interactionId && !message.loading) {
          const entry = tracked.get(message.interactionId);
          if (entry?.ackAt !== null) settle(message.interactionId);
        }
      });
      const pump = (): void => {
        while (inFlight.size < options.concurrency && next < options.interactions) {
          const index = next;
          next += 1;
          const item = mix[index % mix.length];
          const command = item ? commands.get(item.name) : undefined;
          if (!item || !command) continue;
          const user = person(index % options.users);
          const channelId = channels[index % channels.length] ?? fixture.channels.general.id;
          const state = server.dispatchInteraction(
            item.type,
            {
              id: command.id,
              name: item.name,
              type: 1,
              options: item.options,
              guild_id: fixture.guild.id,
            },
            {
              user,
              channelId,
              commandName: item.name,
              ...(item.focused ? { focused: { name: item.focused, type: 3 } } : {}),
            },
          );
          tracked.set(state.id, {
            state,
            ackAt: null,
            ackType: null,
            answeredAt: null,
            creates: 0,
          });
          inFlight.add(state.id);
          // Unanswered interactions are given up on after the window plus the follow-up time.
          setTimeout(() => settle(state.id), window + 15_000).unref();
          if (mentionEvery > 0 && index % mentionEvery === 0 && posted.length < options.mentions) {
            const author = person(options.users + (posted.length % options.users));
            const message = server.dispatchUserMessage({
              author,
              channelId,
              content: `<@${fixture.applicationId}> when did the torch program start? ${posted.length}`,
            });
            posted.push(String(message.id));
          }
        }
        const now = Date.now();
        if (now - lastReport > 10_000) {
          lastReport = now;
          const kb = rssKb(botPid);
          console.error(
            `  ${done}/${options.interactions} interactions, ${posted.length} mentions, ${Math.round((done * 1000) / (now - started))}/s, bot RSS ${kb === null ? "n/a" : `${Math.round(kb / 1024)} MiB`}`,
          );
        }
        if (done >= options.interactions && inFlight.size === 0) resolve();
      };
      pump();
    });
    const elapsed = Date.now() - started;
    // Late follow-ups and queued mention replies.
    await new Promise((resolve) => setTimeout(resolve, 5000));
    clearInterval(sampler);

    let inWindow = 0;
    let deferredThenAnswered = 0;
    let missed = 0;
    let missedUnacknowledged = 0;
    let missedFaulted = 0;
    let duplicates = 0;
    const ackTimes: number[] = [];
    for (const entry of tracked.values()) {
      if (entry.creates > 1) duplicates += 1;
      const ackMs = entry.ackAt === null ? null : entry.ackAt - entry.state.createdAt;
      if (ackMs !== null) ackTimes.push(ackMs);
      if (ackMs === null || ackMs > window) {
        missed += 1;
        if (ackMs === null) missedUnacknowledged += 1;
        if (faultedInteractions.has(entry.state.id)) missedFaulted += 1;
      } else if (entry.ackType === 5) {
        if (entry.answeredAt !== null) deferredThenAnswered += 1;
        else missed += 1;
      } else inWindow += 1;
    }
    ackTimes.sort((a, b) => a - b);
    const mentionAnswered = posted.filter((id) => (mentionReplies.get(id) ?? 0) > 0).length;
    const mentionDuplicates = posted.filter((id) => (mentionReplies.get(id) ?? 0) > 1).length;
    const half = rss.filter((sample) => sample.done >= options.interactions / 2);
    const mid = half[0]?.kb ?? 0;
    const end = rss.at(-1)?.kb ?? 0;
    const halfMax = Math.max(0, ...half.map((sample) => sample.kb));
    const mib = (kb: number): string => `${(kb / 1024).toFixed(0)} MiB`;
    const quarter = (q: number): string => {
      const sample = rss.find((s) => s.done >= options.interactions * q);
      return sample ? mib(sample.kb) : "n/a";
    };
    const faultHits = server.faultHits();
    const rssFlat = mid > 0 && end <= mid * 1.1;

    console.log(
      `soak: ${options.interactions} interactions from ${Math.min(options.users, options.interactions)} users, ${posted.length} mentions, faults at ${options.faultRate * 100}% (${faultHits} injected), in ${(elapsed / 1000).toFixed(0)} s (${Math.round((options.interactions * 1000) / elapsed)}/s)`,
    );
    console.log(
      `  acknowledged within ${window} ms: ${inWindow}; deferred in the window and answered after: ${deferredThenAnswered}; missed: ${missed} (${missedUnacknowledged} never acknowledged, ${missed - missedUnacknowledged} late; ${missedFaulted} of them had a fault injected on their callback)`,
    );
    console.log(
      `  ack p50 ${percentile(ackTimes, 0.5)} ms, p99 ${percentile(ackTimes, 0.99)} ms, max ${ackTimes.at(-1) ?? 0} ms`,
    );
    console.log(
      `  duplicates: ${duplicates} interactions answered twice, ${mentionDuplicates} mentions answered twice`,
    );
    console.log(
      `  mentions answered: ${mentionAnswered}/${posted.length} (the rest dropped by the rate limit, the queue bound or staleness, with log lines)`,
    );
    console.log(
      `  bot RSS at 25/50/75/100 %: ${quarter(0.25)} / ${quarter(0.5)} / ${quarter(0.75)} / ${mib(end)}; max over the last half ${mib(halfMax)} (flat: end ≤ mid + 10 %: ${rssFlat ? "yes" : "no"})`,
    );
    console.log(
      `  load average: ${loadavg()
        .map((l) => l.toFixed(2))
        .join(", ")}`,
    );
    const { stdout, stderr } = bot.output();
    const logged = `${stdout}\n${stderr}`;
    const count = (pattern: RegExp): number => (logged.match(pattern) ?? []).length;
    console.log(
      `  bot log: ${count(/could not be delivered in time/g)} answers not delivered in time, ${count(/Dropped the reply/g)} stale-reply lines, ${count(/Free-text queue full/g)} queue-full lines, ${count(/retrying it/g)} answers retried; interaction tokens in the log: ${count(/aW50ZXJhY3Rpb246/g)}`,
    );
    const ok = missed === 0 && duplicates === 0 && mentionDuplicates === 0 && rssFlat;
    console.log(ok ? "soak: PASS" : "soak: FAIL");
    process.exitCode = ok ? 0 : 1;
  } finally {
    killTree(bot.child.pid);
    await bot.exited;
    await server.stop();
  }
}
