import {
  autocompleteChoices,
  commandOptionsFrom,
  sectionMenuChoice,
  suggestedQuestion,
} from "./interaction-choices.ts";
import {
  ApplicationIntegrationType,
  DiscordAPIError,
  MessageFlags,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  type RepliableInteraction,
  type StringSelectMenuInteraction,
} from "discord.js";
import { askView } from "../../commands/ask.ts";
import { policyView } from "../../commands/policy-view.ts";
import {
  UserError,
  userError,
  type Command,
  type CommandOptions,
  type ReplyView,
} from "../command-api.ts";
import { localeFromDiscord, questionLocale, t, type Locale } from "../i18n/catalog.ts";
import { answerOutcome, type InteractionRecord } from "../ops/interaction-telemetry.ts";
import type { InteractionOutcome } from "../ops/metrics.ts";
import { safeReplyPayload, withoutFlags, type DiscordReplyPayload } from "../render/discord.ts";
import { isShareCustomId } from "../render/suggestion-ids.ts";
import { interactionWindowStart, RequestBudgetError } from "./rest-policy.ts";
import { renderReply, type ReplyLanguage } from "./charts.ts";
import { openConversation } from "./conversation-key.ts";
import { replyOptions } from "./prepared-reply.ts";
import { handleMessageCommand, handleShareButton } from "./message-command.ts";
import { assertBotInServer } from "./places.ts";
import type { BotServices } from "./services.ts";

/** What an English reader is told (catalogue: data/i18n/<locale>.json). */
export const INTERNAL_ERROR_TEXT = t("en", "error.internal");
export const STALE_FORM_TEXT = t("en", "error.staleForm");
export const STALE_CONTROL_TEXT = t("en", "error.staleControl");

export interface InteractionRouterOptions {
  now?: () => number;
  /** Discord's acknowledgement window (3 s). */
  ackWindowMs?: number;
  /**
   * Started this late (the event loop was busy), an answer is acknowledged first with a
   * deferral and then sent as an edit of it, so the window is never missed (default 1.5 s).
   */
  deferAfterMs?: number;
}

export interface InteractionRouter {
  /** Takes one interaction (ignored once draining). */
  handle(interaction: Interaction): void;
  /** When the bot received an interaction it is still handling. */
  receivedAt(id: string): number | undefined;
  /** Interactions taken and not yet finished. */
  readonly inFlight: number;
  /** Stops taking interactions; resolves when every one taken has finished. */
  drain(): Promise<void>;
}

/** The answer could not be delivered (the handler itself worked). */
class DeliveryError extends Error {
  override readonly name = "DeliveryError";
  constructor(
    readonly payload: DiscordReplyPayload,
    readonly step: "reply" | "defer" | "edit" | "followup" | "update",
    override readonly cause: unknown,
  ) {
    super(
      `sending the answer (${step}) failed: ${cause instanceof Error ? cause.message : String(cause)}`,
    );
  }
}

interface Timing {
  /** When the interaction's window started (see interactionWindowStart). */
  receivedAt: number;
  now: () => number;
  ackWindowMs: number;
  deferAfterMs: number;
  /** What the user was shown (answered unless said otherwise), for the log and the metrics. */
  outcome: InteractionOutcome;
  /** The reader's language: their client's (zh-CN → Chinese, anything else → English). */
  locale: Locale;
}

