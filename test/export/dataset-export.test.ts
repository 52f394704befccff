import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultDataDir, loadDataset } from "../../src/dataset/load.ts";
import { CountrySchema, POLICY_FIELDS, type Country } from "../../src/dataset/schema.ts";
import { runExport } from "../../src/export/cli.ts";
import { CSV_HEADER, datasetCsv, datasetJson } from "../../src/export/dataset-export.ts";
import { UTF8_BOM } from "../../src/export/csv.ts";
import { freedonia } from "../engine/tiny-country.ts";
import { parseCsv } from "./rfc4180.ts";

const countries = loadDataset(defaultDataDir());

/** Every scalar under a section (numbers and booleans as written), provenance excluded. */
function scalars(value: unknown, skipProvenance = true): string[] {
  if (value === null) return [];
  if (Array.isArray(value)) return value.flatMap((item) => scalars(item, false));
  if (typeof value === "object") {
    return Object.entries(value).flatMap(([key, inner]) =>
      skipProvenance && (key === "source" || key === "note") ? [] : scalars(inner, false),
    );
  }
  return [String(value)];
}

function readBack(csv: string): Record<string, string>[] {
  expect(csv.startsWith(UTF8_BOM)).toBe(true);
  const [header, ...rows] = parseCsv(csv.slice(UTF8_BOM.length));
  expect(header).toEqual([...CSV_HEADER]);
  return rows.map((row) => Object.fromEntries(CSV_HEADER.map((name, i) => [name, row[i] ?? ""])));
}

/** The CSV and the JSON of one country say the same facts, row by row. */
function expectSameFacts(country: Country): void {
  const json: unknown = JSON.parse(datasetJson(country));
  const data = CountrySchema.parse(json);
  expect(data).toEqual(country);
  const rows = readBack(datasetCsv(country));
  expect(rows).toHaveLength(data.policies.length * POLICY_FIELDS.length);
  expect(rows.map((row) => `${row.policy}/${row.field}`)).toEqual(
    data.policies.flatMap((policy) => POLICY_FIELDS.map((field) => `${policy.id}/${field}`)),
  );
  for (const row of rows) {
    const policy = data.policies.find((candidate) => candidate.id === row.policy);
    expect(policy, row.policy).toBeDefined();
    if (!policy) continue;
    const field = POLICY_FIELDS.find((candidate) => candidate === row.field);
    expect(field, row.field).toBeDefined();
    if (!field) continue;
    const section = policy[field];
    expect(row.country).toBe(data.id);
    expect(row.policy_name).toBe(policy.name);
    expect(row.source).toBe(section.source);
    expect(row.note).toBe(section.note ?? "");
    for (const fact of scalars(section)) expect(row.value).toContain(fact);
  }
}

describe("dataset export", () => {
  it.each(countries.map((country) => [country.id, country] as const))(
    "%s: the CSV parses back to the JSON's facts, with sources and notes",
    (_id, country) => {
      expectSameFacts(country);
      // The dataset's notes are there, and at least one value needs quoting (a line break).
      expect(readBack(datasetCsv(country)).some((row) => row.note !== "")).toBe(true);
      expect(datasetCsv(country)).toContain('"');
    },
  );

  it("quotes text with commas, quotes and line breaks so a spreadsheet reads it back", () => {
    const base = freedonia();
    const [first, ...rest] = base.policies;
    if (!first) throw new Error("fixture has no policy");
    const tricky: Country = {
      ...base,
      policies: [
        {
          ...first,
          name: 'The "Aurora", phase 2',
          summary: {
            text: 'Line one, with a comma.\r\nLine "two".',
            source: "Summary, part 1",
            note: 'Read as "two lines"',
          },
        },
        ...rest,
      ],
    };
    expectSameFacts(tricky);
  });
});

describe("npm run export", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "policybot-export-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("writes both files into a folder by default, byte for byte what /export attaches", async () => {
    const china = countries.find((country) => country.id === "china");
    if (!china) throw new Error("no china");
    const result = await runExport(["--country", "China", "--out", `${dir}/both/`], countries, dir);
    expect(result.written).toEqual(["./both/policybot-china.json", "./both/policybot-china.csv"]);
    expect(await readFile(path.join(dir, "both", "policybot-china.csv"), "utf8")).toBe(
      datasetCsv(china),
    );
    expect(await readFile(path.join(dir, "both", "policybot-china.json"), "utf8")).toBe(
      datasetJson(china),
    );
  });

  it("writes one format to a named file, or prints it with --out -", async () => {
    const one = await runExport(
      ["--country", "china", "--format", "csv", "--out", "data.csv"],
      countries,
      dir,
    );
    expect(one.written).toEqual(["./data.csv"]);
    const printed = await runExport(
      ["--country", "china", "--format", "json", "--out", "-"],
      countries,
      dir,
    );
    expect(JSON.parse(printed.printed?.toString("utf8") ?? "")).toMatchObject({ id: "china" });
  });

  it("explains bad arguments", async () => {
    await expect(runExport([], countries, dir)).rejects.toThrow(/--country is required/);
    await expect(runExport(["--country", "atlantis"], countries, dir)).rejects.toThrow(
      /No country “atlantis”. Countries: china/,
    );
    await expect(
      runExport(["--country", "china", "--format", "xlsx"], countries, dir),
    ).rejects.toThrow(/--format must be csv or json/);
    await expect(runExport(["--country", "china", "--out", "-"], countries, dir)).rejects.toThrow(
      /prints one file/,
    );
    await expect(runExport(["--country", "china", "--colour"], countries, dir)).rejects.toThrow(
      /usage/,
    );
  });
});
