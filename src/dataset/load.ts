import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { packagePath } from "../package-root.ts";
import type { z } from "zod";
import { CountrySchema } from "./schema.ts";
import type { Country } from "./schema.ts";
import { checkPublishedMaturity } from "./maturity.ts";
import { editDistance } from "../text/edit-distance.ts";
import { PARSED_ONCE } from "../parse-once.ts";

/** One thing wrong with the data: which file, where in it (a JSON path), and what. */
export interface DatasetProblem {
  /** The file as a user would type it: relative to the working directory when inside it. */
  file: string;
  /** JSON path such as `policies[1].start_year.value`; empty for the whole file. */
  path: string;
  message: string;
  /** For invalid JSON: where the parser stopped (1-based). */
  line?: number;
  column?: number;
}

/** Thrown by loadDataset with every problem found, so one run shows all that needs fixing. */
export class DatasetError extends Error {
  readonly problems: DatasetProblem[];

  constructor(problems: DatasetProblem[]) {
    super(formatProblems(problems));
    this.name = "DatasetError";
    this.problems = problems;
  }
}

/** The package's data/countries, found from the package root so any cwd (and the build) works. */
export function defaultDataDir(): string {
  return packagePath("data", "countries") + path.sep;
}

/** One problem per line: `file: path: message` (or `file:line:column: message` for invalid JSON). */
export function formatProblem(problem: DatasetProblem): string {
  if (problem.line !== undefined && problem.column !== undefined) {
    return `${problem.file}:${problem.line}:${problem.column}: ${problem.message}`;
  }
  return problem.path
    ? `${problem.file}: ${problem.path}: ${problem.message}`
    : `${problem.file}: ${problem.message}`;
}

export function formatProblems(problems: readonly DatasetProblem[]): string {
  const count = problems.length === 1 ? "1 problem" : `${problems.length} problems`;
  return [`Invalid country data (${count}):`, ...problems.map((p) => `  ${formatProblem(p)}`)].join(
    "\n",
  );
}

/** `policies[1].start_year.value` from ["policies", 1, "start_year", "value"]. */
export function formatJsonPath(segments: readonly PropertyKey[]): string {
  let out = "";
  for (const segment of segments) {
    if (typeof segment === "number") out += `[${segment}]`;
    else if (typeof segment === "string" && /^[A-Za-z_$][\w$]*$/.test(segment)) {
      out += out ? `.${segment}` : segment;
    } else out += `[${JSON.stringify(String(segment))}]`;
  }
  return out;
}

/**
 * Lower-cased, accents and punctuation folded to single spaces, so "Torch-Program" and
 * "torch program" count as the same name when checking that an alias names one policy only.
 */
export function normaliseName(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

function displayFile(absolute: string): string {
  const relative = path.relative(process.cwd(), absolute);
  return relative && !relative.startsWith("..") && !path.isAbsolute(relative)
    ? relative.split(path.sep).join("/")
    : absolute;
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value;
}

/** The raw JSON value at a path, and whether its last key exists in its parent object. */
function lookup(
  root: unknown,
  segments: readonly PropertyKey[],
): { value: unknown; present: boolean } {
  let current: unknown = root;
  for (const segment of segments) {
    if (current === null || typeof current !== "object")
      return { value: undefined, present: false };
    const key = typeof segment === "number" ? segment : String(segment);
    if (!Object.prototype.hasOwnProperty.call(current, key)) {
      return { value: undefined, present: false };
    }
    current = Reflect.get(current, key);
  }
  return { value: current, present: true };
}

function schemaProblems(file: string, raw: unknown, error: z.ZodError): DatasetProblem[] {
  const problems: DatasetProblem[] = [];
  for (const issue of error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        problems.push({
          file,
          path: formatJsonPath([...issue.path, key]),
          message: `Unknown field "${key}" (not in the country schema)`,
        });
      }
      continue;
    }
    const at = formatJsonPath(issue.path);
    const { value, present } = lookup(raw, issue.path);
    if (!present && issue.path.length > 0) {
      problems.push({ file, path: at, message: "Required field is missing" });
      continue;
    }
    problems.push({ file, path: at, message: describeIssue(issue, value) });
  }
  return problems;
}

