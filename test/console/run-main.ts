import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ensureBuilt } from "../build-dist.ts";

export const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));
// The compiled build, which `npm start` runs; rebuilt first (while test files load, outside any
// test's time limit) when a source is newer.
const MAIN = path.join(REPO_ROOT, "dist", "src", "main.js");
ensureBuilt();

export interface MainRun {
  code: number | null;
  /** The process was killed because it did not end by itself in time. */
  timedOut: boolean;
  stdout: string;
  stderr: string;
}

/** A fresh empty directory, so no developer's .env is read and charts land somewhere known. */
export function scratchDir(): string {
  return mkdtempSync(path.join(tmpdir(), "policybot-console-"));
}

/**
 * `npm start` as a newcomer runs it (node dist/src/main.js), with exactly the environment given: no
 * DISCORD_TOKEN unless the test sets one, and a working directory without a .env.
 */
export function runMain(options: {
  stdin: string;
  cwd: string;
  env?: Record<string, string>;
  args?: string[];
  timeoutMs?: number;
}): Promise<MainRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [MAIN, ...(options.args ?? [])], {
      cwd: options.cwd,
      env: {
        PATH: process.env.PATH ?? "",
        HOME: options.cwd,
        TMPDIR: tmpdir(),
        ...options.env,
      },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    let timedOut = false;
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, options.timeoutMs ?? 60_000);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, timedOut, stdout, stderr });
    });
    child.stdin.end(options.stdin);
  });
}
