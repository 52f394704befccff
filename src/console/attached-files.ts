import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { AttachedFile } from "../command-api.ts";
import type { ChartTarget } from "./chart-file.ts";

/**
 * Files a reply attaches in Discord (a dataset export) are written where charts go: the --out
 * folder, or beside the --out file. Returns the paths as the user should read them.
 */
export async function writeAttachedFiles(
  target: ChartTarget,
  files: readonly AttachedFile[],
  cwd: string,
): Promise<string[]> {
  const dir = target.kind === "dir" ? target.dir : path.dirname(target.file);
  await mkdir(dir, { recursive: true });
  const written: string[] = [];
  for (const file of files) {
    const destination = path.join(dir, path.basename(file.name));
    await writeFile(destination, file.data);
    const relative = path.relative(cwd, destination);
    written.push(
      relative.startsWith("..") || path.isAbsolute(relative) ? destination : `./${relative}`,
    );
  }
  return written;
}
