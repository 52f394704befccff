import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  Client,
  DiscordAPIError,
  Events,
  GatewayIntentBits,
  MessageFlags,
  REST,
  Routes,
  SlashCommandBuilder,
  StringSelectMenuBuilder,
} from "discord.js";
import type { Interaction, Message } from "discord.js";
import { once } from "node:events";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { WebSocket } from "ws";
import { fixture } from "../discord-server/fixture.ts";
import { DiscordHarness, delay } from "../discord-server/harness.ts";

/**
 * The test server against the real, unmodified discord.js client: a plain Client logs in, gets
 * its guild, answers interactions, and the server enforces Discord's rules on what it sends.
 */

type Handler = (interaction: Interaction) => Promise<void>;

let harness: DiscordHarness;
let client: Client;
const handlers = new Map<string, Handler>();
const handlerErrors: unknown[] = [];
let messageHandler: ((message: Message) => Promise<void>) | null = null;

const commands = [
  new SlashCommandBuilder()
    .setName("echo")
    .setDescription("Repeats the text")
    .addStringOption((option) =>
      option.setName("text").setDescription("What to repeat").setRequired(true),
    ),
  new SlashCommandBuilder()
    .setName("slow")
    .setDescription("Defers, then edits")
    .addBooleanOption((option) => option.setName("private").setDescription("Ephemeral?")),
  new SlashCommandBuilder()
    .setName("pick")
    .setDescription("Autocomplete a fruit")
    .addStringOption((option) =>
      option.setName("fruit").setDescription("A fruit").setRequired(true).setAutocomplete(true),
    ),
  new SlashCommandBuilder().setName("huge").setDescription("Sends an over-limit embed"),
  new SlashCommandBuilder().setName("menu").setDescription("Sends buttons and a select"),
  new SlashCommandBuilder().setName("late").setDescription("Answers after the window"),
  new SlashCommandBuilder().setName("file").setDescription("Replies with an attachment"),
  new SlashCommandBuilder().setName("more").setDescription("Follow-ups, fetch and delete"),
].map((builder) => builder.toJSON());

beforeAll(async () => {
  harness = await DiscordHarness.start({ heartbeatIntervalMs: 400 });
  const rest = new REST({ api: harness.apiUrl }).setToken(harness.token);
  await rest.put(Routes.applicationGuildCommands(fixture.applicationId, fixture.guild.id), {
    body: commands,
  });
  client = new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages],
    rest: { api: harness.apiUrl },
  });
  client.on(Events.InteractionCreate, (interaction) => {
    const name =
      interaction.isCommand() || interaction.isAutocomplete()
        ? interaction.commandName
        : "component";
    const handler = handlers.get(name);
    if (handler) handler(interaction).catch((error: unknown) => handlerErrors.push(error));
  });
  client.on(Events.MessageCreate, (message) => {
    messageHandler?.(message).catch((error: unknown) => handlerErrors.push(error));
  });
  const ready = once(client, Events.ClientReady);
  await client.login(harness.token);
  await ready;
});

afterAll(async () => {
  await client?.destroy();
  await harness?.stop();
});

afterEach(() => {
  handlerErrors.length = 0;
  messageHandler = null;
});

describe("logging in", () => {
  it("connects over Gateway v10 JSON without compression and receives the guild", () => {
    expect(client.user?.id).toBe(fixture.applicationId);
    expect(client.application?.id).toBe(fixture.applicationId);
    const guild = client.guilds.cache.get(fixture.guild.id);
    expect(guild?.name).toBe(fixture.guild.name);
    expect(guild?.channels.cache.map((channel) => channel.name).sort()).toEqual([
      "ask-policy",
      "general",
      "random",
    ]);
    const first = harness.server.gateway.connections[0];
    expect(first?.path).toBe("/gateway");
    expect(first?.query).toEqual({ v: "10", encoding: "json" });
    expect(first?.opened).toBe("identify");
    expect(harness.requestsTo("GET /gateway/bot")).toHaveLength(1);
  });

  it("heartbeats and gets acks", async () => {
    const before = harness.server.gateway.session?.connection?.heartbeats ?? 0;
    await delay(900);
    expect(harness.server.gateway.session?.connection?.heartbeats ?? 0).toBeGreaterThan(before);
    expect(client.ws.ping).toBeGreaterThanOrEqual(0);
  });

  it("rejects a wrong token on REST (401 → discord.js TokenInvalid)", async () => {
    const intruder = new Client({
      intents: [GatewayIntentBits.Guilds],
      rest: { api: harness.apiUrl },
    });
    await expect(intruder.login("wrong-token")).rejects.toThrow(/invalid token/i);
    await intruder.destroy();
  });

  it("closes the gateway with 4004 on IDENTIFY with a wrong token", async () => {
    const socket = new WebSocket(`${harness.server.gateway.gatewayUrl}?v=10&encoding=json`);
    await once(socket, "message");
    socket.send(JSON.stringify({ op: 2, d: { token: "wrong", intents: 1, properties: {} } }));
    const [code] = await once(socket, "close");
    expect(code).toBe(4004);
  });
});

