import { spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import { ensureBuilt } from "../build-dist.ts";

export const REPO_ROOT = fileURLToPath(new URL("../..", import.meta.url));
// `npm start` and `npm run deploy-commands` run the compiled build: rebuilt first (while test files
// load, outside any test's time limit) when a source is newer.
ensureBuilt();

/** Every variable the bot reads, blank unless given: a developer's .env cannot leak in. */
export function botEnv(values: Record<string, string>): NodeJS.ProcessEnv {
  return {
    ...process.env,
    DISCORD_TOKEN: "",
    DISCORD_CLIENT_ID: "",
    DISCORD_GUILD_ID: "",
    DISCORD_API_URL: "",
    ASK_CHANNEL_IDS: "",
    DATA_DIR: "",
    NO_COLOR: "1",
    DISCORD_PUBLIC_KEY: "",
    INTERACTIONS_PORT: "",
    SHARD_COUNT: "",
    REDIS_URL: "",
    ...values,
  };
}

export interface RunningProcess {
  child: ChildProcess;
  output(): { stdout: string; stderr: string };
  /** Resolves when stdout or stderr matches; rejects on timeout or exit. */
  waitForOutput(pattern: RegExp, timeoutMs: number): Promise<void>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** `npm run <script>` in the repository (or another copy of it), as a user would start it. */
export function startNpm(
  args: string[],
  env: NodeJS.ProcessEnv,
  cwd: string = REPO_ROOT,
): RunningProcess {
  const child = spawn("npm", ["--silent", ...args], {
    cwd,
    env,
    stdio: ["pipe", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  const listeners = new Set<() => void>();
  child.stdout?.on("data", (chunk: Buffer) => {
    stdout += chunk.toString();
    for (const listener of listeners) listener();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
    for (const listener of listeners) listener();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on("exit", (code, signal) => {
      for (const listener of listeners) listener();
      resolve({ code, signal });
    });
  });
  return {
    child,
    output: () => ({ stdout, stderr }),
    exited,
    waitForOutput(pattern, timeoutMs) {
      return new Promise((resolve, reject) => {
        const check = (): void => {
          if (pattern.test(stdout) || pattern.test(stderr)) {
            finish();
            resolve();
          } else if (child.exitCode !== null || child.signalCode !== null) {
            finish();
            reject(new Error(`Exited before printing ${pattern}:\n${stdout}\n${stderr}`));
          }
        };
        const timer = setTimeout(() => {
          finish();
          reject(new Error(`No ${pattern} within ${timeoutMs} ms:\n${stdout}\n${stderr}`));
        }, timeoutMs);
        const finish = (): void => {
          clearTimeout(timer);
          listeners.delete(check);
        };
        listeners.add(check);
        check();
      });
    },
  };
}

export async function runNpm(
  args: string[],
  env: NodeJS.ProcessEnv,
  timeoutMs = 60_000,
  cwd: string = REPO_ROOT,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const running = startNpm(args, env, cwd);
  const timer = setTimeout(() => killTree(running.child.pid), timeoutMs);
  const { code } = await running.exited;
  clearTimeout(timer);
  return { code, ...running.output() };
}

/**
 * Every process's parent, from /proc (Linux).
 */
function processParents(): Map<number, number> {
  const parents = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      parents.set(Number(entry), Number(fields[1]));
    } catch {
      // The process ended while we looked.
    }
  }
  return parents;
}

/** `rootPid` and every process below it, parents before children (Linux /proc; else just root). */
export function processTree(rootPid: number): number[] {
  let parents: Map<number, number>;
  try {
    parents = processParents();
  } catch {
    return [rootPid];
  }
  const below = (pid: number): number[] =>
    [...parents.entries()]
      .filter(([, parent]) => parent === pid)
      .flatMap(([child]) => [child, ...below(child)]);
  return [rootPid, ...below(rootPid)];
}

/** Kills a process this suite started and everything it started (npm → node, which the start script execs). */
export function killTree(rootPid: number | undefined): void {
  if (rootPid === undefined) return;
  for (const pid of processTree(rootPid).reverse()) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // Already gone.
    }
  }
}

/** The process running the bot's main module below `rootPid` (the node that `npm start` execs); null if none. */
export function findBotPid(rootPid: number): number | null {
  const candidates = processTree(rootPid).filter((pid) => {
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, "utf8");
      const argv = cmdline.split("\0");
      return (
        argv.some((arg) => /(^|\/)src\/main\.[jt]s$/.test(arg)) && /(^|\/)node$/.test(argv[0] ?? "")
      );
    } catch {
      return false;
    }
  });
  return candidates.at(-1) ?? null;
}

/** Resident memory of a process in kB (Linux /proc); null elsewhere. */
export function rssKb(pid: number | null): number | null {
  if (pid === null) return null;
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

/** A TCP port on 127.0.0.1 that nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
