import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, utimesSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * `npm start` and `npm run deploy-commands` run the compiled build, which `npm ci` makes once
 * (`prepare`). Tests and the bench that start them call `ensureBuilt()` first, so a source edited
 * since is never tested stale. Test files run in parallel processes: one builds, the others wait.
 */

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const STAMP = path.join(ROOT, "dist", ".tsbuildinfo");
const LOCK = path.join(ROOT, "dist", ".building");
const INPUTS = ["src", "commands", "package.json", "tsconfig.json", "tsconfig.build.json"];
const STALE_LOCK_MS = 5 * 60_000;

function newestChange(entry: string): number {
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const name of readdirSync(entry)) {
    newest = Math.max(newest, newestChange(path.join(entry, name)));
  }
  return newest;
}

function isStale(): boolean {
  const built = existsSync(STAMP) ? statSync(STAMP).mtimeMs : 0;
  return INPUTS.some((input) => newestChange(path.join(ROOT, input)) > built);
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

export function ensureBuilt(): void {
  while (isStale()) {
    mkdirSync(path.dirname(LOCK), { recursive: true });
    try {
      mkdirSync(LOCK);
    } catch {
      // Another test process is building; a lock left by a killed one is taken over.
      const lock = statSync(LOCK, { throwIfNoEntry: false });
      if (lock && Date.now() - lock.mtimeMs > STALE_LOCK_MS) {
        rmSync(LOCK, { recursive: true, force: true });
      }
      sleep(200);
      continue;
    }
    try {
      execFileSync(
        process.execPath,
        [path.join(ROOT, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.build.json"],
        { cwd: ROOT, stdio: "inherit" },
      );
      // An unchanged program leaves the stamp as it was; mark it as checked now.
      const now = new Date();
      utimesSync(STAMP, now, now);
    } finally {
      rmSync(LOCK, { recursive: true, force: true });
    }
  }
}
