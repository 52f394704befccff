import { execFileSync, spawn } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixture } from "../discord-server/fixture.ts";
import { DiscordHarness } from "../discord-server/harness.ts";
import { visibleText } from "./bot-under-test.ts";
import { botEnv, freePort, killTree, REPO_ROOT, runNpm, startNpm } from "./child-process.ts";
import type { RunningProcess } from "./child-process.ts";
import { replayRuntimeStage } from "./dockerfile-stage.ts";

/**
 * What a fresh clone and the Dockerfile's runtime stage do: `npm ci` (whose `prepare` builds); the
 * runtime stage replayed into an empty directory (production dependencies and the build only);
 * `npm prune --omit=dev` of the clone. Each is then started and must answer. The clone holds
 * exactly the files a clone of this working tree would have.
 */

const INSTALL_TIMEOUT = 240_000;
let clone: string;
let harness: DiscordHarness | null = null;
let bot: RunningProcess | null = null;

/**
 * `node_modules` and `dist` are what `npm ci` makes, never part of a clone. Excluded by name, not
 * only through .gitignore: a symlinked `node_modules` is a file to git (`node_modules/` does not
 * match it), and copying the link lets the clone's `npm ci` empty the real tree behind it.
 */
function isInstallOutput(file: string): boolean {
  const [top] = file.split("/");
  return top === "node_modules" || top === "dist";
}

function cleanClone(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "policybot-clone-"));
  const files = execFileSync(
    "git",
    ["ls-files", "-z", "--cached", "--others", "--exclude-standard"],
    {
      cwd: REPO_ROOT,
      encoding: "utf8",
    },
  )
    .split("\0")
    .filter(
      (file) => file !== "" && !isInstallOutput(file) && existsSync(path.join(REPO_ROOT, file)),
    );
  for (const file of files) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    cpSync(path.join(REPO_ROOT, file), path.join(dir, file));
  }
  return dir;
}

/** Runs a command to completion with `stdin` as its input. */
function run(
  command: string,
  args: string[],
  options: { cwd: string; stdin?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number },
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? botEnv({}),
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => killTree(child.pid), options.timeoutMs ?? 60_000);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(options.stdin ?? "");
  });
}

beforeAll(() => {
  clone = cleanClone();
}, INSTALL_TIMEOUT);

afterAll(async () => {
  if (bot && bot.child.exitCode === null) {
    killTree(bot.child.pid);
    await bot.exited;
  }
  await harness?.stop();
  if (clone) rmSync(clone, { recursive: true, force: true });
});

describe("a fresh clone", () => {
  it(
    "npm ci builds, and npm start answers in the console",
    async () => {
      expect(existsSync(path.join(clone, "dist"))).toBe(false);
      const install = await run("npm", ["ci", "--no-audit", "--no-fund", "--prefer-offline"], {
        cwd: clone,
        env: { ...process.env },
        timeoutMs: INSTALL_TIMEOUT,
      });
      expect(install.code, install.stderr).toBe(0);
      expect(existsSync(path.join(clone, "dist", "src", "main.js"))).toBe(true);

      const answer = await run("npm", ["start", "--silent"], {
        cwd: clone,
        stdin: "/policy torch section:start_year\n",
      });
      expect(answer.code, answer.stderr).toBe(0);
      expect(answer.stdout).toMatch(/TORCH Program started in 1988/);
    },
    INSTALL_TIMEOUT,
  );
});

