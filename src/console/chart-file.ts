import { mkdir, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Answer } from "../answers/types.ts";

export type ChartKind = "maturity" | "timeline";

/** Where pictures go: a folder (one file per chart, named after it) or one fixed file. */
export type ChartTarget = { kind: "dir"; dir: string } | { kind: "file"; file: string };

/** `--out <path>` or `--out=<path>` from the command line; the current directory otherwise. */
export async function chartTargetFromArgs(
  argv: readonly string[],
  cwd: string,
): Promise<ChartTarget> {
  let out: string | undefined;
  argv.forEach((arg, index) => {
    if (arg === "--out") out = argv[index + 1];
    else if (arg.startsWith("--out=")) out = arg.slice("--out=".length);
  });
  if (out === undefined || out === "") return { kind: "dir", dir: cwd };
  const resolved = path.resolve(cwd, out);
  const isDir = await stat(resolved).then(
    (info) => info.isDirectory(),
    () => false,
  );
  if (isDir || /[\\/]$/.test(out) || path.extname(out) === "")
    return { kind: "dir", dir: resolved };
  return { kind: "file", file: resolved };
}

/** `maturity-china.png`, `timeline-torch.png`, `timeline-city-clusters-torch.png`. */
export function chartFileName(kind: ChartKind, answer: Answer): string {
  const subject =
    answer.kind === "answer"
      ? (answer.policy ?? answer.country)
      : answer.kind === "compare"
        ? answer.policies.join("-")
        : "chart";
  const safe = subject.replace(/[^a-z0-9-]+/gi, "-").replace(/^-+|-+$/g, "") || "chart";
  return `${kind}-${safe}.png`;
}

/** Writes the PNG and returns its path as the user should read it (relative when under cwd). */
export async function writeChartFile(
  target: ChartTarget,
  kind: ChartKind,
  answer: Answer,
  png: Uint8Array,
  cwd: string,
): Promise<string> {
  const file =
    target.kind === "file" ? target.file : path.join(target.dir, chartFileName(kind, answer));
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, png);
  const relative = path.relative(cwd, file);
  return relative !== "" && !relative.startsWith("..") && !path.isAbsolute(relative)
    ? `.${path.sep}${relative}`
    : file;
}
