import { messageCommand } from "../src/command-definition.ts";
import type { MessageCommand } from "../src/command-api.ts";
import { userError } from "../src/command-api.ts";
import { questionLocale } from "../src/i18n/catalog.ts";
import { askView, MAX_QUESTION_LENGTH } from "./ask.ts";

/** Mentions, channel links and custom emoji are markup, not words of the question. */
const MARKUP = /<(?:@[!&]?|#)\d{17,20}>|<a?:\w{2,32}:\d{17,20}>/g;

/** The question in a message's text: its words without mention markup, spaces collapsed. */
export function questionInMessage(content: string): string {
  return content.replace(MARKUP, " ").replace(/\s+/g, " ").trim();
}

/**
 * Right-click a message → Apps → "Ask policybot": answers the question written in that message.
 * The answer is private at first (the asker may not want to answer for the channel), with a
 * button to post it for everyone.
 */
export const askMessageCommand: MessageCommand = {
  data: messageCommand("Ask policybot"),

  async execute({ engine, message, reply, locale }) {
    const question = questionInMessage(message.content);
    if (!question) throw userError("error.noText");
    if (question.length > MAX_QUESTION_LENGTH) {
      throw userError("error.questionTooLong", {
        length: question.length,
        max: MAX_QUESTION_LENGTH,
      });
    }
    const view = askView(engine.ask(question));
    // A refusal or a question back is for the asker only; an answer may be worth sharing.
    const shareable = view.answer.kind === "answer" || view.answer.kind === "compare";
    await reply({
      ...view,
      ephemeral: true,
      locale: questionLocale(question, locale ?? "en"),
      ...(shareable ? { shareQuestion: question } : {}),
    });
  },
};
