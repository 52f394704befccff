import { mkdir, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL, fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import type { Country } from "../dataset/schema.ts";
import { EXPORT_FORMATS, exportFile, type ExportFormat } from "./dataset-export.ts";

/**
 * `npm run export -- --country china [--format csv|json] [--out path]`: writes a country's
 * dataset as files. Without --format both are written; --out is a folder (default: the current
 * one), or a file name when one format is asked for; `--out -` prints that one file.
 */

export const EXPORT_USAGE =
  "usage: npm run --silent export -- --country <id or name> [--format csv|json] [--out <folder, file or ->]";

export class ExportUsageError extends Error {
  override readonly name = "ExportUsageError";
}

export interface ExportRun {
  /** Paths written, as the user should read them. */
  written: string[];
  /** What `--out -` printed. */
  printed: Buffer | null;
}

export async function runExport(
  argv: readonly string[],
  countries: readonly Country[],
  cwd: string,
): Promise<ExportRun> {
  let values: {
    country?: string | undefined;
    format?: string | undefined;
    out?: string | undefined;
  };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        country: { type: "string" },
        format: { type: "string" },
        out: { type: "string" },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new ExportUsageError(
      `${error instanceof Error ? error.message : String(error)}\n${EXPORT_USAGE}`,
    );
  }
  const wanted = values.country?.trim().toLowerCase();
  if (!wanted) throw new ExportUsageError(`--country is required.\n${EXPORT_USAGE}`);
  const country = countries.find(
    (candidate) =>
      candidate.id === wanted ||
      candidate.name.toLowerCase() === wanted ||
      candidate.aliases.some((alias) => alias.toLowerCase() === wanted),
  );
  if (!country) {
    const known = countries.map((candidate) => candidate.id).join(", ") || "none";
    throw new ExportUsageError(`No country “${values.country ?? ""}”. Countries: ${known}.`);
  }
  const format = values.format?.trim().toLowerCase();
  const formats: readonly ExportFormat[] =
    format === undefined ? EXPORT_FORMATS : EXPORT_FORMATS.filter((f) => f === format);
  if (formats.length === 0) {
    throw new ExportUsageError(`--format must be csv or json, not “${format ?? ""}”.`);
  }
  const files = formats.map((f) => exportFile(country, f));

  const out = values.out;
  if (out === "-") {
    const [only] = files;
    if (files.length !== 1 || !only) {
      throw new ExportUsageError("--out - prints one file: add --format csv or --format json.");
    }
    return { written: [], printed: only.data };
  }
  const target = path.resolve(cwd, out ?? ".");
  const isDir = await stat(target).then(
    (info) => info.isDirectory(),
    () => false,
  );
  const asFolder = out === undefined || isDir || /[\\/]$/.test(out) || path.extname(out) === "";
  if (!asFolder && files.length !== 1) {
    throw new ExportUsageError(
      "--out names one file: add --format csv or --format json, or give a folder.",
    );
  }
  const written: string[] = [];
  for (const file of files) {
    const destination = asFolder ? path.join(target, file.name) : target;
    await mkdir(path.dirname(destination), { recursive: true });
    await writeFile(destination, file.data);
    const relative = path.relative(cwd, destination);
    written.push(
      relative.startsWith("..") || path.isAbsolute(relative) ? destination : `./${relative}`,
    );
  }
  return { written, printed: null };
}

async function main(): Promise<number> {
  const [{ loadConfig }, { loadDataset, defaultDataDir }] = await Promise.all([
    import("../config.ts"),
    import("../dataset/load.ts"),
  ]);
  try {
    const config = await loadConfig("start");
    const countries = loadDataset(config.dataDir ?? defaultDataDir());
    const result = await runExport(process.argv.slice(2), countries, process.cwd());
    if (result.printed) process.stdout.write(result.printed);
    for (const written of result.written) console.error(`Wrote ${written}`);
    return 0;
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    return error instanceof ExportUsageError ? 2 : 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main();
}
// Keeps the module's own path at hand for tests that spawn it.
export const EXPORT_CLI_PATH = fileURLToPath(import.meta.url);