function describeIssue(issue: z.core.$ZodIssue, value: unknown): string {
  switch (issue.code) {
    case "invalid_type":
      return `Expected ${issue.expected}, received ${describe(value)}`;
    case "invalid_value": {
      const allowed = issue.values.map((v) => JSON.stringify(v)).join(", ");
      if (issue.values.length === 1)
        return `Expected ${allowed}, received ${JSON.stringify(value)}`;
      const near = typeof value === "string" ? nearestValue(value, issue.values) : undefined;
      const hint = near === undefined ? "" : ` Did you mean ${JSON.stringify(near)}?`;
      return `${JSON.stringify(value)} is not an allowed value.${hint} Expected one of: ${allowed}`;
    }
    case "invalid_union":
      return `${JSON.stringify(value)} matches none of the allowed forms (${issue.errors
        .map((branch) => branch.map((i) => i.message.replace(/^Invalid input: /, "")).join(", "))
        .join(" | ")})`;
    case "invalid_format":
      return `${JSON.stringify(value)} ${issue.message}`;
    case "too_small":
      if (issue.origin === "array") return `Must have at least ${String(issue.minimum)} item(s)`;
      if (issue.origin === "string") return "Must not be empty";
      return `Must be at least ${String(issue.minimum)}, received ${JSON.stringify(value)}`;
    case "too_big":
      if (issue.origin === "array") return `Must have at most ${String(issue.maximum)} item(s)`;
      return `Must be at most ${String(issue.maximum)}, received ${JSON.stringify(value)}`;
    default:
      return issue.message;
  }
}

/** The vocabulary word a typo most likely meant, if one is close enough to suggest. */
function nearestValue(typed: string, allowed: readonly unknown[]): string | undefined {
  const key = normaliseName(typed).replace(/ /g, "");
  let best: { value: string; distance: number } | undefined;
  for (const candidate of allowed) {
    if (typeof candidate !== "string") continue;
    const distance = editDistance(key, normaliseName(candidate).replace(/ /g, ""));
    if (!best || distance < best.distance) best = { value: candidate, distance };
  }
  return best && best.distance <= Math.max(2, Math.floor(key.length / 5)) ? best.value : undefined;
}