describe("registering commands", () => {
  const rest = (): REST => new REST({ api: harness.apiUrl }).setToken(harness.token);

  it("stores the definitions the commands give", async () => {
    const registered = await rest().get(
      Routes.applicationGuildCommands(fixture.applicationId, fixture.guild.id),
    );
    expect(Array.isArray(registered) ? registered.map((command) => command.name) : []).toEqual(
      commands.map((command) => command.name),
    );
  });

  it("rejects definitions breaking Discord's rules with 50035 and the paths", async () => {
    const bad = [
      { name: "Upper", description: "x" },
      { name: "long", description: "d".repeat(101) },
      {
        name: "order",
        description: "optional before required",
        options: [
          { type: 3, name: "a", description: "a" },
          { type: 3, name: "b", description: "b", required: true },
        ],
      },
      {
        name: "choices",
        description: "too many choices",
        options: [
          {
            type: 3,
            name: "c",
            description: "c",
            choices: Array.from({ length: 26 }, (_, index) => ({
              name: `n${index}`,
              value: `v${index}`,
            })),
          },
        ],
      },
    ];
    const error = await rest()
      .put(Routes.applicationCommands(fixture.applicationId), { body: bad })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DiscordAPIError);
    const apiError = error instanceof DiscordAPIError ? error : null;
    expect(apiError?.code).toBe(50035);
    expect(apiError?.message).toContain("0.name[APPLICATION_COMMAND_INVALID_NAME]");
    expect(apiError?.message).toContain("1.description[BASE_TYPE_MAX_LENGTH]");
    expect(apiError?.message).toContain(
      "2.options[1].required[APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID]",
    );
    expect(apiError?.message).toContain("3.options[0].choices[BASE_TYPE_MAX_LENGTH]");
    expect(harness.server.globalCommands.size).toBe(0);
  });
});

