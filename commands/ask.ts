import { slashCommand, stringOption } from "../src/command-definition.ts";
import type { Answer } from "../src/answers/types.ts";
import type { Command, ReplyView } from "../src/command-api.ts";
import { userError } from "../src/command-api.ts";
import { questionLocale, t, type Locale } from "../src/i18n/catalog.ts";

/** Long enough for any real question; longer text is almost certainly pasted by mistake. */
export const MAX_QUESTION_LENGTH = 500;
/** One row of buttons. */
const MAX_FOLLOW_UPS = 5;

/** How a free-text answer is shown, the same for /ask and for questions in channels. */
export function askView(answer: Answer): ReplyView {
  if (answer.kind === "none") return { answer, ephemeral: true };
  if (answer.kind === "clarify") return { answer };
  // The engine's follow-up questions, one press away.
  const followUps = { suggestionButtons: answer.suggestions.slice(0, MAX_FOLLOW_UPS) };
  if (answer.scores?.length) return { answer, image: "maturity", ...followUps };
  if (answer.periods?.length) return { answer, image: "timeline", ...followUps };
  return { answer, ...followUps };
}

export function tooLongMessage(length: number, locale: Locale = "en"): string {
  return t(locale, "error.questionTooLong", { length, max: MAX_QUESTION_LENGTH });
}

export const askCommand: Command = {
  data: slashCommand("ask", "Ask about cluster policies in your own words", [
    stringOption({
      name: "question",
      description: "e.g. When did the TORCH Program start?",
      required: true,
      maxLength: MAX_QUESTION_LENGTH,
    }),
  ]),

  async execute({ engine, options, reply, locale }) {
    const question = options.getRequiredString("question").trim();
    if (question.length > MAX_QUESTION_LENGTH) {
      throw userError("error.questionTooLong", {
        length: question.length,
        max: MAX_QUESTION_LENGTH,
      });
    }
    if (!question) throw userError("error.emptyQuestion");
    // A question written in Chinese is answered with Chinese labels, whatever the client's language.
    await reply({
      ...askView(engine.ask(question)),
      locale: questionLocale(question, locale ?? "en"),
    });
  },
};