/** Line and column (1-based) of a character offset. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lines = before.split("\n");
  return { line: lines.length, column: (lines[lines.length - 1] ?? "").length + 1 };
}

function jsonProblem(file: string, text: string, error: unknown): DatasetProblem {
  const message = error instanceof Error ? error.message : String(error);
  const explicit = /\(line (\d+) column (\d+)\)/.exec(message);
  const position = /at position (\d+)/.exec(message);
  const where = explicit
    ? { line: Number(explicit[1]), column: Number(explicit[2]) }
    : position
      ? lineColumn(text, Number(position[1]))
      : text.trim() === ""
        ? { line: 1, column: 1 }
        : lineColumn(text, text.length);
  const reason = message
    .replace(/\s*in JSON at position \d+.*$/s, "")
    .replace(/\s*\(line \d+ column \d+\)/, "");
  return {
    file,
    path: "",
    line: where.line,
    column: where.column,
    message: `Invalid JSON: ${text.trim() === "" ? "the file is empty" : reason}`,
  };
}

interface LoadedCountry {
  file: string;
  country: Country;
}

/** Checks that span policies and files: ids, names and aliases, year order, the maturity index. */
function crossCheck(loaded: readonly LoadedCountry[]): DatasetProblem[] {
  const problems: DatasetProblem[] = [];
  const countryIds = new Map<string, string>();
  const countryNames = new Map<string, { id: string; where: string }>();
  const policyIds = new Map<string, string>();
  const policyNames = new Map<string, { id: string; where: string }>();

  for (const { file, country } of loaded) {
    const firstCountry = countryIds.get(country.id);
    if (firstCountry !== undefined) {
      problems.push({
        file,
        path: "id",
        message: `Duplicate country id "${country.id}" (also in ${firstCountry})`,
      });
    } else countryIds.set(country.id, file);

    const countryTerms: [string, string][] = [
      ["name", country.name],
      ...country.aliases.map((a, i): [string, string] => [`aliases[${i}]`, a]),
    ];
    for (const [at, term] of countryTerms) {
      const key = normaliseName(term);
      const owner = countryNames.get(key);
      if (owner && owner.id !== country.id) {
        problems.push({
          file,
          path: at,
          message: `"${term}" also names country "${owner.id}" (${owner.where})`,
        });
      } else if (!owner) countryNames.set(key, { id: country.id, where: `${file}: ${at}` });
    }

    if (country.maturity.data_year !== country.factsheet.data_year) {
      problems.push({
        file,
        path: "maturity.data_year",
        message: `Maturity data year ${country.maturity.data_year} differs from the factsheet's data year ${country.factsheet.data_year}`,
      });
    }

    country.policies.forEach((policy, index) => {
      const base = `policies[${index}]`;
      const firstPolicy = policyIds.get(policy.id);
      if (firstPolicy !== undefined) {
        problems.push({
          file,
          path: `${base}.id`,
          message: `Duplicate policy id "${policy.id}" (also in ${firstPolicy})`,
        });
      } else policyIds.set(policy.id, `${file}: ${base}.id`);

      const terms: [string, string][] = [
        [`${base}.id`, policy.id],
        [`${base}.name`, policy.name],
        [`${base}.short_name`, policy.short_name],
        ...policy.aliases.map((a, i): [string, string] => [`${base}.aliases[${i}]`, a]),
      ];
      for (const [at, term] of terms) {
        const key = normaliseName(term);
        if (!key) continue;
        const owner = policyNames.get(key);
        if (owner && owner.id !== policy.id) {
          problems.push({
            file,
            path: at,
            message: `"${term}" also names policy "${owner.id}" (${owner.where}); an alias belongs to one policy only`,
          });
        } else if (!owner) policyNames.set(key, { id: policy.id, where: `${file}: ${at}` });
      }

      // "the parent policy" must name a policy of the same country, never the policy itself.
      const parent = policy.derived_from?.policy;
      if (
        parent !== undefined &&
        (parent === policy.id || !country.policies.some((p) => p.id === parent))
      ) {
        problems.push({
          file,
          path: `${base}.derived_from.policy`,
          message: `"${parent}" is no other policy of ${country.id}`,
        });
      }

      const start = policy.start_year.value;
      const end = policy.end_year.value;
      if (end !== null && end < start) {
        problems.push({
          file,
          path: `${base}.end_year.value`,
          message: `End year ${end} is before start year ${start}`,
        });
      }
      if (policy.end_year.period === "unlimited" && end !== null) {
        problems.push({
          file,
          path: `${base}.end_year.value`,
          message: `An unlimited period has no end year, but ${end} is given`,
        });
      }
      if (policy.end_year.period === "limited" && end === null) {
        problems.push({
          file,
          path: `${base}.end_year.value`,
          message: "A limited period needs an end year",
        });
      }
      const qualifier = policy.focus.sectors_qualifier;
      if (qualifier !== undefined && !policy.focus.text.includes(qualifier)) {
        problems.push({
          file,
          path: `${base}.focus.sectors_qualifier`,
          message: `"${qualifier}" is not in the focus text: a qualifier is quoted from the text`,
        });
      }
      (policy.summary.stray_full_stops ?? []).forEach((snippet, i) => {
        if (!policy.summary.text.includes(snippet) || !/[.] /.test(snippet)) {
          problems.push({
            file,
            path: `${base}.summary.stray_full_stops[${i}]`,
            message: `"${snippet}" must be quoted from the summary text and contain its full stop`,
          });
        }
      });
      policy.budget.amounts.forEach((amount, i) => {
        if (
          amount.from_year !== undefined &&
          amount.to_year !== undefined &&
          amount.to_year < amount.from_year
        ) {
          problems.push({
            file,
            path: `${base}.budget.amounts[${i}].to_year`,
            message: `Amount period ends (${amount.to_year}) before it starts (${amount.from_year})`,
          });
        }
      });
    });

    country.bibliography.forEach((entry, i) => {
      if (entry.url_incomplete === true && entry.url === undefined) {
        problems.push({
          file,
          path: `bibliography[${i}].url_incomplete`,
          message: "An address marked incomplete needs the address as printed (url)",
        });
      }
    });

    const seenDimensions = new Set<string>();
    country.maturity.dimensions.forEach((dimension, index) => {
      const at = `maturity.dimensions[${index}]`;
      if (seenDimensions.has(dimension.id)) {
        problems.push({
          file,
          path: `${at}.id`,
          message: `Maturity dimension "${dimension.id}" appears twice`,
        });
      }
      seenDimensions.add(dimension.id);
      if (dimension.score > dimension.max) {
        problems.push({
          file,
          path: `${at}.score`,
          message: `${dimension.label}: score ${dimension.score} exceeds its maximum ${dimension.max}`,
        });
      }
    });
    // The rules can only be checked against a well-formed index: each dimension once.
    if (seenDimensions.size === country.maturity.dimensions.length) {
      for (const mismatch of checkPublishedMaturity(country)) problems.push({ file, ...mismatch });
    }
  }
  return problems;
}

