import type { ButtonInteraction, MessageContextMenuCommandInteraction } from "discord.js";
import { askView } from "../../commands/ask.ts";
import { UserError } from "../command-api.ts";
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
): Promise<void> {
  const command = services.commands.messageCommands.get(interaction.commandName);
  if (!command) {
    throw new UserError(
      `I don't have a “${interaction.commandName}” command (any more). Try /help for what I can do.`,
    );
  }
  // Discord resolves the target message into the interaction, content included, so this needs
  // no Message Content intent.
  const target = interaction.targetMessage;
  await command.execute({
    engine: services.engine,
    message: { id: target.id, content: target.content },
    reply: async (view) => send(await renderReply(view, services.renderChart)),
  });
}

/** Answers the question again, in public: an ephemeral message cannot be made public. */
export async function handleShareButton(
  interaction: ButtonInteraction,
  services: BotServices,
  send: SendReply,
): Promise<void> {
  const question = shareQuestionFromCustomId(interaction.customId);
  if (question === null) {
    throw new UserError("That answer has expired. Please ask again to share it.");
  }
  const view = askView(services.engine.ask(question));
  const payload = await renderReply({ ...view, ephemeral: false }, services.renderChart);
  await send(payload);
}
