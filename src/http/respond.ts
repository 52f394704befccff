import {
  autocompleteChoices,
  commandOptionsFrom,
  sectionMenuChoice,
  suggestedQuestion,
} from "../bot/interaction-choices.ts";
import { askView } from "../../commands/ask.ts";
import { policyView } from "../../commands/policy-view.ts";
import { renderReply, type ReplyLanguage } from "../bot/charts.ts";
import { openConversation } from "../bot/conversation-key.ts";
import { assertBotInServer } from "../bot/places.ts";
import type { BotServices } from "../bot/services.ts";
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
import {
  isShareCustomId,
  policyFromSectionMenuCustomId,
  shareQuestionFromCustomId,
} from "../render/suggestion-ids.ts";
import { toApiMessage } from "./api-message.ts";
import type { FollowUpSender } from "./follow-ups.ts";
import {
  actingUserId,
  CallbackType,
  InteractionType,
  type AutocompleteInteraction,
  type CommandInteraction,
  type CommandOption,
  type ComponentInteraction,
  type IncomingInteraction,
  type RepliableInteraction,
} from "./interaction-payload.ts";

/** The same words the gateway bot uses when something breaks. */
export const INTERNAL_ERROR_TEXT = t("en", "error.internal");
const EPHEMERAL_FLAG = 1 << 6;
const BUTTON = 2;
const STRING_SELECT = 3;
const CHAT_INPUT = 1;
const MESSAGE_COMMAND = 3;

export interface HttpServices extends BotServices {
  followUps: FollowUpSender;
}

/**
 * The HTTP response to one interaction, and what to do once it is sent: a deferred reply's
 * message (a chart or a file, which the HTTP response cannot carry in time) or further messages.
 */
export interface InteractionResponse {
  body: { type: number; data?: unknown };
  after?: () => Promise<void>;
}

/** What the user was shown, for the log line and the metrics (answered unless said otherwise). */
interface Turn {
  services: HttpServices;
  outcome: InteractionOutcome;
  /** The reader's language: their client's (zh-CN → Chinese, anything else → English). */
  locale: Locale;
}

/** Answers a verified, parsed interaction with the same commands and renderer as the gateway. */
export async function respondToInteraction(
  interaction: IncomingInteraction,
  services: HttpServices,
): Promise<InteractionResponse> {
  if (interaction.type === InteractionType.Ping) return { body: { type: CallbackType.Pong } };
  const started = performance.now();
  const turn: Turn = {
    services,
    outcome: "answered",
    locale: localeFromDiscord(interaction.locale),
  };
  try {
    return await answer(interaction, turn);
  } catch (error) {
    turn.outcome = error instanceof UserError ? "declined" : "error";
    return failure(interaction, error, turn);
  } finally {
    services.recordInteraction?.({
      id: interaction.id,
      kind: interactionKind(interaction),
      command:
        interaction.type === InteractionType.ApplicationCommand ||
        interaction.type === InteractionType.Autocomplete
          ? interaction.data.name
          : null,
      latencyMs: performance.now() - started,
      outcome: turn.outcome,
    });
  }
}

function answer(interaction: RepliableInteraction, turn: Turn): Promise<InteractionResponse> {
  switch (interaction.type) {
    case InteractionType.ApplicationCommand:
      return answerCommand(interaction, turn);
    case InteractionType.Autocomplete:
      return Promise.resolve(answerAutocomplete(interaction, turn.services, turn.locale));
    case InteractionType.MessageComponent:
      return answerComponent(interaction, turn);
    case InteractionType.ModalSubmit:
      throw userError("error.staleForm");
  }
}

function interactionKind(interaction: RepliableInteraction): InteractionRecord["kind"] {
  switch (interaction.type) {
    case InteractionType.ApplicationCommand:
      return (interaction.data.type ?? CHAT_INPUT) === CHAT_INPUT ? "command" : "other";
    case InteractionType.Autocomplete:
      return "autocomplete";
    case InteractionType.MessageComponent:
      return interaction.data.component_type === BUTTON ? "button" : "select";
    case InteractionType.ModalSubmit:
      return "modal";
  }
}

function failure(
  interaction: RepliableInteraction,
  error: unknown,
  { services, locale }: Turn,
): InteractionResponse {
  if (interaction.type === InteractionType.Autocomplete) {
    services.log.error(`Interaction ${interaction.id} (autocomplete) failed:`, error);
    return { body: { type: CallbackType.AutocompleteResult, data: { choices: [] } } };
  }
  const userError = error instanceof UserError;
  if (!userError) services.log.error(`Interaction ${interaction.id} failed:`, error);
  const text = userError ? error.inLocale(locale) : t(locale, "error.internal");
  return reply(safeReplyPayload({ content: text, ephemeral: true, locale }));
}

