import { slashCommand } from "../src/command-definition.ts";
import type { Answer } from "../src/answers/types.ts";
import type { Command } from "../src/command-api.ts";
import type { Country } from "../src/dataset/schema.ts";
import { deepFreeze } from "../src/engine-memo.ts";
import { t, type Locale } from "../src/i18n/catalog.ts";

/** Questions that show what free text can do; they are offered as one-press buttons. */
export const EXAMPLE_QUESTIONS = [
  "What is the TORCH Program's budget?",
  "When did City Clusters start?",
  "Compare torch and greater bay area",
  "Who benefits from the Greater Bay Area plan?",
  "China maturity",
] as const;

/** The same questions as a Chinese reader would ask them (each answered like its English twin). */
export const EXAMPLE_QUESTIONS_ZH = [
  "火炬计划的预算是多少？",
  "城市群是哪一年开始的？",
  "比较火炬计划和粤港澳大湾区",
  "粤港澳大湾区规划的受益方是谁？",
  "中国的集群政策成熟度",
] as const;

export function exampleQuestions(locale: Locale): readonly string[] {
  return locale === "zh-CN" ? EXAMPLE_QUESTIONS_ZH : EXAMPLE_QUESTIONS;
}

/** Each command's usage line and what it does (catalogue key `help.<id>`). */
const COMMAND_HELP = [
  { id: "policy", name: "/policy name [section]" },
  { id: "compare", name: "/compare a b [c] [field]" },
  { id: "maturity", name: "/maturity country" },
  { id: "ask", name: "/ask question" },
  { id: "sources", name: "/sources [country] [policy]" },
  { id: "export", name: "/export country [format]" },
  { id: "help", name: "/help" },
  { id: "mention", name: null },
] as const;

export function helpAnswer(
  countryNames: readonly string[],
  factsheets: readonly string[],
  locale: Locale = "en",
): Answer {
  const countries =
    countryNames.length > 0 ? countryNames.join(", ") : t(locale, "help.noCountries");
  const examples = exampleQuestions(locale);
  return {
    kind: "answer",
    country: "",
    policy: null,
    field: "help",
    title: t(locale, "title.help"),
    text: t(locale, "help.intro", { countries }),
    details: [
      ...COMMAND_HELP.map((entry) => ({
        name: entry.name ?? t(locale, "help.mention.name"),
        value: t(locale, `help.${entry.id}`),
      })),
      {
        name: t(locale, "label.Example questions"),
        value: examples.map((q) => `• ${q}`).join("\n"),
      },
    ],
    sources: [...factsheets],
    suggestions: [...examples],
  };
}

/**
 * The help answer for a dataset and a language, made once and frozen: it is the same every time,
 * and a frozen answer is one whose reply is rendered and encoded once too (src/bot/charts.ts).
 */
const helpAnswers = new WeakMap<readonly Country[], Map<Locale, Answer>>();
function keptHelpAnswer(countries: readonly Country[], locale: Locale): Answer {
  let byLocale = helpAnswers.get(countries);
  if (byLocale === undefined) {
    byLocale = new Map();
    helpAnswers.set(countries, byLocale);
  }
  let answer = byLocale.get(locale);
  if (answer === undefined) {
    answer = deepFreeze(
      helpAnswer(
        countries.map((country) => country.name),
        countries.map((country) => country.factsheet.title),
        locale,
      ),
    );
    byLocale.set(locale, answer);
  }
  return answer;
}

export const helpCommand: Command = {
  data: slashCommand("help", "What the bot can answer, its commands and example questions"),

  async execute({ engine, reply, locale = "en" }) {
    const answer = keptHelpAnswer(engine.countries, locale);
    await reply({ answer, ephemeral: true, suggestionButtons: [...exampleQuestions(locale)] });
  },
};