function listCountryFiles(dir: string): {
  files: string[];
  problem?: DatasetProblem;
  problems?: DatasetProblem[];
} {
  const shown = displayFile(path.resolve(dir));
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    return { files: [], problem: { file: shown, path: "", message: "Data directory not found" } };
  }
  const files: string[] = [];
  const notFiles: DatasetProblem[] = [];
  for (const name of readdirSync(dir)
    .filter((entry) => entry.endsWith(".json"))
    .sort()) {
    const absolute = path.resolve(dir, name);
    // Only regular files are read: opening a FIFO named x.json would wait for a writer forever.
    const stats = statSync(absolute, { throwIfNoEntry: false });
    if (stats?.isFile()) files.push(absolute);
    else {
      const what = stats?.isDirectory()
        ? "is a directory, not a country file"
        : "is not a regular file (a FIFO, socket, device or broken link); country files must be regular files";
      notFiles.push({ file: displayFile(absolute), path: "", message: what });
    }
  }
  if (notFiles.length > 0) return { files, problems: notFiles };
  if (files.length === 0) {
    return {
      files,
      problem: {
        file: shown,
        path: "",
        message: "No country files (*.json) in the data directory",
      },
    };
  }
  return { files };
}

/**
 * Reads every *.json in `dir`, validates each against CountrySchema and cross-checks them
 * (unique ids, one policy per alias, year order, scores within their maximum, maturity
 * rules reproduce the published index). Throws DatasetError listing every problem at once.
 */
/** One JSON data file checked against a schema; a problem names the file and the JSON path. */
export function loadJsonFile<T>(absolute: string, schema: z.ZodType<T>): T {
  const file = displayFile(absolute);
  const text = readFileSync(absolute, "utf8");
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new DatasetError([jsonProblem(file, text, error)]);
  }
  const parsed = schema.safeParse(raw, PARSED_ONCE);
  if (!parsed.success) throw new DatasetError(schemaProblems(file, raw, parsed.error));
  return parsed.data;
}

export function loadDataset(dir: string): Country[] {
  const { files, problem, problems: listed } = listCountryFiles(dir);
  if (problem) throw new DatasetError([problem]);
  if (listed) throw new DatasetError(listed);

  const problems: DatasetProblem[] = [];
  const loaded: LoadedCountry[] = [];
  for (const absolute of files) {
    const file = displayFile(absolute);
    const text = readFileSync(absolute, "utf8");
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (error) {
      problems.push(jsonProblem(file, text, error));
      continue;
    }
    const parsed = CountrySchema.safeParse(raw, PARSED_ONCE);
    if (!parsed.success) {
      problems.push(...schemaProblems(file, raw, parsed.error));
      continue;
    }
    loaded.push({ file, country: parsed.data });
  }
  problems.push(...crossCheck(loaded));
  if (problems.length > 0) throw new DatasetError(problems);
  return loaded.map((entry) => entry.country);
}
