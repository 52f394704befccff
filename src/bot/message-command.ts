import type { ButtonInteraction, MessageContextMenuCommandInteraction } from "discord.js";
import { askView } from "../../commands/ask.ts";
import { userError } from "../command-api.ts";
import { questionLocale, type Locale } from "../i18n/catalog.ts";
import type { DiscordReplyPayload } from "../render/discord.ts";
import { shareQuestionFromCustomId } from "../render/suggestion-ids.ts";
import { renderReply } from "./charts.ts";
import type { BotServices } from "./services.ts";

/**
 * Message context-menu commands ("Ask policybot" on a message) and the "Post for everyone"
 * button under their private answers.
 */

/** Sends a reply the router's way (reply, follow-up, or defer then edit when late). */
export type SendReply = (payload: DiscordReplyPayload) => Promise<void>;

export async function handleMessageCommand(
  interaction: MessageContextMenuCommandInteraction,
  services: BotServices,
  send: SendReply,
  locale: Locale = "en",
): Promise<void> {
  const command = services.commands.messageCommands.get(interaction.commandName);
  if (!command)
    throw userError("error.unknownMessageCommand", { command: interaction.commandName });
  // Discord resolves the target message into the interaction, content included, so this needs
  // no Message Content intent.
  const target = interaction.targetMessage;
  await command.execute({
    engine: services.engine,
    message: { id: target.id, content: target.content },
    locale,
    reply: async (view) =>
      send(
        await renderReply(view, services.renderChart, {
          locale,
          countries: services.engine.countries,
        }),
      ),
  });
}

/** Answers the question again, in public: an ephemeral message cannot be made public. */
export async function handleShareButton(
  interaction: ButtonInteraction,
  services: BotServices,
  send: SendReply,
  locale: Locale = "en",
): Promise<void> {
  const question = shareQuestionFromCustomId(interaction.customId);
  if (question === null) throw userError("error.shareExpired");
  const view = askView(services.engine.ask(question));
  // Posted for everyone in the words of the question (the private answer was, too).
  const payload = await renderReply(
    { ...view, ephemeral: false, locale: questionLocale(question, locale) },
    services.renderChart,
    { locale, countries: services.engine.countries },
  );
  await send(payload);
}
