import { slashCommand } from "../src/command-definition.ts";
import type { Command } from "../src/command-api.ts";
import { unknownCountryView, unknownPolicyView, nameOption } from "./refs.ts";

export const sourcesCommand: Command = {
  data: slashCommand("sources", "Where the facts come from: the bibliography with addresses", [
    nameOption("country", "Only this country's sources"),
    nameOption("policy", "Only the sources about this policy"),
  ]),

  async execute({ engine, options, reply, locale }) {
    const countryRef = options.getString("country")?.trim() || null;
    const policyRef = options.getString("policy")?.trim() || null;
    let country: string | null = null;
    if (countryRef) {
      country = engine.findCountry(countryRef);
      if (!country) return reply(unknownCountryView(engine, countryRef, locale));
    }
    let policy: string | null = null;
    if (policyRef) {
      const found = engine.findPolicy(policyRef);
      if (!found) return reply(unknownPolicyView(engine, policyRef, locale));
      policy = found.policy;
      country ??= found.country;
    }
    const answer = engine.sourcesAnswer(country, policy);
    await reply(answer.kind === "none" ? { answer, ephemeral: true } : { answer });
  },

  autocomplete({ engine, focused }) {
    return focused.name === "country"
      ? engine.suggestCountries(focused.value)
      : engine.suggestPolicies(focused.value);
  },
};
