import { SlashCommandBuilder } from "@discordjs/builders";
import type { Command } from "../src/command-api.ts";
import { POLICY_FIELD_CHOICES } from "../src/render/field-labels.ts";
import { policyView } from "./policy-view.ts";
import { readSection, unknownPolicyView, nameOption } from "./refs.ts";

export const policyCommand: Command = {
  data: new SlashCommandBuilder()
    .setName("policy")
    .setDescription("A cluster policy's card, or one of its sections in full")
    .addStringOption(nameOption("name", "The policy, e.g. TORCH", true))
    .addStringOption((option) =>
      option
        .setName("section")
        .setDescription("Show this section in full")
        .addChoices(...POLICY_FIELD_CHOICES),
    ),

  async execute({ engine, options, reply, locale }) {
    const ref = options.getRequiredString("name");
    const section = readSection(options, "section");
    const found = engine.findPolicy(ref);
    if (!found) return reply(unknownPolicyView(engine, ref, locale));
    await reply(policyView(engine.policyAnswer(found.policy, section), found.policy, section));
  },

  autocomplete({ engine, focused }) {
    return engine.suggestPolicies(focused.value);
  },
};
