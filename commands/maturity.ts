import { slashCommand } from "../src/command-definition.ts";
import type { Command } from "../src/command-api.ts";
import { unknownCountryView, nameOption } from "./refs.ts";

export const maturityCommand: Command = {
  data: slashCommand(
    "maturity",
    "A country's cluster policy maturity: each dimension's score and the total",
    [nameOption("country", "The country, e.g. China", true)],
  ),

  async execute({ engine, options, reply, locale }) {
    const ref = options.getRequiredString("country");
    const country = engine.findCountry(ref);
    if (!country) return reply(unknownCountryView(engine, ref, locale));
    const answer = engine.countryAnswer(country, "maturity");
    if (answer.kind !== "answer") return reply({ answer, ephemeral: true });
    await reply({ answer, ...(answer.scores?.length ? { image: "maturity" as const } : {}) });
  },

  autocomplete({ engine, focused }) {
    return engine.suggestCountries(focused.value);
  },
};