function reply(payload: DiscordReplyPayload): InteractionResponse {
  return { body: { type: CallbackType.ChannelMessage, data: toApiMessage(payload).body } };
}

/** A chart or a file cannot go in the HTTP response: the reply is deferred, then sent. */
function needsUpload(view: ReplyView, services: HttpServices): boolean {
  return (view.image !== undefined && services.renderChart !== undefined) || !!view.files?.length;
}

/** The first view answers in the response (or defers); the others follow as messages. */
async function answerViews(
  views: readonly ReplyView[],
  interaction: RepliableInteraction,
  { services, locale }: Turn,
): Promise<InteractionResponse> {
  const [first, ...rest] = views;
  if (!first) {
    return reply(
      safeReplyPayload({ content: t(locale, "error.internal"), ephemeral: true, locale }),
    );
  }
  const language: ReplyLanguage = { locale, countries: services.engine.countries };
  const send = (view: ReplyView) => async () =>
    services.followUps.followUp(
      interaction.application_id,
      interaction.token,
      await renderReply(view, services.renderChart, language),
    );
  const later = rest.map(send);
  if (needsUpload(first, services)) {
    return {
      body: {
        type: CallbackType.DeferredChannelMessage,
        data: first.ephemeral ? { flags: EPHEMERAL_FLAG } : {},
      },
      after: sequence([send(first), ...later]),
    };
  }
  const response = reply(await renderReply(first, services.renderChart, language));
  return later.length > 0 ? { ...response, after: sequence(later) } : response;
}

function sequence(steps: readonly (() => Promise<void>)[]): () => Promise<void> {
  return async () => {
    for (const step of steps) await step();
  };
}

function commandOptions(commandName: string, options: readonly CommandOption[]): CommandOptions {
  return commandOptionsFrom(
    commandName,
    (name) => options.find((option) => option.name === name)?.value,
  );
}

const declaredOptionNames = new WeakMap<Command, ReadonlySet<string>>();
function declaredOptions(command: Command): ReadonlySet<string> {
  let names = declaredOptionNames.get(command);
  if (!names) {
    names = new Set((command.data.toJSON().options ?? []).map((option) => option.name));
    declaredOptionNames.set(command, names);
  }
  return names;
}

/** The conversation of the user who acted, in that channel (as the gateway bot keys it). */
function conversationOf(interaction: RepliableInteraction, services: HttpServices) {
  const user = actingUserId(interaction);
  if (user === null) {
    return Promise.resolve({ engine: services.engine, save: () => Promise.resolve() });
  }
  return openConversation(services, interaction.channel_id ?? null, user);
}

async function answerCommand(
  interaction: CommandInteraction,
  turn: Turn,
): Promise<InteractionResponse> {
  const { services } = turn;
  const name = interaction.data.name;
  const type = interaction.data.type ?? CHAT_INPUT;
  if (type === MESSAGE_COMMAND) return answerMessageCommand(interaction, turn);
  const command = type === CHAT_INPUT ? services.commands.get(name) : undefined;
  if (!command) {
    throw userError("error.unknownCommand", { command: name });
  }
  if (command.guildOnly) {
    assertBotInServer(command.data.name, {
      guildId: interaction.guild_id ?? null,
      guildInstalled: interaction.authorizing_integration_owners?.["0"] !== undefined,
    });
  }
  const options = interaction.data.options ?? [];
  const known = declaredOptions(command);
  const unknown = options.find((option) => !known.has(option.name));
  if (unknown) {
    throw userError("error.unknownOption", { command: command.data.name, option: unknown.name });
  }
  const conversation = await conversationOf(interaction, services);
  const views: ReplyView[] = [];
  try {
    await command.execute({
      engine: conversation.engine,
      options: commandOptions(name, options),
      locale: turn.locale,
      // Saved before the user sees the answer, so a quick follow-up (on any replica) finds it.
      reply: async (view) => {
        turn.outcome = answerOutcome(view.answer);
        await conversation.save();
        views.push(view);
      },
    });
  } catch (error) {
    // What was answered before the failure still goes out, then the apology.
    if (views.length === 0) throw error;
    if (!(error instanceof UserError)) services.log.error(`/${name} failed:`, error);
    views.push(errorView(error, turn.locale));
  }
  return answerViews(views, interaction, turn);
}