/** One entry point for every interaction: commands, autocomplete, buttons and select menus. */
export function createInteractionRouter(
  services: BotServices,
  options: InteractionRouterOptions = {},
): InteractionRouter {
  const now = options.now ?? Date.now;
  const ackWindowMs = options.ackWindowMs ?? 3000;
  const deferAfterMs = options.deferAfterMs ?? 1500;
  const received = new Map<string, number>();
  const running = new Set<Promise<void>>();
  let draining = false;
  let ignored = 0;
  let idle: (() => void) | null = null;
  const optionNames = new Map<Command, ReadonlySet<string>>();
  const declaredOptions = (command: Command): ReadonlySet<string> => {
    let names = optionNames.get(command);
    if (!names) {
      names = new Set((command.data.toJSON().options ?? []).map((option) => option.name));
      optionNames.set(command, names);
    }
    return names;
  };

  const route = async (interaction: Interaction, timing: Timing): Promise<void> => {
    try {
      if (interaction.isChatInputCommand()) {
        await handleCommand(interaction, services, declaredOptions, timing);
      } else if (interaction.isMessageContextMenuCommand()) {
        await handleMessageCommand(
          interaction,
          services,
          (payload) => send(interaction, payload, timing),
          timing.locale,
        );
      } else if (interaction.isAutocomplete()) {
        await handleAutocomplete(interaction, services, timing.locale);
      } else if (interaction.isButton()) {
        await handleButton(interaction, services, timing);
      } else if (interaction.isStringSelectMenu()) {
        await handleSectionMenu(interaction, services, timing);
      } else if (interaction.isModalSubmit()) {
        throw userError("error.staleForm");
      } else if (interaction.isRepliable()) {
        throw userError("error.staleControl");
      }
    } catch (error) {
      timing.outcome = error instanceof UserError ? "declined" : "error";
      await reportFailure(interaction, error, services, timing);
    }
  };

  return {
    handle(interaction) {
      if (draining) {
        ignored += 1;
        if (ignored === 1) {
          services.log.warn(
            `Shutting down: interaction ${interaction.id} (${describe(interaction)}) arrived after the bot stopped taking new ones; not answered.`,
          );
        }
        return;
      }
      const receivedAt = now();
      received.set(interaction.id, receivedAt);
      const windowStart = interactionWindowStart(interaction.id, receivedAt, ackWindowMs);
      const started = performance.now();
      const timing: Timing = {
        receivedAt: windowStart,
        now,
        ackWindowMs,
        deferAfterMs,
        outcome: "answered",
        locale: localeFromDiscord(interaction.locale),
      };
      const task = route(interaction, timing).finally(() => {
        services.recordInteraction?.({
          id: interaction.id,
          kind: interactionKind(interaction),
          command:
            interaction.isCommand() || interaction.isAutocomplete()
              ? interaction.commandName
              : null,
          latencyMs: performance.now() - started,
          outcome: timing.outcome,
        });
        received.delete(interaction.id);
        running.delete(task);
        if (running.size === 0) idle?.();
      });
      running.add(task);
    },
    receivedAt: (id) => received.get(id),
    get inFlight() {
      return running.size;
    },
    async drain() {
      draining = true;
      if (running.size === 0) return;
      await new Promise<void>((resolve) => {
        idle = resolve;
      });
    },
  };
}

function interactionKind(interaction: Interaction): InteractionRecord["kind"] {
  if (interaction.isChatInputCommand()) return "command";
  if (interaction.isAutocomplete()) return "autocomplete";
  if (interaction.isButton()) return "button";
  if (interaction.isStringSelectMenu()) return "select";
  if (interaction.isModalSubmit()) return "modal";
  return "other";
}

function interactionOptions(
  interaction: ChatInputCommandInteraction | AutocompleteInteraction,
): CommandOptions {
  return commandOptionsFrom(
    interaction.commandName,
    (name) => interaction.options.get(name)?.value,
  );
}

function windowOpen(timing: Timing): boolean {
  return timing.now() - timing.receivedAt < timing.ackWindowMs - 250;
}

function isLate(timing: Timing): boolean {
  return timing.now() - timing.receivedAt >= timing.deferAfterMs;
}

/**
 * Sends an answer: a reply while in time; a deferral then an edit when the bot got to it late;
 * a follow-up when the interaction was already acknowledged.
 */
async function send(
  interaction: RepliableInteraction,
  payload: DiscordReplyPayload,
  timing: Timing,
): Promise<void> {
  if (interaction.replied) {
    await deliver(payload, "followup", () => interaction.followUp(payload));
    return;
  }
  if (interaction.deferred) {
    await deliver(payload, "edit", () => interaction.editReply(withoutFlags(payload)));
    return;
  }
  if (isLate(timing)) {
    await deliver(payload, "defer", () =>
      interaction.deferReply(payload.flags === undefined ? {} : { flags: payload.flags }),
    );
    await deliver(payload, "edit", () => interaction.editReply(withoutFlags(payload)));
    return;
  }
  await deliver(payload, "reply", async () =>
    interaction.reply(await replyOptions(interaction, payload)),
  );
}

