import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { NO_TOKEN_LINE } from "../../src/console/run.ts";
import { runMain, scratchDir, type MainRun } from "./run-main.ts";

/**
 * The console as a newcomer meets it: `npm start` without a token, lines on standard input.
 * One process answers every line (2 cores are shared), and a marker line between inputs (an
 * unknown command, which the console answers with a one-line error) cuts its output into
 * one reply per input.
 */
const INPUTS = [
  "/policy torch",
  "/policy name:torch section:budget",
  "torch budget?",
  "/compare torch city-clusters field:start_year",
  "/maturity china",
  "/polcy torch",
  "/compare torch",
  "/policy horizon europe",
  "/policy torch section:colour",
  "",
  "/help",
] as const;

const marker = (index: number): string => `/zz-marker-${index}`;
const MARKER_REPLY = /^Unknown command \/zz-marker-(\d+)\..*$/;

function splitReplies(stdout: string): string[] {
  const replies: string[] = [];
  let current: string[] = [];
  for (const line of stdout.split("\n")) {
    if (MARKER_REPLY.test(line)) {
      replies.push(current.join("\n").trim());
      current = [];
    } else {
      current.push(line);
    }
  }
  return replies;
}

describe("offline console through standard input", () => {
  let cwd: string;
  let run: MainRun;
  let replies: Map<string, string>;

  beforeAll(async () => {
    cwd = scratchDir();
    const stdin = INPUTS.map((line, index) => `${line}\n${marker(index)}\n`).join("");
    run = await runMain({ stdin, cwd });
    const split = splitReplies(run.stdout);
    replies = new Map(INPUTS.map((line, index) => [line, split[index] ?? "(no reply)"]));
  }, 90_000);

  const reply = (line: (typeof INPUTS)[number]): string => replies.get(line) ?? "";

  it("ends with exit code 0 at the end of input, with answers only on stdout", () => {
    expect(run.timedOut).toBe(false);
    expect(run.code).toBe(0);
    expect(splitReplies(run.stdout)).toHaveLength(INPUTS.length);
    expect(run.stdout).not.toContain("\u001b[");
    expect(run.stdout).not.toContain("policybot>");
    expect(run.stdout).not.toContain(NO_TOKEN_LINE);
    expect(run.stderr.split("\n")[0]).toBe(NO_TOKEN_LINE);
    expect(run.stderr).toContain("README.md");
  });

  it("answers a policy card with its heading first and its source last", () => {
    const card = reply("/policy torch");
    const lines = card.split("\n").filter((line) => line.trim() !== "");
    expect(lines[0]).toContain("TORCH Program");
    expect(card).toContain("1988");
    expect(card).toContain("EUR 890 million");
    const sourceLine = lines.findLast((line) => line.includes("Country factsheet: China"));
    expect(sourceLine).toBeDefined();
  });

  it("answers a section and the same question in free text alike", () => {
    const section = reply("/policy name:torch section:budget");
    expect(section).toContain("EUR 890 million");
    expect(section).toContain("BUDGET");
    const free = reply("torch budget?");
    expect(free).toContain("EUR 890 million");
    expect(free.split("\n")[0]).toBe(section.split("\n")[0]);
  });

  it("compares years and draws the timeline to a file", () => {
    const compare = reply("/compare torch city-clusters field:start_year");
    expect(compare).toContain("1988");
    expect(compare).toContain("2006");
    expect(compare).toContain(`Chart: .${path.sep}timeline-city-clusters-torch.png`);
    const png = readFileSync(path.join(cwd, "timeline-city-clusters-torch.png"));
    expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
  });

  it("shows the maturity breakdown with bars, and writes the chart next to where it runs", () => {
    const maturity = reply("/maturity china");
    expect(maturity).toContain("6.5");
    expect(maturity).toMatch(/Evidence of performance\s+█+░+\s+0\.5 \/ 1/);
    expect(maturity).toMatch(/Policy scope\s+█{4,}\s+2 \/ 2/);
    expect(maturity).toContain(`Chart: .${path.sep}maturity-china.png`);
    const png = readFileSync(path.join(cwd, "maturity-china.png"));
    expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
  });

  it("explains mistakes: unknown command, missing option, unknown policy, bad section", () => {
    const unknown = reply("/polcy torch");
    expect(unknown).toContain("Unknown command /polcy. Did you mean /policy?");
    for (const name of ["/policy", "/compare", "/maturity", "/ask", "/sources", "/help", "/quit"]) {
      expect(unknown).toContain(name);
    }
    expect(reply("/compare torch")).toMatch(
      /^\/compare needs the option b\. Example: \/compare a:\S+ b:\S+$/,
    );
    const policy = reply("/policy horizon europe");
    expect(policy).toContain("I don't know that policy");
    expect(policy).not.toContain("EUR 890 million");
    expect(reply("/policy torch section:colour")).toContain('"colour" is not a choice for section');
  });

  it("prints nothing for a blank line and lists the commands for /help", () => {
    expect(reply("")).toBe("");
    expect(reply("/help")).toContain("/compare");
  });

  it("writes charts where --out says", async () => {
    const out = path.join(scratchDir(), "charts");
    const result = await runMain({ stdin: "/maturity china\n", cwd, args: ["--out", out] });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Chart: ${path.join(out, "maturity-china.png")}`);
    expect(readdirSync(out)).toEqual(["maturity-china.png"]);
  }, 60_000);
});

describe("npm start when it cannot run", () => {
  it("stops with the problems of an invalid .env, and a non-zero exit", async () => {
    const cwd = scratchDir();
    writeFileSync(path.join(cwd, ".env"), "DISCORD_GUILD_ID=my-server\nDISCORD_API_URL=nowhere\n");
    const result = await runMain({ stdin: "", cwd, timeoutMs: 30_000 });
    expect(result.timedOut).toBe(false);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain("DISCORD_GUILD_ID");
    expect(result.stderr).toContain("DISCORD_API_URL");
  }, 40_000);

  it("stops the console with the data problems when DATA_DIR is wrong", async () => {
    const cwd = scratchDir();
    const result = await runMain({
      stdin: "/help\n",
      cwd,
      env: { DATA_DIR: path.join(cwd, "no-such-folder") },
      timeoutMs: 30_000,
    });
    expect(result.timedOut).toBe(false);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain("The console cannot start: Invalid country data");
    expect(result.stderr).toContain("no-such-folder");
    expect(result.stderr).not.toMatch(/at \S+ \(/);
  }, 40_000);

  it("stops with a clear message when Discord cannot be reached, without printing the token", async () => {
    const token = "MTIz.fake-token-for-tests.x";
    const result = await runMain({
      stdin: "",
      cwd: scratchDir(),
      env: { DISCORD_TOKEN: token, DISCORD_API_URL: "http://127.0.0.1:9/api" },
      timeoutMs: 30_000,
    });
    expect(result.timedOut).toBe(false);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/could not start|reach|connect/i);
    expect(result.stdout + result.stderr).not.toContain(token);
  }, 40_000);
});
