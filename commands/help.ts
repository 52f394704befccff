import { SlashCommandBuilder } from "@discordjs/builders";
import type { Answer } from "../src/answers/types.ts";
import type { Command } from "../src/command-api.ts";

/** Questions that show what free text can do; they are offered as one-press buttons. */
export const EXAMPLE_QUESTIONS = [
  "What is the TORCH Program's budget?",
  "When did City Clusters start?",
  "Compare torch and greater bay area",
  "Who benefits from the Greater Bay Area plan?",
  "China maturity",
] as const;

const COMMAND_HELP = [
  {
    name: "/policy name [section]",
    value: "A policy's card (type, period, budget, evaluation, summary), or one section in full.",
  },
  {
    name: "/compare a b [c] [field]",
    value: "Two or three policies side by side, or one section: what they share and what differs.",
  },
  {
    name: "/maturity country",
    value: "The maturity score per dimension, with reasons and the total.",
  },
  { name: "/ask question", value: "Any question in your own words." },
  {
    name: "/sources [country] [policy]",
    value: "The documents the facts come from, with addresses.",
  },
  {
    name: "/export country [format]",
    value: "The country's dataset as files: JSON (the validated data) and CSV (one row per fact).",
  },
  { name: "/help", value: "This overview." },
  {
    name: "Mention me",
    value: "Mention the bot with a question in any channel, e.g. “@policybot torch budget?”.",
  },
];

export function helpAnswer(countryNames: readonly string[], factsheets: readonly string[]): Answer {
  const countries = countryNames.length > 0 ? countryNames.join(", ") : "no countries yet";
  return {
    kind: "answer",
    country: "",
    policy: null,
    field: "help",
    title: "policybot — what I can answer",
    text: `I answer questions about national cluster policies (${countries}): budgets, start and end years, evaluation, objectives, instruments, comparisons and maturity.`,
    details: [
      ...COMMAND_HELP,
      { name: "Example questions", value: EXAMPLE_QUESTIONS.map((q) => `• ${q}`).join("\n") },
    ],
    sources: [...factsheets],
    suggestions: [...EXAMPLE_QUESTIONS],
  };
}

export const helpCommand: Command = {
  data: new SlashCommandBuilder()
    .setName("help")
    .setDescription("What the bot can answer, its commands and example questions"),

  async execute({ engine, reply }) {
    const answer = helpAnswer(
      engine.countries.map((country) => country.name),
      engine.countries.map((country) => country.factsheet.title),
    );
    await reply({ answer, ephemeral: true, suggestionButtons: [...EXAMPLE_QUESTIONS] });
  },
};