async function deliver(
  payload: DiscordReplyPayload,
  step: DeliveryError["step"],
  action: () => Promise<unknown>,
): Promise<void> {
  try {
    await action();
  } catch (error) {
    throw new DeliveryError(payload, step, error);
  }
}

async function handleCommand(
  interaction: ChatInputCommandInteraction,
  services: BotServices,
  declaredOptions: (command: Command) => ReadonlySet<string>,
  timing: Timing,
): Promise<void> {
  const command = services.commands.get(interaction.commandName);
  if (!command) {
    throw userError("error.unknownCommand", { command: interaction.commandName });
  }
  if (command.guildOnly) {
    assertBotInServer(command.data.name, {
      guildId: interaction.guildId,
      guildInstalled:
        interaction.authorizingIntegrationOwners[ApplicationIntegrationType.GuildInstall] !==
        undefined,
    });
  }
  const known = declaredOptions(command);
  const unknown = interaction.options.data.find((option) => !known.has(option.name));
  if (unknown) {
    throw userError("error.unknownOption", { command: command.data.name, option: unknown.name });
  }
  const conversation = await openConversation(services, interaction.channelId, interaction.user.id);
  await command.execute({
    engine: conversation.engine,
    options: interactionOptions(interaction),
    locale: timing.locale,
    // Saved before the user sees the answer, so a quick follow-up already finds it.
    reply: async (view: ReplyView) => {
      timing.outcome = answerOutcome(view.answer);
      await conversation.save();
      await send(
        interaction,
        await renderReply(view, services.renderChart, language(services, timing)),
        timing,
      );
    },
  });
}

/**
 * Choices for the option being typed. A request with no focused option, or focused on an option
 * the command does not offer suggestions for (a stale or hand-made request), gets an explicit
 * empty list: suggesting policies for the wrong option would mislead.
 */
async function handleAutocomplete(
  interaction: AutocompleteInteraction,
  services: BotServices,
  locale: Locale,
): Promise<void> {
  const focused = interaction.options.data.find((option) => option.focused === true);
  const choices = autocompleteChoices(
    services,
    interaction.commandName,
    interactionOptions(interaction),
    focused,
    locale,
  );
  if (choices === null) {
    services.log.info(
      `Autocomplete for /${interaction.commandName} ${focused ? `on “${focused.name}”, which has no suggestions` : "without a focused option"}: answered with no choices.`,
    );
  }
  await interaction.respond(choices ?? []);
}

async function handleButton(
  interaction: ButtonInteraction,
  services: BotServices,
  timing: Timing,
): Promise<void> {
  if (isShareCustomId(interaction.customId)) {
    return handleShareButton(
      interaction,
      services,
      (payload) => send(interaction, payload, timing),
      timing.locale,
    );
  }
  const question = suggestedQuestion(interaction.customId);
  const conversation = await openConversation(services, interaction.channelId, interaction.user.id);
  const view = askView(conversation.engine.ask(question));
  await conversation.save();
  // An answer to a button on a message only its reader sees stays private too.
  const privateMessage = interaction.message.flags.has(MessageFlags.Ephemeral);
  timing.outcome = answerOutcome(view.answer);
  const payload = await renderReply(
    {
      ...view,
      ephemeral: view.ephemeral === true || privateMessage,
      locale: questionLocale(question, timing.locale),
    },
    services.renderChart,
    language(services, timing),
  );
  await send(interaction, payload, timing);
}

