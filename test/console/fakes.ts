import { SlashCommandBuilder } from "discord.js";
import type { Answer } from "../../src/answers/types.ts";
import type { Command } from "../../src/command-api.ts";
import { UserError } from "../../src/command-api.ts";
import type { Choice, Engine } from "../../src/engine.ts";

/**
 * A small engine and command set with the real shapes (built with discord.js's builder), so the
 * console's parsing, routing, errors and completion are tested without the dataset.
 */
const POLICIES: Choice[] = [
  { name: "TORCH Program", value: "torch" },
  { name: "City Clusters", value: "city-clusters" },
  { name: "Greater Bay Area", value: "greater-bay-area" },
];

function rank(choices: Choice[], query: string, limit = 25): Choice[] {
  const q = query.toLowerCase();
  const hits = choices.filter(
    (c) => c.value.includes(q) || c.name.toLowerCase().includes(q) || q === "",
  );
  return hits.slice(0, limit);
}

function fact(title: string, text: string): Answer {
  return {
    kind: "answer",
    country: "china",
    policy: null,
    field: "summary",
    title,
    text,
    details: [],
    sources: ["Factsheet"],
    suggestions: [],
  };
}

export function fakeEngine(): Engine {
  const unsupported = (): never => {
    throw new Error("not used by the console tests");
  };
  return {
    countries: [],
    resolveQuestion: unsupported,
    answerIntent: unsupported,
    ask: (text) => fact("Asked", `engine.ask(${text})`),
    resolveInContext: unsupported,
    converse: (text, state) => ({
      intent: { kind: "none", text: "", suggestions: [] },
      answer: fact("Asked", `engine.ask(${text})`),
      state,
    }),
    policyAnswer: (ref, field) =>
      POLICIES.some((p) => p.value === ref)
        ? fact(ref, `policy ${ref} ${field ?? "card"}`)
        : { kind: "none", text: `I don't know the policy "${ref}".`, suggestions: ["torch"] },
    compareAnswer: (refs, field) => fact("Compare", `compare ${refs.join("+")} ${field ?? ""}`),
    countryAnswer: unsupported,
    sourcesAnswer: unsupported,
    suggestPolicies: (query, limit) => rank(POLICIES, query, limit),
    suggestCountries: (query, limit) => rank([{ name: "China", value: "china" }], query, limit),
    findPolicy: unsupported,
    findCountry: unsupported,
  };
}

const SECTIONS = ["summary", "budget", "start_year", "objectives"];

const policy: Command = {
  data: new SlashCommandBuilder()
    .setName("policy")
    .setDescription("A policy")
    .addStringOption((o) =>
      o.setName("name").setDescription("Policy").setRequired(true).setAutocomplete(true),
    )
    .addStringOption((o) =>
      o
        .setName("section")
        .setDescription("Section")
        .addChoices(...SECTIONS.map((value) => ({ name: value.replace("_", " "), value }))),
    ),
  async execute({ engine, options, reply }) {
    const section = options.getString("section");
    const answer = engine.policyAnswer(
      options.getRequiredString("name"),
      section === "budget" || section === "summary" ? section : null,
    );
    await reply({ answer });
  },
  autocomplete: ({ engine, focused }) => engine.suggestPolicies(focused.value),
};

const compare: Command = {
  data: new SlashCommandBuilder()
    .setName("compare")
    .setDescription("Compare")
    .addStringOption((o) =>
      o.setName("a").setDescription("First").setRequired(true).setAutocomplete(true),
    )
    .addStringOption((o) =>
      o.setName("b").setDescription("Second").setRequired(true).setAutocomplete(true),
    )
    .addStringOption((o) =>
      o
        .setName("field")
        .setDescription("Field")
        .addChoices(...SECTIONS.map((value) => ({ name: value, value }))),
    ),
  async execute({ engine, options, reply }) {
    const a = options.getRequiredString("a");
    const b = options.getRequiredString("b");
    if (a === b) throw new UserError("Pick two different policies.");
    await reply({ answer: engine.compareAnswer([a, b], null) });
  },
  autocomplete: ({ engine, focused }) => engine.suggestPolicies(focused.value),
};

const ask: Command = {
  data: new SlashCommandBuilder()
    .setName("ask")
    .setDescription("Ask")
    .addStringOption((o) =>
      o.setName("question").setDescription("Your question").setRequired(true),
    ),
  async execute({ engine, options, reply }) {
    await reply({ answer: engine.ask(options.getRequiredString("question")) });
  },
};

const crash: Command = {
  data: new SlashCommandBuilder().setName("crash").setDescription("Fails inside"),
  async execute() {
    throw new Error("secret internal detail");
  },
};

export const fakeCommands: Command[] = [policy, compare, ask, crash];
