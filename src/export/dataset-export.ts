import { POLICY_FIELDS, type Country, type PolicyField } from "../dataset/schema.ts";
import { csvDocument } from "./csv.ts";

/**
 * A country's dataset to take away: the validated data as JSON, and as CSV with one row per
 * policy and section, each with the factsheet section it comes from and any note on the reading.
 * Pure data (no Discord): the /export command attaches these, `npm run export` writes them.
 */

export type ExportFormat = "json" | "csv";
export const EXPORT_FORMATS: readonly ExportFormat[] = ["json", "csv"];

export interface ExportFile {
  name: string;
  data: Buffer;
  /** What the file holds, for the attachment's description. */
  description: string;
}

export const CSV_HEADER = [
  "country",
  "policy",
  "policy_name",
  "field",
  "value",
  "source",
  "note",
] as const;

/** Keys every section has that get their own columns rather than going into `value`. */
const PROVENANCE_KEYS = new Set(["source", "note"]);

/** A JSON value as one readable cell line: lists joined with "; ", records as `key=value`. */
function cellText(value: unknown): string {
  if (value === null) return "none";
  if (Array.isArray(value)) return value.length === 0 ? "(none)" : value.map(cellText).join("; ");
  if (typeof value === "object") {
    return `{${Object.entries(value)
      .map(([key, inner]) => `${key}=${cellText(inner)}`)
      .join(", ")}}`;
  }
  return String(value);
}

/** A section's facts, one `key: value` line per part, in the data file's order. */
export function sectionValue(section: Readonly<Record<string, unknown>>): string {
  return Object.entries(section)
    .filter(([key]) => !PROVENANCE_KEYS.has(key))
    .map(([key, value]) => `${key}: ${cellText(value)}`)
    .join("\n");
}

export function datasetRows(country: Country): string[][] {
  const rows: string[][] = [[...CSV_HEADER]];
  for (const policy of country.policies) {
    for (const field of POLICY_FIELDS) {
      const section: Readonly<Record<string, unknown>> & { source: string; note?: string } =
        policy[field satisfies PolicyField];
      rows.push([
        country.id,
        policy.id,
        policy.name,
        field,
        sectionValue(section),
        section.source,
        section.note ?? "",
      ]);
    }
  }
  return rows;
}

export function datasetCsv(country: Country): string {
  return csvDocument(datasetRows(country));
}

/** The validated data, as the data file would read after validation. */
export function datasetJson(country: Country): string {
  return `${JSON.stringify(country, null, 2)}\n`;
}

export function exportFileName(country: Country, format: ExportFormat): string {
  return `policybot-${country.id}.${format}`;
}

export function exportFile(country: Country, format: ExportFormat): ExportFile {
  if (format === "json") {
    return {
      name: exportFileName(country, format),
      data: Buffer.from(datasetJson(country), "utf8"),
      description: `${country.name}: the validated dataset (JSON)`,
    };
  }
  return {
    name: exportFileName(country, format),
    data: Buffer.from(datasetCsv(country), "utf8"),
    description: `${country.name}: one row per policy and section, with sources and notes (CSV)`,
  };
}

/** Rows of data in the CSV (without the header). */
export function datasetRowCount(country: Country): number {
  return country.policies.length * POLICY_FIELDS.length;
}
