import { slashCommand, stringOption } from "../src/command-definition.ts";
import type { Command } from "../src/command-api.ts";
import { userError } from "../src/command-api.ts";
import { EXPORT_FORMATS, exportFile, type ExportFormat } from "../src/export/dataset-export.ts";
import { exportAnswer } from "../src/export/export-answer.ts";
import { unknownCountryView, nameOption } from "./refs.ts";

/** Discord's upload limit per file for a bot outside boosted servers (10 MiB). */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

const BOTH = "both";

export const exportCommand: Command = {
  data: slashCommand("export", "A country's dataset as files to keep and cite: JSON and CSV", [
    nameOption("country", "The country, e.g. China", true),
    stringOption({
      name: "format",
      description: "Only this format (default: both)",
      choices: [
        { name: "JSON and CSV", value: BOTH },
        { name: "JSON (the validated data)", value: "json" },
        { name: "CSV (one row per policy and section)", value: "csv" },
      ],
    }),
  ]),

  async execute({ engine, options, reply, locale }) {
    const ref = options.getRequiredString("country");
    const id = engine.findCountry(ref);
    const country = id ? engine.countries.find((candidate) => candidate.id === id) : undefined;
    if (!country) return reply(unknownCountryView(engine, ref, locale));
    const format = options.getString("format")?.trim().toLowerCase() || BOTH;
    const formats = EXPORT_FORMATS.filter((candidate) => format === BOTH || format === candidate);
    if (formats.length === 0) {
      throw userError("error.unknownFormat", { format: format.slice(0, 20) });
    }
    const files = formats.map((candidate: ExportFormat) => exportFile(country, candidate));
    const tooLarge = files.find((file) => file.data.length > MAX_ATTACHMENT_BYTES);
    if (tooLarge) {
      throw userError("error.fileTooLarge", { name: tooLarge.name });
    }
    await reply({ answer: exportAnswer(country, files), files });
  },

  autocomplete({ engine, focused }) {
    return engine.suggestCountries(focused.value);
  },
};
