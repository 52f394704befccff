import type { Answer } from "../answers/types.ts";
import type { Country } from "../dataset/schema.ts";
import { datasetRowCount, type ExportFile } from "./dataset-export.ts";

/** What the bot says above the attached files. */
export function exportAnswer(country: Country, files: readonly ExportFile[]): Answer {
  const rows = datasetRowCount(country);
  const policies = country.policies.length;
  return {
    kind: "answer",
    country: country.id,
    policy: null,
    field: "export",
    title: `${country.name} — dataset`,
    text:
      `The ${country.name} data as files to keep and cite: ${policies} ${policies === 1 ? "policy" : "policies"}, ` +
      `${rows} facts, each with the factsheet section it comes from (data year ${country.factsheet.data_year}).`,
    details: files.map((file) => ({
      name: file.name,
      value: `${file.description} — ${formatBytes(file.data.length)}`,
    })),
    sources: [country.factsheet.title],
    suggestions: [],
  };
}

function formatBytes(bytes: number): string {
  return bytes < 1024 ? `${bytes} bytes` : `${(bytes / 1024).toFixed(1)} KB`;
}
