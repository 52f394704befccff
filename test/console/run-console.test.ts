import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { NO_TOKEN_LINE, runConsole } from "../../src/console/run.ts";
import { fakeCommands, fakeEngine } from "./fakes.ts";

/** Runs the console loop in-process on the given input, with the fake engine and commands. */
async function consoleOutput(
  input: string,
  options: { isTTY?: boolean; env?: Record<string, string> } = {},
): Promise<{ out: string; err: string }> {
  const stdin = new PassThrough();
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = "";
  let err = "";
  stdout.setEncoding("utf8").on("data", (chunk: string) => (out += chunk));
  stderr.setEncoding("utf8").on("data", (chunk: string) => (err += chunk));
  const done = runConsole({
    input: stdin,
    output: stdout,
    errorOutput: stderr,
    isTTY: options.isTTY ?? false,
    env: options.env ?? {},
    argv: [],
    engine: fakeEngine(),
    commands: fakeCommands,
  });
  stdin.end(input);
  await done;
  return { out, err };
}

describe("runConsole", () => {
  it("answers each piped line, without prompt or colour, until the end of input", async () => {
    const { out, err } = await consoleOutput("/policy torch\ntorch budget?");
    expect(out).toContain("policy torch card");
    expect(out).toContain("engine.ask(torch budget?)");
    expect(out).not.toContain("> ");
    expect(out).not.toContain("\u001b[");
    expect(err).toBe(`${NO_TOKEN_LINE}\n`);
  });

  it("stops at /quit and reads no further", async () => {
    const { out } = await consoleOutput("/policy torch\n/quit\n/policy city-clusters\n");
    expect(out).toContain("policy torch card");
    expect(out).not.toContain("city-clusters");
  });

  it("keeps going after an internal error, logging its detail to stderr only", async () => {
    const { out, err } = await consoleOutput("/crash\n/policy torch\n");
    expect(out).toContain("something went wrong");
    expect(out).not.toContain("secret internal detail");
    expect(err).toContain("secret internal detail");
    expect(out).toContain("policy torch card");
  });

  it("shows a prompt and colour in a terminal, and no colour with NO_COLOR", async () => {
    const tty = await consoleOutput("/policy torch\n", { isTTY: true });
    expect(tty.out).toContain("> ");
    expect(tty.out).toContain("\u001b[1mtorch\u001b[0m");
    const noColor = await consoleOutput("/policy torch\n", { isTTY: true, env: { NO_COLOR: "1" } });
    expect(noColor.out).toContain("policy torch card");
    expect(noColor.out).not.toContain("\u001b[1m");
  });
});
