import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync, utimesSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * Vitest global setup: the tests that start `npm start` or `npm run deploy-commands` run the
 * compiled build, so it is rebuilt first whenever a source is newer than it (`npm ci` builds it
 * once through `prepare`; an edit since then would otherwise be tested stale).
 */

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const STAMP = path.join(ROOT, "dist", ".tsbuildinfo");
const INPUTS = ["src", "commands", "package.json", "tsconfig.json", "tsconfig.build.json"];

function newestChange(entry: string): number {
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const name of readdirSync(entry)) {
    newest = Math.max(newest, newestChange(path.join(entry, name)));
  }
  return newest;
}

export default function buildIfStale(): void {
  const built = existsSync(STAMP) ? statSync(STAMP).mtimeMs : 0;
  const changed = Math.max(...INPUTS.map((input) => newestChange(path.join(ROOT, input))));
  if (changed <= built) return;
  execFileSync(
    process.execPath,
    [path.join(ROOT, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.build.json"],
    {
      cwd: ROOT,
      stdio: "inherit",
    },
  );
  // An unchanged program leaves the stamp as it was; mark it as checked now.
  const now = new Date();
  utimesSync(STAMP, now, now);
}
