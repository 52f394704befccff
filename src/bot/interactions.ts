import {
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
import { UserError, type Command, type CommandOptions, type ReplyView } from "../command-api.ts";
import { PolicyField } from "../dataset/schema.ts";
import {
  fitAutocompleteChoices,
  renderReplyView,
  safeReplyPayload,
  withoutFlags,
  type DiscordReplyPayload,
} from "../render/discord.ts";
import {
  CARD_SECTION_VALUE,
  isSuggestionCustomId,
  policyFromSectionMenuCustomId,
  suggestionFromCustomId,
} from "../render/suggestion-ids.ts";
import type { BotServices } from "./services.ts";

export const INTERNAL_ERROR_TEXT =
  "Sorry, something went wrong while answering that. Please try again in a moment.";

/** One entry point for every interaction: commands, autocomplete, buttons and select menus. */
export function createInteractionRouter(
  services: BotServices,
): (interaction: Interaction) => Promise<void> {
  const optionNames = new Map<Command, ReadonlySet<string>>();
  const declaredOptions = (command: Command): ReadonlySet<string> => {
    let names = optionNames.get(command);
    if (!names) {
      names = new Set((command.data.toJSON().options ?? []).map((option) => option.name));
      optionNames.set(command, names);
    }
    return names;
  };

  return async (interaction) => {
    try {
      if (interaction.isChatInputCommand()) {
        await handleCommand(interaction, services, declaredOptions);
      } else if (interaction.isAutocomplete()) {
        await handleAutocomplete(interaction, services);
      } else if (interaction.isButton()) {
        await handleButton(interaction, services);
      } else if (interaction.isStringSelectMenu()) {
        await handleSectionMenu(interaction, services);
      }
    } catch (error) {
      await reportFailure(interaction, error, services);
    }
  };
}

function interactionOptions(
  interaction: ChatInputCommandInteraction | AutocompleteInteraction,
): CommandOptions {
  const getString = (name: string): string | null => {
    const value = interaction.options.get(name)?.value;
    return value === undefined || value === null ? null : String(value);
  };
  return {
    getString,
    getRequiredString(name) {
      const value = getString(name);
      if (value === null || value.trim() === "") {
        throw new UserError(`The option “${name}” is required for /${interaction.commandName}.`);
      }
      return value;
    },
  };
}

async function send(
  interaction: RepliableInteraction,
  payload: DiscordReplyPayload,
): Promise<void> {
  if (interaction.replied || interaction.deferred) await interaction.followUp(payload);
  else await interaction.reply(payload);
}

async function handleCommand(
  interaction: ChatInputCommandInteraction,
  services: BotServices,
  declaredOptions: (command: Command) => ReadonlySet<string>,
): Promise<void> {
  const command = services.commands.get(interaction.commandName);
  if (!command) {
    throw new UserError(
      `I don't have a /${interaction.commandName} command (any more). Try /help for the commands I know.`,
    );
  }
  const known = declaredOptions(command);
  const unknown = interaction.options.data.find((option) => !known.has(option.name));
  if (unknown) {
    throw new UserError(
      `/${command.data.name} has no option “${unknown.name}”. Your command list may be out of date; try /help.`,
    );
  }
  const render = (view: ReplyView) =>
    renderReplyView(view, services.renderChart ? { renderChart: services.renderChart } : {});
  await command.execute({
    engine: services.engine,
    options: interactionOptions(interaction),
    reply: (view) => send(interaction, render(view)),
  });
}

async function handleAutocomplete(
  interaction: AutocompleteInteraction,
  services: BotServices,
): Promise<void> {
  const command = services.commands.get(interaction.commandName);
  const focused = interaction.options.getFocused(true);
  const choices = command?.autocomplete
    ? command.autocomplete({
        engine: services.engine,
        options: interactionOptions(interaction),
        focused: { name: focused.name, value: String(focused.value) },
      })
    : [];
  await interaction.respond(fitAutocompleteChoices(choices));
}

async function handleButton(interaction: ButtonInteraction, services: BotServices): Promise<void> {
  if (!isSuggestionCustomId(interaction.customId)) {
    throw new UserError("This button no longer works. Ask again, or try /help.");
  }
  const question = suggestionFromCustomId(interaction.customId);
  if (question === null) {
    throw new UserError("That suggestion has expired. Please ask your question again.");
  }
  const view = askView(services.engine.ask(question));
  // An answer to a button on a message only its reader sees stays private too.
  const privateMessage = interaction.message.flags.has(MessageFlags.Ephemeral);
  const payload = renderReplyView(
    { ...view, ephemeral: view.ephemeral === true || privateMessage },
    services.renderChart ? { renderChart: services.renderChart } : {},
  );
  await send(interaction, payload);
}

async function handleSectionMenu(
  interaction: StringSelectMenuInteraction,
  services: BotServices,
): Promise<void> {
  const policy = policyFromSectionMenuCustomId(interaction.customId);
  if (policy === null) throw new UserError("This menu no longer works. Try /policy again.");
  const choice = interaction.values[0] ?? CARD_SECTION_VALUE;
  let section: PolicyField | null = null;
  if (choice !== CARD_SECTION_VALUE) {
    const parsed = PolicyField.safeParse(choice);
    if (!parsed.success) throw new UserError("I don't know that section. Try /policy again.");
    section = parsed.data;
  }
  const view = policyView(services.engine.policyAnswer(policy, section), policy, section);
  const payload = renderReplyView(
    view,
    services.renderChart ? { renderChart: services.renderChart } : {},
  );
  if (view.ephemeral) {
    await send(interaction, payload);
    return;
  }
  // Editing in place; `attachments: []` drops a chart the previous section had.
  await interaction.update({ ...withoutFlags(payload), attachments: [] });
}

function describe(interaction: Interaction): string {
  if (interaction.isChatInputCommand() || interaction.isAutocomplete()) {
    return `/${interaction.commandName}`;
  }
  if (interaction.isMessageComponent()) return `component ${interaction.customId}`;
  return `type ${interaction.type}`;
}

/** The user gets a polite private message; internal details stay in the log. */
async function reportFailure(
  interaction: Interaction,
  error: unknown,
  services: BotServices,
): Promise<void> {
  const userError = error instanceof UserError;
  if (!userError) {
    services.log.error(`Interaction ${interaction.id} (${describe(interaction)}) failed:`, error);
  }
  try {
    if (interaction.isAutocomplete()) {
      if (!interaction.responded) await interaction.respond([]);
      return;
    }
    if (!interaction.isRepliable()) return;
    const text = userError ? error.message : INTERNAL_ERROR_TEXT;
    await send(interaction, safeReplyPayload({ content: text, ephemeral: true }));
  } catch (replyError) {
    services.log.error(
      `Interaction ${interaction.id}: could not send the error reply:`,
      replyError,
    );
  }
}
