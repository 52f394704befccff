import { slashCommand, stringOption } from "../src/command-definition.ts";
import type { Command } from "../src/command-api.ts";
import { POLICY_FIELD_CHOICES } from "../src/render/field-labels.ts";
import { policyView } from "./policy-view.ts";
import { readSection, unknownPolicyView, nameOption } from "./refs.ts";

export const policyCommand: Command = {
  data: slashCommand("policy", "A cluster policy's card, or one of its sections in full", [
    nameOption("name", "The policy, e.g. TORCH", true),
    stringOption({
      name: "section",
      description: "Show this section in full",
      choices: POLICY_FIELD_CHOICES,
    }),
  ]),

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