describe("the Dockerfile's runtime stage, replayed in an empty directory", () => {
  let image: string;
  let stage: ReturnType<typeof replayRuntimeStage>;

  beforeAll(() => {
    image = mkdtempSync(path.join(tmpdir(), "policybot-image-"));
    stage = replayRuntimeStage({
      context: clone,
      builtCheckout: clone,
      workdir: image,
      stage: "runtime",
      // It would empty this machine's npm cache, which other work here relies on.
      skip: /^npm cache clean/,
      env: { npm_config_prefer_offline: "true" },
    });
  }, INSTALL_TIMEOUT);

  afterAll(() => {
    if (image) rmSync(image, { recursive: true, force: true });
  });

  it("installs production dependencies only, runs as a non-root user, and answers", async () => {
    expect(stage.ran[0]).toMatch(/^npm ci --omit=dev/);
    expect(stage.user).not.toBeNull();
    expect(stage.user).not.toBe("root");
    expect(existsSync(path.join(image, "node_modules", "typescript"))).toBe(false);
    expect(existsSync(path.join(image, "src"))).toBe(false);
    const [command = "", ...args] = stage.command;
    const answer = await run(command, args, {
      cwd: image,
      stdin: "/compare torch city-clusters field:start_year\n",
      env: botEnv(stage.env),
    });
    expect(answer.code, answer.stderr).toBe(0);
    expect(answer.stdout).toMatch(/TORCH Program started earlier \(1988\)/);
  });

  it("logs in, answers, and its HEALTHCHECK passes while connected", async () => {
    const server = await DiscordHarness.start();
    const port = await freePort();
    const env = botEnv({
      ...stage.env,
      DISCORD_TOKEN: server.token,
      DISCORD_CLIENT_ID: fixture.applicationId,
      DISCORD_GUILD_ID: fixture.guild.id,
      DISCORD_API_URL: server.apiUrl,
      HEALTH_PORT: String(port),
    });
    const [command = "", ...args] = stage.command;
    const main = args.at(-1) ?? "";
    const deploy = await run(command, [main.replace(/main\.js$/, "bot/deploy.js")], {
      cwd: image,
      env,
    });
    expect(deploy.code, deploy.stderr).toBe(0);
    const child = spawn(command, args, { cwd: image, env, stdio: ["ignore", "pipe", "pipe"] });
    try {
      await new Promise<void>((resolve, reject) => {
        let seen = "";
        child.stdout.on("data", (chunk: Buffer) => {
          seen += chunk.toString();
          if (/Logged in as/.test(seen)) resolve();
        });
        child.once("exit", () => reject(new Error(`exited:\n${seen}`)));
      });
      const outcome = await server.slash("maturity", { country: "china" });
      expect(visibleText(outcome.message)).toMatch(/6\.5 of 7/);
      const [check = "", ...checkArgs] = stage.healthcheck;
      const health = await run(check, checkArgs, { cwd: image, env });
      expect(health.code, health.stderr).toBe(0);
    } finally {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
      await server.stop();
    }
    expect(child.exitCode).toBe(0);
  }, 90_000);
});

describe("the production install (npm prune --omit=dev)", () => {
  it(
    "has no development dependency left",
    async () => {
      const prune = await run("npm", ["prune", "--omit=dev", "--no-audit", "--no-fund"], {
        cwd: clone,
        env: { ...process.env },
        timeoutMs: INSTALL_TIMEOUT,
      });
      expect(prune.code, prune.stderr).toBe(0);
      for (const devOnly of ["typescript", "tsx", "vitest", "esbuild", "eslint"]) {
        expect(existsSync(path.join(clone, "node_modules", devOnly)), devOnly).toBe(false);
      }
      expect(existsSync(path.join(clone, "node_modules", "discord.js"))).toBe(true);
    },
    INSTALL_TIMEOUT,
  );

  it("answers in the console, with data and fonts found from the package root", async () => {
    // Started from another directory: the data, the fonts and the chart's destination must not
    // depend on the working directory or on where the compiled module sits.
    const elsewhere = mkdtempSync(path.join(tmpdir(), "policybot-cwd-"));
    const answer = await run(process.execPath, [path.join(clone, "dist", "src", "main.js")], {
      cwd: elsewhere,
      stdin: "/maturity china\n",
    });
    expect(answer.code, answer.stderr).toBe(0);
    expect(answer.stdout).toMatch(/China's cluster policy maturity is 6\.5 of 7/);
    expect(answer.stdout).toContain("Chart: ./maturity-china.png");
    const png = readFileSync(path.join(elsewhere, "maturity-china.png"));
    expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
    rmSync(elsewhere, { recursive: true, force: true });
  });

  it("npm start logs in to a Discord-compatible server and answers a slash command", async () => {
    harness = await DiscordHarness.start();
    const env = botEnv({
      DISCORD_TOKEN: harness.token,
      DISCORD_CLIENT_ID: fixture.applicationId,
      DISCORD_GUILD_ID: fixture.guild.id,
      DISCORD_API_URL: harness.apiUrl,
    });
    const deploy = await runNpm(["run", "deploy-commands"], env, 60_000, clone);
    expect(deploy.code, deploy.stderr).toBe(0);

    bot = startNpm(["start"], env, clone);
    await bot.waitForOutput(/Logged in as/, 30_000);
    const outcome = await harness.slash("policy", { name: "torch", section: "budget" });
    expect(visibleText(outcome.message)).toMatch(/TORCH Program/);
    expect(outcome.message?.embeds[0]?.footer?.text).toMatch(/BUDGET/);

    process.kill(bot.child.pid ?? 0, "SIGTERM");
    const { code } = await bot.exited;
    expect(code).toBe(0);
  }, 90_000);
});