/** "Ask policybot" on a message: Discord resolves the message, content included, into the data. */
async function answerMessageCommand(
  interaction: CommandInteraction,
  turn: Turn,
): Promise<InteractionResponse> {
  const { services } = turn;
  const name = interaction.data.name;
  const command = services.commands.messageCommands.get(name);
  if (!command) {
    throw userError("error.unknownMessageCommand", { command: name });
  }
  const targetId = interaction.data.target_id;
  const target = targetId ? interaction.data.resolved?.messages?.[targetId] : undefined;
  if (!target) throw userError("error.unreadableMessage");
  const views: ReplyView[] = [];
  await command.execute({
    engine: services.engine,
    message: { id: target.id, content: target.content },
    locale: turn.locale,
    reply: (view) => {
      turn.outcome = answerOutcome(view.answer);
      views.push(view);
      return Promise.resolve();
    },
  });
  return answerViews(views, interaction, turn);
}

function errorView(error: unknown, locale: Locale): ReplyView {
  const text = error instanceof UserError ? error.inLocale(locale) : t(locale, "error.internal");
  return { answer: { kind: "none", text, suggestions: [] }, ephemeral: true };
}

/**
 * Choices for the option being typed; none for a request with no focused option or focused on
 * one the command offers no suggestions for (suggesting policies there would mislead).
 */
function answerAutocomplete(
  interaction: AutocompleteInteraction,
  services: HttpServices,
  locale: Locale,
): InteractionResponse {
  const options = interaction.data.options ?? [];
  const focused = options.find((option) => option.focused === true);
  const choices = autocompleteChoices(
    services,
    interaction.data.name,
    commandOptions(interaction.data.name, options),
    focused,
    locale,
  );
  return { body: { type: CallbackType.AutocompleteResult, data: { choices: choices ?? [] } } };
}

function answerComponent(
  interaction: ComponentInteraction,
  turn: Turn,
): Promise<InteractionResponse> {
  const { custom_id: customId, component_type: componentType } = interaction.data;
  if (componentType === BUTTON) return answerButton(interaction, customId, turn);
  if (componentType === STRING_SELECT && policyFromSectionMenuCustomId(customId) !== null) {
    return answerSectionMenu(interaction, turn);
  }
  throw userError("error.staleControl");
}

async function answerButton(
  interaction: ComponentInteraction,
  customId: string,
  turn: Turn,
): Promise<InteractionResponse> {
  const { services } = turn;
  if (isShareCustomId(customId)) {
    // Answered again, in public: a private message cannot be made public.
    const question = shareQuestionFromCustomId(customId);
    if (question === null) throw userError("error.shareExpired");
    const view = askView(services.engine.ask(question));
    turn.outcome = answerOutcome(view.answer);
    return answerViews(
      [{ ...view, ephemeral: false, locale: questionLocale(question, turn.locale) }],
      interaction,
      turn,
    );
  }
  const question = suggestedQuestion(customId);
  const conversation = await conversationOf(interaction, services);
  const view = askView(conversation.engine.ask(question));
  await conversation.save();
  turn.outcome = answerOutcome(view.answer);
  // An answer to a button on a message only its reader sees stays private too.
  const privateMessage = ((interaction.message.flags ?? 0) & EPHEMERAL_FLAG) !== 0;
  return answerViews(
    [
      {
        ...view,
        ephemeral: view.ephemeral === true || privateMessage,
        locale: questionLocale(question, turn.locale),
      },
    ],
    interaction,
    turn,
  );
}

async function answerSectionMenu(
  interaction: ComponentInteraction,
  turn: Turn,
): Promise<InteractionResponse> {
  const { services } = turn;
  const { policy, section } = sectionMenuChoice(
    interaction.data.custom_id,
    interaction.data.values,
  );
  const conversation = await conversationOf(interaction, services);
  const view = policyView(conversation.engine.policyAnswer(policy, section), policy, section);
  await conversation.save();
  turn.outcome = answerOutcome(view.answer);
  if (view.ephemeral) return answerViews([view], interaction, turn);
  const language: ReplyLanguage = { locale: turn.locale, countries: services.engine.countries };
  if (needsUpload(view, services)) {
    return {
      body: { type: CallbackType.DeferredUpdateMessage },
      after: async () =>
        services.followUps.editOriginal(
          interaction.application_id,
          interaction.token,
          await renderReply(view, services.renderChart, language),
        ),
    };
  }
  // Editing in place; `attachments: []` drops a chart the previous section had.
  const { body } = toApiMessage(
    withoutFlags(await renderReply(view, services.renderChart, language)),
  );
  return {
    body: { type: CallbackType.UpdateMessage, data: { ...body, attachments: [] } },
  };
}
