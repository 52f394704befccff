import { fixture } from "./fixture.ts";
import type { ChannelName, FixtureUser } from "./fixture.ts";
import { isRecord } from "./form-errors.ts";
import type { ChoiceView } from "./message-view.ts";
import { DiscordTestServer } from "./server.ts";
import type {
  BotMessage,
  DiscordTestServerOptions,
  InteractionPlace,
  InteractionState,
  RecordedRequest,
} from "./server.ts";

export type OptionValue = string | number | boolean;

export interface ActorOptions {
  user?: FixtureUser;
  channel?: ChannelName;
  /** A channel by id instead (e.g. the annex guild's, see guilds.ts). */
  channelId?: string;
  /** How long to wait for the bot's answer (default 5 s). */
  timeoutMs?: number;
  /**
   * Skip the checks Discord's own client makes before sending (length limits, choices): what a
   * stale command list or a hand-made request could still deliver to the bot.
   */
  unchecked?: boolean;
  /** Where the user is: the bot's guild (default), its DM, a group DM, a server without the bot. */
  place?: InteractionPlace;
  /** The user's client language, e.g. `zh-CN` (default `en-US`). */
  locale?: string;
}

/** What the bot did with one interaction, once it settled. */
export interface InteractionOutcome {
  interaction: InteractionState;
  /** Callback type: 4 reply, 5 deferred, 6 deferred update, 7 update, 8 autocomplete, 9 modal. */
  ackType: number;
  /** Milliseconds from dispatch to acknowledgement. */
  ackMs: number;
  /** The visible message the interaction produced or edited (null for autocomplete/modal). */
  message: BotMessage | null;
  ephemeral: boolean;
  followups: BotMessage[];
  choices: ChoiceView[] | null;
}

const DEFAULT_TIMEOUT = 5000;

/**
 * Acts as Discord users towards the bot through the test server: slash commands, autocomplete
 * keystrokes, button presses, select choices and channel messages, each returning what the bot
 * sent back.
 */
export class DiscordHarness {
  /** Messages the bot was expected to leave alone (see `repliesToIgnoredMessages`). */
  private readonly ignoredMessageIds = new Set<string>();

  private constructor(readonly server: DiscordTestServer) {}

  static async start(options: DiscordTestServerOptions = {}): Promise<DiscordHarness> {
    const server = await new DiscordTestServer(options).start();
    return new DiscordHarness(server);
  }

  get apiUrl(): string {
    return this.server.apiUrl;
  }

  get token(): string {
    return this.server.token;
  }

  async stop(): Promise<void> {
    await this.server.stop();
  }