async function handleSectionMenu(
  interaction: StringSelectMenuInteraction,
  services: BotServices,
  timing: Timing,
): Promise<void> {
  const { policy, section } = sectionMenuChoice(interaction.customId, interaction.values);
  const conversation = await openConversation(services, interaction.channelId, interaction.user.id);
  const view = policyView(conversation.engine.policyAnswer(policy, section), policy, section);
  await conversation.save();
  timing.outcome = answerOutcome(view.answer);
  const payload = await renderReply(view, services.renderChart, language(services, timing));
  if (view.ephemeral) {
    await send(interaction, payload, timing);
    return;
  }
  // Editing in place; `attachments: []` drops a chart the previous section had.
  const edit = { ...withoutFlags(payload), attachments: [] };
  if (isLate(timing)) {
    await deliver(payload, "defer", () => interaction.deferUpdate());
    await deliver(payload, "edit", () => interaction.editReply(edit));
    return;
  }
  await deliver(payload, "update", () => interaction.update(edit));
}

/** The reader's language and the dataset whose names are shown in it. */
function language(services: BotServices, timing: Timing): ReplyLanguage {
  return { locale: timing.locale, countries: services.engine.countries };
}

function describe(interaction: Interaction): string {
  if (interaction.isChatInputCommand() || interaction.isAutocomplete()) {
    return `/${interaction.commandName}`;
  }
  if (interaction.isMessageContextMenuCommand())
    return `message command ${interaction.commandName}`;
  if (interaction.isMessageComponent()) return `component ${interaction.customId}`;
  return `type ${interaction.type}`;
}

/** Discord's answer says the interaction cannot be answered any more (window over, token gone). */
function interactionGone(error: unknown): boolean {
  if (error instanceof RequestBudgetError) return error.windowClosed;
  return error instanceof DiscordAPIError && (error.code === 10062 || error.code === 10015);
}

/** A failure that the same request could get past (5xx, timeout, network), not a refusal. */
function transient(error: unknown): boolean {
  if (error instanceof DiscordAPIError) return false;
  if (error instanceof RequestBudgetError) return !error.windowClosed;
  return true;
}

/**
 * The user gets a polite private message; internal details stay in the log. When it was the
 * delivery of a good answer that failed, the answer itself is retried where that can still work
 * (the window is open, or the interaction is acknowledged and a follow-up is possible). Nothing is
 * sent once the interaction is gone: that request could only fail again (10062).
 */
async function reportFailure(
  interaction: Interaction,
  error: unknown,
  services: BotServices,
  timing: Timing,
): Promise<void> {
  const userError = error instanceof UserError;
  const what = `Interaction ${interaction.id} (${describe(interaction)})`;
  try {
    if (interaction.isAutocomplete()) {
      if (!userError) services.log.error(`${what} failed:`, error);
      if (!interaction.responded && windowOpen(timing)) await interaction.respond([]);
      return;
    }
    if (!interaction.isRepliable()) {
      if (!userError) services.log.error(`${what} failed:`, error);
      return;
    }
    const acknowledged = interaction.replied || interaction.deferred;
    if (error instanceof DeliveryError) {
      if (interactionGone(error.cause) || (!acknowledged && !windowOpen(timing))) {
        services.log.error(
          `${what}: the answer could not be delivered in time; Discord shows the user that the bot did not respond.`,
          error.cause,
        );
        return;
      }
      // A follow-up is not retried (Discord may have posted it); an in-place update is
      // retried by the request policy while the window is open.
      if (transient(error.cause) && error.step !== "followup" && error.step !== "update") {
        services.log.warn(
          `${what}: sending the answer failed (${error.step}); retrying it.`,
          error.cause,
        );
        await send(interaction, error.payload, timing);
        return;
      }
      services.log.error(`${what}: Discord refused the answer:`, error.cause);
    } else if (!userError) {
      services.log.error(`${what} failed:`, error);
    }
    if (!acknowledged && !windowOpen(timing)) return;
    const text = userError ? error.inLocale(timing.locale) : t(timing.locale, "error.internal");
    await send(
      interaction,
      safeReplyPayload({ content: text, ephemeral: true, locale: timing.locale }),
      timing,
    );
  } catch (replyError) {
    services.log.error(
      `${what}: could not send the ${error instanceof DeliveryError ? "answer" : "error reply"}:`,
      replyError instanceof DeliveryError ? replyError.cause : replyError,
    );
  }
}