describe("interactions", () => {
  it("interaction.reply answers a slash command with its option", async () => {
    handlers.set("echo", async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      await interaction.reply({
        content: `You said: ${interaction.options.getString("text", true)}`,
      });
    });
    const outcome = await harness.slash("echo", { text: "hello" });
    expect(outcome.ackType).toBe(4);
    expect(outcome.message?.content).toBe("You said: hello");
    expect(outcome.ackMs).toBeLessThan(3000);
  });

  it("deferReply then editReply, ephemeral when asked", async () => {
    handlers.set("slow", async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      const hidden = interaction.options.getBoolean("private") ?? false;
      await interaction.deferReply(hidden ? { flags: MessageFlags.Ephemeral } : {});
      await delay(50);
      await interaction.editReply({ embeds: [{ title: "Done", description: "after a while" }] });
    });
    const open = await harness.slash("slow");
    expect(open.ackType).toBe(5);
    expect(open.ephemeral).toBe(false);
    expect(open.message?.embeds[0]?.title).toBe("Done");
    const hidden = await harness.slash("slow", { private: true });
    expect(hidden.ephemeral).toBe(true);
    expect(hidden.message?.loading).toBe(false);
  });

  it("autocomplete: interaction.respond returns choices; more than 25 is rejected", async () => {
    const fruits = ["apple", "apricot", "banana", "cherry"];
    handlers.set("pick", async (interaction) => {
      if (!interaction.isAutocomplete()) return;
      const typed = interaction.options.getFocused();
      if (typed === "all") {
        await interaction.respond(
          Array.from({ length: 26 }, (_, index) => ({ name: `f${index}`, value: `f${index}` })),
        );
        return;
      }
      await interaction.respond(
        fruits
          .filter((fruit) => fruit.startsWith(typed))
          .map((fruit) => ({ name: fruit, value: fruit })),
      );
    });
    expect(await harness.autocomplete("pick", "fruit", "ap")).toEqual([
      { name: "apple", value: "apple" },
      { name: "apricot", value: "apricot" },
    ]);
    await expect(
      harness.autocomplete("pick", "fruit", "all", {}, { timeoutMs: 1000 }),
    ).rejects.toThrow(/data\.choices.*BASE_TYPE_MAX_LENGTH/);
    expect(handlerErrors).toHaveLength(1);
    expect(handlerErrors[0]).toBeInstanceOf(DiscordAPIError);
  });

  it("rejects an over-limit embed with 50035 and the offending path", async () => {
    handlers.set("huge", async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      try {
        await interaction.reply({
          embeds: [{ title: "t".repeat(257), fields: [{ name: "f", value: "" }] }],
        });
      } catch (error) {
        handlerErrors.push(error);
        await interaction.reply({ content: "fallback", flags: MessageFlags.Ephemeral });
      }
    });
    const outcome = await harness.slash("huge");
    expect(outcome.message?.content).toBe("fallback");
    expect(outcome.ephemeral).toBe(true);
    const error = handlerErrors[0];
    expect(error).toBeInstanceOf(DiscordAPIError);
    expect(error instanceof DiscordAPIError ? error.code : null).toBe(50035);
    expect(String(error)).toContain("data.embeds[0].title[BASE_TYPE_MAX_LENGTH]");
    expect(String(error)).toContain("data.embeds[0].fields[0].value[BASE_TYPE_REQUIRED]");
    expect(outcome.interaction.rejected).toHaveLength(1);
  });

  it("accepts one acknowledgement only (40060) and none after the window (10062)", async () => {
    let second: unknown = null;
    handlers.set("echo", async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      await interaction.reply({ content: "first" });
      second = await client.rest
        .post(Routes.interactionCallback(interaction.id, interaction.token), {
          body: { type: 4, data: { content: "second" } },
          auth: false,
        })
        .catch((error: unknown) => error);
    });
    await harness.slash("echo", { text: "x" });
    await delay(100);
    expect(second instanceof DiscordAPIError ? second.code : second).toBe(40060);

    handlers.set("late", async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      await delay(harness.server.ackWindowMs + 150);
      await interaction
        .reply({ content: "too late" })
        .catch((error: unknown) => handlerErrors.push(error));
    });
    await expect(harness.slash("late", {}, { timeoutMs: 3800 })).rejects.toThrow(
      /Unknown interaction/,
    );
    expect(handlerErrors[0] instanceof DiscordAPIError ? handlerErrors[0].code : null).toBe(10062);
  });

  it("buttons update the message; a select defers the update and edits", async () => {
    handlers.set("menu", async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      await interaction.reply({
        content: "choose",
        components: [
          new ActionRowBuilder<ButtonBuilder>().addComponents(
            new ButtonBuilder().setCustomId("yes").setLabel("Yes").setStyle(ButtonStyle.Primary),
          ),
          new ActionRowBuilder<StringSelectMenuBuilder>().addComponents(
            new StringSelectMenuBuilder()
              .setCustomId("section")
              .addOptions({ label: "Budget", value: "budget" }, { label: "Type", value: "type" }),
          ),
        ],
      });
    });
    handlers.set("component", async (interaction) => {
      if (interaction.isButton()) {
        await interaction.update({ content: `pressed ${interaction.customId}`, components: [] });
      } else if (interaction.isStringSelectMenu()) {
        await interaction.deferUpdate();
        await interaction.editReply({ content: `section ${interaction.values.join(",")}` });
      }
    });
    const menu = await harness.slash("menu");
    const message = menu.message;
    if (!message) throw new Error("no menu message");
    const selected = await harness.selectOption(message, "section", ["budget"]);
    expect(selected.ackType).toBe(6);
    expect(selected.message?.id).toBe(message.id);
    expect(selected.message?.content).toBe("section budget");
    const pressed = await harness.pressButton(message, "yes");
    expect(pressed.ackType).toBe(7);
    expect(pressed.message?.content).toBe("pressed yes");
    expect(pressed.message?.components).toEqual([]);
  });

  it("accepts multipart replies and records the files", async () => {
    handlers.set("file", async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      await interaction.reply({
        embeds: [{ title: "chart", image: { url: "attachment://chart.png" } }],
        files: [{ attachment: Buffer.from("not really a png"), name: "chart.png" }],
      });
    });
    const outcome = await harness.slash("file");
    expect(outcome.message?.files.map((file) => [file.name, file.size])).toEqual([
      ["chart.png", 16],
    ]);
    expect(outcome.message?.embeds[0]?.image?.url).toBe("attachment://chart.png");
    expect(
      harness.requestsTo("POST /interactions/:interactionId/:token/callback").at(-1)?.files,
    ).toHaveLength(1);
  });
});