  /** Resolves once a client has identified (READY sent); the harness' dispatches queue behind it. */
  waitForIdentify(timeoutMs = 15_000): Promise<void> {
    if (this.server.gateway.session?.connection) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.server.gateway.off("ready", onReady);
        reject(new Error(`No client identified within ${timeoutMs} ms`));
      }, timeoutMs);
      const onReady = (): void => {
        clearTimeout(timer);
        this.server.gateway.off("ready", onReady);
        resolve();
      };
      this.server.gateway.on("ready", onReady);
    });
  }

  /** A user runs `/name option:value …` (the command must be registered, like on Discord). */
  slash(
    name: string,
    options: Record<string, OptionValue> = {},
    actor: ActorOptions = {},
  ): Promise<InteractionOutcome> {
    const command = this.requireCommand(name);
    const data = {
      id: command.id,
      name,
      type: 1,
      options: buildOptions(command, options, null, actor.unchecked ?? false),
      ...(typeof command.guild_id === "string" ? { guild_id: command.guild_id } : {}),
    };
    return this.run(2, data, actor, { commandName: name });
  }

  /**
   * A user right-clicks `target` → Apps → `name` (a message command). Discord resolves the
   * message into the interaction with its content, whatever the bot's intents.
   */
  messageCommand(
    name: string,
    target: Record<string, unknown>,
    actor: ActorOptions = {},
  ): Promise<InteractionOutcome> {
    const command = this.server.findCommand(name, 3);
    if (!command) throw new Error(`No message command "${name}" is registered on the test server`);
    const targetId = String(target.id);
    const stored = this.server.message(targetId);
    if (!stored) throw new Error(`Message ${targetId} does not exist`);
    const data = {
      id: command.id,
      name,
      type: 3,
      target_id: targetId,
      resolved: { messages: { [targetId]: stored } },
      ...(typeof command.guild_id === "string" ? { guild_id: command.guild_id } : {}),
    };
    return this.run(2, data, actor, { commandName: name });
  }

  /** A user types `value` into the autocomplete option `focused`; resolves with the choices shown. */
  async autocomplete(
    name: string,
    focused: string,
    value: string,
    others: Record<string, OptionValue> = {},
    actor: ActorOptions = {},
  ): Promise<ChoiceView[]> {
    const outcome = await this.autocompleteOutcome(name, focused, value, others, actor);
    return outcome.choices ?? [];
  }

  autocompleteOutcome(
    name: string,
    focused: string,
    value: string,
    others: Record<string, OptionValue> = {},
    actor: ActorOptions = {},
  ): Promise<InteractionOutcome> {
    const command = this.requireCommand(name);
    const definition = optionDefinitions(command).find((option) => option.name === focused);
    if (!definition || definition.autocomplete !== true) {
      throw new Error(`/${name} has no autocomplete option "${focused}"`);
    }
    const data = {
      id: command.id,
      name,
      type: 1,
      options: buildOptions(command, others, { name: focused, value }, actor.unchecked ?? false),
      ...(typeof command.guild_id === "string" ? { guild_id: command.guild_id } : {}),
    };
    return this.run(4, data, actor, {
      commandName: name,
      focused: { name: focused, type: typeof definition.type === "number" ? definition.type : 3 },
    });
  }

  /** A user presses the button `customId` on a message the bot sent. */
  pressButton(
    message: BotMessage,
    customId: string,
    actor: ActorOptions = {},
  ): Promise<InteractionOutcome> {
    const component = findComponent(message, customId);
    if (!component || component.type !== 2)
      throw new Error(`No button "${customId}" on message ${message.id}`);
    if (component.disabled === true) throw new Error(`Button "${customId}" is disabled`);
    return this.run(
      3,
      { custom_id: customId, component_type: 2 },
      { channel: channelNameOf(message), ...actor },
      {
        message: this.currentRaw(message),
      },
    );
  }

  /** A user picks `values` in the select menu `customId` on a message the bot sent. */
  selectOption(
    message: BotMessage,
    customId: string,
    values: string[],
    actor: ActorOptions = {},
  ): Promise<InteractionOutcome> {
    const component = findComponent(message, customId);
    if (!component || component.type !== 3)
      throw new Error(`No select menu "${customId}" on message ${message.id}`);
    const offered = new Set((component.options ?? []).map((option) => option.value));
    const missing = values.filter((value) => !offered.has(value));
    if (missing.length > 0) throw new Error(`Select "${customId}" offers no ${missing.join(", ")}`);
    return this.run(
      3,
      { custom_id: customId, component_type: 3, values },
      { channel: channelNameOf(message), ...actor },
      { message: this.currentRaw(message) },
    );
  }

  /**
   * A user submits a modal (`customId`, one text input per entry of `values`), as a form left open
   * from an older version of the bot would still arrive.
   */
  submitModal(
    customId: string,
    values: Record<string, string>,
    actor: ActorOptions = {},
  ): Promise<InteractionOutcome> {
    const components = Object.entries(values).map(([id, value]) => ({
      type: 1,
      components: [{ type: 4, custom_id: id, value }],
    }));
    return this.run(5, { custom_id: customId, components }, actor, {});
  }

  /**
   * Any interaction exactly as given (type 2 command, 3 component, 4 autocomplete, 5 modal):
   * for requests Discord's client would not build, e.g. autocomplete with no focused option.
   */
  rawInteraction(
    type: number,
    data: Record<string, unknown>,
    actor: ActorOptions = {},
    extra: { commandName?: string; focused?: { name: string; type: number } } = {},
  ): Promise<InteractionOutcome> {
    return this.run(type, data, actor, extra);
  }

  /** A user (or bot) posts a message; `mentionBot` prefixes `<@bot>` like Discord's client. */
  post(
    content: string,
    options: {
      channel?: ChannelName;
      author?: FixtureUser;
      mentionBot?: boolean;
      replyTo?: string;
    } = {},
  ): Record<string, unknown> {
    const text = options.mentionBot ? `<@${fixture.applicationId}> ${content}` : content;
    return this.server.dispatchUserMessage({
      author: options.author ?? fixture.users.alice,
      channelId: fixture.channels[options.channel ?? "general"].id,
      content: text,
      ...(options.replyTo ? { referencedMessageId: options.replyTo } : {}),
    });
  }

  /** Posts a message and resolves with the bot's reply to it. */
  async say(
    content: string,
    options: {
      channel?: ChannelName;
      author?: FixtureUser;
      mentionBot?: boolean;
      timeoutMs?: number;
    } = {},
  ): Promise<BotMessage> {
    // The reply can only arrive after the gateway send returns, so listening afterwards is safe.
    const posted = this.post(content, options);
    return this.nextBotMessage(
      (message) => message.replyTo === posted.id,
      options.timeoutMs ?? DEFAULT_TIMEOUT,
      () => `no reply to "${content.slice(0, 80)}"`,
    );
  }

  /** Posts a message and asserts the bot sends nothing in that channel within `quietMs`. */
  async sayExpectingSilence(
    content: string,
    options: {
      channel?: ChannelName;
      author?: FixtureUser;
      mentionBot?: boolean;
      quietMs?: number;
    } = {},
  ): Promise<void> {
    const channelId = fixture.channels[options.channel ?? "general"].id;
    const sent: BotMessage[] = [];
    const onMessage = (message: BotMessage): void => {
      if (message.channelId === channelId) sent.push(message);
    };
    this.server.on("botMessage", onMessage);
    try {
      const posted = this.post(content, options);
      this.ignoredMessageIds.add(String(posted.id));
      await delay(options.quietMs ?? 500);
    } finally {
      this.server.off("botMessage", onMessage);
    }
    if (sent.length > 0) {
      throw new Error(
        `Expected silence, but the bot sent: ${JSON.stringify(sent.map(describeMessage))}`,
      );
    }
  }

  /**
   * Drops the bot's gateway connection (1006: socket cut without a close frame; other codes: a
   * close frame) and resolves with how the client came back.
   */
  async dropConnection(code: number, timeoutMs = 10_000): Promise<"resumed" | "identified"> {
    const reconnected = this.server.gateway.waitForReconnect(timeoutMs);
    this.server.gateway.drop(code);
    return reconnected;
  }

  /**
   * Replies the bot sent, at any time, to messages a test expected it to ignore: a slow bot could
   * answer after `sayExpectingSilence` stopped listening, so suites check this at the end.
   */
  repliesToIgnoredMessages(): BotMessage[] {
    return this.server.botMessages.filter(
      (message) => message.replyTo !== null && this.ignoredMessageIds.has(message.replyTo),
    );
  }

  requestsTo(route: string): RecordedRequest[] {
    return this.server.requests.filter((request) => request.route === route);
  }

  private requireCommand(name: string): Record<string, unknown> {
    const command = this.server.findCommand(name);
    if (!command) throw new Error(`/${name} is not registered on the test server`);
    return command;
  }

  private currentRaw(message: BotMessage): Record<string, unknown> {
    const raw = this.server.message(message.id);
    if (!raw) throw new Error(`Message ${message.id} no longer exists`);
    return raw;
  }

  private nextBotMessage(
    accept: (message: BotMessage) => boolean,
    timeoutMs: number,
    describe: () => string,
  ): Promise<BotMessage> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.server.off("botMessage", onMessage);
        reject(
          new Error(
            `Timed out after ${timeoutMs} ms: ${describe()}${rejectionsSince(this.server, start)}`,
          ),
        );
      }, timeoutMs);
      const start = this.server.requests.length;
      const onMessage = (message: BotMessage): void => {
        if (!accept(message)) return;
        clearTimeout(timer);
        this.server.off("botMessage", onMessage);
        resolve(message);
      };
      this.server.on("botMessage", onMessage);
    });
  }

  private run(
    type: number,
    data: Record<string, unknown>,
    actor: ActorOptions,
    extra: {
      commandName?: string;
      focused?: { name: string; type: number };
      message?: Record<string, unknown>;
    },
  ): Promise<InteractionOutcome> {
    const timeoutMs = actor.timeoutMs ?? DEFAULT_TIMEOUT;
    const server = this.server;
    let state: InteractionState | null = null;
    return new Promise<InteractionOutcome>((resolve, reject) => {
      const timer = setTimeout(() => {
        server.off("interactionUpdate", onUpdate);
        const rejected = state?.rejected ?? [];
        reject(
          new Error(
            `Interaction ${extra.commandName ?? String(data.custom_id)} did not settle within ${timeoutMs} ms ` +
              `(ack: ${state?.ack ? state.ack.type : "none"})` +
              (rejected.length > 0
                ? `; rejected: ${rejected.map(describeRejection).join(" | ")}`
                : ""),
          ),
        );
      }, timeoutMs);
      const onUpdate = (updated: InteractionState): void => {
        if (updated !== state) return;
        const outcome = settledOutcome(server, updated);
        if (!outcome) return;
        clearTimeout(timer);
        server.off("interactionUpdate", onUpdate);
        resolve(outcome);
      };
      server.on("interactionUpdate", onUpdate);
      try {
        state = server.dispatchInteraction(type, data, {
          user: actor.user ?? fixture.users.alice,
          channelId: actor.channelId ?? fixture.channels[actor.channel ?? "general"].id,
          ...(actor.place ? { place: actor.place } : {}),
          ...(actor.locale ? { locale: actor.locale } : {}),
          ...extra,
        });
      } catch (error) {
        clearTimeout(timer);
        server.off("interactionUpdate", onUpdate);
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  }
}

function settledOutcome(
  server: DiscordTestServer,
  state: InteractionState,
): InteractionOutcome | null {
  const ack = state.ack;
  if (!ack) return null;
  const messages = server.botMessages.filter((message) => message.interactionId === state.id);
  const followups = messages.filter((message) => message.via === "followup");
  const latest = (id: string | null): BotMessage | null =>
    id === null ? null : ([...messages].reverse().find((message) => message.id === id) ?? null);
  let message: BotMessage | null = null;
  switch (ack.type) {
    case 4:
    case 7:
      message = latest(state.originalMessageId);
      break;
    case 5: {
      const original = latest(state.originalMessageId);
      if (!original || original.loading) return null;
      message = original;
      break;
    }
    case 6: {
      const edited = messages.find((m) => m.via === "original-edit" || m.via === "followup");
      if (!edited) return null;
      message = latest(edited.id);
      break;
    }
    default:
      break;
  }
  return {
    interaction: state,
    ackType: ack.type,
    ackMs: ack.at - state.createdAt,
    message,
    ephemeral: message?.ephemeral ?? false,
    followups,
    choices: state.choices,
  };
}

interface OptionDefinition {
  name: string;
  type: number;
  required: boolean;
  autocomplete?: boolean;
  choices: { name: string; value: unknown }[];
  max_length?: number;
}

function optionDefinitions(command: Record<string, unknown>): OptionDefinition[] {
  const options = Array.isArray(command.options) ? command.options : [];
  return options.filter(isRecord).map((option) => ({
    name: String(option.name),
    type: typeof option.type === "number" ? option.type : 3,
    required: option.required === true,
    autocomplete: option.autocomplete === true,
    choices: Array.isArray(option.choices)
      ? option.choices
          .filter(isRecord)
          .map((choice) => ({ name: String(choice.name), value: choice.value }))
      : [],
    ...(typeof option.max_length === "number" ? { max_length: option.max_length } : {}),
  }));
}

/**
 * Builds `data.options` as Discord's client would: only declared options, required ones present,
 * choice options restricted to their choices, values typed by the option type.
 */
function buildOptions(
  command: Record<string, unknown>,
  values: Record<string, OptionValue>,
  focused: { name: string; value: string } | null,
  unchecked: boolean,
): Record<string, unknown>[] {
  const definitions = optionDefinitions(command);
  for (const name of Object.keys(values)) {
    if (!definitions.some((definition) => definition.name === name)) {
      throw new Error(`/${String(command.name)} has no option "${name}"`);
    }
  }
  const result: Record<string, unknown>[] = [];
  for (const definition of definitions) {
    if (focused?.name === definition.name) {
      result.push({
        name: definition.name,
        type: definition.type,
        value: focused.value,
        focused: true,
      });
      continue;
    }
    const value = values[definition.name];
    if (value === undefined) {
      if (definition.required && focused === null) {
        throw new Error(`/${String(command.name)} needs the option "${definition.name}"`);
      }
      continue;
    }
    if (
      !unchecked &&
      definition.choices.length > 0 &&
      !definition.choices.some((choice) => choice.value === value)
    ) {
      throw new Error(`"${String(value)}" is not a choice of ${definition.name}`);
    }
    if (definition.type === 3) {
      const text = String(value);
      const max = definition.max_length ?? 6000;
      if (!unchecked && [...text].length > max)
        throw new Error(`${definition.name} is longer than ${max} characters`);
      result.push({ name: definition.name, type: 3, value: text });
    } else if (definition.type === 4 || definition.type === 10) {
      result.push({ name: definition.name, type: definition.type, value: Number(value) });
    } else if (definition.type === 5) {
      result.push({ name: definition.name, type: 5, value: value === true || value === "true" });
    } else {
      throw new Error(
        `The harness does not send option type ${definition.type} (${definition.name})`,
      );
    }
  }
  return result;
}

function findComponent(
  message: BotMessage,
  customId: string,
): BotMessage["components"][number]["components"][number] | undefined {
  for (const row of message.components) {
    const found = row.components.find((component) => component.custom_id === customId);
    if (found) return found;
  }
  return undefined;
}

function channelNameOf(message: BotMessage): ChannelName {
  const entry = Object.entries(fixture.channels).find(
    ([, channel]) => channel.id === message.channelId,
  );
  const name = entry?.[0];
  if (name === "general" || name === "askPolicy" || name === "random") return name;
  throw new Error(`Message ${message.id} is in an unknown channel`);
}

function describeRejection(request: RecordedRequest): string {
  const response = isRecord(request.response) ? request.response : {};
  const problems = flattenErrors(response.errors, "");
  return `${request.route} → ${request.status} ${String(response.code)} ${String(response.message)}${
    problems.length > 0 ? ` (${problems.join("; ")})` : ""
  }`;
}

/** `data.choices[BASE_TYPE_MAX_LENGTH]: …`, as discord.js words Discord's error tree. */
function flattenErrors(tree: unknown, path: string): string[] {
  if (!isRecord(tree)) return [];
  const lines: string[] = [];
  for (const [key, value] of Object.entries(tree)) {
    if (key === "_errors" && Array.isArray(value)) {
      for (const leaf of value) {
        if (isRecord(leaf)) lines.push(`${path}[${String(leaf.code)}]: ${String(leaf.message)}`);
      }
    } else {
      lines.push(...flattenErrors(value, path === "" ? key : `${path}.${key}`));
    }
  }
  return lines;
}

function rejectionsSince(server: DiscordTestServer, start: number): string {
  const rejected = server.requests.slice(start).filter((request) => request.status >= 400);
  return rejected.length > 0 ? `; rejected: ${rejected.map(describeRejection).join(" | ")}` : "";
}

function describeMessage(message: BotMessage): Record<string, unknown> {
  return {
    content: message.content,
    embeds: message.embeds.map((embed) => embed.title ?? embed.description),
  };
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
