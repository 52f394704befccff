import { MessageFlags, type Message, type MessageReplyOptions } from "discord.js";
import { askView, MAX_QUESTION_LENGTH, tooLongMessage } from "../../commands/ask.ts";
import {
  renderReplyView,
  safeReplyPayload,
  withoutFlags,
  type DiscordReplyPayload,
} from "../render/discord.ts";
import { UserRateLimiter } from "./rate-limit.ts";
import type { BotServices } from "./services.ts";

export const RATE_LIMIT_TEXT = "You're asking quickly. Give me a few seconds, then ask again.";
export const MENTION_HINT =
  "Ask me about a cluster policy, e.g. “torch budget?” or “compare torch and city clusters”. Try `/help` for more.";

export interface MessageHandlerOptions {
  /** Channels where every message is a question. */
  askChannelIds: readonly string[];
  limiter?: UserRateLimiter;
  now?: () => number;
}

/** The message addressed to `botId`, without the mentions of it. */
export function stripBotMention(content: string, botId: string): string {
  return content
    .replace(new RegExp(`<@!?${botId}>`, "g"), " ")
    .replace(/\s+/g, " ")
    .trim();
}

export function mentionsBot(content: string, botId: string): boolean {
  return new RegExp(`<@!?${botId}>`).test(content);
}

/**
 * A reply to someone's message: no flags (ephemeral exists only for interactions), and the asker
 * is not pinged either — said outright, not left to Discord's default.
 */
export function messageReply(payload: DiscordReplyPayload): MessageReplyOptions {
  return {
    ...withoutFlags(payload),
    allowedMentions: { ...payload.allowedMentions, repliedUser: false },
  };
}

/**
 * Free-text questions: a message mentioning the bot, and every message in an ask-channel.
 * In an ask-channel ordinary chatter is left alone: only answers and clarifications are sent.
 */
export function createMessageHandler(
  services: BotServices,
  options: MessageHandlerOptions,
): (message: Message) => Promise<void> {
  const askChannels = new Set(options.askChannelIds);
  const limiter = options.limiter ?? new UserRateLimiter();
  const now = options.now ?? Date.now;
  const render = services.renderChart ? { renderChart: services.renderChart } : {};

  const answerMessage = async (message: Message): Promise<void> => {
    const me = message.client.user;
    if (message.author.bot || message.system || message.webhookId || !me) return;
    if (message.author.id === me.id) return;
    const mentioned = mentionsBot(message.content, me.id);
    if (!mentioned && !askChannels.has(message.channelId)) return;

    const question = stripBotMention(message.content, me.id);
    let payload;
    if (question.length === 0) {
      if (!mentioned) return;
      payload = safeReplyPayload({ content: MENTION_HINT });
    } else if (question.length > MAX_QUESTION_LENGTH) {
      if (!mentioned) return;
      payload = safeReplyPayload({ content: tooLongMessage(question.length) });
    } else {
      const answer = services.engine.ask(question);
      if (answer.kind === "none" && !mentioned) return;
      payload = renderReplyView(askView(answer), render);
    }

    const verdict = limiter.take(message.author.id, now());
    if (verdict === "drop") return;
    if (verdict === "warn") {
      await message.reply({
        ...messageReply(safeReplyPayload({ content: RATE_LIMIT_TEXT })),
        flags: MessageFlags.SuppressNotifications,
      });
      return;
    }
    await message.reply(messageReply(payload));
  };

  return async (message) => {
    try {
      await answerMessage(message);
    } catch (error) {
      services.log.error(`Message ${message.id} in channel ${message.channelId} failed:`, error);
    }
  };
}