describe("responses beyond the first", () => {
  it("with_response, follow-ups, fetching and deleting the original", async () => {
    const seen: string[] = [];
    handlers.set("more", async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      const response = await interaction.reply({ content: "first", withResponse: true });
      seen.push(response.resource?.message?.content ?? "none");
      const fetched = await interaction.fetchReply();
      seen.push(fetched.content);
      const followUp = await interaction.followUp({
        content: "second",
        flags: MessageFlags.Ephemeral,
      });
      seen.push(followUp.content);
      await interaction.deleteReply();
      const gone = await interaction.fetchReply().catch((error: unknown) => error);
      seen.push(gone instanceof DiscordAPIError ? String(gone.code) : "still there");
    });
    const outcome = await harness.slash("more");
    // The handler goes on after the reply settles the interaction: wait for its last step.
    await vi.waitFor(() => expect(seen).toHaveLength(4), { timeout: 10_000, interval: 20 });
    expect(seen).toEqual(["first", "first", "second", "10008"]);
    expect(outcome.ackType).toBe(4);
    const followups = harness.server.botMessages.filter(
      (message) => message.interactionId === outcome.interaction.id && message.via === "followup",
    );
    expect(followups.map((message) => [message.content, message.ephemeral])).toEqual([
      ["second", true],
    ]);
  });

  it("channel messages: typing, send, reply to an unknown message rejected", async () => {
    const channel = client.channels.cache.get(fixture.channels.random.id);
    if (!channel?.isSendable()) throw new Error("no sendable channel");
    await channel.sendTyping();
    const sent = await channel.send({ content: "plain", allowedMentions: { parse: [] } });
    expect(harness.server.typing.at(-1)?.channelId).toBe(fixture.channels.random.id);
    expect(harness.server.botMessages.at(-1)?.content).toBe("plain");
    const error = await channel
      .send({ content: "reply", reply: { messageReference: "1234567890123456789" } })
      .catch((caught: unknown) => caught);
    expect(error instanceof DiscordAPIError ? error.message : error).toMatch(
      /message_reference\[MESSAGE_REFERENCE_UNKNOWN_MESSAGE\]/,
    );
    const edited = await sent.edit({ content: "edited" });
    expect(edited.content).toBe("edited");
  });
});

describe("messages", () => {
  it("delivers a mention with content, hides content without the intent, records allowed_mentions", async () => {
    const seen: string[] = [];
    messageHandler = async (message) => {
      seen.push(message.content);
      if (message.author.bot || !client.user || !message.mentions.has(client.user)) return;
      await message.reply({
        content: `echo @everyone <@&${fixture.roles.moderators.id}>`,
        allowedMentions: { parse: [] },
      });
    };
    const reply = await harness.say("hello there", { mentionBot: true });
    expect(reply.content).toContain("echo");
    expect(reply.allowedMentions).toEqual({ parse: [] });
    expect(reply.pings).toEqual({ everyone: false, users: [], roles: [], repliedUser: false });
    await harness.sayExpectingSilence("no mention here", { quietMs: 300 });
    expect(seen).toEqual([`<@${fixture.applicationId}> hello there`, ""]);
  });

  it("computes pings when allowed_mentions is absent", async () => {
    messageHandler = async (message) => {
      if (message.author.bot || !client.user || !message.mentions.has(client.user)) return;
      await message.reply({ content: "hi @everyone" });
    };
    const reply = await harness.say("ping", { mentionBot: true });
    expect(reply.allowedMentions).toBeNull();
    expect(reply.pings.everyone).toBe(true);
    expect(reply.pings.repliedUser).toBe(true);
  });
});

describe("dropped connections", () => {
  it.each([1006, 4000])("resumes after close code %i and replays what it missed", async (code) => {
    handlers.set("echo", async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      await interaction.reply({ content: `echo ${interaction.options.getString("text", true)}` });
    });
    const connectionsBefore = harness.server.gateway.connections.length;
    const reconnected = harness.server.gateway.waitForReconnect(10_000);
    harness.server.gateway.drop(code);
    // Dispatched while the bot is disconnected: replayed on RESUME.
    const missed = harness.slash("echo", { text: `during ${code}` });
    expect(await reconnected).toBe("resumed");
    expect((await missed).message?.content).toBe(`echo during ${code}`);
    const resumed = harness.server.gateway.connections.at(-1);
    expect(harness.server.gateway.connections.length).toBe(connectionsBefore + 1);
    expect(resumed?.path).toBe("/gateway-resume");
    expect(resumed?.opened).toBe("resume");
    expect((await harness.slash("echo", { text: "after" })).message?.content).toBe("echo after");
  });
});
