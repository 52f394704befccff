import { slashCommand, stringOption } from "../src/command-definition.ts";
import type { Command } from "../src/command-api.ts";
import { userError } from "../src/command-api.ts";
import { POLICY_FIELD_CHOICES } from "../src/render/field-labels.ts";
import { readSection, unknownPolicyView, nameOption } from "./refs.ts";

const POLICY_OPTIONS = ["a", "b", "c"] as const;

export const compareCommand: Command = {
  data: slashCommand("compare", "Two or three cluster policies side by side", [
    nameOption("a", "First policy", true),
    nameOption("b", "Second policy", true),
    nameOption("c", "Third policy (optional)"),
    stringOption({
      name: "field",
      description: "Compare only this section",
      choices: POLICY_FIELD_CHOICES,
    }),
  ]),

  async execute({ engine, options, reply, locale }) {
    const refs = [options.getRequiredString("a"), options.getRequiredString("b")];
    const third = options.getString("c");
    if (third?.trim()) refs.push(third);
    const field = readSection(options, "field");

    const ids: string[] = [];
    for (const ref of refs) {
      const found = engine.findPolicy(ref);
      if (!found) return reply(unknownPolicyView(engine, ref, locale));
      if (ids.includes(found.policy)) {
        throw userError("error.samePolicyTwice", { name: found.name });
      }
      ids.push(found.policy);
    }

    const answer = engine.compareAnswer(ids, field);
    if (answer.kind !== "compare") return reply({ answer, ephemeral: true });
    await reply({ answer, ...(answer.periods?.length ? { image: "timeline" as const } : {}) });
  },

  autocomplete({ engine, options, focused }) {
    // Policies already chosen in the other slots are left out.
    const chosen = new Set<string>();
    for (const name of POLICY_OPTIONS) {
      if (name === focused.name) continue;
      const value = options.getString(name);
      const found = value ? engine.findPolicy(value) : null;
      if (found) chosen.add(found.policy);
    }
    return engine.suggestPolicies(focused.value).filter((choice) => !chosen.has(choice.value));
  },
};
