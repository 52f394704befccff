import { MessageFlags, type Message, type MessageReplyOptions } from "discord.js";
import { askView, MAX_QUESTION_LENGTH, tooLongMessage } from "../../commands/ask.ts";
import { questionLocale, t } from "../i18n/catalog.ts";
import { safeReplyPayload, withoutFlags, type DiscordReplyPayload } from "../render/discord.ts";
import { renderReply } from "./charts.ts";
import { openConversation } from "./conversation-key.ts";
import { FreeTextQueue } from "./free-text-queue.ts";
import { UserRateLimiter } from "./rate-limit.ts";
import type { BotServices } from "./services.ts";

export const RATE_LIMIT_TEXT = t("en", "error.rateLimit");
export const MENTION_HINT = t("en", "error.mentionHint");

export interface MessageHandlerOptions {
  /** Channels where every message is a question. */
  askChannelIds: readonly string[];
  limiter?: UserRateLimiter;
  /** Where free-text work waits its turn (a default one is made when absent). */
  queue?: FreeTextQueue;
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
 *
 * The handler itself only decides whether a message is for the bot and asks the rate limiter;
 * the answer is computed and sent later from the FreeTextQueue, behind interactions. A user over
 * the limit costs no answer computation. Each reply carries the question's id as its nonce with
 * `enforce_nonce`, so a retried send never posts twice.
 */
export function createMessageHandler(
  services: BotServices,
  options: MessageHandlerOptions,
): (message: Message) => void {
  const askChannels = new Set(options.askChannelIds);
  const limiter = options.limiter ?? new UserRateLimiter();
  const now = options.now ?? Date.now;
  const queue = options.queue ?? new FreeTextQueue({ log: services.log, now });

  const reply = async (message: Message, payload: MessageReplyOptions): Promise<void> => {
    await message.reply({ ...payload, nonce: message.id, enforceNonce: true });
  };

  // A message carries no client language: the bot answers in the language of the question.
  const warn = (message: Message, question: string): Promise<void> =>
    reply(message, {
      ...messageReply(
        safeReplyPayload({ content: t(questionLocale(question, "en"), "error.rateLimit") }),
      ),
      flags: MessageFlags.SuppressNotifications,
    });

  const answer = async (
    message: Message,
    question: string,
    mentioned: boolean,
    isStale: () => boolean,
  ): Promise<void> => {
    let payload: DiscordReplyPayload;
    let remember = (): Promise<void> => Promise.resolve();
    const locale = questionLocale(question, "en");
    if (question.length === 0) {
      payload = safeReplyPayload({ content: MENTION_HINT });
    } else if (question.length > MAX_QUESTION_LENGTH) {
      payload = safeReplyPayload({ content: tooLongMessage(question.length, locale), locale });
    } else {
      // An ask-channel message is only counted once it turns out to be a question.
      if (!mentioned && limiter.peek(message.author.id, now()) === "drop") return;
      const conversation = await openConversation(services, message.channelId, message.author.id);
      const result = conversation.engine.ask(question);
      // Chatter in an ask-channel is left alone, and leaves the conversation as it was, unless
      // it named a policy of the data ("how many startups did torch create?"): then, as
      // everywhere else, "its" in the next message is that policy.
      if (result.kind === "none" && !mentioned) {
        if (conversation.state() !== null) await conversation.save();
        return;
      }
      remember = conversation.save;
      if (!mentioned) {
        const verdict = limiter.take(message.author.id, now());
        if (verdict === "drop") return;
        if (verdict === "warn") {
          await warn(message, question);
          return;
        }
      }
      payload = await renderReply(askView(result), services.renderChart, {
        locale,
        countries: services.engine.countries,
      });
    }
    if (isStale()) {
      services.log.warn(
        `Dropped the reply to message ${message.id} in channel ${message.channelId}: answered too late to be useful.`,
      );
      return;
    }
    await remember();
    await reply(message, messageReply(payload));
  };

  return (message) => {
    const me = message.client.user;
    if (message.author.bot || message.system || message.webhookId || !me) return;
    if (message.author.id === me.id) return;
    const mentioned = mentionsBot(message.content, me.id);
    if (!mentioned && !askChannels.has(message.channelId)) return;
    const question = stripBotMention(message.content, me.id);
    if (!mentioned && (question.length === 0 || question.length > MAX_QUESTION_LENGTH)) return;

    let run: (isStale: () => boolean) => Promise<void>;
    if (mentioned) {
      const verdict = limiter.take(message.author.id, now());
      if (verdict === "drop") return;
      run =
        verdict === "warn"
          ? () => warn(message, question)
          : (isStale) => answer(message, question, true, isStale);
    } else {
      if (limiter.peek(message.author.id, now()) === "drop") return;
      run = (isStale) => answer(message, question, false, isStale);
    }
    queue.push({ channelId: message.channelId, messageId: message.id, receivedAt: now(), run });
  };
}
